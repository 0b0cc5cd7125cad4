/**
 * Certificate parsing, once per certificate: `parseCertificate` reads the fields tereze needs
 * (profile, chain, revocation, the signature fast path) and keeps the result in a small LRU
 * cache keyed by the SHA-256 fingerprint of the DER.
 */
import './reflect';
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import {
  DerError,
  decodeBase64Strict,
  decodeOid,
  decodePem,
  decodeTime,
  readChildren,
  readTlv,
  type Tlv,
  toArrayBuffer,
  toHex,
} from './der';
import { CertificateError } from './errors';
import { decodeName, type NameAttribute, nameToString } from './name';
import { EXT } from './oids';

export { decodeOid } from './der';
export type { NameAttribute } from './name';

export interface KeyUsageFlags {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyEncipherment: boolean;
  dataEncipherment: boolean;
  keyAgreement: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
  encipherOnly: boolean;
  decipherOnly: boolean;
}

export interface ParsedCertificate {
  der: Uint8Array;
  /** SHA-256 of the DER, lowercase hex. */
  fingerprint: string;
  /** The @peculiar/x509 object, built lazily on first access (it costs milliseconds). */
  readonly x509: x509.X509Certificate;
  /**
   * Serial number as lowercase hex of the integer's bytes without leading zero octets
   * (always an even number of digits; "00" for zero). Compare other serials with `normalizeSerial`.
   */
  serialNumber: string;
  /** Display form of the subject / issuer DN (@peculiar/x509 string form). */
  subjectDn: string;
  issuerDn: string;
  /** Raw DER of the subject / issuer Name: compare these, not the strings, when matching issuers. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  /** Subject / issuer attributes in encoding order (type OID, decoded string value). */
  subjectAttributes: NameAttribute[];
  issuerAttributes: NameAttribute[];
  notBefore: Date;
  notAfter: Date;
  /** Subject / authority key identifiers, lowercase hex. */
  ski?: string;
  aki?: string;
  /** Raw SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  /** OID of the subject public key algorithm. */
  publicKeyAlgorithmOid: string;
  /** Node key, or null when node cannot import it (GOST, unknown algorithms); imported on first access. */
  readonly publicKey: KeyObject | null;
  signatureAlgorithmOid: string;
  /** Raw TBSCertificate bytes (what the issuer signed). */
  tbs: Uint8Array;
  /** Signature BIT STRING content without the unused-bits octet. */
  signatureValue: Uint8Array;
  isCa: boolean;
  pathLength?: number;
  /** True when the certificate has a keyUsage extension (flags are all false without one). */
  hasKeyUsage: boolean;
  keyUsage: KeyUsageFlags;
  ekus: string[];
  policies: string[];
  crlUrls: string[];
  /** freshestCRL (delta CRL) URLs. */
  deltaCrlUrls: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  /** rfc822Name entries of SubjectAltName. */
  sanEmails: string[];
  /** OIDs of all extensions present, and of those marked critical. */
  extensionOids: string[];
  criticalExtensionOids: string[];
}

const CACHE_SIZE = 2000;
const cache = new Map<string, ParsedCertificate>();

/** Strips leading zero octets, lowercases; "0x"/colons/spaces tolerated. */
export function normalizeSerial(hex: string): string {
  let h = hex.replace(/^0x/i, '').replace(/[\s:]/g, '').toLowerCase();
  if (h.length % 2 === 1) h = `0${h}`;
  while (h.length > 2 && h.startsWith('00')) h = h.slice(2);
  return h || '00';
}

/** Accepts DER bytes, PEM text (or bytes of PEM text) or base64 DER. */
export function certificateDer(input: Uint8Array | string): Uint8Array {
  if (typeof input !== 'string') {
    if (input.length > 0 && input[0] === 0x30) return input;
    return certificateDer(Buffer.from(input).toString('latin1'));
  }
  const pem = decodePem(input);
  if (pem) return pem.der;
  const der = decodeBase64Strict(input);
  if (!der) throw new CertificateError('certificate is neither PEM, base64 nor DER');
  return der;
}

