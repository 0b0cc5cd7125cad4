/**
 * Test time-stamping authority (RFC 3161): TimeStampTokens are CMS SignedData over a TSTInfo,
 * signed by a certificate with the critical EKU id-kp-timeStamping; and a helper that attaches a
 * token to a signer as the unsigned attribute id-aa-timeStampToken.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signCms } from '../cms-sign';
import { encodeOid, encodeTlv, readChildren, readTlv, type Tlv, tlvBytes, toArrayBuffer } from '../der';
import type { KeyBundle } from '../keys';
import { ALG, CMS } from '../oids';

export const OID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';
/** Test policy arc for the TSA's TSTInfo.policy. */
export const TEST_TSA_POLICY = '1.2.398.3.3.99.1';

export interface TimestampOptions {
  /** Default now. */
  genTime?: Date;
  nonce?: bigint | number;
}

/** A DER TimeStampToken (ContentInfo) for a SHA-256 message imprint. */
export async function timestampToken(
  tsa: KeyBundle,
  messageImprintHash: Uint8Array,
  opts: TimestampOptions = {},
): Promise<Uint8Array> {
  if (messageImprintHash.length !== 32) throw new Error('timestampToken: the imprint must be a SHA-256 hash');
  const genTime = opts.genTime ?? new Date();
  const serial = randomBytes(8);
  serial[0] &= 0x7f;
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: TEST_TSA_POLICY,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: ALG.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(messageImprintHash) }),
    }),
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(serial) }),
    genTime,
    ...(opts.nonce !== undefined ? { nonce: new asn1js.Integer({ value: Number(opts.nonce) }) } : {}),
  });
  const tstDer = new Uint8Array(tst.toSchema().toBER());
  // signCms signs with signing-time, message-digest, content-type and ESSCertIDv2 (signingCertificateV2).
  return signCms(tstDer, tsa, { eContentType: OID_CT_TSTINFO, signingTime: genTime });
}

/** SHA-256 of a SignerInfo's signature value: what its timestamp token must cover. */
export function signatureImprint(signature: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(signature).digest());
}

function child(buf: Uint8Array, parent: Tlv, index: number): Tlv {
  const c = readChildren(buf, parent)[index];
  if (!c) throw new Error('addTimestampToken: not a SignedData');
  return c;
}

/** The signature OCTET STRING of a SignerInfo (after the optional [0] signed attributes). */
function signatureOf(buf: Uint8Array, signerInfo: Tlv): { parts: Tlv[]; signatureIndex: number } {
  const parts = readChildren(buf, signerInfo);
  const signatureIndex = parts.findIndex((p, i) => i >= 4 && p.tag === 0x04);
  if (signatureIndex < 0) throw new Error('addTimestampToken: SignerInfo without signature');
  return { parts, signatureIndex };
}

/** The signature value of signer `index` (for building its imprint). */
export function signerSignature(cms: Uint8Array, index = 0): Uint8Array {
  const { buf, signerInfos } = locate(cms);
  const si = signerInfos[index];
  if (!si) throw new Error(`addTimestampToken: no signer ${index}`);
  const { parts, signatureIndex } = signatureOf(buf, si);
  const sig = parts[signatureIndex];
  return buf.slice(sig.contentStart, sig.end);
}

function locate(cms: Uint8Array) {
  const buf = cms;
  const outer = readTlv(buf, 0);
  const explicit = child(buf, outer, 1);
  const sd = readTlv(buf, explicit.contentStart, explicit.end);
  const sdParts = readChildren(buf, sd);
  const infosTlv = sdParts[sdParts.length - 1];
  return { buf, outer, sd, sdParts, infosTlv, signerInfos: readChildren(buf, infosTlv) };
}

/**
 * Adds `token` as id-aa-timeStampToken to signer `index`; every other byte of the CMS (content,
 * certificates, other signers, the signed attributes and the signature) stays as it was.
 */
export function addTimestampToken(cms: Uint8Array, token: Uint8Array, index = 0): Uint8Array {
  const { buf, sdParts, signerInfos } = locate(cms);
  const target = signerInfos[index];
  if (!target) throw new Error(`addTimestampToken: no signer ${index}`);
  const { parts, signatureIndex } = signatureOf(buf, target);
  const attr = encodeTlv(0x30, encodeOid(CMS.timeStampToken), encodeTlv(0x31, token));
  const existing = parts[signatureIndex + 1];
  const unsigned = existing
    ? encodeTlv(0xa1, ...readChildren(buf, existing).map((t) => tlvBytes(buf, t)), attr)
    : encodeTlv(0xa1, attr);
  const newInfo = encodeTlv(
    0x30,
    ...parts.slice(0, signatureIndex + 1).map((t) => tlvBytes(buf, t)),
    unsigned,
  );
  const infos = signerInfos.map((t, i) => (i === index ? newInfo : tlvBytes(buf, t)));
  const signedData = encodeTlv(
    0x30,
    ...sdParts.slice(0, -1).map((t) => tlvBytes(buf, t)),
    encodeTlv(0x31, ...infos),
  );
  return encodeTlv(0x30, encodeOid(CMS.signedData), encodeTlv(0xa0, signedData));
}
