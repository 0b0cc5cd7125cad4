import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Certificate + password login (seed 001, LOGIN_CERT_REQUIRES_PASSWORD): after the signature is verified, a
 * short-lived, single-use pending login waits for the account's password. The id is the SHA-256 of the token
 * the browser holds, so the table yields nothing usable.
 */
export const signaturePendingLogins = pgTable(
  'signature_pending_logins',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    /** The IIN or BIN the account was found by: the password step counts lockout failures against it. */
    login: text('login').notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('signature_pending_logins_expires_idx').on(t.expiresAt)],
);
