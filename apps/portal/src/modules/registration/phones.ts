/**
 * Kazakhstan phone numbers as people type them: "+7 701 123 45 67", "8 (701) 123-45-67", "87011234567" are
 * one number, stored as +77011234567.
 */
export function normalizeKzPhone(raw: string): string | null {
  const digits = raw.replace(/[\s()\-.]/g, '');
  const m = /^(?:\+7|8|7)(\d{10})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}

/**
 * Mobile (notifications by SMS, seed 004): the operators' codes 700–708, 747, 750–751, 760–764, 771, 775–778.
 * "+7 7XX" alone is not enough — city numbers start with 7 too (Astana +7 7172, Almaty +7 727).
 */
const MOBILE = /^\+7(70[0-8]|747|75[01]|76[0-4]|771|77[5-8])\d{7}$/;
export const isKzMobile = (normalized: string) => MOBILE.test(normalized);
