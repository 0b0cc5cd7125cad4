import { describe, expect, it } from 'vitest';
import { identifierCheckDigit, isValidBin, isValidBinOrIin, isValidIin } from './identifiers';

describe('IIN / BIN check digits', () => {
  it('accepts the known-valid numbers from NCA.md', () => {
    for (const iin of ['871008401427', '760212350620', '800416300257']) expect(isValidIin(iin)).toBe(true);
    for (const bin of ['940140000385', '950341000052', '961141000023']) expect(isValidBin(bin)).toBe(true);
  });

  it('refuses a wrong check digit, wrong length and non-digits', () => {
    expect(isValidIin('871008401428')).toBe(false);
    expect(isValidBin('940140000386')).toBe(false);
    expect(isValidIin('87100840142')).toBe(false);
    expect(isValidIin('8710084014270')).toBe(false);
    expect(isValidIin('87100840142a')).toBe(false);
    expect(isValidIin('')).toBe(false);
  });

  it('uses the second weight set when the first sum is 10, and refuses when both give 10', () => {
    // find prefixes for both cases by search, then check the rule directly
    const sum = (s: string, w: number[]) => [...s].reduce((a, d, i) => a + Number(d) * w[i], 0) % 11;
    const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let second: string | undefined;
    let none: string | undefined;
    for (let n = 87100840000; n < 87100849999 && (!second || !none); n++) {
      const p = String(n);
      if (sum(p, w1) === 10 && sum(p, w2) !== 10) second ??= p;
      if (sum(p, w1) === 10 && sum(p, w2) === 10) none ??= p;
    }
    expect(second && identifierCheckDigit(second)).toBe(sum(second!, w2));
    expect(isValidIin(`${second}${sum(second!, w2)}`)).toBe(true);
    expect(identifierCheckDigit(none!)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`${none}${d}`)).toBe(false);
  });

  it('checks the date / type digits: an IIN is not a BIN and vice versa', () => {
    expect(isValidBin('871008401427')).toBe(false); // 5th digit 0 is a day, not an entity type
    expect(isValidIin('940140000385')).toBe(false); // day 40
    expect(isValidBinOrIin('871008401427')).toBe(true);
    expect(isValidBinOrIin('940140000385')).toBe(true);
    // the NCA test subject IIN123456789011 has month 34: not a real IIN
    expect(isValidIin('123456789011')).toBe(false);
  });
});
