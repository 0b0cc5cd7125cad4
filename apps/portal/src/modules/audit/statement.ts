import { type SQL, sql } from 'drizzle-orm';
import type { AuditEntry } from './service';

/**
 * The audit INSERT as a statement another module can compose into its own (e.g. a data-modifying CTE), so a
 * hot path records its change and the journal entry in ONE atomic statement. Same columns and limits as
 * `audit.record`; the audit module still owns its table's SQL. With `onlyIf` (a boolean SQL expression, e.g.
 * over another CTE of the same statement) the entry is written only when it holds.
 */
export function auditInsertStatement(entry: AuditEntry, onlyIf?: SQL): SQL {
  const values = sql`${entry.actorUserId ?? null}::uuid, ${entry.organizationId ?? null}::uuid, ${entry.action},
      ${entry.targetType ?? null}, ${entry.targetId ?? null}, ${entry.result}, ${entry.ip ?? null}::inet,
      ${entry.userAgent?.slice(0, 512) ?? null}, ${JSON.stringify(entry.details ?? {})}::jsonb`;
  const columns = sql`INSERT INTO audit_events
    (actor_user_id, organization_id, action, target_type, target_id, result, ip, user_agent, details)`;
  return onlyIf ? sql`${columns} SELECT ${values} WHERE ${onlyIf}` : sql`${columns} VALUES (${values})`;
}
