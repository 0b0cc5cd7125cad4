/**
 * The «+7» mobile mask of the seeds' forms (+7 (7__) ___-__-__): whatever is typed or pasted — 8 701…,
 * +7 701…, 701… — shows as +7 (701) 123-45-67 and is sent as +77011234567.
 */
export function nationalDigits(input: string): string {
  let digits = input.replace(/\D/g, '');
  if (digits.length > 10 && (digits.startsWith('7') || digits.startsWith('8'))) digits = digits.slice(1);
  else if (input.trim().startsWith('+7')) digits = digits.slice(1);
  return digits.slice(0, 10);
}

export function formatKzPhone(input: string): string {
  const d = nationalDigits(input);
  if (!d) return '';
  let out = `+7 (${d.slice(0, 3)}`;
  if (d.length >= 3) out += ')';
  if (d.length > 3) out += ` ${d.slice(3, 6)}`;
  if (d.length > 6) out += `-${d.slice(6, 8)}`;
  if (d.length > 8) out += `-${d.slice(8, 10)}`;
  return out;
}

/** +7XXXXXXXXXX, or null when the number is incomplete. */
export function toE164(input: string): string | null {
  const d = nationalDigits(input);
  return d.length === 10 ? `+7${d}` : null;
}

/**
 * Mobile operators' codes, as the server checks them (apps/portal/src/modules/registration/phones.ts):
 * 700–708, 747, 750–751, 760–764, 771, 775–778. City numbers start with 7 too (Astana 7172, Almaty 727).
 */
const MOBILE = /^\+7(70[0-8]|747|75[01]|76[0-4]|771|77[5-8])\d{7}$/;

export function isKzMobile(input: string): boolean {
  return MOBILE.test(toE164(input) ?? '');
}
