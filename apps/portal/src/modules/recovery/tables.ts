import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Recovery attempts per identifier (SHA-256 of the normalised IIN/BIN/email, never the identifier itself) and
 * window: counted for identifiers with no account too, so the limit reveals nothing.
 */
export const recoveryThrottle = pgTable('recovery_throttle', {
  identifierHash: text('identifier_hash').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});
