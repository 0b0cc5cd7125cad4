/**
 * CMS SignedData creation (RFC 5652) in NCALayer's shape: SHA-256, signed attributes
 * contentType, signingTime, messageDigest and signingCertificateV2 (ESSCertIDv2, RFC 5035),
 * signer certificate and chain included. The structure is assembled as DER directly and the
 * signed attributes are signed with node:crypto, so existing bytes are never re-encoded
 * (addSignature keeps earlier signatures byte-for-byte).
 */
import { createHash, sign as nodeSign } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { ParsedCertificate } from './cert';
import {
  bytesEqual,
  compareBytes,
  concatBytes,
  DerError,
  decodeBase64Strict,
  decodePem,
  encodeOid,
  encodePem,
  encodeTime,
  encodeTlv,
  readChildren,
  readTlv,
  type Tlv,
  tlvBytes,
  toArrayBuffer,
} from './der';
import { CmsError } from './errors';
import { type KeyBundle, keyMatchesCertificate } from './keys';
import { ALG, CMS, GOST } from './oids';

export interface SignCmsOptions {
  /** Leave the content out (detached signature). Default false (attached). */
  detached?: boolean;
  /** signingTime attribute; default now. */
  signingTime?: Date;
  /** Include the chain certificates besides the signer's own. Default true. */
  includeChain?: boolean;
  /** eContentType OID (default id-data); e.g. id-ct-TSTInfo for a timestamp token. */
  eContentType?: string;
}

const SEQ = 0x30;
const SET = 0x31;
const OCTET = 0x04;
const NULL_DER = Uint8Array.of(0x05, 0x00);
const VERSION_1 = Uint8Array.of(0x02, 0x01, 0x01);

const GOST_OIDS = new Set<string>(Object.values(GOST));

function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

function algId(oid: string, withNull: boolean): Uint8Array {
  return withNull ? encodeTlv(SEQ, encodeOid(oid), NULL_DER) : encodeTlv(SEQ, encodeOid(oid));
}

/** RFC 5754: SHA-2 AlgorithmIdentifiers omit parameters. */
const SHA256_ALGID = algId(ALG.sha256, false);

function attribute(oid: string, value: Uint8Array): Uint8Array {
  return encodeTlv(SEQ, encodeOid(oid), encodeTlv(SET, value));
}

/** The signer certificate's serial INTEGER TLV, exactly as encoded in the certificate. */
function serialTlv(cert: ParsedCertificate): Uint8Array {
  const tbs = readTlv(cert.tbs, 0);
  const fields = readChildren(cert.tbs, tbs);
  const serial = fields[0].tag === 0xa0 ? fields[1] : fields[0];
  return tlvBytes(cert.tbs, serial);
}

function issuerAndSerial(cert: ParsedCertificate): Uint8Array {
  return encodeTlv(SEQ, cert.issuerDer, serialTlv(cert));
}

/** SigningCertificateV2 { certs: [ESSCertIDv2 { certHash (SHA-256 default), issuerSerial }] }. */
function signingCertificateV2(cert: ParsedCertificate): Uint8Array {
  const generalNames = encodeTlv(SEQ, encodeTlv(0xa4, cert.issuerDer)); // [4] directoryName, EXPLICIT
  const issuerSerial = encodeTlv(SEQ, generalNames, serialTlv(cert));
  const essCertId = encodeTlv(SEQ, encodeTlv(OCTET, sha256(cert.der)), issuerSerial);
  return encodeTlv(SEQ, encodeTlv(SEQ, essCertId));
}

function signatureAlgorithm(signer: KeyBundle): { algId: Uint8Array } {
  const cert = signer.certificate;
  if (GOST_OIDS.has(cert.publicKeyAlgorithmOid) || GOST_OIDS.has(cert.signatureAlgorithmOid)) {
    throw new CmsError('unsupported_algorithm', 'signing with GOST keys is not supported yet');
  }
  switch (signer.privateKey.asymmetricKeyType) {
    case 'rsa':
      return { algId: algId(ALG.sha256WithRsa, true) };
    case 'ec':
      return { algId: algId(ALG.ecdsaWithSha256, false) };
    default:
      throw new CmsError(
        'unsupported_algorithm',
        `signing with ${signer.privateKey.asymmetricKeyType ?? 'unknown'} keys is not supported`,
      );
  }
}

