/**
 * Algorithm registry for verification: which digest and signature OIDs tereze can check, and how.
 * GOST algorithms are registered as *known but unsupported*, so a GOST signature yields the named
 * failure `unsupported_algorithm` instead of a parse error; a later GOST 2015 implementation plugs
 * in by calling `registerSignatureVerifier` / `registerDigest` with its OIDs.
 */
import { createHash, type KeyObject, verify as nodeVerify } from 'node:crypto';

export type DigestFn = (data: Uint8Array) => Uint8Array;

/** Verifies `signature` over `data` with `key`; `digestOid` is the SignerInfo digest (for rsaEncryption). */
export type SignatureVerifyFn = (
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
  digestOid: string | null,
  params: Uint8Array | null,
) => boolean;

interface DigestEntry {
  name: string;
  fn: DigestFn | null;
  /** Node's hash name, when node implements it (used by signature verifiers). */
  nodeName?: string;
}

interface SignatureEntry {
  name: string;
  /** null = known algorithm, not implemented yet (GOST) → 'unsupported_algorithm'. */
  verify: SignatureVerifyFn | null;
  /** Digest fixed by the algorithm (e.g. sha256WithRSAEncryption); null = taken from the SignerInfo. */
  digestOid: string | null;
}

const digests = new Map<string, DigestEntry>();
const signatures = new Map<string, SignatureEntry>();

export function registerDigest(oid: string, name: string, fn: DigestFn | null, nodeName?: string): void {
  digests.set(oid, { name, fn, nodeName });
}

export function registerSignatureVerifier(
  oid: string,
  name: string,
  verify: SignatureVerifyFn | null,
  digestOid: string | null,
): void {
  signatures.set(oid, { name, verify, digestOid });
}

const nodeDigest =
  (nodeName: string): DigestFn =>
  (data) =>
    createHash(nodeName).update(data).digest();

const OID_SHA1 = '1.3.14.3.2.26';
const OID_SHA224 = '2.16.840.1.101.3.4.2.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_SHA384 = '2.16.840.1.101.3.4.2.2';
const OID_SHA512 = '2.16.840.1.101.3.4.2.3';

registerDigest(OID_SHA1, 'sha1', nodeDigest('sha1'), 'sha1');
registerDigest(OID_SHA224, 'sha224', nodeDigest('sha224'), 'sha224');
registerDigest(OID_SHA256, 'sha256', nodeDigest('sha256'), 'sha256');
registerDigest(OID_SHA384, 'sha384', nodeDigest('sha384'), 'sha384');
registerDigest(OID_SHA512, 'sha512', nodeDigest('sha512'), 'sha512');
// Kazakh GOST hashes: known, not implemented yet.
registerDigest('1.2.398.3.10.1.3.1', 'gost34311-95', null);
registerDigest('1.2.398.3.10.1.3.2', 'streebog-256', null);
registerDigest('1.2.398.3.10.1.3.3', 'streebog-512', null);
// Russian GOST OIDs sometimes seen in the wild.
registerDigest('1.2.643.7.1.1.2.2', 'streebog-256', null);
registerDigest('1.2.643.7.1.1.2.3', 'streebog-512', null);

function nodeHashName(digestOid: string | null): string | null {
  if (!digestOid) return null;
  return digests.get(digestOid)?.nodeName ?? null;
}

const pkcs1 =
  (fixedDigest: string | null): SignatureVerifyFn =>
  (key, data, signature, digestOid) => {
    const hash = nodeHashName(fixedDigest ?? digestOid);
    if (!hash || key.asymmetricKeyType !== 'rsa') return false;
    return nodeVerify(hash, data, key, signature);
  };

const ecdsa =
  (fixedDigest: string): SignatureVerifyFn =>
  (key, data, signature) => {
    const hash = nodeHashName(fixedDigest);
    if (!hash || key.asymmetricKeyType !== 'ec') return false;
    return nodeVerify(hash, data, { key, dsaEncoding: 'der' }, signature);
  };

const ed25519: SignatureVerifyFn = (key, data, signature) =>
  key.asymmetricKeyType === 'ed25519' && nodeVerify(null, data, key, signature);

