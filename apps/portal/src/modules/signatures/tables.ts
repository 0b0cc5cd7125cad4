import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Uint8Array (Drizzle 0.45 has no built-in bytea column). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer | string }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => {
    if (typeof value === 'string') {
      // node-postgres without a bytea parser: '\x…' hex text.
      return new Uint8Array(Buffer.from(value.startsWith('\\x') ? value.slice(2) : value, 'hex'));
    }
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
});

/**
 * Everything a person signs is first issued here (DESIGN.md, "Signing requests"): the exact bytes to sign,
 * for one purpose, valid for a few minutes, consumed once. A row is never reused: consumed_at is set by one
 * atomic UPDATE, which also re-checks the expiry, so two instances cannot both accept one signature.
 */
export const signingRequests = pgTable(
  'signing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    /** What is signed about (a document or application id); null for login and registration. */
    subjectId: text('subject_id'),
    /** The signed-in account the request was issued to; a signature for it counts only for that account. */
    accountId: uuid('account_id'),
    /** The exact bytes to sign (canonical UTF-8 text, see canonical.ts). */
    data: bytes('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('signing_requests_expires_idx').on(t.expiresAt)],
);
