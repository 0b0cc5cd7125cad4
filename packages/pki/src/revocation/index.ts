/**
 * `createRevocationChecker`: the policy in front of the OCSP and CRL clients.
 * - 'ocsp': OCSP only; 'crl': CRL only; 'ocsp+crl': OCSP first, the CRL when OCSP gives no
 *   usable answer (unreachable, unknown or invalid); 'off': every certificate is 'good' (source 'none').
 * - failMode decides only what an *unreachable* source means to the verdict (see `revocationCheck`);
 *   an invalid or forged answer always fails.
 */
import type { ParsedCertificate } from '../cert';
import { CrlClient } from './crl';
import { OcspClient } from './ocsp';
import type { RevocationChecker, RevocationOptions, RevocationResult } from './types';

export { CrlClient, parseAndVerifyCrl } from './crl';
export { OcspClient } from './ocsp';
export type {
  FailMode,
  RevocationChecker,
  RevocationOptions,
  RevocationPolicy,
  RevocationResult,
  RevocationStatus,
} from './types';

export interface ManagedRevocationChecker extends RevocationChecker {
  clearCache(): void;
}

export function createRevocationChecker(options: RevocationOptions): ManagedRevocationChecker {
  const ocsp = new OcspClient(options);
  const crl = new CrlClient(options);
  const { policy, failMode } = options;
  return {
    policy,
    failMode,
    clearCache() {
      ocsp.clearCache();
      crl.clearCache();
    },
    async check(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationResult> {
      switch (policy) {
        case 'off':
          return { status: 'good', source: 'none', reason: 'revocation_off' };
        case 'ocsp':
          return ocsp.status(cert, issuer);
        case 'crl':
          return crl.status(cert, issuer);
        case 'ocsp+crl': {
          const first = await ocsp.status(cert, issuer);
          if (first.status === 'good' || first.status === 'revoked') return first;
          const second = await crl.status(cert, issuer);
          if (second.status === 'good' || second.status === 'revoked') return second;
          // Neither answered usably: report the more serious of the two.
          return first.status === 'invalid' ? first : second.status === 'invalid' ? second : first;
        }
      }
    },
  };
}

/**
 * Turns a revocation answer into the report's check (ok + reason) for a certificate whose
 * signature must be judged at `cutoff` (now, or a trusted timestamp's time).
 */
export function revocationVerdict(
  result: RevocationResult,
  failMode: 'hard' | 'soft',
  cutoff: Date,
): { ok: boolean; reason?: string } {
  switch (result.status) {
    case 'good':
      return { ok: true, reason: result.source === 'none' ? 'revocation_off' : `good (${result.source})` };
    case 'revoked':
      if (result.revokedAt && result.revokedAt.getTime() > cutoff.getTime()) {
        return { ok: true, reason: `revoked after the trusted signing time (${result.source})` };
      }
      return {
        ok: false,
        reason: `revoked (${result.source})${result.revocationReason ? `: ${result.revocationReason}` : ''}`,
      };
    case 'unreachable':
      return failMode === 'soft'
        ? { ok: true, reason: `unreachable (soft-fail): ${result.reason ?? result.source}` }
        : { ok: false, reason: `unreachable: ${result.reason ?? result.source}` };
    case 'unknown':
      return { ok: false, reason: `unknown_certificate (${result.source})` };
    case 'invalid':
      return { ok: false, reason: `invalid_response: ${result.reason ?? result.source}` };
  }
}
