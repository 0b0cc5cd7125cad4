import { describe, expect, it } from 'vitest';
import {
  accountNumberProblem,
  deriveKbe,
  formatIban,
  ibanCheckDigits,
  ibanRemainder,
  isBic,
  normalizeAccountNumber,
} from './iban';

/** Builds a KZ IBAN the way a bank does: bank code + account, check digits computed by mod-97 here. */
function kzIban(bankCode: string, account: string): string {
  const bban = bankCode + account;
  return `KZ${ibanCheckDigits('KZ', bban)}${bban}`;
}

/** The same IBAN with its check digits replaced by the next pair (always wrong: only one pair passes). */
function withWrongCheckDigits(iban: string): string {
  const wrong = String((Number(iban.slice(2, 4)) + 1) % 100).padStart(2, '0');
  return iban.slice(0, 2) + wrong + iban.slice(4);
}

describe('KZ IBAN', () => {
  // Published examples: the SWIFT IBAN registry's KZ entry and the one most IBAN references cite.
  it.each(['KZ86125KZT5004100100', 'KZ563190000012344567'])('accepts the published example %s', (iban) => {
    expect(ibanRemainder(iban)).toBe(1);
    expect(accountNumberProblem(iban, false)).toBeNull();
  });

  it('computes the check digits of the registry example from its bank code and account', () => {
    expect(ibanCheckDigits('KZ', '125KZT5004100100')).toBe('86');
  });

  it('accepts IBANs with computed check digits for several banks and accounts', () => {
    const cases: Array<[string, string]> = [
      ['722', 'S000012345678'],
      ['601', '0001234567890'],
      ['998', 'CTB0000012345'],
      ['914', '398A000000001'],
    ];
    for (const [bank, account] of cases) {
      const iban = kzIban(bank, account);
      expect(iban).toHaveLength(20);
      expect(accountNumberProblem(iban, false)).toBeNull();
    }
  });

  it('accepts spaces and lower case the way people copy IBANs, and stores them normalised', () => {
    const iban = kzIban('722', 'S000012345678');
    const typed = formatIban(iban).toLowerCase();
    expect(typed).toContain(' ');
    expect(accountNumberProblem(typed, false)).toBeNull();
    expect(normalizeAccountNumber(typed)).toBe(iban);
  });

  it('refuses wrong check digits', () => {
    const iban = kzIban('601', '0001234567890');
    expect(accountNumberProblem(withWrongCheckDigits(iban), false)).toBe('iban_checksum');
    expect(accountNumberProblem(withWrongCheckDigits('KZ86125KZT5004100100'), false)).toBe('iban_checksum');
  });

  it('refuses a single mistyped character and two swapped neighbours', () => {
    const iban = kzIban('601', '0001234567890');
    const typo = `${iban.slice(0, 10)}${iban[10] === '9' ? '8' : '9'}${iban.slice(11)}`;
    expect(accountNumberProblem(typo, false)).toBe('iban_checksum');
    const swapped = `${iban.slice(0, 12)}${iban[13]}${iban[12]}${iban.slice(14)}`;
    expect(swapped).not.toBe(iban);
    expect(accountNumberProblem(swapped, false)).toBe('iban_checksum');
  });

  it('refuses a KZ IBAN that is not 20 characters, even with matching check digits', () => {
    const short = `KZ${ibanCheckDigits('KZ', '601000123456789')}601000123456789`; // 19
    const long = `KZ${ibanCheckDigits('KZ', '60100012345678901')}60100012345678901`; // 21
    expect(ibanRemainder(short)).toBe(1);
    expect(accountNumberProblem(short, false)).toBe('iban_kz_length');
    expect(accountNumberProblem(long, false)).toBe('iban_kz_length');
  });

  it('refuses a KZ IBAN whose bank code is not three digits', () => {
    const bad = `KZ${ibanCheckDigits('KZ', 'A010001234567890')}A010001234567890`;
    expect(accountNumberProblem(bad, false)).toBe('iban_format');
  });

  it('refuses numbers that are not IBANs unless the old-format flag is set', () => {
    expect(accountNumberProblem('40702810900000001234', false)).toBe('iban_format');
    expect(accountNumberProblem('40702810900000001234', true)).toBeNull();
    expect(accountNumberProblem('000467123', true)).toBeNull();
  });

  it('checks other countries’ IBANs by mod-97 too', () => {
    expect(accountNumberProblem('DE89370400440532013000', false)).toBeNull();
    expect(accountNumberProblem('DE88370400440532013000', false)).toBe('iban_checksum');
  });
});

describe('account number limits (also with the old-format flag)', () => {
  it('allows 34 characters and refuses 35', () => {
    expect(accountNumberProblem('1'.repeat(34), true)).toBeNull();
    expect(accountNumberProblem('1'.repeat(35), true)).toBe('account_number_too_long');
    expect(accountNumberProblem('1'.repeat(35), false)).toBe('account_number_too_long');
  });

  it('refuses an empty number and characters other than letters and digits', () => {
    expect(accountNumberProblem('  ', true)).toBe('account_number_required');
    expect(accountNumberProblem('KZ86-125K', true)).toBe('account_number_chars');
    expect(accountNumberProblem('КZ86125KZT5004100100', false)).toBe('account_number_chars'); // Cyrillic К
  });
});

describe('КБе', () => {
  it('is 1 for residents and 2 for non-residents, then the КСЕ sector digit', () => {
    expect(deriveKbe(true, '7')).toBe('17');
    expect(deriveKbe(false, 7)).toBe('27');
    expect(deriveKbe(true, '1')).toBe('11');
  });

  it('is unknown without a single-digit sector', () => {
    expect(deriveKbe(true, null)).toBeNull();
    expect(deriveKbe(true, undefined)).toBeNull();
    expect(deriveKbe(true, '')).toBeNull();
    expect(deriveKbe(true, '17')).toBeNull();
  });
});

describe('BIC', () => {
  it('accepts 8- and 11-character SWIFT codes of Kazakh banks', () => {
    for (const bic of ['HSBKKZKX', 'CASPKZKA', 'KCJBKZKX', 'NBRKKZKXXXX']) expect(isBic(bic)).toBe(true);
  });

  it('refuses other shapes', () => {
    for (const bic of ['HSBKKZK', 'HSBKKZKXX', 'hsbkkzkx', '1SBKKZKX', 'HSBK KZKX', ''])
      expect(isBic(bic)).toBe(false);
  });
});
