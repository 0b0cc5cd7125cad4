/**
 * OCSP client (RFC 6960): request with a nonce, POSTed over the injectable `fetch`; the response is
 * trusted only when its signature verifies with the issuing CA's key or with a delegated
 * responder certificate (id-kp-OCSPSigning, issued by that CA, valid now), the nonce is echoed,
 * and thisUpdate/nextUpdate bracket now. Answers are cached until their nextUpdate.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type ParsedCertificate, parseCertificate } from '../cert';
import { issuerSigned, isValidAt } from '../chain';
import { DerError, decodeOid, readChildren, readTlv, toArrayBuffer } from '../der';
import { verifySignature } from '../verify/algorithms';
import { ExpiringCache, InFlight } from './cache';
import { CRL_REASONS, type RevocationOptions, type RevocationResult } from './types';

const OID_OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';
const OID_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const OID_KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

type Settled = RevocationResult & { cacheUntil?: number };

export class OcspClient {
  private readonly cache: ExpiringCache<RevocationResult>;
  private readonly inFlight = new InFlight<RevocationResult>();
  private readonly doFetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: RevocationOptions) {
    this.cache = new ExpiringCache(options.maxCacheEntries ?? 10_000);
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
    this.now = options.now ?? (() => new Date());
  }

  async status(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationResult> {
    const key = `${issuer.fingerprint}:${cert.serialNumber}`;
    const cached = this.cache.get(key, this.now().getTime());
    if (cached) return cached;
    return this.inFlight.run(key, async () => {
      const { cacheUntil, ...result } = await this.query(cert, issuer);
      if (cacheUntil) this.cache.set(key, result, cacheUntil);
      return result;
    });
  }

  clearCache(): void {
    this.cache.clear();
  }

  private async query(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<Settled> {
    const urls = cert.ocspUrls.filter((u) => /^https?:\/\//i.test(u));
    if (urls.length === 0) return { status: 'unreachable', source: 'ocsp', reason: 'no_ocsp_url' };
    const { der: request, certId, nonce } = await buildRequest(cert, issuer);
    let last: Settled = { status: 'unreachable', source: 'ocsp', reason: 'ocsp_unreachable' };
    for (const url of urls) {
      let body: Uint8Array;
      try {
        const res = await this.doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
          body: Buffer.from(request),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        });
        if (!res.ok) {
          last = { status: 'unreachable', source: 'ocsp', reason: `ocsp_http_${res.status}` };
          continue;
        }
        body = new Uint8Array(await res.arrayBuffer());
      } catch {
        last = { status: 'unreachable', source: 'ocsp', reason: 'ocsp_unreachable' };
        continue;
      }
      return this.interpret(body, certId, nonce, issuer);
    }
    return last;
  }

  private interpret(
    body: Uint8Array,
    certId: pkijs.CertID,
    nonce: Uint8Array,
    issuer: ParsedCertificate,
  ): Settled {
    const invalid = (reason: string): Settled => ({ status: 'invalid', source: 'ocsp', reason });
    let response: pkijs.OCSPResponse;
    try {
      response = pkijs.OCSPResponse.fromBER(toArrayBuffer(body));
    } catch {
      return invalid('ocsp_malformed_response');
    }
    const code = response.responseStatus.valueBlock.valueDec;
    if (code === 2 || code === 3)
      return { status: 'unreachable', source: 'ocsp', reason: `ocsp_status_${code}` };
    if (code !== 0) return invalid(`ocsp_status_${code}`);
    if (!response.responseBytes || response.responseBytes.responseType !== OID_OCSP_BASIC) {
      return invalid('ocsp_not_basic');
    }
    const basicDer = new Uint8Array(response.responseBytes.response.valueBlock.valueHexView);
    let basic: pkijs.BasicOCSPResponse;
    let raw: RawBasic;
    try {
      basic = pkijs.BasicOCSPResponse.fromBER(toArrayBuffer(basicDer));
      raw = readBasicRaw(basicDer);
    } catch {
      return invalid('ocsp_malformed_response');
    }
    const now = this.now();
    if (!signedByAuthorisedResponder(raw, issuer, now)) return invalid('ocsp_unauthorised_or_bad_signature');

    const requireNonce = this.options.requireNonce ?? true;
    const echoed = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === OID_OCSP_NONCE);
    if (echoed) {
      if (!nonceMatches(new Uint8Array(echoed.extnValue.valueBlock.valueHexView), nonce)) {
        return invalid('ocsp_nonce_mismatch');
      }
    } else if (requireNonce) {
      return invalid('ocsp_nonce_missing');
    }

    const single = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(certId));
    if (!single) return invalid('ocsp_no_answer_for_certificate');
    const skew = this.options.clockSkewMs ?? 5 * 60_000;
    if (single.thisUpdate.getTime() > now.getTime() + skew) return invalid('ocsp_thisUpdate_in_future');
    if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime() - skew)
      return invalid('ocsp_response_stale');
    const cacheUntil = single.nextUpdate
      ? single.nextUpdate.getTime()
      : now.getTime() + (this.options.defaultTtlMs ?? 5 * 60_000);
    const validUntil = new Date(cacheUntil);

    const status = single.certStatus as asn1js.BaseBlock;
    if (!status.idBlock.isConstructed && status.idBlock.tagNumber === 0) {
      return { status: 'good', source: 'ocsp', validUntil, cacheUntil };
    }
    if (status.idBlock.isConstructed && status.idBlock.tagNumber === 1) {
      return {
        status: 'revoked',
        source: 'ocsp',
        ...revokedInfo(status as asn1js.Constructed),
        validUntil,
        cacheUntil,
      };
    }
    return { status: 'unknown', source: 'ocsp', reason: 'ocsp_status_unknown', validUntil, cacheUntil };
  }
}

function revokedInfo(status: asn1js.Constructed): { revokedAt?: Date; revocationReason?: string } {
  const out: { revokedAt?: Date; revocationReason?: string } = {};
  const [time, reason] = status.valueBlock.value;
  if (time instanceof asn1js.GeneralizedTime) out.revokedAt = time.toDate();
  else if (time) {
    // IMPLICIT tagging may leave the time as a raw block: decode its text.
    const text = Buffer.from((time as asn1js.Primitive).valueBlock.valueHexView).toString('latin1');
    const g = new asn1js.GeneralizedTime({ value: text });
    out.revokedAt = g.toDate();
  }
  const reasonValue = (reason as asn1js.Constructed | undefined)?.valueBlock?.value?.[0];
  if (reasonValue instanceof asn1js.Enumerated)
    out.revocationReason = CRL_REASONS[reasonValue.valueBlock.valueDec];
  return out;
}

async function buildRequest(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
): Promise<{ der: Uint8Array; certId: pkijs.CertID; nonce: Uint8Array }> {
  const certId = new pkijs.CertID();
  await certId.createForCertificate(pkijs.Certificate.fromBER(toArrayBuffer(cert.der)), {
    hashAlgorithm: 'SHA-1',
    issuerCertificate: pkijs.Certificate.fromBER(toArrayBuffer(issuer.der)),
  });
  const nonce = new Uint8Array(randomBytes(16));
  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: certId })];
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({
      extnID: OID_OCSP_NONCE,
      extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(nonce) }).toBER(),
    }),
  ];
  return { der: new Uint8Array(request.toSchema(true).toBER()), certId, nonce };
}

/** RFC 8954 nonce is an OCTET STRING inside extnValue; some responders echo the bare bytes. */
function nonceMatches(extnValue: Uint8Array, nonce: Uint8Array): boolean {
  if (Buffer.compare(extnValue, nonce) === 0) return true;
  try {
    const inner = readTlv(extnValue, 0);
    return (
      inner.tag === 0x04 &&
      inner.end === extnValue.length &&
      Buffer.compare(extnValue.subarray(inner.contentStart), nonce) === 0
    );
  } catch {
    return false;
  }
}

