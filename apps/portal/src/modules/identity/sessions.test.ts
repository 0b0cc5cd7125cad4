import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions, identitySnapshot, movableClock } from './test-support';

const PASSWORD = 'Secret1%pass';
const clock = movableClock();
let t: TestApp;
let adminId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    env: {
      LOCKOUT_MAX_FAILURES: '3',
      LOCKOUT_MINUTES: '10',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '12',
    },
    // Routes another module would write, to exercise requireSession / requireRole.
    extend: (app) => {
      app.get('/api/v1/test/protected', async (req) => ({
        id: (await t.ctx.identity.requireSession(req)).account.id,
      }));
      app.get('/api/v1/test/operators', async (req) => ({
        id: (await t.ctx.identity.requireRole(req, 'operator')).account.id,
      }));
    },
  });
  const id = t.ctx.identity;
  adminId = (
    await id.createAccount({
      kind: 'individual',
      iin: '800101300003',
      password: PASSWORD,
      roles: ['user', 'admin'],
    })
  ).id;
  userId = (await id.createAccount({ kind: 'individual', iin: '900101300005', password: PASSWORD })).id;
  await id.createAccount({
    kind: 'individual',
    iin: '900101300006',
    email: 'temp@example.kz',
    password: PASSWORD,
  });
  await id.createAccount({
    kind: 'individual',
    iin: '900101300007',
    password: 'Temporary1%',
    mustChangePassword: true,
  });
});
afterAll(() => t.close());

async function signedIn(login: string, password = PASSWORD) {
  const c = apiClient(t.app);
  await c.init();
  const res = await c.post('/api/v1/auth/login/password', { login, password });
  expect(res.statusCode, res.body).toBe(200);
  return c;
}
const me = async (c: ReturnType<typeof apiClient>) => (await c.get('/api/v1/me')).json().user;

describe('sessions', () => {
  it('rotates the session at login: the previous one is revoked', async () => {
    const c = await signedIn('900101300005');
    const first = c.cookies.get('session')!;
    const res = await c.post('/api/v1/auth/login/password', { login: '900101300005', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const second = c.cookies.get('session')!;
    expect(second).not.toBe(first);
    expect((await me(c)).id).toBe(userId);
    const stale = apiClient(t.app);
    stale.cookies.set('session', first);
    expect(await me(stale)).toBeNull();
  });

  it('ends after the idle time, and is kept alive by use until the absolute limit', async () => {
    const idle = await signedIn('900101300005');
    clock.advance(29 * 60_000);
    expect(await me(idle)).not.toBeNull();
    clock.advance(29 * 60_000); // 29 min after the last use
    expect(await me(idle)).not.toBeNull();
    clock.advance(31 * 60_000);
    expect(await me(idle)).toBeNull();

    const busy = await signedIn('900101300005');
    for (let i = 0; i < 35; i++) {
      clock.advance(20 * 60_000); // up to 11 h 40 min, used every 20 minutes
      expect(await me(busy)).not.toBeNull();
    }
    clock.advance(19 * 60_000);
    expect(await me(busy)).not.toBeNull(); // 11 h 59 min
    clock.advance(2 * 60_000); // 12 h 01 min after sign-in, although used 2 minutes ago
    expect(await me(busy)).toBeNull();
  });

  it('logout revokes the session and clears the cookie; anonymous logout is harmless', async () => {
    const c = await signedIn('900101300005');
    const token = c.cookies.get('session')!;
    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((x) => x.name === 'session')?.value).toBe('');
    expect(await me(c)).toBeNull();
    const replay = apiClient(t.app);
    await replay.init();
    replay.cookies.set('session', token);
    expect(await me(replay)).toBeNull();
    expect((await replay.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await auditActions(t.database, 'auth.logout')).length).toBe(1);
  });

  it('publishes the password policy rules in the request language', async () => {
    const res = await apiClient(t.app).get('/api/v1/auth/password-policy', { 'accept-language': 'en' });
    expect(res.json()).toEqual({
      policy: 'techreg',
      rules: [
        'be at least 8 characters long',
        'be at most 128 characters long',
        'contain a digit',
        'contain an upper-case letter',
        'contain a lower-case letter',
        'contain a special character (% $ @ & * #)',
        'not contain ^',
      ],
    });
  });

  it('requireSession: 401 without a session, also for a forged cookie', async () => {
    const anon = apiClient(t.app);
    expect((await anon.get('/api/v1/test/protected')).json().error.code).toBe('unauthenticated');
    anon.cookies.set('session', 'x'.repeat(43));
    expect((await anon.get('/api/v1/test/protected')).statusCode).toBe(401);
    const c = await signedIn('900101300005');
    expect((await c.get('/api/v1/test/protected')).json()).toEqual({ id: userId });
    expect((await c.get('/api/v1/test/operators')).statusCode).toBe(403);
  });

  it('a blocked account loses its sessions at once', async () => {
    const c = await signedIn('900101300006');
    const account = (await t.ctx.identity.findByIin('900101300006'))!;
    await t.ctx.identity.setStatus(account.id, 'blocked');
    expect(await me(c)).toBeNull();
    await t.ctx.identity.setStatus(account.id, 'active');
  });
});

describe('password change', () => {
  it('refuses weak passwords listing every unmet rule, a mismatch and a wrong current password; writes nothing', async () => {
    const c = await signedIn('900101300005');
    const before = await identitySnapshot(t.database);
    const weak = await c.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'abc^',
      newPasswordRepeat: 'abc',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toEqual({
      code: 'validation_failed',
      message: 'Проверьте правильность заполнения полей',
      fields: {
        newPassword:
          'Пароль должен: содержать не менее 8 символов; содержать цифры; содержать буквы в верхнем регистре; ' +
          'содержать специальный символ (% $ @ & * #); не содержать символ ^',
        newPasswordRepeat: 'Пароли не совпадают',
      },
    });
    const en = await c.post(
      '/api/v1/me/password',
      { currentPassword: PASSWORD, newPassword: 'abcdefgh1', newPasswordRepeat: 'abcdefgh1' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.fields).toEqual({
      newPassword:
        'The password must: contain an upper-case letter; contain a special character (% $ @ & * #)',
    });
    const wrongCurrent = await c.post('/api/v1/me/password', {
      currentPassword: 'Wrong1%pass',
      newPassword: 'Better2$pass',
      newPasswordRepeat: 'Better2$pass',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.fields).toEqual({ currentPassword: 'Неверный текущий пароль' });
    const same = await c.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    });
    expect(same.json().error.fields).toEqual({ newPassword: 'Новый пароль должен отличаться от текущего' });
    const missing = await c.post('/api/v1/me/password', { newPassword: 'x' });
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['currentPassword', 'newPasswordRepeat']);
    expect(await identitySnapshot(t.database)).toEqual(before);
    // The wrong current password is a security event: journaled (the only write).
    expect((await auditActions(t.database, 'account.password.change')).map((e) => e.result)).toEqual([
      'failure',
    ]);
    const anon = apiClient(t.app);
    await anon.init();
    const unauth = await anon.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'Better2$pass',
      newPasswordRepeat: 'Better2$pass',
    });
    expect(unauth.statusCode).toBe(401);
  });

  it('changes the password and ends every other session of the account ("log out everywhere")', async () => {
    const here = await signedIn('900101300005');
    const elsewhere = await signedIn('900101300005');
    const other = await signedIn('800101300003');
    const res = await here.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'Better2$pass',
      newPasswordRepeat: 'Better2$pass',
    });
    expect(res.statusCode).toBe(200);
    expect((await me(here)).id).toBe(userId);
    expect(await me(elsewhere)).toBeNull();
    expect((await me(other)).id).toBe(adminId); // other accounts untouched
    const fresh = apiClient(t.app);
    await fresh.init();
    expect(
      (await fresh.post('/api/v1/auth/login/password', { login: '900101300005', password: PASSWORD }))
        .statusCode,
    ).toBe(401);
    await signedIn('900101300005', 'Better2$pass');
    const journal = await auditActions(t.database, 'account.password.change');
    expect(journal.at(-1)).toMatchObject({ result: 'success', ip: '127.0.0.1' });
  });

  it('a temporary password allows only /me, logout and the change until it is changed', async () => {
    const c = await signedIn('900101300007', 'Temporary1%');
    expect((await me(c)).mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/test/protected');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const res = await c.post('/api/v1/me/password', {
      currentPassword: 'Temporary1%',
      newPassword: 'Chosen3#pass',
      newPasswordRepeat: 'Chosen3#pass',
    });
    expect(res.statusCode).toBe(200);
    expect((await me(c)).mustChangePassword).toBe(false);
    expect((await c.get('/api/v1/test/protected')).statusCode).toBe(200);
  });
});

