import type { Database } from '../../db/client';

/** A clock tests can move forward: `clock.now` goes to createTestApp, `clock.advance(ms)` moves it. */
export function movableClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}

/** What a refused request must leave unchanged: accounts (with hashes and states) and sessions. */
export async function identitySnapshot(database: Database) {
  const [accounts, sessions] = await Promise.all([
    database.query(
      `SELECT id, email, email_verified_at, password_hash, must_change_password, status, roles, password_changed_at
       FROM accounts ORDER BY id`,
    ),
    database.query('SELECT id, revoked_at, expires_at FROM sessions ORDER BY id'),
  ]);
  return { accounts, sessions };
}

export async function auditActions(database: Database, action: string) {
  return database.query<{
    result: string;
    ip: string | null;
    user_agent: string | null;
    details: Record<string, unknown>;
  }>('SELECT result, host(ip) AS ip, user_agent, details FROM audit_events WHERE action = $1 ORDER BY id', [
    action,
  ]);
}
