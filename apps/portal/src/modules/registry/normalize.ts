// Inputs people type (document numbers, dates, phones, certificate numbers) compared the way a clerk would:
// case, spaces and look-alike letters do not matter.

/** Latin letters that look like Cyrillic ones, mapped to the Cyrillic letter (ТОО typed as "TOO"). */
const LOOKALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** Upper case, no whitespace, dashes unified. */
export function normalizeDocumentNumber(value: string): string {
  return value
    .normalize('NFC')
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[‐-―−]/g, '-');
}

/** As a document number, and Latin look-alikes read as Cyrillic (registration numbers end in ТОО, АО, Ф-л). */
export function normalizeRegistrationNumber(value: string): string {
  return normalizeDocumentNumber(value).replace(/[ABEKMHOPCTXY]/g, (c) => LOOKALIKES[c]);
}

/** `YYYY-MM-DD` from `YYYY-MM-DD` or `DD.MM.YYYY`; null when it is not a real calendar date. */
export function normalizeIsoDate(value: string): string | null {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = v.includes('.') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const iso = `${y}-${mo}-${d}`;
  return date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** `+7XXXXXXXXXX` from the ways a Kazakhstan mobile number is written (8 7XX…, +7 (7XX) …); else null. */
export function normalizeKzPhone(value: string): string | null {
  const digits = value.replace(/[\s()+-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (/^[78]\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  if (/^\d{10}$/.test(digits)) return `+7${digits}`;
  return null;
}
