/**
 * RFC 6960 OCSP responder of the test CA as a plain function: DER OCSPRequest in, DER
 * OCSPResponse out (mount it on POST /ocsp and GET /ocsp/<base64>). Certificates of the
 * issuing CA are answered by the delegated responder (id-kp-OCSPSigning, issued by the
 * issuing CA); certificates issued by the root are answered by the root itself.
 */
import { createHash, sign as nodeSign } from 'node:crypto';
import type { ParsedCertificate } from '../cert';
import { decodeOid } from '../cert';
import {
  bytesEqual,
  encodeGeneralizedTime,
  encodeOid,
  encodeTlv,
  readChildren,
  readTlv,
  type Tlv,
  tlvBytes,
  toHex,
} from '../der';
import type { KeyBundle } from '../keys';
import { ALG, EXT } from '../oids';
import { REASON_CODES } from './crl';
import type { CaIndex, IssuerRef } from './store';

export const OCSP_STATUS = {
  successful: 0,
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
} as const;

const HASHES: Record<string, string> = {
  [ALG.sha1]: 'sha1',
  [ALG.sha256]: 'sha256',
  [ALG.sha384]: 'sha384',
  [ALG.sha512]: 'sha512',
};

export interface OcspIssuer {
  ref: IssuerRef;
  ca: ParsedCertificate;
  /** Who signs answers about this CA's certificates. */
  responder: KeyBundle;
}

export interface OcspOptions {
  now?: Date;
  /** nextUpdate − thisUpdate in seconds (default 3600). */
  validitySeconds?: number;
}

interface ParsedRequestItem {
  certId: Uint8Array;
  hashOid: string;
  nameHash: Uint8Array;
  keyHash: Uint8Array;
  serial: string;
}

/** The subjectPublicKey BIT STRING value of a certificate (what issuerKeyHash hashes). */
function publicKeyBits(cert: ParsedCertificate): Uint8Array {
  const spki = readTlv(cert.spki, 0);
  const [, bits] = readChildren(cert.spki, spki);
  return cert.spki.subarray(bits.contentStart + 1, bits.end);
}

function hash(alg: string, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(alg).update(data).digest());
}

export function ocspStatusResponse(status: number): Uint8Array {
  return encodeTlv(0x30, encodeTlv(0x0a, Uint8Array.of(status)));
}

function parseRequest(der: Uint8Array): { items: ParsedRequestItem[]; nonceExtension?: Uint8Array } {
  const outer = readTlv(der, 0);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new Error('not an OCSPRequest');
  const [tbs] = readChildren(der, outer);
  if (tbs?.tag !== 0x30) throw new Error('no tbsRequest');
  const fields = readChildren(der, tbs);
  const list = fields.find((f) => f.tag === 0x30);
  if (!list) throw new Error('no requestList');
  const items = readChildren(der, list).map((req) => {
    const [certIdTlv] = readChildren(der, req);
    const [alg, nameHash, keyHash, serial] = readChildren(der, certIdTlv);
    if (alg?.tag !== 0x30 || nameHash?.tag !== 0x04 || keyHash?.tag !== 0x04 || serial?.tag !== 0x02) {
      throw new Error('bad CertID');
    }
    const [oid] = readChildren(der, alg);
    let serialHex = toHex(der.subarray(serial.contentStart, serial.end));
    while (serialHex.length > 2 && serialHex.startsWith('00')) serialHex = serialHex.slice(2);
    return {
      certId: tlvBytes(der, certIdTlv),
      hashOid: decodeOid(der.subarray(oid.contentStart, oid.end)),
      nameHash: der.subarray(nameHash.contentStart, nameHash.end),
      keyHash: der.subarray(keyHash.contentStart, keyHash.end),
      serial: serialHex,
    };
  });
  if (items.length === 0) throw new Error('empty requestList');
  let nonceExtension: Uint8Array | undefined;
  const extsExplicit = fields.find((f: Tlv) => f.tag === 0xa2);
  if (extsExplicit) {
    const exts = readTlv(der, extsExplicit.contentStart, extsExplicit.end);
    for (const ext of readChildren(der, exts)) {
      const [oid] = readChildren(der, ext);
      if (bytesEqual(tlvBytes(der, oid), encodeOid(EXT.ocspNonce))) nonceExtension = tlvBytes(der, ext);
    }
  }
  return { items, nonceExtension };
}

