/**
 * Fast SignedData reader: walks DER headers (no ASN.1 object tree) and keeps views of exactly the
 * bytes a SignerInfo check needs. It only reads plain DER; any legal-but-unusual encoding (BER
 * indefinite lengths, constructed OCTET STRINGs, non-X.509 certificate choices, CRLs inside the
 * CMS, multi-byte tags) raises `FastPathUnsupported` and the caller falls back to the pkijs
 * reference reader, so both paths give one verdict.
 */
import { normalizeSerial } from '../cert';
import { DerError, decodeOid, readTlv, type Tlv, toHex } from '../der';
import {
  CmsStructureError,
  type CmsView,
  OID_CONTENT_TYPE,
  OID_MESSAGE_DIGEST,
  OID_SIGNED_DATA,
  OID_SIGNING_TIME,
  OID_TIMESTAMP_TOKEN,
  type SignerIdentifier,
  type SignerView,
} from './cms-view';
import { parseAsn1Time } from './time-codec';

export class FastPathUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FastPathUnsupported';
  }
}

function tlv(buf: Uint8Array, offset: number, limit: number): Tlv {
  if (offset + 1 < limit) {
    if ((buf[offset] & 0x1f) === 0x1f) throw new FastPathUnsupported('multi-byte tag');
    if (buf[offset + 1] === 0x80) throw new FastPathUnsupported('indefinite length');
  }
  return readTlv(buf, offset, limit);
}

function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.contentStart;
  while (pos < parent.end) {
    const child = tlv(buf, pos, parent.end);
    out.push(child);
    pos = child.end;
  }
  return out;
}

function expect(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t) throw new CmsStructureError(`${what} missing`);
  if (t.tag !== tag) {
    // A constructed form of a primitive type is legal BER: let the reference reader judge it.
    if (t.tag === (tag | 0x20) && (tag & 0x20) === 0) throw new FastPathUnsupported(`constructed ${what}`);
    throw new CmsStructureError(`${what}: unexpected tag 0x${t.tag.toString(16)}`);
  }
  return t;
}

const content = (buf: Uint8Array, t: Tlv) => buf.subarray(t.contentStart, t.end);

/** The same few OIDs occur in every CMS: remember their decoded form by their bytes. */
const oidCache = new Map<string, string>();

function cachedOid(bytes: Uint8Array): string {
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let value = oidCache.get(key);
  if (value === undefined) {
    value = decodeOid(bytes);
    if (oidCache.size < 1000) oidCache.set(key, value);
  }
  return value;
}

function oid(buf: Uint8Array, t: Tlv | undefined, what: string): string {
  return cachedOid(content(buf, expect(t, 0x06, what)));
}

function algorithmOid(buf: Uint8Array, t: Tlv | undefined, what: string): string {
  const seq = expect(t, 0x30, what);
  const parts = children(buf, seq);
  if (parts.length < 1 || parts.length > 2) throw new CmsStructureError(`${what}: bad AlgorithmIdentifier`);
  return oid(buf, parts[0], what);
}

export function parseSignedDataFast(der: Uint8Array): CmsView {
  try {
    return parse(der);
  } catch (err) {
    if (err instanceof DerError) throw new CmsStructureError(err.message);
    throw err;
  }
}

function parse(buf: Uint8Array): CmsView {
  const ci = expect(tlv(buf, 0, buf.length), 0x30, 'ContentInfo');
  if (ci.end !== buf.length) throw new CmsStructureError('trailing bytes after ContentInfo');
  const [ctype, explicit, ...rest] = children(buf, ci);
  if (rest.length) throw new CmsStructureError('ContentInfo has extra fields');
  if (oid(buf, ctype, 'contentType') !== OID_SIGNED_DATA) throw new CmsStructureError('not a SignedData');
  const sdWrap = children(buf, expect(explicit, 0xa0, 'content'));
  if (sdWrap.length !== 1) throw new CmsStructureError('content must hold one SignedData');
  const sd = children(buf, expect(sdWrap[0], 0x30, 'SignedData'));
  let i = 0;
  expect(sd[i++], 0x02, 'SignedData.version');
  for (const alg of children(buf, expect(sd[i++], 0x31, 'digestAlgorithms')))
    algorithmOid(buf, alg, 'digestAlgorithm');
  const encap = children(buf, expect(sd[i++], 0x30, 'encapContentInfo'));
  if (encap.length < 1 || encap.length > 2) throw new CmsStructureError('bad encapContentInfo');
  const eContentType = oid(buf, encap[0], 'eContentType');
  let eContent: Uint8Array | null = null;
  if (encap[1]) {
    const inner = children(buf, expect(encap[1], 0xa0, 'eContent'));
    if (inner.length !== 1) throw new CmsStructureError('eContent must hold one OCTET STRING');
    eContent = content(buf, expect(inner[0], 0x04, 'eContent'));
  }
  const certificates: Uint8Array[] = [];
  if (sd[i]?.tag === 0xa0) {
    for (const c of children(buf, sd[i++])) {
      if (c.tag !== 0x30) throw new FastPathUnsupported('non-X.509 certificate choice');
      certificates.push(buf.subarray(c.start, c.end));
    }
  }
  if (sd[i]?.tag === 0xa1) throw new FastPathUnsupported('CRLs inside the CMS');
  const signerSet = expect(sd[i++], 0x31, 'signerInfos');
  if (i !== sd.length) throw new CmsStructureError('SignedData has extra fields');
  const signers = children(buf, signerSet).map((s) => parseSignerInfo(buf, s));
  return { eContentType, content: eContent, certificates, signers };
}

