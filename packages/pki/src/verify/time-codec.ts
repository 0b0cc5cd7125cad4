/** DER UTCTime / GeneralizedTime → Date (strict DER forms only; null when malformed). */

const UTC_RE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GEN_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3})\d*)?Z$/;

export function parseAsn1Time(tag: number, bytes: Uint8Array): Date | null {
  const text = Buffer.from(bytes).toString('latin1');
  const m = tag === 0x17 ? UTC_RE.exec(text) : tag === 0x18 ? GEN_RE.exec(text) : null;
  if (!m) return null;
  let year = Number(m[1]);
  if (tag === 0x17) year = year < 50 ? 2000 + year : 1900 + year;
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31 February over into March: refuse instead.
  if (date.getUTCDate() !== day) return null;
  return date;
}
