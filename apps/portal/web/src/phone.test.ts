import { describe, expect, it } from 'vitest';
import { formatKzPhone, isKzMobile, nationalDigits, toE164 } from './phone';

describe('phone mask', () => {
  it('formats whatever is typed or pasted as +7 (XXX) XXX-XX-XX', () => {
    expect(formatKzPhone('7011234567')).toBe('+7 (701) 123-45-67');
    expect(formatKzPhone('87011234567')).toBe('+7 (701) 123-45-67');
    expect(formatKzPhone('+7 701 123 45 67')).toBe('+7 (701) 123-45-67');
    expect(formatKzPhone('+7 (701) 123-45-679999')).toBe('+7 (701) 123-45-67');
  });

  it('formats partial input without inventing digits', () => {
    expect(formatKzPhone('')).toBe('');
    expect(formatKzPhone('70')).toBe('+7 (70');
    expect(formatKzPhone('701')).toBe('+7 (701)');
    expect(formatKzPhone('70112')).toBe('+7 (701) 12');
    expect(formatKzPhone('+7 (701) 12')).toBe('+7 (701) 12');
  });

  it('keeps its own output stable when the user goes on typing', () => {
    let value = '';
    for (const digit of '7011234567') value = formatKzPhone(value + digit);
    expect(value).toBe('+7 (701) 123-45-67');
    expect(nationalDigits(value)).toBe('7011234567');
  });

  it('sends E.164 only for complete numbers and accepts only mobile ones', () => {
    expect(toE164('+7 (701) 123-45-67')).toBe('+77011234567');
    expect(toE164('+7 (701) 123-45')).toBeNull();
    expect(isKzMobile('+7 (701) 123-45-67')).toBe(true);
    expect(isKzMobile('+7 (747) 272-90-90')).toBe(true);
    expect(isKzMobile('+7 (717) 272-90-90')).toBe(false);
    expect(isKzMobile('+7 (327) 272-90-90')).toBe(false);
    expect(isKzMobile('123')).toBe(false);
  });
});
