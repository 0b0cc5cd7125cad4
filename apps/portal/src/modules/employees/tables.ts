import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/tables';

/** pending: mailed, not yet used; accepted: the invitee joined (membership pending until activated). */
export const invitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;

/**
 * Invitations to join an organisation (seed 004: Профиль компании → Штат → Пригласить пользователя). The mailed
 * token is stored only as its SHA-256; one pending invitation per address and organisation (the partial unique
 * index; an expired one is marked `expired` before a new one is written).
 */
export const employeeInvitations = pgTable(
  'employee_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Lowercased. */
    email: text('email').notNull(),
    /** The preset rights the membership gets on acceptance (organisation member rights). */
    rights: text('rights').array().notNull(),
    position: text('position'),
    tokenHash: text('token_hash').notNull().unique(),
    status: text('status', { enum: invitationStatuses }).notNull().default('pending'),
    invitedByAccountId: uuid('invited_by_account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedByAccountId: uuid('accepted_by_account_id'),
    /** The membership created on acceptance. */
    memberId: uuid('member_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByAccountId: uuid('revoked_by_account_id'),
  },
  (t) => [
    uniqueIndex('employee_invitations_pending_uq')
      .on(t.organizationId, t.email)
      .where(sql`${t.status} = 'pending'`),
    index('employee_invitations_org_idx').on(t.organizationId, t.createdAt),
  ],
);
