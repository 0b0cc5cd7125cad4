/**
 * CRL client: downloads the CRL named by the certificate's CRL distribution point, checks that its
 * issuer is the certificate's issuer, verifies its signature with that issuer's key (node:crypto
 * over the exact TBSCertList bytes), honours thisUpdate/nextUpdate and applies delta CRLs
 * (freshestCRL). Parsed CRLs are cached per (URL, issuer) until their nextUpdate.
 */
import * as x509 from '@peculiar/x509';
import { normalizeSerial, type ParsedCertificate } from '../cert';
import { DerError, decodeOid, decodePem, readChildren, readTlv, toArrayBuffer, toHex } from '../der';
import { verifySignature } from '../verify/algorithms';
import { ExpiringCache, InFlight } from './cache';
import { CRL_REASONS, type RevocationOptions, type RevocationResult } from './types';

const OID_CRL_NUMBER = '2.5.29.20';
const OID_DELTA_CRL_INDICATOR = '2.5.29.27';
const OID_FRESHEST_CRL = '2.5.29.46';
const OID_ISSUING_DISTRIBUTION_POINT = '2.5.29.28';
const REMOVE_FROM_CRL = 8;

interface RevokedEntry {
  revokedAt: Date;
  reason?: number;
}

export interface ParsedCrl {
  thisUpdate: Date;
  nextUpdate?: Date;
  crlNumber?: bigint;
  /** Set on delta CRLs: the base CRL number it applies to. */
  baseCrlNumber?: bigint;
  deltaUrls: string[];
  revoked: Map<string, RevokedEntry>;
}

type Loaded = { ok: true; crl: ParsedCrl } | { ok: false; status: 'unreachable' | 'invalid'; reason: string };

function integerExtension(ext: x509.Extension | undefined): bigint | undefined {
  if (!ext) return undefined;
  const v = new Uint8Array(ext.value);
  const t = readTlv(v, 0);
  if (t.tag !== 0x02) throw new DerError('expected INTEGER');
  return BigInt(`0x${toHex(v.subarray(t.contentStart, t.end)) || '0'}`);
}

/** Parses and authenticates a CRL against `issuer`; throws on anything malformed or forged. */
export function parseAndVerifyCrl(der: Uint8Array, issuer: ParsedCertificate): ParsedCrl {
  const outer = readTlv(der, 0);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new DerError('not a CRL');
  const [tbs, alg, sig] = readChildren(der, outer);
  if (!tbs || !alg || !sig || sig.tag !== 0x03) throw new DerError('not a CRL');
  const [oidTlv] = readChildren(der, alg);
  const signatureAlgorithmOid = decodeOid(der.subarray(oidTlv.contentStart, oidTlv.end));
  const tbsFields = readChildren(der, tbs);
  const issuerTlv = tbsFields[tbsFields[0]?.tag === 0x02 ? 2 : 1];
  if (!issuerTlv || Buffer.compare(der.subarray(issuerTlv.start, issuerTlv.end), issuer.subjectDer) !== 0) {
    throw new Error('crl_issuer_mismatch');
  }
  if (issuer.hasKeyUsage && !issuer.keyUsage.cRLSign) throw new Error('crl_issuer_lacks_cRLSign');
  if (
    !issuer.publicKey ||
    !verifySignature(
      signatureAlgorithmOid,
      issuer.publicKey,
      der.subarray(tbs.start, tbs.end),
      der.subarray(sig.contentStart + 1, sig.end),
    )
  ) {
    throw new Error('crl_bad_signature');
  }
  const crl = new x509.X509Crl(toArrayBuffer(der));
  const ext = (oid: string) => crl.extensions.find((e) => e.type === oid);
  // An issuingDistributionPoint scopes the CRL (indirect, partitioned): not supported, so refuse.
  if (ext(OID_ISSUING_DISTRIBUTION_POINT)?.critical) throw new Error('crl_unsupported_scope');
  const critical = crl.extensions.find(
    (e) => e.critical && ![OID_CRL_NUMBER, OID_DELTA_CRL_INDICATOR, OID_FRESHEST_CRL].includes(e.type),
  );
  if (critical) throw new Error(`crl_unsupported_critical_extension: ${critical.type}`);
  const revoked = new Map<string, RevokedEntry>();
  for (const entry of crl.entries) {
    revoked.set(normalizeSerial(entry.serialNumber), {
      revokedAt: entry.revocationDate,
      reason: entry.reason,
    });
  }
  const freshest = ext(OID_FRESHEST_CRL);
  const deltaUrls: string[] = [];
  if (freshest) {
    for (const dp of new x509.CRLDistributionPointsExtension(freshest.rawData).distributionPoints) {
      for (const gn of dp.distributionPoint?.fullName ?? []) {
        if (gn.uniformResourceIdentifier) deltaUrls.push(gn.uniformResourceIdentifier);
      }
    }
  }
  return {
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
    crlNumber: integerExtension(ext(OID_CRL_NUMBER)),
    baseCrlNumber: integerExtension(ext(OID_DELTA_CRL_INDICATOR)),
    deltaUrls,
    revoked,
  };
}

