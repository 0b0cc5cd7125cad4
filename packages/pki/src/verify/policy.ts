/**
 * The 'policy' check: the certificate's NCA policy and role OIDs fit the action.
 * - purpose: an NCA AUTH policy cannot sign documents, an NCA SIGN policy cannot log in (GOST 2015's
 *   single policy serves both);
 * - requiredSubjectKind: individual / legal entity / individual entrepreneur;
 * - requiredRoles: the profile's roles (role OIDs in the EKU), any-of / all-of.
 * Certificates outside the NCA policy arc pass the purpose rule (key_usage still applies).
 */
import type { ParsedCertificate } from '../cert';
import { NCA_POLICY } from '../oids';
import { type CertProfile, certificateProfile } from '../profile';
import { type Check, check } from '../report';
import type { RoleName, RoleRequirement, SubjectKindName, VerifyOptions } from './options';

const AUTH_POLICIES = new Set<string>([NCA_POLICY.individualAuth, NCA_POLICY.legalEntityAuth]);
const SIGN_POLICIES = new Set<string>([NCA_POLICY.individualSign, NCA_POLICY.legalEntitySign]);

const profiles = new WeakMap<ParsedCertificate, CertProfile | null>();

/** The certificate's NCA profile (cached per parsed certificate); null when it cannot be read. */
export function profileOf(cert: ParsedCertificate): CertProfile | null {
  let p = profiles.get(cert);
  if (p === undefined) {
    try {
      p = certificateProfile(cert);
    } catch {
      p = null;
    }
    profiles.set(cert, p);
  }
  return p;
}

function rolesProblem(have: Set<RoleName>, need: RoleRequirement): string | null {
  const anyOf = Array.isArray(need) ? need : ((need as { anyOf?: readonly RoleName[] }).anyOf ?? []);
  const allOf = Array.isArray(need) ? [] : ((need as { allOf?: readonly RoleName[] }).allOf ?? []);
  const missing = allOf.filter((r) => !have.has(r));
  if (missing.length) return `role_missing: ${missing.join(', ')}`;
  if (anyOf.length && !anyOf.some((r) => have.has(r))) return `role_missing: one of ${anyOf.join(', ')}`;
  return null;
}

export function policyCheck(
  cert: ParsedCertificate,
  profile: CertProfile | null,
  opts: VerifyOptions,
): Check {
  const policies = cert.policies;
  if (
    opts.purpose === 'login' &&
    policies.some((p) => SIGN_POLICIES.has(p)) &&
    !policies.some((p) => AUTH_POLICIES.has(p))
  ) {
    return check('policy', false, 'signing_policy_used_for_login');
  }
  if (
    opts.purpose === 'document' &&
    policies.some((p) => AUTH_POLICIES.has(p)) &&
    !policies.some((p) => SIGN_POLICIES.has(p))
  ) {
    return check('policy', false, 'authentication_policy_used_for_document');
  }
  if (opts.requiredSubjectKind !== undefined) {
    const wanted: readonly SubjectKindName[] =
      typeof opts.requiredSubjectKind === 'string' ? [opts.requiredSubjectKind] : opts.requiredSubjectKind;
    const kind = profile?.subjectKind;
    if (!kind || !wanted.includes(kind))
      return check('policy', false, `subject_kind_mismatch: ${kind ?? 'unknown'}`);
  }
  if (opts.requiredRoles !== undefined) {
    const problem = rolesProblem(new Set(profile?.roles ?? []), opts.requiredRoles);
    if (problem) return check('policy', false, problem);
  }
  return check('policy', true);
}
