import { randomBytes, randomInt } from 'node:crypto';
import { hash, type Options, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';

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

interface Rule {
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

const rulesByPolicy: Record<PasswordPolicy, Rule[]> = {
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

/** Every rule of a policy in a language (for forms that show the requirements up front). */
export function describePolicy(policy: PasswordPolicy, lang: Language): string[] {
  return rulesByPolicy[policy].map((r) => translate(lang, `password_rule_${r.code}`, r.params));
}

/** One message listing every unmet rule, in the request's language. */
export function passwordPolicyMessage(
  policy: PasswordPolicy,
  password: string,
  lang: Language,
): string | null {
  const broken = checkPassword(policy, password);
  if (!broken.length) return null;
  const rules = rulesByPolicy[policy].filter((r) => broken.includes(r.code));
  return `${translate(lang, 'password_policy')}: ${rules
    .map((r) => translate(lang, `password_rule_${r.code}`, r.params))
    .join('; ')}`;
}

/**
 * Throws 400 validation_failed with `fields[field]` listing every unmet rule (and `fields[repeatField]` when
 * the repetition differs). Call before writing anything.
 */
export function assertNewPassword(
  policy: PasswordPolicy,
  lang: Language,
  password: string,
  opts: { field?: string; repeat?: string; repeatField?: string } = {},
): void {
  const fields: Record<string, string> = {};
  const policyMessage = passwordPolicyMessage(policy, password, lang);
  if (policyMessage) fields[opts.field ?? 'password'] = policyMessage;
  if (opts.repeat !== undefined && opts.repeat !== password)
    fields[opts.repeatField ?? 'passwordRepeat'] = translate(lang, 'passwords_mismatch');
  if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', {}, fields);
}

/** OWASP's argon2id settings: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Unknown accounts (and accounts without a password) are checked against this hash, so a miss costs as
// much time as a hit and the response time tells nothing.
let dummyHash: Promise<string> | undefined;

/** True only when `passwordHash` is set and matches; always runs one argon2id verification. */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
    await verify(await dummyHash, password, ARGON2_OPTIONS).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password, ARGON2_OPTIONS);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

/** A password that satisfies every policy (for temporary and generated passwords mailed to people). */
export function generatePassword(): string {
  const pick = (set: string, n: number) =>
    Array.from({ length: n }, () => set[randomInt(set.length)]).join('');
  const chars =
    pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 3) +
    pick('abcdefghijkmnopqrstuvwxyz', 5) +
    pick('23456789', 3) +
    pick(TECHREG_SPECIALS, 1);
  // Shuffle so the classes are not in a fixed order (Fisher–Yates with crypto randomness).
  const arr = [...chars];
  for (let i = arr.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr.join('');
}
