import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Single-use tokens mailed in links (account activation, password recovery, email confirmation): stored as the
 * SHA-256 of the token, expiring, for one purpose and one address — if the account's email changed since, the
 * token no longer does anything.
 */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    accountId: uuid('account_id').notNull(),
    /** 'activation' | 'recovery' | 'email_confirm' (EmailTokenPurpose). */
    purpose: text('purpose').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('email_tokens_account_purpose_idx').on(t.accountId, t.purpose)],
);