export class CrlClient {
  private readonly cache: ExpiringCache<ParsedCrl>;
  private readonly inFlight = new InFlight<Loaded>();
  private readonly doFetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: RevocationOptions) {
    this.cache = new ExpiringCache(options.maxCacheEntries ?? 1000);
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
    this.now = options.now ?? (() => new Date());
  }

  clearCache(): void {
    this.cache.clear();
  }

  async status(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationResult> {
    const urls = cert.crlUrls.filter((u) => /^https?:\/\//i.test(u));
    if (urls.length === 0) return { status: 'unreachable', source: 'crl', reason: 'no_crl_url' };
    let failure: Loaded = { ok: false, status: 'unreachable', reason: 'crl_unreachable' };
    for (const url of urls) {
      const base = await this.load(url, issuer);
      if (!base.ok) {
        failure = base;
        continue;
      }
      if (base.crl.baseCrlNumber !== undefined) return this.invalid('crl_is_a_delta');
      const entries = new Map(base.crl.revoked);
      let validUntil = base.crl.nextUpdate;
      const deltaUrls = [...new Set([...base.crl.deltaUrls, ...cert.deltaCrlUrls])];
      for (const deltaUrl of deltaUrls) {
        const delta = await this.load(deltaUrl, issuer);
        if (!delta.ok) return { status: delta.status, source: 'crl', reason: `delta_${delta.reason}` };
        const { baseCrlNumber } = delta.crl;
        if (baseCrlNumber === undefined) return this.invalid('delta_without_indicator');
        if (base.crl.crlNumber === undefined || baseCrlNumber > base.crl.crlNumber) {
          return this.invalid('delta_for_newer_base');
        }
        for (const [serial, entry] of delta.crl.revoked) {
          if (entry.reason === REMOVE_FROM_CRL) entries.delete(serial);
          else entries.set(serial, entry);
        }
        if (delta.crl.nextUpdate && (!validUntil || delta.crl.nextUpdate < validUntil)) {
          validUntil = delta.crl.nextUpdate;
        }
      }
      const hit = entries.get(cert.serialNumber);
      if (!hit) return { status: 'good', source: 'crl', validUntil };
      return {
        status: 'revoked',
        source: 'crl',
        revokedAt: hit.revokedAt,
        revocationReason: hit.reason !== undefined ? CRL_REASONS[hit.reason] : undefined,
        validUntil,
      };
    }
    return {
      status: failure.ok ? 'unreachable' : failure.status,
      source: 'crl',
      reason: failure.ok ? undefined : failure.reason,
    };
  }

  private invalid(reason: string): RevocationResult {
    return { status: 'invalid', source: 'crl', reason };
  }

  /** Cached download + verification of one CRL. */
  private load(url: string, issuer: ParsedCertificate): Promise<Loaded> {
    const key = `${issuer.fingerprint}|${url}`;
    const now = this.now();
    const cached = this.cache.get(key, now.getTime());
    if (cached) return Promise.resolve({ ok: true, crl: cached });
    return this.inFlight.run(key, async () => {
      let body: Uint8Array;
      try {
        const res = await this.doFetch(url, {
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        if (!res.ok) return { ok: false, status: 'unreachable', reason: `crl_http_${res.status}` };
        body = new Uint8Array(await res.arrayBuffer());
      } catch {
        return { ok: false, status: 'unreachable', reason: 'crl_unreachable' };
      }
      let crl: ParsedCrl;
      try {
        const pem = decodePem(Buffer.from(body).toString('latin1'));
        crl = parseAndVerifyCrl(pem ? pem.der : body, issuer);
      } catch (err) {
        const reason = err instanceof DerError ? 'crl_malformed' : (err as Error).message;
        return { ok: false, status: 'invalid', reason: reason.startsWith('crl_') ? reason : 'crl_malformed' };
      }
      const skew = this.options.clockSkewMs ?? 5 * 60_000;
      if (crl.thisUpdate.getTime() > now.getTime() + skew) {
        return { ok: false, status: 'invalid', reason: 'crl_thisUpdate_in_future' };
      }
      if (crl.nextUpdate && crl.nextUpdate.getTime() < now.getTime() - skew) {
        return { ok: false, status: 'invalid', reason: 'crl_stale' };
      }
      const until = crl.nextUpdate?.getTime() ?? now.getTime() + (this.options.defaultTtlMs ?? 5 * 60_000);
      this.cache.set(key, crl, until);
      return { ok: true, crl };
    });
  }
}
