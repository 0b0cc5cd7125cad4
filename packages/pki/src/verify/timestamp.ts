/**
 * RFC 3161 timestamp tokens (id-aa-timeStampToken on a SignerInfo). Shared by both engines: the
 * token is its own small CMS, read and checked by pkijs (signature, message digest), then the TSA
 * certificate goes through tereze's chain builder at genTime and must carry EKU id-kp-timeStamping.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type ParsedCertificate, parseCertificate } from '../cert';
import { buildChain } from '../chain';
import { bytesEqual, toArrayBuffer } from '../der';
import { EKU } from '../oids';
import { digest, digestStatus } from './algorithms';
import { OID_SIGNED_DATA } from './cms-view';

const OID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';

export type TimestampVerdict = { ok: true; genTime: Date } | { ok: false; reason: string };

export interface TimestampContext {
  anchors: readonly ParsedCertificate[];
  intermediates: readonly ParsedCertificate[];
  now: Date;
  skewMs: number;
  fetchAia?: boolean;
  fetch?: typeof fetch;
}

/** Verifies one token against the signature value it must cover. */
export async function verifyTimestampToken(
  token: Uint8Array,
  signatureValue: Uint8Array,
  ctx: TimestampContext,
): Promise<TimestampVerdict> {
  const fail = (reason: string): TimestampVerdict => ({ ok: false, reason });
  let sd: pkijs.SignedData;
  let tst: pkijs.TSTInfo;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(token));
    if (asn1.offset !== token.length) return fail('timestamp_malformed: not one DER value');
    const ci = new pkijs.ContentInfo({ schema: asn1.result });
    if (ci.contentType !== OID_SIGNED_DATA) return fail('timestamp_malformed: not a SignedData');
    sd = new pkijs.SignedData({ schema: ci.content });
    if (sd.encapContentInfo.eContentType !== OID_CT_TSTINFO)
      return fail('timestamp_malformed: eContentType is not id-ct-TSTInfo');
    if (sd.signerInfos.length !== 1) return fail('timestamp_malformed: one signer required');
    const eContent = sd.encapContentInfo.eContent;
    if (!eContent) return fail('timestamp_malformed: no TSTInfo');
    const inner = asn1js.fromBER(eContent.getValue());
    if (inner.offset === -1) return fail('timestamp_malformed: TSTInfo');
    tst = new pkijs.TSTInfo({ schema: inner.result });
  } catch (err) {
    return fail(`timestamp_malformed: ${(err as Error).message}`);
  }

  // The imprint must be the hash of this signer's signature value (RFC 3161 appendix A).
  const hashOid = tst.messageImprint.hashAlgorithm.algorithmId;
  if (!digestStatus(hashOid).ok) return fail(`timestamp_unsupported_imprint_hash: ${hashOid}`);
  const imprint = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!bytesEqual(imprint, digest(hashOid, signatureValue))) return fail('timestamp_imprint_mismatch');

  const genTime = tst.genTime;
  if (!(genTime instanceof Date) || Number.isNaN(genTime.getTime()))
    return fail('timestamp_malformed: genTime');
  if (genTime.getTime() > ctx.now.getTime() + ctx.skewMs) return fail('timestamp_in_future');

  // Token signature (message digest of the TSTInfo + signature over the signed attributes). For a
  // TSTInfo pkijs takes `data` as the timestamped data and re-checks the imprint against it.
  let signerCert: pkijs.Certificate | undefined;
  try {
    const r = await sd.verify({
      signer: 0,
      data: toArrayBuffer(signatureValue),
      checkChain: false,
      extendedMode: true,
    });
    if (!r.signatureVerified) return fail('timestamp_bad_signature');
    signerCert = r.signerCertificate ?? undefined;
  } catch (err) {
    const e = err as { code?: number };
    return fail(
      e.code === 2 || e.code === 3 ? 'timestamp_tsa_certificate_not_found' : 'timestamp_bad_signature',
    );
  }
  if (!signerCert) return fail('timestamp_tsa_certificate_not_found');

  let tsa: ParsedCertificate;
  let embedded: ParsedCertificate[];
  try {
    tsa = parseCertificate(new Uint8Array(signerCert.toSchema().toBER()));
    embedded = (sd.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => parseCertificate(new Uint8Array(c.toSchema().toBER())));
  } catch (err) {
    return fail(`timestamp_malformed: certificate: ${(err as Error).message}`);
  }
  if (!tsa.ekus.includes(EKU.timeStamping)) return fail('timestamp_tsa_lacks_timeStamping_eku');
  const chain = await buildChain(tsa, {
    anchors: ctx.anchors,
    intermediates: [...ctx.intermediates, ...embedded],
    at: genTime,
    fetchAia: ctx.fetchAia,
    fetch: ctx.fetch,
  });
  if (!chain.ok) return fail(`timestamp_tsa_untrusted: ${chain.reason}`);
  return { ok: true, genTime };
}
