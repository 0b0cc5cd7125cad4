import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { createTestDatabase } from '../../test/db';
import { auditActions } from './test-support';

// Two portal instances on one database (PostgreSQL when DATABASE_URL is set — as in CI's `npm run test:pg` —
// else one PGlite, where the same statements simply run one after another).
let database: Database;
let a: TestApp;
let b: TestApp;
const PASSWORD = 'Secret1%pass';

beforeAll(async () => {
  database = await createTestDatabase();
  const env = { LOCKOUT_MAX_FAILURES: '10', LOCKOUT_MINUTES: '15', RATE_LIMIT_PER_MINUTE: '100000' };
  a = await createTestApp({ database, env });
  b = await createTestApp({ database, env });
  await a.ctx.identity.createAccount({ kind: 'individual', iin: '900101300008', password: PASSWORD });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await database.close();
});

async function clientOf(t: TestApp) {
  const c = apiClient(t.app);
  await c.init();
  return c;
}

describe('lockout across two instances', () => {
  it('100 parallel wrong passwords check exactly 10 and lock; the right one is then refused too', async () => {
    const [ca, cb] = [await clientOf(a), await clientOf(b)];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? cb : ca).post('/api/v1/auth/login/password', {
          login: '900101300008',
          password: `wrong-${i}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 423).length).toBe(100);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(90);
    for (const r of results.filter((x) => x.statusCode === 423))
      expect(r.json().error.retryAfterSeconds).toBeGreaterThan(0);

    // Exactly the limit of passwords were checked, whichever instance served them.
    const journal = await auditActions(database, 'auth.login');
    expect(journal.filter((e) => e.details.reason === 'wrong_password')).toHaveLength(10);
    expect(journal.filter((e) => e.details.reason === 'locked')).toHaveLength(90);
    expect(await auditActions(database, 'auth.login.locked')).toHaveLength(1);
    const [row] = await database.query<{ failures: number; locked: boolean }>(
      'SELECT failures, locked_until > now() AS locked FROM login_throttle',
    );
    expect(row).toEqual({ failures: 10, locked: true });

    for (const c of [ca, cb]) {
      const right = await c.post('/api/v1/auth/login/password', {
        login: '900101300008',
        password: PASSWORD,
      });
      expect(right.statusCode).toBe(423);
      expect(right.json().error.code).toBe('login_locked');
    }
    expect(await database.query('SELECT 1 FROM sessions')).toHaveLength(0);
  });
});
