import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
// The server's module (argon2, node:crypto) — fine in a node test, never bundled.
import {
  describePolicy,
  checkPassword as serverCheck,
  passwordPolicyMessage as serverMessage,
  passwordPolicies as serverPolicies,
} from '../../src/modules/identity/passwords';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import {
  checkPassword,
  PASSWORD_POLICIES,
  passwordPolicyMessage,
  passwordRules,
  passwordRuleText,
} from './password-policy';

// Passwords that hit every rule of every policy, alone and together, in several alphabets.
const SAMPLES = [
  '',
  'a',
  'short1A%',
  'Password1',
  'Password1%',
  'Password1^',
  'Password1%^',
  'password1%',
  'PASSWORD1%',
  'Password%%',
  'Пароль123%',
  'Пароль123!',
  'Parol123!',
  'Parol123',
  'Ǆabc1234$',
  'Aa1%Aa1%Aa1%Aa1%Aa1%x',
  'Aa1Aa1Aa1Aa1Aa1Aa1Aa',
  'Aa1Aa1Aa1Aa1Aa1Aa1Aa1',
  'Qwerty12',
  'Qwerty12#',
  'Демо Пароль 2026 #',
  '١٢٣Abcdef%',
  `${'Aa1%'.repeat(32)}`,
  `${'Aa1%'.repeat(32)}x`,
  '𝐀𝐚1%abcdE',
];

async function translator(lng: 'ru' | 'kk' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { ru: { translation: ru }, kk: { translation: kk }, en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance.t;
}

describe('the web mirror of the password policies', () => {
  it('knows the same policies as the server', () => {
    expect([...PASSWORD_POLICIES].sort()).toEqual([...serverPolicies].sort());
  });

  for (const policy of PASSWORD_POLICIES) {
    it(`${policy}: gives the server's verdict for every sample`, () => {
      for (const sample of SAMPLES)
        expect(checkPassword(policy, sample), sample).toEqual(serverCheck(policy, sample));
    });

    for (const lng of ['ru', 'kk', 'en'] as const) {
      it(`${policy}/${lng}: words every rule and the whole message as the server does`, async () => {
        const t = await translator(lng);
        expect(passwordRules(policy).map((rule) => passwordRuleText(t, rule))).toEqual(
          describePolicy(policy, lng),
        );
        for (const sample of SAMPLES)
          expect(passwordPolicyMessage(t, policy, sample), sample).toBe(serverMessage(policy, sample, lng));
      });
    }
  }

  it('refuses weak passwords with every unmet rule (the test can fail)', () => {
    expect(checkPassword('techreg', 'password')).toEqual(['digit', 'upper', 'special']);
    expect(checkPassword('egz', 'Aa1Aa1Aa1Aa1Aa1Aa1Aa1')).toEqual(['max_length']);
    expect(checkPassword('egov', 'Пароль123!')).toEqual(['upper', 'lower', 'latin_only']);
    expect(checkPassword('techreg', 'Password1%')).toEqual([]);
  });
});
