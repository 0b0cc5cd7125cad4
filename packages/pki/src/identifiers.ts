/**
 * Kazakhstan IIN (individual) and BIN (business) numbers: 12 digits, the last a check digit.
 * c = Σ dᵢ·wᵢ mod 11 over d1..d11 with weights 1..11; if c = 10 retry with weights
 * 3..11,1,2; if still 10 the number is invalid; else d12 = c.
 */

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Check digit for the first 11 digits, or null when none exists (both sums give 10). */
export function identifierCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const sum = (w: number[]) => digits.reduce((acc, d, i) => acc + d * w[i], 0) % 11;
  let c = sum(WEIGHTS_1);
  if (c === 10) c = sum(WEIGHTS_2);
  return c === 10 ? null : c;
}

function hasValidCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const c = identifierCheckDigit(value.slice(0, 11));
  return c !== null && c === Number(value[11]);
}

/** IIN: 12 digits, a plausible birth date (YYMMDD), century/sex digit 1–6, valid check digit. */
export function isValidIin(value: string): boolean {
  if (!hasValidCheckDigit(value)) return false;
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const century = Number(value[6]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && century >= 1 && century <= 6;
}

/**
 * BIN: 12 digits, month 01–12, type digit 4/5/6 (resident, non-resident, joint IE), unit digit
 * 0–3, valid check digit. An individual entrepreneur acts under its IIN; use `isValidBinOrIin`
 * where an IE's number is acceptable.
 */
export function isValidBin(value: string): boolean {
  if (!hasValidCheckDigit(value)) return false;
  const month = Number(value.slice(2, 4));
  const type = Number(value[4]);
  const unit = Number(value[5]);
  return month >= 1 && month <= 12 && type >= 4 && type <= 6 && unit >= 0 && unit <= 3;
}

/** A BIN, or an IIN used as the business number of an individual entrepreneur. */
export function isValidBinOrIin(value: string): boolean {
  return isValidBin(value) || isValidIin(value);
}