/** Builds one SignerInfo (version 1, issuerAndSerialNumber) over the given content digest. */
function buildSignerInfo(
  signer: KeyBundle,
  contentType: Uint8Array,
  digest: Uint8Array,
  signingTime: Date,
): Uint8Array {
  const { algId: sigAlg } = signatureAlgorithm(signer);
  if (!keyMatchesCertificate(signer.privateKey, signer.certificate)) {
    throw new CmsError('bad_input', 'the private key does not belong to the signer certificate');
  }
  const attrs = [
    attribute(CMS.contentType, contentType),
    attribute(CMS.signingTime, encodeTime(signingTime)),
    attribute(CMS.messageDigest, encodeTlv(OCTET, digest)),
    attribute(CMS.signingCertificateV2, signingCertificateV2(signer.certificate)),
  ].sort(compareBytes); // DER SET OF order: verifiers re-encode before checking
  const signedAttrsSet = encodeTlv(SET, ...attrs);
  const signature = new Uint8Array(nodeSign('sha256', signedAttrsSet, signer.privateKey));
  const signedAttrsImplicit = concatBytes(Uint8Array.of(0xa0), signedAttrsSet.subarray(1));
  return encodeTlv(
    SEQ,
    VERSION_1,
    issuerAndSerial(signer.certificate),
    SHA256_ALGID,
    signedAttrsImplicit,
    sigAlg,
    encodeTlv(OCTET, signature),
  );
}

function certificatesOf(signer: KeyBundle, includeChain: boolean): Uint8Array[] {
  return [signer.certificate, ...(includeChain ? signer.chain : [])].map((c) => c.der);
}

function contentInfo(signedData: Uint8Array): Uint8Array {
  return encodeTlv(SEQ, encodeOid(CMS.signedData), encodeTlv(0xa0, signedData));
}

/** Creates a DER CMS SignedData with one signer. RSA (sha256WithRSAEncryption) and EC keys. */
export async function signCms(
  data: Uint8Array,
  signer: KeyBundle,
  opts: SignCmsOptions = {},
): Promise<Uint8Array> {
  const contentType = encodeOid(opts.eContentType ?? CMS.data);
  const signerInfo = buildSignerInfo(signer, contentType, sha256(data), opts.signingTime ?? new Date());
  const encap = opts.detached
    ? encodeTlv(SEQ, contentType)
    : encodeTlv(SEQ, contentType, encodeTlv(0xa0, encodeTlv(OCTET, data)));
  const signedData = encodeTlv(
    SEQ,
    VERSION_1,
    encodeTlv(SET, SHA256_ALGID),
    encap,
    encodeTlv(0xa0, ...certificatesOf(signer, opts.includeChain !== false)),
    encodeTlv(SET, signerInfo),
  );
  return contentInfo(signedData);
}

interface SignedDataParts {
  buf: Uint8Array;
  version: Tlv;
  digestAlgorithms: Tlv;
  encap: Tlv;
  certificates?: Tlv;
  crls?: Tlv;
  signerInfos: Tlv;
}

function splitSignedData(der: Uint8Array): SignedDataParts {
  try {
    const outer = readTlv(der, 0);
    if (outer.tag !== SEQ || outer.end !== der.length) throw new DerError('not a DER SEQUENCE');
    const [oid, explicit] = readChildren(der, outer);
    if (!oid || !bytesEqual(tlvBytes(der, oid), encodeOid(CMS.signedData)) || explicit?.tag !== 0xa0) {
      throw new DerError('not a CMS SignedData');
    }
    const sd = readTlv(der, explicit.contentStart, explicit.end);
    const fields = readChildren(der, sd);
    const [version, digestAlgorithms, encap] = fields;
    let i = 3;
    const certificates = fields[i]?.tag === 0xa0 ? fields[i++] : undefined;
    const crls = fields[i]?.tag === 0xa1 ? fields[i++] : undefined;
    const signerInfos = fields[i];
    if (!version || digestAlgorithms?.tag !== SET || encap?.tag !== SEQ || signerInfos?.tag !== SET) {
      throw new DerError('SignedData fields missing');
    }
    return { buf: der, version, digestAlgorithms, encap, certificates, crls, signerInfos };
  } catch (err) {
    if (err instanceof DerError && /indefinite/.test(err.message)) {
      throw new CmsError(
        'unsupported_encoding',
        'indefinite-length (BER) CMS cannot be extended; re-encode as DER',
      );
    }
    throw new CmsError('malformed_cms', `malformed CMS: ${(err as Error).message}`, { cause: err });
  }
}