interface RawBasic {
  tbs: Uint8Array;
  signatureAlgorithmOid: string;
  signature: Uint8Array;
  certs: Uint8Array[];
}

/** Exact signed bytes of a BasicOCSPResponse (no re-encoding). */
function readBasicRaw(der: Uint8Array): RawBasic {
  const outer = readTlv(der, 0);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new DerError('BasicOCSPResponse');
  const [tbs, alg, sig, certsWrap] = readChildren(der, outer);
  if (!tbs || !alg || !sig || sig.tag !== 0x03) throw new DerError('BasicOCSPResponse fields');
  const [oidTlv] = readChildren(der, alg);
  const certs: Uint8Array[] = [];
  if (certsWrap?.tag === 0xa0) {
    const [seq] = readChildren(der, certsWrap);
    if (seq) for (const c of readChildren(der, seq)) certs.push(der.slice(c.start, c.end));
  }
  return {
    tbs: der.subarray(tbs.start, tbs.end),
    signatureAlgorithmOid: decodeOid(der.subarray(oidTlv.contentStart, oidTlv.end)),
    signature: der.subarray(sig.contentStart + 1, sig.end),
    certs,
  };
}

function signedByAuthorisedResponder(raw: RawBasic, issuer: ParsedCertificate, now: Date): boolean {
  const candidates: ParsedCertificate[] = [issuer];
  for (const der of raw.certs) {
    try {
      candidates.push(parseCertificate(der));
    } catch {
      // an unparseable extra certificate cannot authorise anything
    }
  }
  for (const responder of candidates) {
    const authorised =
      responder.fingerprint === issuer.fingerprint ||
      (Buffer.compare(responder.issuerDer, issuer.subjectDer) === 0 &&
        responder.ekus.includes(OID_KP_OCSP_SIGNING) &&
        isValidAt(responder, now) &&
        issuerSigned(responder, issuer));
    if (!authorised || !responder.publicKey) continue;
    if (verifySignature(raw.signatureAlgorithmOid, responder.publicKey, raw.tbs, raw.signature)) return true;
  }
  return false;
}