function parseSid(buf: Uint8Array, t: Tlv | undefined): SignerIdentifier {
  if (!t) throw new CmsStructureError('sid missing');
  if (t.tag === 0x30) {
    const [issuer, serial, ...rest] = children(buf, t);
    if (rest.length) throw new CmsStructureError('IssuerAndSerialNumber has extra fields');
    const issuerTlv = expect(issuer, 0x30, 'sid.issuer');
    const serialTlv = expect(serial, 0x02, 'sid.serialNumber');
    if (serialTlv.end === serialTlv.contentStart) throw new CmsStructureError('empty serial number');
    return {
      kind: 'issuerAndSerial',
      issuerDer: buf.subarray(issuerTlv.start, issuerTlv.end),
      serialHex: normalizeSerial(toHex(content(buf, serialTlv))),
    };
  }
  if (t.tag === 0x80) return { kind: 'subjectKeyIdentifier', ski: toHex(content(buf, t)) };
  if (t.tag === 0xa0) throw new FastPathUnsupported('constructed subjectKeyIdentifier');
  throw new CmsStructureError('bad sid');
}

function parseSignerInfo(buf: Uint8Array, t: Tlv): SignerView {
  const f = children(buf, expect(t, 0x30, 'SignerInfo'));
  let i = 0;
  expect(f[i++], 0x02, 'SignerInfo.version');
  const sid = parseSid(buf, f[i++]);
  const digestAlgorithmOid = algorithmOid(buf, f[i++], 'digestAlgorithm');
  let signedAttrsDer: Uint8Array | null = null;
  const view: Partial<SignerView> = {};
  if (f[i]?.tag === 0xa0) {
    const attrs = f[i++];
    signedAttrsDer = buf.slice(attrs.start, attrs.end);
    signedAttrsDer[0] = 0x31; // [0] IMPLICIT → SET OF, as signed
    readSignedAttributes(buf, attrs, view);
  }
  const signatureAlgorithmOid = algorithmOid(buf, f[i++], 'signatureAlgorithm');
  const signature = content(buf, expect(f[i++], 0x04, 'signature'));
  const timestampTokens: Uint8Array[] = [];
  if (f[i]?.tag === 0xa1) {
    for (const attr of children(buf, f[i++])) {
      const [type, values] = children(buf, expect(attr, 0x30, 'unsigned attribute'));
      const valueSet = children(buf, expect(values, 0x31, 'attribute values'));
      if (oid(buf, type, 'attribute type') === OID_TIMESTAMP_TOKEN) {
        for (const v of valueSet) timestampTokens.push(buf.subarray(v.start, v.end));
      }
    }
  }
  if (i !== f.length) throw new CmsStructureError('SignerInfo has extra fields');
  return {
    sid,
    digestAlgorithmOid,
    signatureAlgorithmOid,
    signedAttrsDer,
    ...view,
    signature,
    timestampTokens,
  };
}

/** First occurrence of each attribute of interest, first value (as pkijs reads them). */
function readSignedAttributes(buf: Uint8Array, attrs: Tlv, view: Partial<SignerView>): void {
  for (const attr of children(buf, attrs)) {
    const parts = children(buf, expect(attr, 0x30, 'signed attribute'));
    if (parts.length !== 2) throw new CmsStructureError('attribute must have a type and values');
    const type = oid(buf, parts[0], 'attribute type');
    const values = children(buf, expect(parts[1], 0x31, 'attribute values'));
    const first = values[0];
    if (type === OID_CONTENT_TYPE && view.contentType === undefined) {
      view.contentType = first?.tag === 0x06 ? cachedOid(content(buf, first)) : null;
    } else if (type === OID_MESSAGE_DIGEST && view.messageDigest === undefined) {
      view.messageDigest = first?.tag === 0x04 ? content(buf, first) : null;
    } else if (type === OID_SIGNING_TIME && view.signingTime === undefined) {
      view.signingTime = first ? parseAsn1Time(first.tag, content(buf, first)) : null;
    }
  }
}