export function parseCertificate(input: Uint8Array | string): ParsedCertificate {
  const der = certificateDer(input);
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const hit = cache.get(fingerprint);
  if (hit) {
    cache.delete(fingerprint);
    cache.set(fingerprint, hit);
    return hit;
  }
  let parsed: ParsedCertificate;
  try {
    parsed = parseUncached(new Uint8Array(der), fingerprint);
  } catch (err) {
    if (err instanceof CertificateError) throw err;
    throw new CertificateError(`invalid certificate: ${(err as Error).message}`, { cause: err });
  }
  cache.set(fingerprint, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/** Drops the parse cache (tests, memory pressure). */
export function clearCertificateCache(): void {
  cache.clear();
}

function oidOf(buf: Uint8Array, algId: Tlv): string {
  const [oid] = readChildren(buf, algId);
  if (oid?.tag !== 0x06) throw new DerError('AlgorithmIdentifier without OID');
  return decodeOid(buf.subarray(oid.contentStart, oid.end));
}

function parseUncached(der: Uint8Array, fingerprint: string): ParsedCertificate {
  const outer = readTlv(der, 0);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new DerError('not a single DER SEQUENCE');
  const top = readChildren(der, outer);
  const [tbsTlv, sigAlgTlv, sigTlv] = top;
  if (top.length !== 3 || tbsTlv.tag !== 0x30 || sigAlgTlv.tag !== 0x30 || sigTlv.tag !== 0x03) {
    throw new DerError('not a Certificate');
  }
  const f = readChildren(der, tbsTlv);
  let i = 0;
  if (f[i]?.tag === 0xa0) i++; // version
  const [serialTlv, innerSigAlg, issuerTlv, validityTlv, subjectTlv, spkiTlv] = f.slice(i, i + 6);
  if (
    serialTlv?.tag !== 0x02 ||
    innerSigAlg?.tag !== 0x30 ||
    issuerTlv?.tag !== 0x30 ||
    validityTlv?.tag !== 0x30 ||
    subjectTlv?.tag !== 0x30 ||
    spkiTlv?.tag !== 0x30
  ) {
    throw new DerError('TBSCertificate fields missing');
  }
  const rest = f.slice(i + 6);
  const extsTlv = rest.find((t) => t.tag === 0xa3);
  if (rest.some((t) => t.tag !== 0x81 && t.tag !== 0x82 && t.tag !== 0xa3))
    throw new DerError('unexpected TBS field');
  const [notBeforeTlv, notAfterTlv] = readChildren(der, validityTlv);
  if (!notBeforeTlv || !notAfterTlv) throw new DerError('bad Validity');
  const spki = der.slice(spkiTlv.start, spkiTlv.end);
  const [spkiAlg, spkiBits] = readChildren(der, spkiTlv);
  if (spkiAlg?.tag !== 0x30 || spkiBits?.tag !== 0x03) throw new DerError('bad SubjectPublicKeyInfo');
  const sigValue = der.subarray(sigTlv.contentStart, sigTlv.end);
  if (sigValue.length < 1 || sigValue[0] !== 0) throw new DerError('bad signature BIT STRING');

  const subjectDer = der.slice(subjectTlv.start, subjectTlv.end);
  const issuerDer = der.slice(issuerTlv.start, issuerTlv.end);
  const subjectAttributes = decodeName(subjectDer);
  const issuerAttributes = decodeName(issuerDer);
  const ext = extsTlv ? readExtensions(der, extsTlv) : emptyExtensions();

  const parsed = {
    der,
    fingerprint,
    serialNumber: normalizeSerial(toHex(der.subarray(serialTlv.contentStart, serialTlv.end))),
    subjectDn: nameToString(subjectAttributes),
    issuerDn: nameToString(issuerAttributes),
    subjectDer,
    issuerDer,
    subjectAttributes,
    issuerAttributes,
    notBefore: decodeTime(der, notBeforeTlv),
    notAfter: decodeTime(der, notAfterTlv),
    spki,
    publicKeyAlgorithmOid: oidOf(der, spkiAlg),
    signatureAlgorithmOid: oidOf(der, sigAlgTlv),
    tbs: der.slice(tbsTlv.start, tbsTlv.end),
    signatureValue: der.slice(sigTlv.contentStart + 1, sigTlv.end),
    ...ext,
  } as ParsedCertificate;
  // Imported on first use (verification), then kept.
  let publicKey: KeyObject | null | undefined;
  Object.defineProperty(parsed, 'publicKey', {
    enumerable: true,
    get: () => {
      if (publicKey === undefined) {
        try {
          publicKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
        } catch {
          publicKey = null; // GOST and other algorithms node does not know
        }
      }
      return publicKey;
    },
  });
  // The @peculiar/x509 object costs milliseconds to build: only on first use.
  let x509Cert: x509.X509Certificate | undefined;
  Object.defineProperty(parsed, 'x509', {
    enumerable: true,
    get: () => {
      try {
        x509Cert ??= new x509.X509Certificate(toArrayBuffer(der));
      } catch (err) {
        throw new CertificateError(`@peculiar/x509 cannot read the certificate: ${(err as Error).message}`, {
          cause: err,
        });
      }
      return x509Cert;
    },
  });
  return parsed;
}

type ExtensionFields = Pick<
  ParsedCertificate,
  | 'ski'
  | 'aki'
  | 'isCa'
  | 'pathLength'
  | 'hasKeyUsage'
  | 'keyUsage'
  | 'ekus'
  | 'policies'
  | 'crlUrls'
  | 'deltaCrlUrls'
  | 'ocspUrls'
  | 'caIssuersUrls'
  | 'sanEmails'
  | 'extensionOids'
  | 'criticalExtensionOids'
>;

function emptyExtensions(): ExtensionFields {
  return {
    isCa: false,
    hasKeyUsage: false,
    keyUsage: {
      digitalSignature: false,
      nonRepudiation: false,
      keyEncipherment: false,
      dataEncipherment: false,
      keyAgreement: false,
      keyCertSign: false,
      cRLSign: false,
      encipherOnly: false,
      decipherOnly: false,
    },
    ekus: [],
    policies: [],
    crlUrls: [],
    deltaCrlUrls: [],
    ocspUrls: [],
    caIssuersUrls: [],
    sanEmails: [],
    extensionOids: [],
    criticalExtensionOids: [],
  };
}

const latin1 = new TextDecoder('latin1');
const text = (buf: Uint8Array, t: Tlv) => latin1.decode(buf.subarray(t.contentStart, t.end));
const oidText = (buf: Uint8Array, t: Tlv) => {
  if (t.tag !== 0x06) throw new DerError('expected an OID');
  return decodeOid(buf.subarray(t.contentStart, t.end));
};

/** URIs ([6] IA5String) among GeneralNames. */
function uris(buf: Uint8Array, names: Tlv[]): string[] {
  return names.filter((n) => n.tag === 0x86).map((n) => text(buf, n));
}

function distributionPointUrls(buf: Uint8Array, value: Tlv): string[] {
  const urls: string[] = [];
  for (const dp of readChildren(buf, value)) {
    const dpName = readChildren(buf, dp).find((t) => t.tag === 0xa0);
    if (!dpName) continue;
    const fullName = readChildren(buf, dpName).find((t) => t.tag === 0xa0);
    if (fullName) urls.push(...uris(buf, readChildren(buf, fullName)));
  }
  return urls;
}

/** Reads the extensions tereze uses straight from DER; unknown ones are only listed. */
function readExtensions(der: Uint8Array, explicit: Tlv): ExtensionFields {
  const out = emptyExtensions();
  const list = readTlv(der, explicit.contentStart, explicit.end);
  if (list.tag !== 0x30 || list.end !== explicit.end) throw new DerError('bad Extensions');
  for (const e of readChildren(der, list)) {
    const parts = readChildren(der, e);
    const oid = oidText(der, parts[0]);
    const octets = parts[parts.length - 1];
    if (e.tag !== 0x30 || parts.length < 2 || parts.length > 3 || octets.tag !== 0x04) {
      throw new DerError('bad Extension');
    }
    if (parts.length === 3) {
      const crit = parts[1];
      if (crit.tag !== 0x01 || crit.end - crit.contentStart !== 1) throw new DerError('bad critical flag');
      if (der[crit.contentStart] !== 0) out.criticalExtensionOids.push(oid);
    }
    if (out.extensionOids.includes(oid)) throw new DerError(`duplicate extension ${oid}`);
    out.extensionOids.push(oid);
    const buf = der;
    const value = () => {
      const v = readTlv(buf, octets.contentStart, octets.end);
      if (v.end !== octets.end) throw new DerError(`trailing bytes in extension ${oid}`);
      return v;
    };
    switch (oid) {
      case EXT.subjectKeyIdentifier: {
        const v = value();
        if (v.tag !== 0x04) throw new DerError('bad SKI');
        out.ski = toHex(buf.subarray(v.contentStart, v.end));
        break;
      }
      case EXT.authorityKeyIdentifier: {
        const keyId = readChildren(buf, value()).find((t) => t.tag === 0x80);
        if (keyId) out.aki = toHex(buf.subarray(keyId.contentStart, keyId.end));
        break;
      }
      case EXT.basicConstraints: {
        const fields = readChildren(buf, value());
        const ca = fields.find((t) => t.tag === 0x01);
        const len = fields.find((t) => t.tag === 0x02);
        out.isCa = !!ca && ca.end > ca.contentStart && buf[ca.contentStart] !== 0;
        if (len) out.pathLength = Number.parseInt(toHex(buf.subarray(len.contentStart, len.end)) || '0', 16);
        break;
      }
      case EXT.keyUsage: {
        const v = value();
        if (v.tag !== 0x03 || v.end <= v.contentStart) throw new DerError('bad KeyUsage');
        const b0 = buf[v.contentStart + 1] ?? 0;
        const b1 = v.end - v.contentStart > 2 ? buf[v.contentStart + 2] : 0;
        out.hasKeyUsage = true;
        out.keyUsage = {
          digitalSignature: (b0 & 0x80) !== 0,
          nonRepudiation: (b0 & 0x40) !== 0,
          keyEncipherment: (b0 & 0x20) !== 0,
          dataEncipherment: (b0 & 0x10) !== 0,
          keyAgreement: (b0 & 0x08) !== 0,
          keyCertSign: (b0 & 0x04) !== 0,
          cRLSign: (b0 & 0x02) !== 0,
          encipherOnly: (b0 & 0x01) !== 0,
          decipherOnly: (b1 & 0x80) !== 0,
        };
        break;
      }
      case EXT.extKeyUsage:
        out.ekus = readChildren(buf, value()).map((t) => oidText(buf, t));
        break;
      case EXT.certificatePolicies:
        out.policies = readChildren(buf, value()).map((pi) => oidText(buf, readChildren(buf, pi)[0]));
        break;
      case EXT.crlDistributionPoints:
        out.crlUrls = distributionPointUrls(buf, value());
        break;
      case EXT.freshestCrl:
        out.deltaCrlUrls = distributionPointUrls(buf, value());
        break;
      case EXT.authorityInfoAccess:
        for (const ad of readChildren(buf, value())) {
          const [method, location] = readChildren(buf, ad);
          const m = oidText(buf, method);
          const urls = location ? uris(buf, [location]) : [];
          if (m === EXT.accessOcsp) out.ocspUrls.push(...urls);
          else if (m === EXT.accessCaIssuers) out.caIssuersUrls.push(...urls);
        }
        break;
      case EXT.subjectAltName:
        out.sanEmails = readChildren(buf, value())
          .filter((n) => n.tag === 0x81)
          .map((n) => text(buf, n));
        break;
    }
  }
  return out;
}

/** SHA-256 fingerprint of any DER, lowercase hex. */
export function sha256Hex(data: Uint8Array): string {
  return toHex(createHash('sha256').update(data).digest());
}
