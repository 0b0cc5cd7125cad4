// Account number rules of seed 001 «Добавление счета»: up to 34 characters, a KZ IBAN (ISO 13616: 20
// characters, check digits by mod-97) unless «Признак счета старого формата» is set, and КБе derived from
// residency and the КСЕ sector digit. Pure functions: the web form and the server use the same rules.

/** ISO 13616 caps every IBAN (and seed 001 every account number) at 34 characters. */
export const ACCOUNT_NUMBER_MAX = 34;
/** A Kazakhstan IBAN: KZ, 2 check digits, 3-digit bank code, 13 alphanumeric account characters. */
export const KZ_IBAN_LENGTH = 20;

export type AccountNumberProblem =
  | 'account_number_required'
  | 'account_number_too_long'
  | 'account_number_chars'
  | 'iban_format'
  | 'iban_kz_length'
  | 'iban_checksum';

/** Upper case without spaces: how people copy IBANs («KZ86 125K …») and how they are stored. */
export function normalizeAccountNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The ISO 7064 mod-97 remainder of an IBAN with its first four characters moved to the end (1 when valid). */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    // Letters become two digits (A = 10 … Z = 35); fold digit by digit to stay within safe integers.
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

/** The two check digits ISO 13616 gives a country code and BBAN (what banks compute when issuing an IBAN). */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  const remainder = ibanRemainder(`${countryCode}00${bban}`);
  return String(98 - remainder).padStart(2, '0');
}

/**
 * Why an account number is refused, or null when accepted. Without the old-format flag it must be an IBAN:
 * a KZ one exactly 20 characters (3-digit bank code, 13 alphanumerics), any other country's at most 34, and
 * the mod-97 check passing. The old-format flag («Признак счета старого формата») relaxes this to letters and
 * digits, at most 34 — accounts opened before IBANs keep their old numbers.
 */
export function accountNumberProblem(raw: string, oldFormat: boolean): AccountNumberProblem | null {
  const number = normalizeAccountNumber(raw);
  if (!number) return 'account_number_required';
  if (number.length > ACCOUNT_NUMBER_MAX) return 'account_number_too_long';
  if (!/^[A-Z0-9]+$/.test(number)) return 'account_number_chars';
  if (oldFormat) return null;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(number)) return 'iban_format';
  if (number.startsWith('KZ')) {
    if (number.length !== KZ_IBAN_LENGTH) return 'iban_kz_length';
    if (!/^KZ\d{2}\d{3}[A-Z0-9]{13}$/.test(number)) return 'iban_format';
  }
  return ibanRemainder(number) === 1 ? null : 'iban_checksum';
}

/** Groups of four for display: KZ86 125K ZT50 0410 0100. */
export function formatIban(number: string): string {
  return number.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * КБе (код бенефициара): first digit 1 for a resident of Kazakhstan, 2 for a non-resident; second digit the
 * economic sector of the participant's КСЕ. Null when the sector is unknown (КСЕ not filled in).
 */
export function deriveKbe(resident: boolean, sectorDigit: string | number | null | undefined): string | null {
  const digit = sectorDigit === null || sectorDigit === undefined ? '' : String(sectorDigit).trim();
  if (!/^\d$/.test(digit)) return null;
  return `${resident ? 1 : 2}${digit}`;
}

/** SWIFT BIC (ISO 9362): 4 bank letters, 2 country letters, 2 location characters, optional 3 for a branch. */
export const BIC_PATTERN = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export function isBic(value: string): boolean {
  return BIC_PATTERN.test(value);
}
