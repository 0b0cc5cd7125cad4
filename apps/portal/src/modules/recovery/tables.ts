import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Password recovery links (seed 001): single use, expiring, stored as the SHA-256 of the token. A link is for
 * one address: if the account's email changed since, the link does nothing.
 */
export const passwordRecoveryLinks = pgTable(
  'password_recovery_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    accountId: uuid('account_id').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('password_recovery_links_account_idx').on(t.accountId)],
);

/**
 * Recovery attempts per identifier (SHA-256 of the normalised IIN/BIN/email, never the identifier itself) and
 * window: counted for identifiers with no account too, so the limit reveals nothing.
 */
export const recoveryThrottle = pgTable('recovery_throttle', {
  identifierHash: text('identifier_hash').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});
