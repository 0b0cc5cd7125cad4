import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Email activation links (seed 001): single use, expiring, stored as the SHA-256 of the token. A link is for
 * one address: if the account's email changed since, the link no longer activates anything.
 */
export const emailActivations = pgTable(
  'email_activations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    accountId: uuid('account_id').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('email_activations_account_idx').on(t.accountId)],
);
