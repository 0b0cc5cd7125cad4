/**
 * Minimal DER helpers: walk tag-length-value headers without building an ASN.1 object tree
 * (fast, and exact: the bytes returned are the bytes that were signed), PEM/base64 decoding,
 * hex. No cryptography here.
 */

export interface Tlv {
  /** First identifier octet (multi-byte tags are refused). */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** Reads one definite-length TLV at `offset`, bounded by `limit`. Throws DerError on anything odd. */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated DER header');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  let pos = offset + 1;
  const first = buf[pos++];
  let length: number;
  if (first < 0x80) {
    length = first;
  } else if (first === 0x80) {
    throw new DerError('indefinite length (BER) is not supported here');
  } else {
    const n = first & 0x7f;
    if (n > 4 || pos + n > limit) throw new DerError('bad DER length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[pos++];
  }
  const end = pos + length;
  if (end > limit) throw new DerError('DER value runs past its container');
  return { tag, start: offset, contentStart: pos, end };
}

/** Children of a constructed TLV. */
export function readChildren(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.contentStart;
  while (pos < parent.end) {
    const child = readTlv(buf, pos, parent.end);
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** Whole encoding of a TLV (header + content) as a view. */
export function tlvBytes(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.end);
}

/** Encodes a DER length. */
export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  let n = length;
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

/** Builds a TLV from a tag and content parts. */
export function encodeTlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const content = concatBytes(...parts);
  return concatBytes(Uint8Array.of(tag), encodeLength(content.length), content);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** Plain Uint8Array copy of any buffer-like (Buffer, view, ArrayBuffer). */
export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/** An ArrayBuffer holding exactly these bytes (for pkijs / asn1js / WebCrypto). */
export function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

const BASE64_RE = /^[A-Za-z0-9+/_-]*={0,2}$/;
const STANDARD_BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 (standard or url-safe, whitespace ignored); null when it is not base64. */
export function decodeBase64Strict(text: string): Uint8Array | null {
  // Fast path (every signed action's CMS): plain standard base64 needs no rewriting passes.
  let normalised = text;
  if (!STANDARD_BASE64_RE.test(text)) {
    const compact = text.replace(/\s+/g, '');
    if (!BASE64_RE.test(compact)) return null;
    normalised = compact.replace(/-/g, '+').replace(/_/g, '/');
  }
  let end = normalised.length;
  while (end > 0 && normalised.charCodeAt(end - 1) === 61 /* = */) end--;
  if (normalised.length === 0 || end % 4 === 1) return null;
  return new Uint8Array(Buffer.from(normalised, 'base64'));
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** First PEM block of a text: its label and DER; null when the text has no PEM block. */
export function decodePem(text: string): { label: string; der: Uint8Array } | null {
  const m = PEM_RE.exec(text);
  if (!m) return null;
  const der = decodeBase64Strict(m[2]);
  if (!der) return null;
  return { label: m[1], der };
}

/** All PEM blocks with the given label. */
export function decodePemAll(text: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(re)) {
    const der = decodeBase64Strict(m[1]);
    if (der) out.push(der);
  }
  return out;
}

export function encodePem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Encodes an OBJECT IDENTIFIER TLV from dotted form. */
export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new DerError(`bad OID ${oid}`);
    return Number(a);
  });
  if (arcs.length < 2) throw new DerError(`bad OID ${oid}`);
  const body: number[] = [];
  const pushArc = (value: number) => {
    const chunk: number[] = [value & 0x7f];
    let v = Math.floor(value / 128);
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    body.push(...chunk);
  };
  pushArc(arcs[0] * 40 + arcs[1]);
  for (const a of arcs.slice(2)) pushArc(a);
  return encodeTlv(0x06, Uint8Array.from(body));
}

/** DER time: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 rule). */
export function encodeTime(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const year = date.getUTCFullYear();
  const compact = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  if (year >= 1950 && year < 2050) return encodeTlv(0x17, new TextEncoder().encode(compact.slice(2)));
  return encodeTlv(0x18, new TextEncoder().encode(compact));
}

/** Lexicographic byte comparison (DER SET OF ordering). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}

/** GeneralizedTime (YYYYMMDDHHMMSSZ), as OCSP requires. */
export function encodeGeneralizedTime(date: Date): Uint8Array {
  const iso = date.toISOString();
  const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return encodeTlv(0x18, new TextEncoder().encode(text));
}

/** Non-negative INTEGER TLV. */
export function encodeUnsignedInteger(value: number | bigint): Uint8Array {
  let n = BigInt(value);
  if (n < 0n) throw new DerError('negative integer');
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  } while (n > 0n);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return encodeTlv(0x02, Uint8Array.from(bytes));
}

/** Dotted form of an OBJECT IDENTIFIER's content octets. */
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

const UTC_RE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GEN_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/;

/** Decodes a UTCTime (0x17, RFC 5280 century rule) or GeneralizedTime (0x18) TLV. */
export function decodeTime(buf: Uint8Array, tlv: Tlv): Date {
  const text = new TextDecoder('latin1').decode(buf.subarray(tlv.contentStart, tlv.end));
  let parts: number[];
  let ms = 0;
  if (tlv.tag === 0x17) {
    const m = UTC_RE.exec(text);
    if (!m) throw new DerError(`bad UTCTime ${text}`);
    const yy = Number(m[1]);
    parts = [yy < 50 ? 2000 + yy : 1900 + yy, ...m.slice(2, 7).map(Number)];
  } else if (tlv.tag === 0x18) {
    const m = GEN_RE.exec(text);
    if (!m) throw new DerError(`bad GeneralizedTime ${text}`);
    parts = m.slice(1, 7).map(Number);
    if (m[7]) ms = Number(m[7].slice(0, 3).padEnd(3, '0'));
  } else {
    throw new DerError('not a time');
  }
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    throw new DerError(`bad time ${text}`);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}
