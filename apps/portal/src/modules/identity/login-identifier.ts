import { createHash } from 'node:crypto';

/** What a person typed as their login: an IIN or BIN (12 digits), an email, or something else. */
export type LoginIdentifier =
  | { type: 'iin_bin'; value: string }
  | { type: 'email'; value: string }
  | { type: 'other'; value: string };

/** Normalises a login so that "  871008 401427" and "871008401427", or "A@B.KZ" and "a@b.kz", are one. */
export function normalizeLogin(raw: string): LoginIdentifier {
  const trimmed = raw.normalize('NFKC').trim();
  const digits = trimmed.replace(/[\s-]/g, '');
  if (/^\d{12}$/.test(digits)) return { type: 'iin_bin', value: digits };
  if (trimmed.includes('@')) return { type: 'email', value: trimmed.toLowerCase() };
  return { type: 'other', value: trimmed.toLowerCase() };
}

/** Emails are stored lowercased and trimmed. */
export const normalizeEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

/**
 * The lockout counter's key: a hash, so the throttle table lists no IINs or emails. Domain-separated so the
 * same digits as IIN and as anything else never collide with other uses of SHA-256.
 */
export function identifierHash(id: LoginIdentifier): string {
  return createHash('sha256').update(`tereze/login-throttle/v1\0${id.value}`).digest('hex');
}
