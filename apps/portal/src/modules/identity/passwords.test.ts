import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../server/errors';
import {
  ARGON2_OPTIONS,
  assertNewPassword,
  checkPassword,
  describePolicy,
  generatePassword,
  hashPassword,
  passwordPolicies,
  passwordPolicyMessage,
  verifyPassword,
} from './passwords';

// Counts argon2id verifications (calling the real one), so the test can see that a login without an account
// spends the same work as one with an account — by counting, not by timing on a shared machine.
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2.verifications += 1;
      return real.verify(...args);
    },
  };
});

describe('password policies', () => {
  it('techreg (seed 000): ≥ 8, digits, upper, lower, one of % $ @ & * #, never ^', () => {
    expect(checkPassword('techreg', 'Abcdef1%')).toEqual([]);
    expect(checkPassword('techreg', 'Abcdef1#x')).toEqual([]);
    expect(checkPassword('techreg', 'abc')).toEqual(['min_length', 'digit', 'upper', 'special']);
    expect(checkPassword('techreg', 'Abcdefg1!')).toEqual(['special']); // ! is not in the seed's list
    expect(checkPassword('techreg', 'Abcdef1%^')).toEqual(['forbidden_char']);
    expect(checkPassword('techreg', 'ABCDEFG1%')).toEqual(['lower']);
    expect(checkPassword('techreg', 'Пароль1%ок')).toEqual([]); // Cyrillic letters have case too
  });

  it('egz (seed 001): 8–20 characters with lower, upper case and digits', () => {
    expect(checkPassword('egz', 'Abcdefg1')).toEqual([]);
    expect(checkPassword('egz', 'Abcdefg1'.repeat(3))).toEqual(['max_length']);
    expect(checkPassword('egz', 'abcdefgh')).toEqual(['digit', 'upper']);
    expect(checkPassword('egz', '')).toEqual(['min_length', 'digit', 'upper', 'lower']);
  });

  it('egov: ≥ 8, upper and lower Latin letters, digits, a special character, Latin only', () => {
    expect(checkPassword('egov', 'Qwerty1!')).toEqual([]);
    expect(checkPassword('egov', 'Qwerty12')).toEqual(['special']);
    expect(checkPassword('egov', 'Пароль1!x')).toEqual(['upper', 'latin_only']);
    expect(checkPassword('egov', 'x')).toEqual(['min_length', 'digit', 'upper', 'special']);
  });

  it('every policy caps the length', () => {
    for (const p of passwordPolicies)
      expect(checkPassword(p, `Aa1%${'x'.repeat(200)}`)).toContain('max_length');
  });

  it('lists every unmet rule in the language asked', () => {
    expect(passwordPolicyMessage('techreg', 'abc', 'ru')).toBe(
      'Пароль должен: содержать не менее 8 символов; содержать цифры; содержать буквы в верхнем регистре; ' +
        'содержать специальный символ (% $ @ & * #)',
    );
    expect(passwordPolicyMessage('techreg', 'abc', 'en')).toBe(
      'The password must: be at least 8 characters long; contain a digit; contain an upper-case letter; ' +
        'contain a special character (% $ @ & * #)',
    );
    expect(passwordPolicyMessage('egz', 'abcdefgh', 'kk')).toBe(
      'Құпия сөз: цифрларды қамтуы тиіс; бас әріптерді қамтуы тиіс',
    );
    expect(passwordPolicyMessage('egz', 'Abcdefg1', 'ru')).toBeNull();
    expect(describePolicy('egz', 'ru')).toHaveLength(5);
  });

  it('assertNewPassword throws validation_failed with the rules and the mismatch as fields', () => {
    let error: unknown;
    try {
      assertNewPassword('egz', 'ru', 'short', {
        field: 'newPassword',
        repeat: 'other',
        repeatField: 'again',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).fields).toEqual({
      newPassword:
        'Пароль должен: содержать не менее 8 символов; содержать цифры; содержать буквы в верхнем регистре',
      again: 'Пароли не совпадают',
    });
    expect(() => assertNewPassword('egz', 'ru', 'Abcdefg1', { repeat: 'Abcdefg1' })).not.toThrow();
  });

  it('generated passwords satisfy every policy', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      for (const policy of passwordPolicies) expect(checkPassword(policy, p), p).toEqual([]);
    }
  });
});

describe('argon2id', () => {
  it('hashes with the OWASP parameters and verifies only the right password', async () => {
    const h = await hashPassword('Abcdef1%');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(h, 'Abcdef1%')).toBe(true);
    expect(await verifyPassword(h, 'Abcdef1&')).toBe(false);
    expect(await hashPassword('Abcdef1%')).not.toBe(h); // salted
  });

  it('refuses without a hash or with a malformed one, spending one verification all the same', async () => {
    const real = await hashPassword('Abcdef1%');
    const verificationsBy = async (fn: () => Promise<boolean>) => {
      const before = argon2.verifications;
      expect(await fn()).toBe(false);
      return argon2.verifications - before;
    };
    // Same work: each runs exactly one argon2id verification with the same parameters.
    expect(await verificationsBy(() => verifyPassword(real, 'wrong'))).toBe(1);
    expect(await verificationsBy(() => verifyPassword(null, 'wrong'))).toBe(1);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyPassword(undefined, '')).toBe(false);
  });
});
