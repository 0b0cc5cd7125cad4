import { describe, expect, it } from 'vitest';
import { normalizeKzPhone, isKzMobile as serverIsKzMobile } from '../../src/modules/registration/phones';
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
    expect(isKzMobile('+7 (778) 272-90-90')).toBe(true);
    expect(isKzMobile('+7 (717) 272-90-90')).toBe(false);
    expect(isKzMobile('+7 (727) 272-90-90')).toBe(false);
    expect(isKzMobile('+7 (709) 272-90-90')).toBe(false);
    expect(isKzMobile('+7 (327) 272-90-90')).toBe(false);
    expect(isKzMobile('123')).toBe(false);
  });
});

describe('agrees with the server', () => {
  it('on every code from 700 to 799 and on what it sends', () => {
    for (let code = 700; code <= 799; code++) {
      const typed = `8 (${code}) 123-45-67`;
      const server = normalizeKzPhone(typed);
      expect(toE164(typed)).toBe(server);
      expect(isKzMobile(typed), typed).toBe(serverIsKzMobile(server!));
    }
  });
});
