import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from './tables';

export interface AuditEntry {
  action: string;
  result: 'success' | 'failure';
  actorUserId?: string | null;
  organizationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export type AuditEvent = typeof auditEvents.$inferSelect;

export interface AuditQuery {
  actorUserId?: string;
  organizationId?: string;
  action?: string;
  /** The action or its family: `admin.user` matches `admin.user` and `admin.user.block`, … */
  actionFamily?: string;
  /** Events the account did or that targeted it (`target_type` 'account'). */
  involvingAccountId?: string;
  /** occurred_at ≥ from and < to. */
  from?: Date;
  to?: Date;
  /** Keyset pagination: events with an id below this one. */
  beforeId?: number;
  limit?: number;
}

/**
 * The audit journal other modules call. It only appends and reads: there is no update or delete path here,
 * and the database refuses both (trigger in migration 0001).
 */
export function createAuditService(db: Db) {
  return {
    /** Appends one event; pass the caller's transaction so the event commits (or not) with the change. */
    async record(entry: AuditEntry, tx: Db = db): Promise<AuditEvent> {
      const [row] = await tx
        .insert(auditEvents)
        .values({
          action: entry.action,
          result: entry.result,
          actorUserId: entry.actorUserId ?? null,
          organizationId: entry.organizationId ?? null,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId ?? null,
          ip: entry.ip ?? null,
          userAgent: entry.userAgent?.slice(0, 512) ?? null,
          details: entry.details ?? {},
        })
        .returning();
      return row;
    },

    async list(q: AuditQuery = {}): Promise<AuditEvent[]> {
      const where: SQL[] = [];
      if (q.actorUserId) where.push(eq(auditEvents.actorUserId, q.actorUserId));
      if (q.organizationId) where.push(eq(auditEvents.organizationId, q.organizationId));
      if (q.action) where.push(eq(auditEvents.action, q.action));
      if (q.actionFamily) {
        const escaped = q.actionFamily.replace(/[\\%_]/g, (c) => `\\${c}`);
        where.push(or(eq(auditEvents.action, q.actionFamily), like(auditEvents.action, `${escaped}.%`))!);
      }
      if (q.involvingAccountId)
        where.push(
          or(
            eq(auditEvents.actorUserId, q.involvingAccountId),
            and(eq(auditEvents.targetType, 'account'), eq(auditEvents.targetId, q.involvingAccountId)),
          )!,
        );
      if (q.from) where.push(gte(auditEvents.occurredAt, q.from));
      if (q.to) where.push(lt(auditEvents.occurredAt, q.to));
      if (q.beforeId) where.push(lt(auditEvents.id, q.beforeId));
      return db
        .select()
        .from(auditEvents)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(Math.min(q.limit ?? 50, 500));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
