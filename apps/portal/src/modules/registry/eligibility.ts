import { AppError } from '../../server/errors';
import { type Language, languages, translate } from '../../server/i18n/messages';
import type { Person } from './adapter';
import { LEGAL_CAPACITY_INCAPABLE, LIFE_STATUS_DECEASED } from './codes';

// Who may get a portal account, by the state database of individuals (seed 002, «Алгоритм действий
// оператора ЦОН»: Условие 1, Требование 6, Требование 7). docs/registry.md has the decision table.

export type RegistryRefusalReason = 'person_not_found' | 'deceased' | 'iin_excluded' | 'legally_incapable';

/** Which rule of seed 002 (or tereze's own) produced the refusal. */
export type RegistryRule = 'condition_1' | 'requirement_6' | 'requirement_7' | 'tereze';

export interface RegistryRefusal {
  ok: false;
  code: 'registry_refused';
  reasonCode: RegistryRefusalReason;
  /** The registry code behind the refusal: life status, exclusion mark or legal capacity; null if not found. */
  registryCode: number | null;
  rule: RegistryRule;
  /** The i18n message code (server/i18n/messages.ts) and its params. */
  messageKey: string;
  params: Record<string, unknown>;
  /** The message in every portal language. */
  message: Record<Language, string>;
}

export type EligibilityResult = { ok: true; person: Person } | RegistryRefusal;

/**
 * Exclusion codes 2–8 are covered by both Требование 6 and Требование 7 of seed 002, with different wording.
 * `requirement_7` (default): the later, more specific rule, whose text says the number is an IIN exclusion
 * mark (so «код: 8» cannot be mistaken for a life status). `requirement_6` keeps the shorter text.
 */
export type OverlapRule = 'requirement_7' | 'requirement_6';

export interface EligibilityOptions {
  overlappingExclusions?: OverlapRule;
}

/** Codes each requirement names (seed 002, verbatim). */
export const REQUIREMENT_6_CODES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];
export const REQUIREMENT_7_CODES: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9];

/** Which requirement's message an exclusion code gets. Codes named by neither (a real registry may have more)
 * are refused too, with Требование 7's wording: an excluded IIN should not get an account. */
export function exclusionRule(code: number, overlap: OverlapRule = 'requirement_7'): RegistryRule {
  const in6 = REQUIREMENT_6_CODES.includes(code);
  const in7 = REQUIREMENT_7_CODES.includes(code);
  if (in6 && in7) return overlap;
  if (in6) return 'requirement_6';
  return 'requirement_7';
}

function refusal(
  reasonCode: RegistryRefusalReason,
  registryCode: number | null,
  rule: RegistryRule,
  messageKey: string,
  params: Record<string, unknown> = {},
): RegistryRefusal {
  const message = Object.fromEntries(languages.map((l) => [l, translate(l, messageKey, params)])) as Record<
    Language,
    string
  >;
  return { ok: false, code: 'registry_refused', reasonCode, registryCode, rule, messageKey, params, message };
}

/**
 * May this person get an account? Checked in order: found at all; life status 9 (Условие 1); IIN exclusion
 * mark (Требования 6 and 7); legal capacity 3 «НЕДЕЕСПОСОБНЫЙ» (tereze's rule: an incapable person cannot
 * accept the user agreement). Limited capacity (2) and the conviction marks (4, 5) do not prevent an account.
 */
export function checkRegistrationEligibility(
  person: Person | null,
  opts: EligibilityOptions = {},
): EligibilityResult {
  if (!person) return refusal('person_not_found', null, 'tereze', 'registry_person_not_found');
  if (person.lifeStatus.code === LIFE_STATUS_DECEASED)
    return refusal('deceased', LIFE_STATUS_DECEASED, 'condition_1', 'registry_deceased');
  if (person.exclusion) {
    const code = person.exclusion.code;
    const rule = exclusionRule(code, opts.overlappingExclusions);
    return refusal(
      'iin_excluded',
      code,
      rule,
      rule === 'requirement_6' ? 'registry_iin_excluded' : 'registry_iin_exclusion_mark',
      { code },
    );
  }
  if (person.legalCapacity.code === LEGAL_CAPACITY_INCAPABLE)
    return refusal('legally_incapable', LEGAL_CAPACITY_INCAPABLE, 'tereze', 'registry_legally_incapable');
  return { ok: true, person };
}

/**
 * The API error for a refusal: 403 `registry_refused`, the message in the request's language, and
 * `reasonCode` / `registryCode` beside it in the error body.
 */
export function registryRefusalError(r: RegistryRefusal): AppError {
  return new AppError(403, 'registry_refused', {
    ...r.message,
    reasonCode: r.reasonCode,
    registryCode: r.registryCode,
  });
}
