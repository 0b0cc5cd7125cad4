import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export interface LockoutPolicy {
  maxFailures: number;
  minutes: number;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const iso = (d: Date) => d.toISOString();
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Password-login lockout, counted per identifier hash in the database so every portal instance shares it.
 *
 * An attempt first RESERVES a failure slot in one atomic statement (the row lock serialises concurrent
 * attempts across instances): while fewer than `maxFailures` slots are taken and no lock is active, the
 * counter goes up by one and the password may be checked; otherwise the attempt is refused without checking
 * anything. A wrong password keeps its slot, and the one that fills the last slot sets `locked_until`; a
 * right password clears the row ("in a row"). So N parallel wrong attempts check exactly `maxFailures`
 * passwords. Failures older than the window are forgotten, which also frees slots of a crashed attempt.
 */
export function createLockout(db: Db, policy: LockoutPolicy, now: () => Date) {
  const windowMs = policy.minutes * 60_000;

  return {
    policy,

    /** The reserving statement (`RETURNING failures`, no row when refused), for composing with a lookup. */
    reserveStatement(hash: string): SQL {
      const t = now();
      const windowStart = new Date(t.getTime() - windowMs);
      return sql`
          INSERT INTO login_throttle AS t (identifier_hash, failures, locked_until, updated_at)
          VALUES (${hash}, 1, NULL, ${iso(t)}::timestamptz)
          ON CONFLICT (identifier_hash) DO UPDATE SET
            failures = CASE
              WHEN t.locked_until IS NOT NULL OR t.updated_at <= ${iso(windowStart)}::timestamptz THEN 1
              ELSE t.failures + 1 END,
            locked_until = NULL,
            updated_at = EXCLUDED.updated_at
          WHERE (t.locked_until IS NOT NULL AND t.locked_until <= ${iso(t)}::timestamptz)
             OR (t.locked_until IS NULL AND (t.failures < ${policy.maxFailures}
                 OR t.updated_at <= ${iso(windowStart)}::timestamptz))
          RETURNING failures`;
    },

    async reserve(hash: string): Promise<Reservation> {
      const reserved = rowsOf<{ failures: number }>(await db.execute(this.reserveStatement(hash)));
      return reserved.length ? { allowed: true } : this.refusal(hash);
    },

    /**
     * reserve() and a lookup (`lookup` selects one row, e.g. the account the login names) in ONE statement:
     * password login's hot path costs one round trip before the argon2id check. Returns the looked-up row
     * only when the slot was reserved.
     */
    async reserveAndFind(
      hash: string,
      lookup: SQL | null,
    ): Promise<{ reservation: Reservation; row: Record<string, unknown> | null }> {
      const reserve = this.reserveStatement(hash);
      const statement = lookup
        ? sql`WITH r AS (${reserve})
            SELECT (SELECT failures FROM r) AS reserved_failures, a.*
            FROM (SELECT 1) AS one LEFT JOIN LATERAL (${lookup}) AS a ON true`
        : sql`WITH r AS (${reserve}) SELECT (SELECT failures FROM r) AS reserved_failures`;
      const [row] = rowsOf<Record<string, unknown>>(await db.execute(statement));
      if (row.reserved_failures === null || row.reserved_failures === undefined)
        return { reservation: await this.refusal(hash), row: null };
      return { reservation: { allowed: true }, row: lookup && row.id ? row : null };
    },

    /** Why a reservation was refused: the time left on the lock. */
    async refusal(hash: string): Promise<Reservation> {
      const t = now();
      const [row] = rowsOf<{ locked_until: string | Date | null }>(
        await db.execute(sql`SELECT locked_until FROM login_throttle WHERE identifier_hash = ${hash}`),
      );
      // No lock yet means every slot is held by attempts still being checked; they will most likely lock.
      const until = row?.locked_until ? new Date(row.locked_until).getTime() : t.getTime() + windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - t.getTime()) / 1000)) };
    },

    /** After a wrong password: keeps the slot; returns the lock's length when this failure set it. */
    async failed(hash: string): Promise<{ lockedNow: boolean; retryAfterSeconds?: number }> {
      const t = now();
      const until = new Date(t.getTime() + windowMs);
      const locked = rowsOf<{ identifier_hash: string }>(
        await db.execute(sql`
          UPDATE login_throttle SET locked_until = ${iso(until)}::timestamptz, updated_at = ${iso(t)}::timestamptz
          WHERE identifier_hash = ${hash} AND locked_until IS NULL AND failures >= ${policy.maxFailures}
          RETURNING identifier_hash`),
      );
      return locked.length ? { lockedNow: true, retryAfterSeconds: windowMs / 1000 } : { lockedNow: false };
    },

    /** After a right password, or an administrator's unlock: the count starts again. */
    async clear(hash: string, tx: Db = db): Promise<boolean> {
      const deleted = rowsOf<{ identifier_hash: string }>(
        await tx.execute(
          sql`DELETE FROM login_throttle WHERE identifier_hash = ${hash} RETURNING identifier_hash`,
        ),
      );
      return deleted.length > 0;
    },

    /** For administrators and tests: the current count and lock. */
    async state(hash: string): Promise<{ failures: number; lockedUntil: Date | null } | null> {
      const [row] = rowsOf<{ failures: number; locked_until: string | Date | null }>(
        await db.execute(
          sql`SELECT failures, locked_until FROM login_throttle WHERE identifier_hash = ${hash}`,
        ),
      );
      if (!row) return null;
      return { failures: row.failures, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