function embeddedContent(p: SignedDataParts): { contentType: Uint8Array; content?: Uint8Array } {
  const [typeTlv, explicit] = readChildren(p.buf, p.encap);
  const contentType = tlvBytes(p.buf, typeTlv);
  if (!explicit) return { contentType };
  const octets = readTlv(p.buf, explicit.contentStart, explicit.end);
  if (octets.tag === OCTET) return { contentType, content: p.buf.subarray(octets.contentStart, octets.end) };
  if (octets.tag === 0x24) {
    // constructed OCTET STRING: concatenate the primitive segments
    return {
      contentType,
      content: concatBytes(...readChildren(p.buf, octets).map((s) => p.buf.subarray(s.contentStart, s.end))),
    };
  }
  throw new CmsError('malformed_cms', 'eContent is not an OCTET STRING');
}

/**
 * Adds one more SignerInfo (and the signer's certificates) to an existing SignedData; every
 * byte of the earlier signatures and of the content stays as it was. For a detached CMS pass
 * the signed data in `opts.data`.
 */
export async function addSignature(
  cms: Uint8Array,
  signer: KeyBundle,
  opts: { data?: Uint8Array; signingTime?: Date; includeChain?: boolean } = {},
): Promise<Uint8Array> {
  const p = splitSignedData(decodeCmsInput(cms));
  const { contentType, content } = embeddedContent(p);
  const data = content ?? opts.data;
  if (!data) throw new CmsError('bad_input', 'the CMS is detached: pass the signed data to add a signature');
  if (content && opts.data && !bytesEqual(content, opts.data)) {
    throw new CmsError('bad_input', 'the data passed differs from the content embedded in the CMS');
  }
  const signerInfo = buildSignerInfo(signer, contentType, sha256(data), opts.signingTime ?? new Date());

  const digestAlgs = readChildren(p.buf, p.digestAlgorithms).map((t) => tlvBytes(p.buf, t));
  const hasSha256 = digestAlgs.some((a) => {
    const [oid] = readChildren(a, readTlv(a, 0));
    return bytesEqual(tlvBytes(a, oid), encodeOid(ALG.sha256));
  });
  const certs = p.certificates ? readChildren(p.buf, p.certificates).map((t) => tlvBytes(p.buf, t)) : [];
  for (const der of certificatesOf(signer, opts.includeChain !== false)) {
    if (!certs.some((c) => bytesEqual(c, der))) certs.push(der);
  }
  const signerInfos = readChildren(p.buf, p.signerInfos).map((t) => tlvBytes(p.buf, t));

  const signedData = encodeTlv(
    SEQ,
    tlvBytes(p.buf, p.version),
    encodeTlv(SET, ...digestAlgs, ...(hasSha256 ? [] : [SHA256_ALGID])),
    tlvBytes(p.buf, p.encap),
    encodeTlv(0xa0, ...certs),
    ...(p.crls ? [tlvBytes(p.buf, p.crls)] : []),
    encodeTlv(SET, ...signerInfos, signerInfo),
  );
  return contentInfo(signedData);
}

/**
 * Joins the signatures of `addition` (another SignedData over the same content, made by another signer's own
 * signer — NCALayer cannot extend a CMS) into `base`: its SignerInfos and certificates are appended, every byte
 * of both kept, so each signature still verifies. For detached CMS pass the signed data in `opts.data`. The
 * portal uses it to collect an application's signatories into one CMS.
 */
