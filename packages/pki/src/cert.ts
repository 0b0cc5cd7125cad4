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
  decodePem,
  readChildren,
  readTlv,
  type Tlv,
  toArrayBuffer,
  toHex,
} from './der';
import { CertificateError } from './errors';
import { EXT } from './oids';

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
  x509: x509.X509Certificate;
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
  notBefore: Date;
  notAfter: Date;
  /** Subject / authority key identifiers, lowercase hex. */
  ski?: string;
  aki?: string;
  /** Raw SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  /** OID of the subject public key algorithm. */
  publicKeyAlgorithmOid: string;
  /** Node key, or null when node cannot import it (GOST, unknown algorithms). */
  publicKey: KeyObject | null;
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
  /** OIDs of all extensions present. */
  extensionOids: string[];
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

export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) throw new DerError('OID arc too large');
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  if ((bytes[bytes.length - 1] & 0x80) !== 0) throw new DerError('truncated OID');
  return parts.join('.');
}

function parseUncached(der: Uint8Array, fingerprint: string): ParsedCertificate {
  const outer = readTlv(der, 0);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new DerError('not a single DER SEQUENCE');
  const [tbsTlv, sigAlgTlv, sigTlv] = readChildren(der, outer);
  if (!tbsTlv || !sigAlgTlv || !sigTlv || sigTlv.tag !== 0x03) throw new DerError('not a Certificate');
  const tbsFields = readChildren(der, tbsTlv);
  const offset = tbsFields[0]?.tag === 0xa0 ? 1 : 0;
  const issuerTlv = tbsFields[offset + 2];
  const subjectTlv = tbsFields[offset + 4];
  const spkiTlv = tbsFields[offset + 5];
  if (!issuerTlv || !subjectTlv || !spkiTlv) throw new DerError('TBSCertificate too short');
  const spki = der.slice(spkiTlv.start, spkiTlv.end);
  const [spkiAlg] = readChildren(der, spkiTlv);
  const publicKeyAlgorithmOid = oidOf(der, spkiAlg);

  const cert = new x509.X509Certificate(toArrayBuffer(der));
  const ext = readExtensions(cert);

  let publicKey: KeyObject | null = null;
  try {
    publicKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    publicKey = null; // GOST and other algorithms node does not know
  }

  return {
    der,
    fingerprint,
    x509: cert,
    serialNumber: normalizeSerial(cert.serialNumber),
    subjectDn: cert.subject,
    issuerDn: cert.issuer,
    subjectDer: der.slice(subjectTlv.start, subjectTlv.end),
    issuerDer: der.slice(issuerTlv.start, issuerTlv.end),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    spki,
    publicKeyAlgorithmOid,
    publicKey,
    signatureAlgorithmOid: oidOf(der, sigAlgTlv),
    tbs: der.slice(tbsTlv.start, tbsTlv.end),
    signatureValue: der.slice(sigTlv.contentStart + 1, sigTlv.end),
    ...ext,
  };
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
>;

function urlsOf(names: readonly x509.GeneralName[]): string[] {
  return names.filter((n) => n.type === 'url').map((n) => n.value);
}

function distributionPointUrls(raw: ArrayBuffer): string[] {
  const cdp = new x509.CRLDistributionPointsExtension(raw);
  const urls: string[] = [];
  for (const dp of cdp.distributionPoints) {
    for (const gn of dp.distributionPoint?.fullName ?? []) {
      if (gn.uniformResourceIdentifier) urls.push(gn.uniformResourceIdentifier);
    }
  }
  return urls;
}

function readExtensions(cert: x509.X509Certificate): ExtensionFields {
  const out: ExtensionFields = {
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
  };
  for (const e of cert.extensions) {
    out.extensionOids.push(e.type);
    const raw = e.rawData;
    switch (e.type) {
      case EXT.subjectKeyIdentifier:
        out.ski = new x509.SubjectKeyIdentifierExtension(raw).keyId.toLowerCase();
        break;
      case EXT.authorityKeyIdentifier: {
        const keyId = new x509.AuthorityKeyIdentifierExtension(raw).keyId;
        if (keyId) out.aki = keyId.toLowerCase();
        break;
      }
      case EXT.basicConstraints: {
        const bc = new x509.BasicConstraintsExtension(raw);
        out.isCa = bc.ca;
        if (bc.pathLength !== undefined) out.pathLength = bc.pathLength;
        break;
      }
      case EXT.keyUsage: {
        const u = new x509.KeyUsagesExtension(raw).usages;
        const F = x509.KeyUsageFlags;
        out.hasKeyUsage = true;
        out.keyUsage = {
          digitalSignature: (u & F.digitalSignature) !== 0,
          nonRepudiation: (u & F.nonRepudiation) !== 0,
          keyEncipherment: (u & F.keyEncipherment) !== 0,
          dataEncipherment: (u & F.dataEncipherment) !== 0,
          keyAgreement: (u & F.keyAgreement) !== 0,
          keyCertSign: (u & F.keyCertSign) !== 0,
          cRLSign: (u & F.cRLSign) !== 0,
          encipherOnly: (u & F.encipherOnly) !== 0,
          decipherOnly: (u & F.decipherOnly) !== 0,
        };
        break;
      }
      case EXT.extKeyUsage:
        out.ekus = Array.from(new x509.ExtendedKeyUsageExtension(raw).usages, String);
        break;
      case EXT.certificatePolicies:
        out.policies = [...new x509.CertificatePolicyExtension(raw).policies];
        break;
      case EXT.crlDistributionPoints:
        out.crlUrls = distributionPointUrls(raw);
        break;
      case EXT.freshestCrl:
        out.deltaCrlUrls = distributionPointUrls(raw);
        break;
      case EXT.authorityInfoAccess: {
        const aia = new x509.AuthorityInfoAccessExtension(raw);
        out.ocspUrls = urlsOf(aia.ocsp);
        out.caIssuersUrls = urlsOf(aia.caIssuers);
        break;
      }
      case EXT.subjectAltName: {
        const san = new x509.SubjectAlternativeNameExtension(raw);
        out.sanEmails = san.names.items.filter((n) => n.type === 'email').map((n) => n.value);
        break;
      }
    }
  }
  return out;
}

/** SHA-256 fingerprint of any DER, lowercase hex. */
export function sha256Hex(data: Uint8Array): string {
  return toHex(createHash('sha256').update(data).digest());
}