describe('administrator unlock', () => {
  async function lockOut(login: string) {
    const c = apiClient(t.app);
    await c.init();
    for (let i = 0; i < 3; i++) await c.post('/api/v1/auth/login/password', { login, password: 'wrong' });
    const res = await c.post('/api/v1/auth/login/password', { login, password: PASSWORD });
    expect(res.statusCode).toBe(423);
    return c;
  }

  it('refuses non-administrators (403) and anonymous callers (401), changing nothing', async () => {
    await lockOut('temp@example.kz');
    const user = await signedIn('900101300005', 'Better2$pass');
    const account = (await t.ctx.identity.findByEmail('temp@example.kz'))!;
    const res = await user.post(`/api/v1/admin/accounts/${account.id}/unlock`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const anon = apiClient(t.app);
    await anon.init();
    expect(
      (await anon.post('/api/v1/admin/login-locks/unlock', { login: 'temp@example.kz' })).statusCode,
    ).toBe(401);
    const c = apiClient(t.app);
    await c.init();
    expect(
      (await c.post('/api/v1/auth/login/password', { login: 'temp@example.kz', password: PASSWORD }))
        .statusCode,
    ).toBe(423);
    expect(await auditActions(t.database, 'admin.login.unlock')).toHaveLength(0);
  });

  it('an administrator lifts the lock of an account (journaled); 404 for an unknown account', async () => {
    const admin = await signedIn('800101300003');
    const account = (await t.ctx.identity.findByEmail('temp@example.kz'))!;
    const res = await admin.post(`/api/v1/admin/accounts/${account.id}/unlock`);
    expect(res.json()).toEqual({ cleared: true });
    const c = apiClient(t.app);
    await c.init();
    expect(
      (await c.post('/api/v1/auth/login/password', { login: 'temp@example.kz', password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    const missing = await admin.post('/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000/unlock');
    expect(missing.statusCode).toBe(404);
    expect((await auditActions(t.database, 'admin.login.unlock')).at(-1)).toMatchObject({
      result: 'success',
      details: { logins: ['9001****0006', 'te***@example.kz'], cleared: true },
    });
  });

  it('an administrator lifts the lock of a login without an account', async () => {
    await lockOut('ghost@example.kz');
    const admin = await signedIn('800101300003');
    expect(
      (await admin.post('/api/v1/admin/login-locks/unlock', { login: 'GHOST@example.kz' })).json(),
    ).toEqual({
      cleared: true,
    });
    const c = apiClient(t.app);
    await c.init();
    expect(
      (await c.post('/api/v1/auth/login/password', { login: 'ghost@example.kz', password: PASSWORD }))
        .statusCode,
    ).toBe(401);
  });
});
