/** Revocation checking: shared types. */
import type { ParsedCertificate } from '../cert';

export type RevocationPolicy = 'ocsp' | 'crl' | 'ocsp+crl' | 'off';
export type FailMode = 'hard' | 'soft';

/**
 * - good / revoked: a verified answer;
 * - unreachable: no answer (network, HTTP error, OCSP tryLater, no source advertised);
 * - invalid: an answer that must not be trusted (bad signature, unauthorised responder, nonce
 *   mismatch, stale, wrong issuer) — never softened by soft-fail.
 * - unknown: the OCSP responder does not know the certificate.
 */
export type RevocationStatus = 'good' | 'revoked' | 'unknown' | 'unreachable' | 'invalid';

export interface RevocationResult {
  status: RevocationStatus;
  source: 'ocsp' | 'crl' | 'none';
  /** Machine-readable detail (e.g. 'ocsp_nonce_mismatch'). */
  reason?: string;
  revokedAt?: Date;
  /** RFC 5280 CRLReason name when given. */
  revocationReason?: string;
  /** Until when this answer is cached. */
  validUntil?: Date;
}

export interface RevocationChecker {
  readonly policy: RevocationPolicy;
  readonly failMode: FailMode;
  /** Status of `cert` (issued by `issuer`) now. */
  check(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationResult>;
}

export interface RevocationOptions {
  policy: RevocationPolicy;
  failMode: FailMode;
  /** Transport (tests plug the test CA's handlers in); global fetch by default. */
  fetch?: typeof fetch;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Clock (tests). */
  now?: () => Date;
  /** Tolerated clock skew for thisUpdate/nextUpdate. */
  clockSkewMs?: number;
  /** Cache an OCSP answer without nextUpdate this long. */
  defaultTtlMs?: number;
  /** Refuse OCSP responses that do not echo our nonce (default true). */
  requireNonce?: boolean;
  maxCacheEntries?: number;
}

export const CRL_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;
