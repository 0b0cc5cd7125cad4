import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One-time SMS passwords (seed 002 login tab, seed 003 timer): at most one live code per account — a new
 * request replaces the old one. The code is stored only as a keyed hash (see codes.ts); attempts are counted
 * atomically, and a code is consumed by the same statement that checks it, so it works once.
 */
export const otpCodes = pgTable('otp_codes', {
  accountId: uuid('account_id').primaryKey(),
  codeHash: text('code_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  consumedAt: timestamp('consumed_at', { withTimezone: true }),
});