registerSignatureVerifier('1.2.840.113549.1.1.1', 'rsaEncryption', pkcs1(null), null);
registerSignatureVerifier('1.2.840.113549.1.1.5', 'sha1WithRSAEncryption', pkcs1(OID_SHA1), OID_SHA1);
registerSignatureVerifier('1.2.840.113549.1.1.14', 'sha224WithRSAEncryption', pkcs1(OID_SHA224), OID_SHA224);
registerSignatureVerifier('1.2.840.113549.1.1.11', 'sha256WithRSAEncryption', pkcs1(OID_SHA256), OID_SHA256);
registerSignatureVerifier('1.2.840.113549.1.1.12', 'sha384WithRSAEncryption', pkcs1(OID_SHA384), OID_SHA384);
registerSignatureVerifier('1.2.840.113549.1.1.13', 'sha512WithRSAEncryption', pkcs1(OID_SHA512), OID_SHA512);
registerSignatureVerifier('1.2.840.10045.4.3.2', 'ecdsa-with-SHA256', ecdsa(OID_SHA256), OID_SHA256);
registerSignatureVerifier('1.2.840.10045.4.3.3', 'ecdsa-with-SHA384', ecdsa(OID_SHA384), OID_SHA384);
registerSignatureVerifier('1.2.840.10045.4.3.4', 'ecdsa-with-SHA512', ecdsa(OID_SHA512), OID_SHA512);
registerSignatureVerifier('1.3.101.112', 'Ed25519', ed25519, null);
// Kazakh GOST signatures (and their public-key OIDs, which some producers put in SignerInfo).
for (const [oid, name] of [
  ['1.2.398.3.10.1.1.1.2', 'gost34310-2004'],
  ['1.2.398.3.10.1.1.1.1', 'gost34310-2004-key'],
  ['1.2.398.3.10.1.1.2.3.1', 'gost34310-2015-256'],
  ['1.2.398.3.10.1.1.2.3.2', 'gost34310-2015-512'],
  ['1.2.398.3.10.1.1.2.1', 'gost34310-2015-256-key'],
  ['1.2.398.3.10.1.1.2.2', 'gost34310-2015-512-key'],
  ['1.2.643.7.1.1.3.2', 'gost3410-2012-256'],
  ['1.2.643.7.1.1.3.3', 'gost3410-2012-512'],
] as const) {
  registerSignatureVerifier(oid, name, null, null);
}

/** Public-key algorithms whose keys node cannot load (GOST): certificates parse, checks fail by name. */
export const UNSUPPORTED_KEY_OIDS = new Set([
  '1.2.398.3.10.1.1.1.1',
  '1.2.398.3.10.1.1.2.1',
  '1.2.398.3.10.1.1.2.2',
  '1.2.643.7.1.1.1.1',
  '1.2.643.7.1.1.1.2',
]);

export type AlgorithmStatus =
  | { ok: true }
  | { ok: false; reason: 'unsupported_algorithm' | 'unknown_algorithm' };

export function digestStatus(oid: string): AlgorithmStatus {
  const entry = digests.get(oid);
  if (!entry) return { ok: false, reason: 'unknown_algorithm' };
  return entry.fn ? { ok: true } : { ok: false, reason: 'unsupported_algorithm' };
}

export function signatureStatus(oid: string): AlgorithmStatus {
  const entry = signatures.get(oid);
  if (!entry) return { ok: false, reason: 'unknown_algorithm' };
  return entry.verify ? { ok: true } : { ok: false, reason: 'unsupported_algorithm' };
}

/** Hashes with a registered digest; throws when the digest is not implemented (check status first). */
export function digest(oid: string, data: Uint8Array): Uint8Array {
  const fn = digests.get(oid)?.fn;
  if (!fn) throw new Error(`digest ${oid} is not implemented`);
  return fn(data);
}

/** Verifies a signature; false for unknown/unsupported algorithms, wrong key types or bad encodings. */
export function verifySignature(
  signatureOid: string,
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
  digestOid: string | null = null,
  params: Uint8Array | null = null,
): boolean {
  const entry = signatures.get(signatureOid);
  if (!entry?.verify) return false;
  try {
    return entry.verify(key, data, signature, digestOid, params);
  } catch {
    return false;
  }
}

/** Name for reports. */
export function algorithmName(oid: string): string {
  return signatures.get(oid)?.name ?? digests.get(oid)?.name ?? oid;
}
