/**
 * X.501 Name decoding straight from DER: the attributes in order, and a display string in
 * @peculiar/x509's format (`CN=…, SN=…, 2.5.4.5=IIN…`) without building its object model.
 */
import { DerError, decodeOid, readChildren, readTlv, toHex } from './der';

export interface NameAttribute {
  /** Attribute type OID. */
  type: string;
  /** Decoded string value; `#<hex DER>` for non-string values. */
  value: string;
  /** Index of the RDN (SET) the attribute belongs to. */
  rdn: number;
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'T',
};

const utf8 = new TextDecoder('utf-8', { fatal: false });
const latin1 = new TextDecoder('latin1');

function decodeString(tag: number, bytes: Uint8Array): string | null {
  switch (tag) {
    case 0x0c: // UTF8String
      return utf8.decode(bytes);
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return latin1.decode(bytes);
    case 0x14: // TeletexString (treated as Latin-1, as most libraries do)
      return latin1.decode(bytes);
    case 0x1e: {
      // BMPString: UTF-16BE
      if (bytes.length % 2) throw new DerError('odd BMPString');
      let s = '';
      for (let i = 0; i < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
      return s;
    }
    case 0x1c: {
      // UniversalString: UTF-32BE
      if (bytes.length % 4) throw new DerError('bad UniversalString');
      let s = '';
      for (let i = 0; i < bytes.length; i += 4) {
        s += String.fromCodePoint(
          ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0,
        );
      }
      return s;
    }
    default:
      return null;
  }
}

/** Attributes of a Name (DER of the SEQUENCE OF RDN), in encoding order. */
export function decodeName(der: Uint8Array): NameAttribute[] {
  const seq = readTlv(der, 0);
  if (seq.tag !== 0x30 || seq.end !== der.length) throw new DerError('Name is not a SEQUENCE');
  const out: NameAttribute[] = [];
  readChildren(der, seq).forEach((set, rdn) => {
    if (set.tag !== 0x31) throw new DerError('RDN is not a SET');
    for (const atv of readChildren(der, set)) {
      const [oid, value, extra] = readChildren(der, atv);
      if (atv.tag !== 0x30 || oid?.tag !== 0x06 || !value || extra)
        throw new DerError('bad AttributeTypeAndValue');
      const bytes = der.subarray(value.contentStart, value.end);
      const text = decodeString(value.tag, bytes);
      out.push({
        type: decodeOid(der.subarray(oid.contentStart, oid.end)),
        value: text ?? `#${toHex(der.subarray(value.start, value.end))}`,
        rdn,
      });
    }
  });
  return out;
}

function escapeValue(value: string): string {
  if (value.startsWith('#') && /^#[0-9a-f]+$/.test(value)) return value;
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/([\r\n\t])/, (c) => `\\${Buffer.from(c).toString('hex').toUpperCase()}`);
}

/** Display string: RDNs joined by ", ", multi-valued RDNs by "+", short names where known. */
export function nameToString(attrs: NameAttribute[]): string {
  const rdns: string[][] = [];
  for (const a of attrs) {
    rdns[a.rdn] ??= [];
    rdns[a.rdn].push(`${SHORT_NAMES[a.type] ?? a.type}=${escapeValue(a.value)}`);
  }
  return rdns
    .filter(Boolean)
    .map((r) => r.join('+'))
    .join(', ');
}
