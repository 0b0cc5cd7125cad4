import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { DEMO_REGISTRY_PERSONS } from '../registry/demo-data';
import { DEMO_STAFF, seedDemoStaff } from './demo-accounts';
import { auditActions } from './test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const [admin, moderator] = DEMO_STAFF;

async function signIn(login: string, password: string) {
  const c = apiClient(t.app);
  await c.init();
  const res = await c.post('/api/v1/auth/login/password', { login, password });
  return { c, res };
}

describe('demo staff accounts', () => {
  it('seeds an administrator and a moderator once; a second run creates nothing', async () => {
    expect(await seedDemoStaff(t.ctx)).toEqual([admin.email, moderator.email]);
    expect(await seedDemoStaff(t.ctx)).toEqual([]);
    const rows = await t.database.query<{ email: string; roles: string[]; status: string }>(
      'SELECT email, roles, status FROM accounts ORDER BY email',
    );
    expect(rows).toEqual([
      { email: admin.email, roles: ['user', 'admin'], status: 'active' },
      { email: moderator.email, roles: ['user', 'moderator'], status: 'active' },
    ]);
    expect((await auditActions(t.database, 'account.demo.seed')).length).toBe(2);
  });

  it('their IINs are valid and not in the registry stand-in (nobody registers them with a demo key)', () => {
    const registered = new Set(DEMO_REGISTRY_PERSONS.map((p) => p.iin));
    for (const staff of DEMO_STAFF) {
      expect(staff.iin).toMatch(/^\d{12}$/);
      expect(registered.has(staff.iin)).toBe(false);
    }
  });

  it('the administrator signs in by email and may use admin routes; the moderator may not', async () => {
    const a = await signIn(admin.email, admin.password);
    expect(a.res.statusCode, a.res.body).toBe(200);
    expect(a.res.json().user.roles).toEqual(['user', 'admin']);
    const unlockByAdmin = await a.c.post('/api/v1/admin/login-locks/unlock', { login: 'nobody@example.kz' });
    expect(unlockByAdmin.statusCode).toBe(200);

    const m = await signIn(moderator.email, moderator.password);
    expect(m.res.statusCode, m.res.body).toBe(200);
    const unlockByModerator = await m.c.post('/api/v1/admin/login-locks/unlock', {
      login: 'nobody@example.kz',
    });
    expect(unlockByModerator.statusCode).toBe(403);
  });

  it('a changed password survives the next start (seeding leaves existing accounts alone)', async () => {
    const account = (await t.ctx.identity.findByEmail(admin.email))!;
    await t.ctx.identity.setPassword(account.id, 'Changed2026$pass', {});
    await seedDemoStaff(t.ctx);
    expect((await signIn(admin.email, admin.password)).res.statusCode).toBe(401);
    expect((await signIn(admin.email, 'Changed2026$pass')).res.statusCode).toBe(200);
  });
});
