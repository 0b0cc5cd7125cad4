/**
 * Certificate assembly for the test CA on @peculiar/x509 (signed with WebCrypto over node's
 * keys). Every extension is optional so tests can make odd certificates on purpose.
 */
import '../reflect';
import { type KeyObject, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { type ParsedCertificate, parseCertificate } from '../cert';
import { toArrayBuffer, toHex } from '../der';
import { ensureX509Crypto, spkiDer, toRsaSigningCryptoKey } from '../keys';
import { EXT } from '../oids';

export interface KeyUsageSpec {
  digitalSignature?: boolean;
  nonRepudiation?: boolean;
  keyEncipherment?: boolean;
  dataEncipherment?: boolean;
  keyAgreement?: boolean;
  keyCertSign?: boolean;
  cRLSign?: boolean;
}

export interface CertificateSpec {
  /** Subject DN as JSON name params, or the DER of a Name (copied byte for byte). */
  subject: x509.JsonNameParams | Uint8Array;
  /** Subject public key (a private key is accepted; its public half is used). */
  subjectKey: KeyObject;
  /** Issuer DN DER (for a self-signed certificate: the subject's own DER). */
  issuerName: Uint8Array | x509.JsonNameParams;
  issuerKey: KeyObject;
  /** Issuer SKI (hex) for the AuthorityKeyIdentifier; omitted when undefined. */
  issuerSki?: string;
  serialNumber?: string;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints: CA (with optional pathLength), end entity (cA false), or absent. */
  basicConstraints?: { ca: true; pathLength?: number } | { ca: false } | null;
  keyUsage?: KeyUsageSpec | null;
  /** EKU OIDs; null or [] leaves the extension out. */
  ekus?: string[] | null;
  /** Mark extKeyUsage critical (RFC 3161 requires it for a TSA). */
  ekusCritical?: boolean;
  policies?: string[];
  crlUrls?: string[];
  deltaCrlUrls?: string[];
  ocspUrls?: string[];
  caIssuersUrls?: string[];
  sanEmails?: string[];
  ocspNoCheck?: boolean;
  /** Leave out the SubjectKeyIdentifier. */
  omitSki?: boolean;
}

/** A positive 16-byte serial with a non-zero first octet (no sign / leading-zero ambiguity). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x10;
  return toHex(bytes);
}

function keyUsageFlags(k: KeyUsageSpec): number {
  const F = x509.KeyUsageFlags;
  let flags = 0;
  if (k.digitalSignature) flags |= F.digitalSignature;
  if (k.nonRepudiation) flags |= F.nonRepudiation;
  if (k.keyEncipherment) flags |= F.keyEncipherment;
  if (k.dataEncipherment) flags |= F.dataEncipherment;
  if (k.keyAgreement) flags |= F.keyAgreement;
  if (k.keyCertSign) flags |= F.keyCertSign;
  if (k.cRLSign) flags |= F.cRLSign;
  return flags;
}

function toName(name: x509.JsonNameParams | Uint8Array): x509.Name {
  return name instanceof Uint8Array ? new x509.Name(toArrayBuffer(name)) : new x509.Name(name);
}

export async function buildCertificate(spec: CertificateSpec): Promise<ParsedCertificate> {
  ensureX509Crypto();
  const publicKey = new x509.PublicKey(toArrayBuffer(spkiDer(spec.subjectKey)));
  const extensions: x509.Extension[] = [];
  if (spec.basicConstraints) {
    const bc = spec.basicConstraints;
    extensions.push(new x509.BasicConstraintsExtension(bc.ca, bc.ca ? bc.pathLength : undefined, true));
  }
  if (spec.keyUsage) extensions.push(new x509.KeyUsagesExtension(keyUsageFlags(spec.keyUsage), true));
  if (spec.ekus && spec.ekus.length > 0)
    extensions.push(new x509.ExtendedKeyUsageExtension(spec.ekus, spec.ekusCritical === true));
  if (!spec.omitSki) extensions.push(await x509.SubjectKeyIdentifierExtension.create(publicKey));
  if (spec.issuerSki) extensions.push(new x509.AuthorityKeyIdentifierExtension(spec.issuerSki, false));
  if (spec.policies && spec.policies.length > 0) {
    extensions.push(new x509.CertificatePolicyExtension(spec.policies, false));
  }
  if (spec.crlUrls && spec.crlUrls.length > 0) {
    extensions.push(new x509.CRLDistributionPointsExtension(spec.crlUrls, false));
  }
  if (spec.deltaCrlUrls && spec.deltaCrlUrls.length > 0) {
    const cdp = new x509.CRLDistributionPointsExtension(spec.deltaCrlUrls, false);
    extensions.push(new x509.Extension(EXT.freshestCrl, false, cdp.value));
  }
  if ((spec.ocspUrls?.length ?? 0) > 0 || (spec.caIssuersUrls?.length ?? 0) > 0) {
    extensions.push(
      new x509.AuthorityInfoAccessExtension({
        ocsp: spec.ocspUrls ?? [],
        caIssuers: spec.caIssuersUrls ?? [],
      }),
    );
  }
  if (spec.sanEmails && spec.sanEmails.length > 0) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        spec.sanEmails.map((value) => ({ type: 'email' as const, value })),
        false,
      ),
    );
  }
  if (spec.ocspNoCheck)
    extensions.push(new x509.Extension(EXT.ocspNoCheck, false, Uint8Array.of(0x05, 0x00)));

  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: spec.serialNumber ?? randomSerial(),
    subject: toName(spec.subject),
    issuer: toName(spec.issuerName),
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    publicKey,
    signingKey: await toRsaSigningCryptoKey(spec.issuerKey),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
    extensions,
  });
  return parseCertificate(new Uint8Array(cert.rawData));
}
