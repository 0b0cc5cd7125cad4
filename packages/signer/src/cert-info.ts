import type { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyPurpose } from './types';

// Certificate fields the signer needs for key selection and getKeyInfo. node:crypto's X509Certificate
// gives names, EKUs and signature checks; pkijs reads the extensions node does not expose.

export const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

const OID_KEY_USAGE = '2.5.29.15';
const OID_SUBJECT_KEY_ID = '2.5.29.14';
const OID_AUTHORITY_KEY_ID = '2.5.29.35';
// KeyUsage bit positions (RFC 5280): digitalSignature(0), nonRepudiation(1), keyEncipherment(2)
const KU_NON_REPUDIATION = 1;
const KU_KEY_ENCIPHERMENT = 2;

const parsed = new WeakMap<X509Certificate, pkijs.Certificate>();

function pkijsOf(cert: X509Certificate): pkijs.Certificate {
  let c = parsed.get(cert);
  if (!c) {
    c = pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
    parsed.set(cert, c);
  }
  return c;
}

function extension(cert: X509Certificate, oid: string): pkijs.Extension | undefined {
  return pkijsOf(cert).extensions?.find((e) => e.extnID === oid);
}

function hex(bytes: ArrayBuffer): string {
  return Buffer.from(bytes).toString('hex');
}

export function extendedKeyUsages(cert: X509Certificate): string[] {
  // node returns undefined when the extension is absent
  const usages = cert.keyUsage as string[] | undefined;
  return usages ? [...usages] : [];
}

function keyUsageBit(cert: X509Certificate, bit: number): boolean {
  const ext = extension(cert, OID_KEY_USAGE);
  const bits = ext?.parsedValue;
  if (!(bits instanceof asn1js.BitString)) return false;
  const bytes = new Uint8Array(bits.valueBlock.valueHexView);
  const byte = bytes[bit >> 3] ?? 0;
  return (byte & (0x80 >> (bit & 7))) !== 0;
}

/** Whether the key may be picked for commonUtils' keyType AUTHENTICATION. */
export function canAuthenticate(cert: X509Certificate): boolean {
  return extendedKeyUsages(cert).includes(OID_CLIENT_AUTH) || keyUsageBit(cert, KU_KEY_ENCIPHERMENT);
}

/** Whether the key may be picked for commonUtils' keyType SIGNATURE. */
export function canSign(cert: X509Certificate): boolean {
  return extendedKeyUsages(cert).includes(OID_EMAIL_PROTECTION) || keyUsageBit(cert, KU_NON_REPUDIATION);
}

export function purposeOf(cert: X509Certificate): KeyPurpose {
  const ekus = extendedKeyUsages(cert);
  if (ekus.includes(OID_CLIENT_AUTH)) return 'AUTH';
  if (ekus.includes(OID_EMAIL_PROTECTION)) return 'SIGN';
  return 'OTHER';
}

/** Values of one attribute type in a distinguished name. */
function attributeValues(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues
    .filter((tv) => tv.type === oid)
    .map((tv) => String((tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value ?? ''));
}

const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_ORG_UNIT = '2.5.4.11';
const OID_COMMON_NAME = '2.5.4.3';

/** IIN from SERIALNUMBER=IIN<12 digits> (NCA individual profile). */
export function iinOf(cert: X509Certificate): string | undefined {
  for (const v of attributeValues(pkijsOf(cert).subject, OID_SERIAL_NUMBER)) {
    const m = /^IIN(\d{12})$/.exec(v);
    if (m) return m[1];
  }
  return undefined;
}

/** BIN from OU=BIN<12 digits> (NCA legal-entity profile). */
export function binOf(cert: X509Certificate): string | undefined {
  for (const v of attributeValues(pkijsOf(cert).subject, OID_ORG_UNIT)) {
    const m = /^BIN(\d{12})$/.exec(v);
    if (m) return m[1];
  }
  return undefined;
}

export function commonName(cert: X509Certificate, from: 'subject' | 'issuer' = 'subject'): string {
  const c = pkijsOf(cert);
  return attributeValues(from === 'subject' ? c.subject : c.issuer, OID_COMMON_NAME)[0] ?? '';
}

export function subjectKeyId(cert: X509Certificate): string | undefined {
  const v = extension(cert, OID_SUBJECT_KEY_ID)?.parsedValue;
  return v instanceof asn1js.OctetString ? hex(v.valueBlock.valueHexView.slice().buffer) : undefined;
}

export function authorityKeyId(cert: X509Certificate): string | undefined {
  const v = extension(cert, OID_AUTHORITY_KEY_ID)?.parsedValue;
  if (v instanceof pkijs.AuthorityKeyIdentifier && v.keyIdentifier) {
    return hex(v.keyIdentifier.valueBlock.valueHexView.slice().buffer);
  }
  return undefined;
}

/** Serial number as lower-case hex without leading zeros (NCALayer prints it that way). */
export function serialHex(cert: X509Certificate): string {
  return cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.42': 'G',
  '1.2.840.113549.1.9.1': 'E',
};

/** Distinguished name in NCALayer's one-line form, in encoding order: `CN=…,SURNAME=…,SERIALNUMBER=…,C=KZ`. */
export function oneLineDn(cert: X509Certificate, from: 'subject' | 'issuer' = 'subject'): string {
  const c = pkijsOf(cert);
  const name = from === 'subject' ? c.subject : c.issuer;
  return name.typesAndValues
    .map((tv) => {
      const value = String((tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value ?? '');
      return `${SHORT_NAMES[tv.type] ?? tv.type}=${value}`;
    })
    .join(',');
}

export function algorithmName(cert: X509Certificate): string {
  const type = cert.publicKey.asymmetricKeyType ?? '';
  if (type === 'rsa' || type === 'rsa-pss') return 'RSA';
  if (type === 'ec') return 'EC';
  return type.toUpperCase() || 'UNKNOWN';
}