export function appendSignatures(
  base: Uint8Array | string,
  addition: Uint8Array | string,
  opts: { data?: Uint8Array } = {},
): Uint8Array {
  const p = splitSignedData(decodeCmsInput(base));
  const q = splitSignedData(decodeCmsInput(addition));
  const a = embeddedContent(p);
  const b = embeddedContent(q);
  if (!bytesEqual(a.contentType, b.contentType)) throw new CmsError('bad_input', 'the content types differ');
  const ca = a.content ?? opts.data;
  const cb = b.content ?? opts.data;
  if (!ca || !cb) throw new CmsError('bad_input', 'the CMS is detached: pass the signed data');
  if (!bytesEqual(ca, cb)) throw new CmsError('bad_input', 'the two CMS sign different content');
  const listOf = (parts: SignedDataParts, tlv: Tlv | undefined) =>
    tlv ? readChildren(parts.buf, tlv).map((t) => tlvBytes(parts.buf, t)) : [];
  const digestAlgs = listOf(p, p.digestAlgorithms);
  for (const alg of listOf(q, q.digestAlgorithms))
    if (!digestAlgs.some((d) => bytesEqual(d, alg))) digestAlgs.push(alg);
  const certs = listOf(p, p.certificates);
  for (const der of listOf(q, q.certificates)) if (!certs.some((c) => bytesEqual(c, der))) certs.push(der);
  const signedData = encodeTlv(
    SEQ,
    tlvBytes(p.buf, p.version),
    encodeTlv(SET, ...digestAlgs),
    // Keep the embedded content when either side carries it.
    a.content ? tlvBytes(p.buf, p.encap) : tlvBytes(q.buf, q.encap),
    encodeTlv(0xa0, ...certs),
    ...(p.crls ? [tlvBytes(p.buf, p.crls)] : []),
    encodeTlv(SET, ...listOf(p, p.signerInfos), ...listOf(q, q.signerInfos)),
  );
  return contentInfo(signedData);
}

/** PEM as NCALayer returns it: `-----BEGIN CMS-----` … `-----END CMS-----\n`. */
export function toPemCms(der: Uint8Array): string {
  return encodePem('CMS', der);
}

const MAX_CMS_BYTES = 64 * 1024 * 1024;

/**
 * Accepts a CMS as PEM (`CMS`, `PKCS7` or any label), base64 DER or raw DER, as a string or
 * bytes, and returns its DER (BER with indefinite lengths is passed through after a
 * structural check). Throws CmsError 'malformed_cms' for anything that is not a ContentInfo
 * holding SignedData (truncated, garbage, empty).
 */
export function decodeCmsInput(input: Uint8Array | string): Uint8Array {
  let der: Uint8Array | null;
  if (typeof input === 'string') {
    der = textToDer(input);
  } else if (input.length > 0 && input[0] === SEQ) {
    der = input;
  } else {
    der = textToDer(Buffer.from(input).toString('latin1'));
  }
  if (!der || der.length === 0) throw new CmsError('malformed_cms', 'input is not PEM, base64 or DER CMS');
  if (der.length > MAX_CMS_BYTES) throw new CmsError('malformed_cms', 'CMS is too large');
  checkContentInfo(der);
  return der;
}

function textToDer(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return decodePem(trimmed)?.der ?? null;
  return decodeBase64Strict(trimmed);
}

function checkContentInfo(der: Uint8Array): void {
  try {
    const outer = readTlv(der, 0);
    if (outer.tag !== SEQ || outer.end !== der.length) throw new DerError('trailing or missing bytes');
    const [oid, explicit] = readChildren(der, outer);
    if (!oid || !bytesEqual(tlvBytes(der, oid), encodeOid(CMS.signedData))) {
      throw new DerError('content type is not SignedData');
    }
    if (explicit?.tag !== 0xa0) throw new DerError('SignedData missing');
    const sd = readTlv(der, explicit.contentStart, explicit.end);
    if (sd.tag !== SEQ || sd.end !== explicit.end) throw new DerError('SignedData is not a SEQUENCE');
    readChildren(der, sd);
  } catch (err) {
    if (err instanceof DerError && /indefinite/.test(err.message)) {
      checkBerContentInfo(der);
      return;
    }
    throw new CmsError('malformed_cms', `malformed CMS: ${(err as Error).message}`, { cause: err });
  }
}

/** Structural check for BER (indefinite-length) input through asn1js. */
function checkBerContentInfo(der: Uint8Array): void {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  const root = parsed.result;
  const ok =
    parsed.offset === der.length &&
    root instanceof asn1js.Sequence &&
    root.valueBlock.value[0] instanceof asn1js.ObjectIdentifier &&
    root.valueBlock.value[0].valueBlock.toString() === CMS.signedData;
  if (!ok) throw new CmsError('malformed_cms', 'malformed BER CMS');
}