function matches(item: ParsedRequestItem, ca: ParsedCertificate): boolean {
  const alg = HASHES[item.hashOid];
  if (!alg) return false;
  return (
    bytesEqual(hash(alg, ca.subjectDer), item.nameHash) &&
    bytesEqual(hash(alg, publicKeyBits(ca)), item.keyHash)
  );
}

/** Answers an OCSP request. Never throws: bad input gets a malformedRequest response. */
export function answerOcsp(
  requestDer: Uint8Array,
  index: CaIndex,
  issuers: OcspIssuer[],
  opts: OcspOptions = {},
): Uint8Array {
  let parsed: ReturnType<typeof parseRequest>;
  try {
    parsed = parseRequest(requestDer);
  } catch {
    return ocspStatusResponse(OCSP_STATUS.malformedRequest);
  }
  const now = opts.now ?? new Date();
  // The first request entry decides which CA (and so which responder) answers.
  const issuer = issuers.find((i) => matches(parsed.items[0], i.ca));
  if (!issuer) return ocspStatusResponse(OCSP_STATUS.unauthorized);
  const thisUpdate = encodeGeneralizedTime(now);
  const nextUpdate = encodeTlv(
    0xa0,
    encodeGeneralizedTime(new Date(now.getTime() + (opts.validitySeconds ?? 3600) * 1000)),
  );

  const singles = parsed.items.map((item) => {
    const rec = matches(item, issuer.ca)
      ? index.issued.find((r) => r.serial === item.serial && r.issuer === issuer.ref)
      : undefined;
    let status: Uint8Array;
    if (!rec) {
      status = Uint8Array.of(0x82, 0x00); // unknown [2] IMPLICIT NULL
    } else if (rec.status === 'revoked' && rec.revokedAt && new Date(rec.revokedAt) <= now) {
      const reason = encodeTlv(
        0xa0,
        encodeTlv(0x0a, Uint8Array.of(REASON_CODES[rec.reason ?? 'unspecified'])),
      );
      status = encodeTlv(0xa1, encodeGeneralizedTime(new Date(rec.revokedAt)), reason); // revoked [1] IMPLICIT RevokedInfo
    } else {
      status = Uint8Array.of(0x80, 0x00); // good [0] IMPLICIT NULL
    }
    return encodeTlv(0x30, item.certId, status, thisUpdate, nextUpdate);
  });

  const responder = issuer.responder;
  const responderKeyHash = hash('sha1', publicKeyBits(responder.certificate));
  const responseData = encodeTlv(
    0x30,
    encodeTlv(0xa2, encodeTlv(0x04, responderKeyHash)), // responderID byKey
    encodeGeneralizedTime(now),
    encodeTlv(0x30, ...singles),
    ...(parsed.nonceExtension ? [encodeTlv(0xa1, encodeTlv(0x30, parsed.nonceExtension))] : []),
  );
  const signature = new Uint8Array(nodeSign('sha256', responseData, responder.privateKey));
  const certs =
    responder.certificate.fingerprint === issuer.ca.fingerprint ? [] : [responder.certificate.der];
  const basic = encodeTlv(
    0x30,
    responseData,
    encodeTlv(0x30, encodeOid(ALG.sha256WithRsa), Uint8Array.of(0x05, 0x00)),
    encodeTlv(0x03, Uint8Array.of(0), signature),
    ...(certs.length ? [encodeTlv(0xa0, encodeTlv(0x30, ...certs))] : []),
  );
  return encodeTlv(
    0x30,
    encodeTlv(0x0a, Uint8Array.of(OCSP_STATUS.successful)),
    encodeTlv(0xa0, encodeTlv(0x30, encodeOid(EXT.ocspBasic), encodeTlv(0x04, basic))),
  );
}
