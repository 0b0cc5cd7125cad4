/**
 * Reference path: pkijs reads the whole SignedData (full ASN.1 tree, every certificate parsed
 * against its schema) and `SignedData.verify` checks message digest and signature with WebCrypto.
 * Slow (≈ 240/s) but complete and independent of the fast reader, which tests compare it with.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { normalizeSerial } from '../cert';
import { toArrayBuffer, toHex } from '../der';
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

export interface ReferenceParse {
  view: CmsView;
  signedData: pkijs.SignedData;
}

const bytesOf = (view: Uint8Array) => new Uint8Array(view);

export function parseSignedDataReference(der: Uint8Array): ReferenceParse {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) throw new CmsStructureError(`ASN.1: ${asn1.result.error}`);
  if (asn1.offset !== der.length) throw new CmsStructureError('trailing bytes after ContentInfo');
  let contentInfo: pkijs.ContentInfo;
  let signedData: pkijs.SignedData;
  try {
    contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID_SIGNED_DATA) throw new CmsStructureError('not a SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (err) {
    if (err instanceof CmsStructureError) throw err;
    throw new CmsStructureError(`pkijs: ${(err as Error).message}`);
  }
  return { view: toView(contentInfo, signedData), signedData };
}

function certificateBlocks(contentInfo: pkijs.ContentInfo): asn1js.AsnType[] {
  const sdSeq = contentInfo.content as asn1js.Sequence;
  for (const part of sdSeq.valueBlock.value) {
    if (part.idBlock.tagClass === 3 && part.idBlock.tagNumber === 0) {
      return (part as asn1js.Constructed).valueBlock.value;
    }
  }
  return [];
}

function toView(contentInfo: pkijs.ContentInfo, sd: pkijs.SignedData): CmsView {
  const certificates: Uint8Array[] = [];
  for (const block of certificateBlocks(contentInfo)) {
    if (block.idBlock.tagClass === 1 && block.idBlock.tagNumber === 16) {
      certificates.push(bytesOf(block.valueBeforeDecodeView));
    }
  }
  const eContent = sd.encapContentInfo.eContent;
  return {
    eContentType: sd.encapContentInfo.eContentType,
    content: eContent ? new Uint8Array(eContent.getValue()) : null,
    certificates,
    signers: sd.signerInfos.map(signerView),
  };
}

function sidOf(info: pkijs.SignerInfo): SignerIdentifier {
  const sid = info.sid as pkijs.IssuerAndSerialNumber | asn1js.OctetString | asn1js.Constructed;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return {
      kind: 'issuerAndSerial',
      issuerDer: new Uint8Array(sid.issuer.valueBeforeDecode),
      serialHex: normalizeSerial(toHex(sid.serialNumber.valueBlock.valueHexView)),
    };
  }
  const keyId = sid.idBlock.isConstructed
    ? ((sid as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString).valueBlock.valueHexView
    : (sid as asn1js.OctetString).valueBlock.valueHexView;
  return { kind: 'subjectKeyIdentifier', ski: toHex(keyId) };
}

function timeOf(value: unknown): Date | null {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    const d = value.toDate();
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function signerView(info: pkijs.SignerInfo): SignerView {
  const view: SignerView = {
    sid: sidOf(info),
    digestAlgorithmOid: info.digestAlgorithm.algorithmId,
    signatureAlgorithmOid: info.signatureAlgorithm.algorithmId,
    signedAttrsDer: info.signedAttrs ? new Uint8Array(info.signedAttrs.encodedValue) : null,
    signature: bytesOf(info.signature.valueBlock.valueHexView),
    timestampTokens: [],
  };
  for (const attr of info.signedAttrs?.attributes ?? []) {
    const first = attr.values[0];
    if (attr.type === OID_CONTENT_TYPE && view.contentType === undefined) {
      view.contentType = first instanceof asn1js.ObjectIdentifier ? first.valueBlock.toString() : null;
    } else if (attr.type === OID_MESSAGE_DIGEST && view.messageDigest === undefined) {
      view.messageDigest =
        first instanceof asn1js.OctetString && !first.idBlock.isConstructed
          ? bytesOf(first.valueBlock.valueHexView)
          : null;
    } else if (attr.type === OID_SIGNING_TIME && view.signingTime === undefined) {
      view.signingTime = first ? timeOf(first) : null;
    }
  }
  for (const attr of info.unsignedAttrs?.attributes ?? []) {
    if (attr.type !== OID_TIMESTAMP_TOKEN) continue;
    for (const v of attr.values) view.timestampTokens.push(bytesOf(v.valueBeforeDecodeView));
  }
  return view;
}

export type ReferenceOutcome =
  | { ok: true /** Index into `CmsView.certificates`. */; signerCertificateIndex: number }
  | {
      ok: false;
      check: 'structure' | 'digest' | 'signature' | 'algorithm';
      reason: string;
      signerCertificateIndex: number;
    };

/** pkijs `SignedData.verify` for one signer (no chain: tereze's chain builder does that). */
export async function verifySignerReference(
  signedData: pkijs.SignedData,
  index: number,
  detached: Uint8Array | null,
): Promise<ReferenceOutcome> {
  try {
    const result = await signedData.verify({
      signer: index,
      data: detached ? toArrayBuffer(detached) : undefined,
      checkChain: false,
      extendedMode: true,
    });
    const signerCertificateIndex = indexOf(result.signerCertificate);
    if (!result.signatureVerified) {
      return { ok: false, check: 'signature', reason: 'bad_signature', signerCertificateIndex };
    }
    return { ok: true, signerCertificateIndex };
  } catch (err) {
    const e = err as { code?: number; message?: string; signerCertificate?: pkijs.Certificate | null };
    const signerCertificateIndex = indexOf(e.signerCertificate);
    const fail = (
      check: 'structure' | 'digest' | 'signature' | 'algorithm',
      reason: string,
    ): ReferenceOutcome => ({
      ok: false,
      check,
      reason,
      signerCertificateIndex,
    });
    switch (e.code) {
      case 2:
      case 3:
        return fail('structure', 'signer_certificate_not_found');
      case 7:
        return fail('algorithm', 'unsupported_algorithm');
      case 9:
        return fail('structure', 'content_type_attribute_missing');
      case 10:
        return fail('structure', 'message_digest_attribute_missing');
      default:
        if (/Message digest doesn't match/.test(e.message ?? ''))
          return fail('digest', 'message_digest_mismatch');
        return fail('signature', 'bad_signature');
    }
  }

  function indexOf(cert: pkijs.Certificate | null | undefined): number {
    if (!cert) return -1;
    return (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate).indexOf(cert);
  }
}
