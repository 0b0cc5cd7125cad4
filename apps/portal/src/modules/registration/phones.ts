/**
 * Kazakhstan phone numbers as people type them: "+7 701 123 45 67", "8 (701) 123-45-67", "87011234567" are
 * one number, stored as +77011234567. Mobile numbers (notifications, seed 004) start with +77.
 */
export function normalizeKzPhone(raw: string): string | null {
  const digits = raw.replace(/[\s()\-.]/g, '');
  const m = /^(?:\+7|8|7)(\d{10})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}

export const isKzMobile = (normalized: string) => /^\+77\d{9}$/.test(normalized);
