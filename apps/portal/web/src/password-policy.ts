import type { TFunction } from 'i18next';

/**
 * The password policies of the identity module, mirrored for the browser so the form can show every rule
 * live. The server's module (apps/portal/src/modules/identity/passwords.ts) imports argon2 and node:crypto,
 * so it cannot be bundled; password-policy.test.ts checks that both give the same verdicts and the same
 * texts in kk/ru/en. The server stays the judge: its 400 lists every unmet rule and the form shows it.
 */
export const PASSWORD_POLICIES = ['techreg', 'egz', 'egov'] as const;
export type PasswordPolicy = (typeof PASSWORD_POLICIES)[number];

export type PasswordRuleCode =
  | 'min_length'
  | 'max_length'
  | 'digit'
  | 'upper'
  | 'lower'
  | 'special'
  | 'forbidden_char'
  | 'latin_only';

export interface PasswordRule {
  code: PasswordRuleCode;
  ok: (password: string) => boolean;
  params?: { min?: number; max?: number; chars?: string };
}

/** Seed 000's special characters; '^' is excluded explicitly. */
export const TECHREG_SPECIALS = '%$@&*#';
/** The server's cap for every policy. */
export const ABSOLUTE_MAX_LENGTH = 128;

const length = (min: number, max = ABSOLUTE_MAX_LENGTH): PasswordRule[] => [
  { code: 'min_length', ok: (p) => [...p].length >= min, params: { min } },
  { code: 'max_length', ok: (p) => [...p].length <= max, params: { max } },
];
const digit: PasswordRule = { code: 'digit', ok: (p) => /\p{Nd}/u.test(p) };
const upper: PasswordRule = { code: 'upper', ok: (p) => /\p{Lu}/u.test(p) };
const lower: PasswordRule = { code: 'lower', ok: (p) => /\p{Ll}/u.test(p) };

const RULES: Record<PasswordPolicy, PasswordRule[]> = {
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
  egz: [...length(8, 20), digit, upper, lower],
  egov: [
    ...length(8),
    digit,
    { code: 'upper', ok: (p) => /[A-Z]/.test(p) },
    { code: 'lower', ok: (p) => /[a-z]/.test(p) },
    { code: 'special', ok: (p) => /[!-/:-@[-`{-~]/.test(p), params: { chars: '! " # $ % & … ~' } },
    { code: 'latin_only', ok: (p) => !/[^\p{ASCII}]/u.test(p) },
  ],
};

export function isPasswordPolicy(value: unknown): value is PasswordPolicy {
  return typeof value === 'string' && (PASSWORD_POLICIES as readonly string[]).includes(value);
}

export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  return RULES[policy];
}

/** Codes of the rules a password breaks, in the policy's order (empty = acceptable). */
export function checkPassword(policy: PasswordPolicy, password: string): PasswordRuleCode[] {
  return RULES[policy].filter((rule) => !rule.ok(password)).map((rule) => rule.code);
}

/** A rule in the user's language, phrased to follow «Пароль должен»: «содержать цифры». */
export function passwordRuleText(t: TFunction, rule: PasswordRule): string {
  const params = rule.params ?? {};
  switch (rule.code) {
    case 'min_length':
      return t('password.rules.minLength', { min: params.min });
    case 'max_length':
      return t('password.rules.maxLength', { max: params.max });
    case 'digit':
      return t('password.rules.digit');
    case 'upper':
      return t('password.rules.upper');
    case 'lower':
      return t('password.rules.lower');
    case 'special':
      return t('password.rules.special', { chars: params.chars });
    case 'forbidden_char':
      return t('password.rules.forbiddenChar', { chars: params.chars });
    case 'latin_only':
      return t('password.rules.latinOnly');
  }
}

/** The server's one-line message for the unmet rules («Пароль должен: …; …»), or null. */
export function passwordPolicyMessage(t: TFunction, policy: PasswordPolicy, password: string): string | null {
  const broken = RULES[policy].filter((rule) => !rule.ok(password));
  if (!broken.length) return null;
  return `${t('password.mustIntro')}: ${broken.map((rule) => passwordRuleText(t, rule)).join('; ')}`;
}
