import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only journal: a trigger in the migration refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    result: text('result', { enum: ['success', 'failure'] }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_org_idx').on(t.organizationId, t.occurredAt),
    index('audit_events_action_idx').on(t.action, t.occurredAt),
    // The admin journal (modules/admin): an action family (`admin.user.%`, LIKE needs the pattern operator
    // class outside the C collation) and a period without other filters.
    index('audit_events_action_pattern_idx').on(t.action.op('text_pattern_ops')),
    index('audit_events_occurred_idx').on(t.occurredAt),
  ],
);
