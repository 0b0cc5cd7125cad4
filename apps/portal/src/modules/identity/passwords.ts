import { randomBytes, randomInt } from 'node:crypto';
import { hash, type Options, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import { checkPassword, type PasswordPolicy, rulesByPolicy, TECHREG_SPECIALS } from './password-rules';

export {
  ABSOLUTE_MAX_LENGTH,
  checkPassword,
  type PasswordPolicy,
  type PasswordRule,
  passwordPolicies,
  TECHREG_SPECIALS,
} from './password-rules';

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
