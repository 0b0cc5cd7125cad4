// The password policies as pure rules, with no node or server imports: the server judges with them and the
// web app's forms show them live (apps/portal/web/src/password-policy.ts imports this file).

export const passwordPolicies = ['techreg', 'egz', 'egov'] as const;
export type PasswordPolicy = (typeof passwordPolicies)[number];

/** Codes of the rules a password can break; each has a message `password_rule_<code>` in ru/kk/en. */
export type PasswordRule =
  | 'min_length'
  | 'max_length'
  | 'digit'
  | 'upper'
  | 'lower'
  | 'special'
  | 'forbidden_char'
  | 'latin_only';

export interface Rule {
  code: PasswordRule;
  ok: (p: string) => boolean;
  params?: Record<string, unknown>;
}

/** techreg (seed 000) special characters; '^' is explicitly excluded. */
export const TECHREG_SPECIALS = '%$@&*#';
/** A sanity cap for every policy: argon2 would take any length, the request body should not. */
export const ABSOLUTE_MAX_LENGTH = 128;

const length = (min: number, max = ABSOLUTE_MAX_LENGTH): Rule[] => [
  { code: 'min_length', ok: (p) => [...p].length >= min, params: { min } },
  { code: 'max_length', ok: (p) => [...p].length <= max, params: { max } },
];
const digit: Rule = { code: 'digit', ok: (p) => /\p{Nd}/u.test(p) };
const upper: Rule = { code: 'upper', ok: (p) => /\p{Lu}/u.test(p) };
const lower: Rule = { code: 'lower', ok: (p) => /\p{Ll}/u.test(p) };

export const rulesByPolicy: Record<PasswordPolicy, Rule[]> = {
  // Seed 000: ≥ 8, digits, upper and lower case letters, a special character from %,$,@,&,*,# — not ^.
  techreg: [
    ...length(8),
    digit,
    upper,
    lower,
    {
      code: 'special',
      ok: (p) => [...p].some((c) => TECHREG_SPECIALS.includes(c)),
      params: { chars: TECHREG_SPECIALS.split('').join(' ') },
    },
    { code: 'forbidden_char', ok: (p) => !p.includes('^'), params: { chars: '^' } },
  ],
  // Seed 001: 8–20 characters with lower and upper case letters and digits.
  egz: [...length(8, 20), digit, upper, lower],
  // The seeds give no egov rule; egov.kz asks for ≥ 8 characters with upper and lower case Latin letters,
  // digits and a special character (documented in docs/identity.md).
  egov: [
    ...length(8),
    digit,
    { code: 'upper', ok: (p) => /[A-Z]/.test(p) },
    { code: 'lower', ok: (p) => /[a-z]/.test(p) },
    { code: 'special', ok: (p) => /[!-/:-@[-`{-~]/.test(p), params: { chars: '! " # $ % & … ~' } },
    { code: 'latin_only', ok: (p) => !/[^\p{ASCII}]/u.test(p) },
  ],
};

/** The rules a password breaks under a policy, as codes, in the policy's order (empty = acceptable). */
export function checkPassword(policy: PasswordPolicy, password: string): PasswordRule[] {
  return rulesByPolicy[policy].filter((r) => !r.ok(password)).map((r) => r.code);
}

export function isPasswordPolicy(value: unknown): value is PasswordPolicy {
  return typeof value === 'string' && (passwordPolicies as readonly string[]).includes(value);
}
