import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  inet,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const accountKinds = ['individual', 'legal_entity', 'certification_body'] as const;
export const accountStatuses = ['active', 'blocked', 'pending_activation'] as const;

/**
 * People and organisations that sign in. An individual has one personal account per IIN; a legal entity or
 * certification body one account per BIN (its `iin` is the person who registered it). Emails are stored
 * lowercased and are unique, since they are a login.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: accountKinds }).notNull(),
    iin: text('iin').notNull(),
    bin: text('bin'),
    /** The organisation record, once the organisations module exists. */
    organizationId: uuid('organization_id'),
    email: text('email'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    mobilePhone: text('mobile_phone'),
    workPhone: text('work_phone'),
    surname: text('surname'),
    firstName: text('first_name'),
    patronymic: text('patronymic'),
    /** argon2id PHC string; null: no password yet (signature-only account). */
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status', { enum: accountStatuses }).notNull().default('active'),
    roles: text('roles').array().notNull().default(sql`ARRAY['user']::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('accounts_individual_iin_uq').on(t.iin).where(sql`${t.kind} = 'individual'`),
    uniqueIndex('accounts_organization_bin_uq').on(t.bin).where(sql`${t.kind} <> 'individual'`),
    uniqueIndex('accounts_email_uq').on(t.email).where(sql`${t.email} IS NOT NULL`),
    index('accounts_iin_idx').on(t.iin),
  ],
);

/** Server-side sessions; the id is the SHA-256 of the opaque cookie token, so a DB leak yields no cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Idle expiry: moves forward while the session is used. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * Password-login failure counters per identifier (hashed IIN/BIN/email), also for identifiers without an
 * account, shared by every portal instance.
 */
export const loginThrottle = pgTable('login_throttle', {
  identifierHash: text('identifier_hash').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
