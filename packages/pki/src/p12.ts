/**
 * PKCS#12 (.p12) keystores as NCA issues them, through node-forge (legacy PBE algorithms
 * such as pbeWithSHAAnd3-KeyTripleDES-CBC and RC2-40 included, and modern PBES2/AES).
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { type ParsedCertificate, parseCertificate } from './cert';
import { Pkcs12Error } from './errors';
import { type KeyBundle, keyMatchesCertificate } from './keys';

export type { KeyBundle } from './keys';

function bytesToBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('binary');
}

function binaryToBytes(bin: string): Uint8Array {
  return new Uint8Array(Buffer.from(bin, 'binary'));
}

function looksLikeBadPassword(message: string): boolean {
  return /invalid password|wrong password|could not be verified|unable to decrypt/i.test(message);
}

/**
 * Reads every private key of a PKCS#12 with its certificate and the other certificates of the
 * file as its chain (ordered issuer first when they link up). Throws Pkcs12Error:
 * 'bad_password', 'bad_pkcs12' (not a PKCS#12), 'no_private_key', 'unsupported_algorithm'
 * (e.g. a GOST key node cannot import).
 */
export function readPkcs12(der: Uint8Array, password: string): KeyBundle[] {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(bytesToBinary(der), false);
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (looksLikeBadPassword(message)) {
      throw new Pkcs12Error('bad_password', 'wrong PKCS#12 password', { cause: err });
    }
    throw new Pkcs12Error('bad_pkcs12', `not a readable PKCS#12 file: ${message}`, { cause: err });
  }

  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  if (keyBags.length === 0) throw new Pkcs12Error('no_private_key', 'the PKCS#12 holds no private key');

  const certs: { cert: ParsedCertificate; localKeyId?: string; friendlyName?: string }[] = [];
  for (const bag of certBags) {
    const asn1 = bag.asn1 ?? (bag.cert ? forge.pki.certificateToAsn1(bag.cert) : undefined);
    if (!asn1) continue;
    const certDer = binaryToBytes(forge.asn1.toDer(asn1).getBytes());
    certs.push({
      cert: parseCertificate(certDer),
      localKeyId: bag.attributes.localKeyId?.[0],
      friendlyName: bag.attributes.friendlyName?.[0],
    });
  }

  return keyBags.map((bag) => {
    const privateKey = forgeBagKey(bag);
    const localKeyId = bag.attributes.localKeyId?.[0];
    const own =
      certs.find((c) => keyMatchesCertificate(privateKey, c.cert)) ??
      certs.find((c) => localKeyId !== undefined && c.localKeyId === localKeyId);
    if (!own) throw new Pkcs12Error('bad_pkcs12', 'no certificate in the PKCS#12 matches its private key');
    const others = certs.filter((c) => c !== own).map((c) => c.cert);
    const alias =
      bag.attributes.friendlyName?.[0] ?? own.friendlyName ?? own.cert.ski ?? own.cert.fingerprint;
    return { privateKey, certificate: own.cert, chain: orderChain(own.cert, others), alias };
  });
}

function forgeBagKey(bag: forge.pkcs12.Bag): KeyObject {
  const infoAsn1 = bag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
    : bag.asn1;
  if (!infoAsn1) throw new Pkcs12Error('bad_pkcs12', 'key bag without a key');
  const der = Buffer.from(forge.asn1.toDer(infoAsn1).getBytes(), 'binary');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (err) {
    throw new Pkcs12Error('unsupported_algorithm', 'the private key algorithm is not supported (e.g. GOST)', {
      cause: err,
    });
  }
}

/** Orders certificates issuer-first from `leaf` upwards; unrelated ones follow in input order. */
function orderChain(leaf: ParsedCertificate, pool: ParsedCertificate[]): ParsedCertificate[] {
  const rest = [...pool];
  const ordered: ParsedCertificate[] = [];
  let current = leaf;
  for (;;) {
    const idx = rest.findIndex((c) =>
      current.aki && c.ski
        ? c.ski === current.aki
        : Buffer.from(c.subjectDer).equals(Buffer.from(current.issuerDer)),
    );
    if (idx < 0 || current.fingerprint === rest[idx].fingerprint) break;
    const [next] = rest.splice(idx, 1);
    ordered.push(next);
    if (Buffer.from(next.subjectDer).equals(Buffer.from(next.issuerDer))) break;
    current = next;
  }
  return [...ordered, ...rest];
}

export interface WritePkcs12Options {
  /**
   * Key encryption: '3des' (pbeWithSHAAnd3-KeyTripleDES-CBC, what NCA and Java read everywhere;
   * default) or 'aes256' (PBES2).
   */
  algorithm?: '3des' | 'aes256';
  /** Include the chain certificates (default true). */
  includeChain?: boolean;
  /** PBKDF iteration count (default 2048). */
  iterations?: number;
  /** friendlyName; defaults to the bundle alias. */
  friendlyName?: string;
}

/** Writes a PKCS#12 holding one RSA key, its certificate and (by default) its chain. */
export function writePkcs12(bundle: KeyBundle, password: string, opts: WritePkcs12Options = {}): Uint8Array {
  if (bundle.privateKey.asymmetricKeyType !== 'rsa') {
    throw new Pkcs12Error(
      'unsupported_algorithm',
      `writing ${bundle.privateKey.asymmetricKeyType} keys to PKCS#12 is not supported`,
    );
  }
  const pem = bundle.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const key = forge.pki.privateKeyFromPem(pem);
  const certs = [bundle.certificate, ...(opts.includeChain === false ? [] : bundle.chain)].map((c) =>
    forge.pki.certificateFromAsn1(forge.asn1.fromDer(bytesToBinary(c.der))),
  );
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, {
    algorithm: opts.algorithm ?? '3des',
    count: opts.iterations ?? 2048,
    friendlyName: opts.friendlyName ?? bundle.alias,
    generateLocalKeyId: true,
  });
  return binaryToBytes(forge.asn1.toDer(asn1).getBytes());
}
