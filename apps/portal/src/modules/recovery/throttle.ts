import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { recoveryThrottle } from './tables';

/** Recovery attempts one identifier (IIN, BIN or email) may make per window, whatever the path. */
export const RECOVERY_ATTEMPTS_PER_WINDOW = 5;
export const RECOVERY_WINDOW_MS = 60 * 60_000;

/** Domain-separated SHA-256 of a normalised identifier: the throttle table lists no IINs or emails. */
export const recoveryIdentifierHash = (identifier: string) =>
  createHash('sha256').update(`tereze/recovery-throttle/v1\0${identifier}`).digest('hex');

/**
 * Counts one attempt for the identifier in one atomic statement (a stale window restarts at 1) and refuses
 * with 429 recovery_rate_limited beyond the limit. Counted whether or not an account exists.
 */
export async function countRecoveryAttempt(db: Db, identifierHash: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - RECOVERY_WINDOW_MS);
  const stale = sql`${recoveryThrottle.windowStart} <= ${staleBefore.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(recoveryThrottle)
    .values({ identifierHash, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: recoveryThrottle.identifierHash,
      set: {
        attempts: sql`CASE WHEN ${stale} THEN 1 ELSE ${recoveryThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${stale} THEN ${now.toISOString()}::timestamptz ELSE ${recoveryThrottle.windowStart} END`,
      },
    })
    .returning({ attempts: recoveryThrottle.attempts, windowStart: recoveryThrottle.windowStart });
  if (row.attempts > RECOVERY_ATTEMPTS_PER_WINDOW) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((row.windowStart.getTime() + RECOVERY_WINDOW_MS - now.getTime()) / 1000),
    );
    throw new AppError(429, 'recovery_rate_limited', { retryAfterSeconds });
  }
}
