/**
 * The verification report: one named check per rule of DESIGN.md "what 'verified' means".
 * `valid` is true only when every check of every signer passed.
 */
import type { CertProfile } from './profile';

export const CHECK_ORDER = [
  'structure',
  'algorithm',
  'digest',
  'signature',
  'chain',
  'validity',
  'revocation',
  'key_usage',
  'policy',
  'content',
  'identity',
  'timestamp',
] as const;

export type CheckName = (typeof CHECK_ORDER)[number];

export interface Check {
  name: CheckName;
  ok: boolean;
  /** Machine-readable reason (snake_case, stable), sometimes followed by `: detail`. */
  reason?: string;
}

export interface SignerCertificateSummary {
  subjectDn: string;
  issuerDn: string;
  serialNumber: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  policies: string[];
}

export interface SignerReport {
  index: number;
  valid: boolean;
  certificate?: SignerCertificateSummary;
  profile?: CertProfile;
  /** Claimed signing-time attribute (not trusted unless a timestamp confirms it). */
  signingTime?: string;
  /** The time certificates were checked at, and where it came from. */
  verificationTime: string;
  timeSource: 'now' | 'signing-time' | 'timestamp';
  /** Fingerprints leaf → trust anchor, when a path was found. */
  chain?: string[];
  checks: Check[];
}

export interface VerificationReport {
  valid: boolean;
  /** Which engine produced the verdict ('reference' also when the fast reader deferred to it). */
  engine: 'fast' | 'reference';
  /** Set when the fast engine handed an unusual encoding to the reference reader. */
  fallbackReason?: string;
  signers: SignerReport[];
  /** One entry per check name: ok when it passed for every signer. */
  checks: Check[];
  /** First failed check (in CHECK_ORDER), for API errors such as 422 signature_invalid. */
  failedCheck?: CheckName;
}

export function check(name: CheckName, ok: boolean, reason?: string): Check {
  return reason === undefined ? { name, ok } : { name, ok, reason };
}

export function sortChecks(checks: Check[]): Check[] {
  return [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
}

/** Folds signer checks into report-level ones (first failing reason wins). */
export function summariseChecks(top: Check[], signers: SignerReport[]): Check[] {
  const byName = new Map<CheckName, Check>();
  for (const c of [...top, ...signers.flatMap((s) => s.checks)]) {
    const seen = byName.get(c.name);
    if (!seen) byName.set(c.name, { ...c });
    else if (seen.ok && !c.ok) byName.set(c.name, { ...c });
  }
  return sortChecks([...byName.values()]);
}

export function firstFailed(checks: Check[]): CheckName | undefined {
  return sortChecks(checks).find((c) => !c.ok)?.name;
}
