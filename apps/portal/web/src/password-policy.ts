import type { TFunction } from 'i18next';

/**
 * The password policies for the browser: the rules are the server's own (identity/password-rules.ts, which
 * has no node imports); this file adds their texts in the user's language. password-policy.test.ts checks
 * the texts agree with the server's in kk/ru/en. The server stays the judge: its 400 lists every unmet rule.
 */
import {
  type PasswordPolicy,
  type Rule as PasswordRule,
  type PasswordRule as PasswordRuleCode,
  passwordPolicies,
  rulesByPolicy,
} from '../../src/modules/identity/password-rules';

export {
  ABSOLUTE_MAX_LENGTH,
  checkPassword,
  isPasswordPolicy,
  TECHREG_SPECIALS,
} from '../../src/modules/identity/password-rules';
export type { PasswordPolicy, PasswordRule, PasswordRuleCode };
export const PASSWORD_POLICIES = passwordPolicies;

export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  return rulesByPolicy[policy];
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
  const broken = rulesByPolicy[policy].filter((rule) => !rule.ok(password));
  if (!broken.length) return null;
  return `${t('password.mustIntro')}: ${broken.map((rule) => passwordRuleText(t, rule)).join('; ')}`;
}
