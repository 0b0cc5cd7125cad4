import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const OTP_CODE_LENGTH = 6;

/** A uniformly random 6-digit code from the CSPRNG (leading zeros kept). */
export const generateOtpCode = (): string =>
  randomInt(0, 10 ** OTP_CODE_LENGTH)
    .toString()
    .padStart(OTP_CODE_LENGTH, '0');

/**
 * The stored form of a code: SHA-256 over the code salted with its account and issue time, so the table never
 * holds a usable code and equal codes of two accounts differ. (A 6-digit code is guessable offline from a
 * leaked row; it is worth nothing after 120 s, which is the real protection.)
 */
export function hashOtpCode(accountId: string, issuedAt: Date, code: string): string {
  return createHash('sha256')
    .update(`tereze/otp/v1\0${accountId}\0${issuedAt.toISOString()}\0${code}`)
    .digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
