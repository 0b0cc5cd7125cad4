import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions, identitySnapshot, movableClock } from './test-support';

const PASSWORD = 'Secret1%pass';
const WRONG_CREDENTIALS = 'Ошибка авторизации: введен неверный логин или пароль';
const LOCKED =
  'Вход по логин-паролю для данного ИИН/БИН временно заблокирован. Вы можете авторизоваться на Портале по ЭЦП, ЭЦП на SIM-карте или по Одноразовому паролю';
const NOT_ACTIVATED =
  'Для продолжения работы Вам необходимо активировать электронную почту. Чтобы активировать электронную почту перейдите по ссылке, указанной в отправленном Вам письме.';

const clock = movableClock();
let t: TestApp;

beforeAll(async () => {
  // The defaults under test: 10 failures → 15 minutes (egov, seed 002).
  t = await createTestApp({ now: clock.now });
  const id = t.ctx.identity;
  await id.createAccount({
    kind: 'individual',
    iin: '871008401427',
    email: 'Ivan.Petrov@Example.kz',
    emailVerifiedAt: new Date(),
    surname: 'ПЕТРОВ',
    firstName: 'ИВАН',
    patronymic: 'ИВАНОВИЧ',
    password: PASSWORD,
  });
  await id.createAccount({
    kind: 'legal_entity',
    iin: '871008401427',
    bin: '040340001236',
    email: 'office@firm.kz',
    password: PASSWORD,
  });
  await id.createAccount({
    kind: 'individual',
    iin: '900101300001',
    email: 'pending@example.kz',
    password: PASSWORD,
    status: 'pending_activation',
  });
  await id.createAccount({ kind: 'individual', iin: '900101300002', password: PASSWORD, status: 'blocked' });
  await id.createAccount({ kind: 'individual', iin: '900101300003', password: PASSWORD });
  await id.createAccount({ kind: 'individual', iin: '900101300004', password: PASSWORD });
});
afterAll(() => t.close());

async function client() {
  const c = apiClient(t.app);
  await c.init();
  return c;
}
const login = (c: Awaited<ReturnType<typeof client>>, body: unknown, headers?: Record<string, string>) =>
  c.post('/api/v1/auth/login/password', body, { 'user-agent': 'login-test/1', ...headers });

describe('password login', () => {
  it('signs in by IIN, by BIN (the organisation account) and by email in any case', async () => {
    const c = await client();
    const byIin = await login(c, { login: '871008401427', password: PASSWORD });
    expect(byIin.statusCode).toBe(200);
    expect(byIin.json().user).toMatchObject({
      kind: 'individual',
      iin: '871008401427',
      email: 'ivan.petrov@example.kz',
      emailVerified: true,
      fullName: 'ПЕТРОВ ИВАН ИВАНОВИЧ',
      roles: ['user'],
      mustChangePassword: false,
    });
    expect(byIin.json().user).not.toHaveProperty('passwordHash');
    const cookie = byIin.cookies.find((x) => x.name === 'session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's SHA-256 is stored.
    expect(await t.database.query('SELECT 1 FROM sessions WHERE id = $1', [cookie.value])).toHaveLength(0);
    expect((await c.get('/api/v1/me')).json().user.iin).toBe('871008401427');

    const byBin = await login(await client(), { login: '0403 4000 1236', password: PASSWORD });
    expect(byBin.json().user).toMatchObject({ kind: 'legal_entity', bin: '040340001236' });
    const byEmail = await login(await client(), { login: '  IVAN.PETROV@example.KZ ', password: PASSWORD });
    expect(byEmail.json().user.iin).toBe('871008401427');

    const journal = await auditActions(t.database, 'auth.login');
    expect(journal.filter((e) => e.result === 'success')).toHaveLength(3);
    expect(journal.at(-1)).toMatchObject({
      ip: '127.0.0.1',
      user_agent: 'login-test/1',
      details: { method: 'password' },
    });
  });

  it('refuses a wrong password and an unknown login alike, writing only the journal', async () => {
    const c = await client();
    const before = await identitySnapshot(t.database);
    const wrong = await login(c, { login: '900101300003', password: 'Secret1%pasS' });
    const unknown = await login(c, { login: 'nobody@example.kz', password: PASSWORD });
    const junk = await login(c, { login: 'not-a-login', password: PASSWORD });
    for (const res of [wrong, unknown, junk]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: WRONG_CREDENTIALS } });
      expect(res.cookies.find((x) => x.name === 'session')).toBeUndefined();
    }
    expect(await identitySnapshot(t.database)).toEqual(before);
    expect((await c.get('/api/v1/me')).json()).toEqual({ user: null });

    const failures = (await auditActions(t.database, 'auth.login')).filter((e) => e.result === 'failure');
    expect(failures.map((e) => e.details.reason)).toEqual([
      'wrong_password',
      'unknown_login',
      'unknown_login',
    ]);
    expect(failures[0]).toMatchObject({
      ip: '127.0.0.1',
      user_agent: 'login-test/1',
      details: { method: 'password', login: '9001****0003' },
    });
    expect(failures[1].details.login).toBe('no***@example.kz');
    expect(JSON.stringify(failures)).not.toContain('900101300003');
  });

  it('answers in the request language', async () => {
    const c = await client();
    const en = await login(c, { login: 'x@y.kz', password: 'x' }, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Authorisation error: wrong login or password');
    const kk = await login(c, { login: 'x@y.kz', password: 'x' }, { 'accept-language': 'kk' });
    expect(kk.json().error.message).toBe('Авторизация қатесі: логин немесе құпия сөз қате енгізілді');
  });

  it('validates the body: 400 validation_failed with fields, nothing written', async () => {
    const c = await client();
    const before = await identitySnapshot(t.database);
    const journalBefore = (await auditActions(t.database, 'auth.login')).length;
    const res = await login(c, { login: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['login', 'password']);
    expect(await identitySnapshot(t.database)).toEqual(before);
    expect(await auditActions(t.database, 'auth.login')).toHaveLength(journalBefore);
  });

  it('refuses an unactivated email (seed 001 text) and a blocked account, only with the right password', async () => {
    const c = await client();
    const pending = await login(c, { login: 'pending@example.kz', password: PASSWORD });
    expect(pending.statusCode).toBe(403);
    expect(pending.json().error).toEqual({ code: 'email_not_activated', message: NOT_ACTIVATED });
    const blocked = await login(c, { login: '900101300002', password: PASSWORD });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('account_blocked');
    // A wrong password reveals neither state.
    const guess = await login(c, { login: 'pending@example.kz', password: 'nope' });
    expect(guess.statusCode).toBe(401);
    expect((await c.get('/api/v1/me')).json()).toEqual({ user: null });
    expect(
      await t.database.query(
        `SELECT 1 FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.iin IN ('900101300001', '900101300002')`,
      ),
    ).toHaveLength(0);
  });

  it('locks after 10 failures for 15 minutes, refusing even the right password, then lets it in', async () => {
    const c = await client();
    for (let i = 1; i <= 9; i++)
      expect((await login(c, { login: '900101300004', password: `wrong${i}` })).statusCode).toBe(401);
    const tenth = await login(c, { login: '900101300004', password: 'wrong10' });
    expect(tenth.statusCode).toBe(423);
    expect(tenth.json().error).toEqual({ code: 'login_locked', message: LOCKED, retryAfterSeconds: 900 });

    const before = await identitySnapshot(t.database);
    const right = await login(c, { login: '900101300004', password: PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.retryAfterSeconds).toBe(900);
    clock.advance(14 * 60_000);
    const later = await login(c, { login: '900101300004', password: PASSWORD });
    expect(later.statusCode).toBe(423);
    expect(later.json().error.retryAfterSeconds).toBe(60);
    expect(await identitySnapshot(t.database)).toEqual(before);

    const journal = (await auditActions(t.database, 'auth.login')).filter(
      (e) => e.details.login === '9001****0004',
    );
    // Exactly 10 passwords were checked; the two attempts while locked were refused unchecked.
    expect(journal.filter((e) => e.details.reason === 'wrong_password')).toHaveLength(10);
    expect(journal.filter((e) => e.details.reason === 'locked')).toHaveLength(2);
    const locks = await auditActions(t.database, 'auth.login.locked');
    expect(locks.at(-1)).toMatchObject({
      result: 'failure',
      ip: '127.0.0.1',
      user_agent: 'login-test/1',
      details: { login: '9001****0004', failures: 10, minutes: 15 },
    });

    clock.advance(60_000);
    const after = await login(c, { login: '900101300004', password: PASSWORD });
    expect(after.statusCode).toBe(200);
    // The count starts again: one new failure is far from a lock.
    expect((await login(c, { login: '900101300004', password: 'wrong' })).statusCode).toBe(401);
  });

  it('locks logins that have no account the same way, so a lock reveals nothing', async () => {
    const c = await client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login(c, { login: '991231499999', password: `x${i}` })).statusCode);
    expect(statuses).toEqual([...Array(9).fill(401), 423, 423]);
    // The counter stores no IIN.
    expect(
      await t.database.query(`SELECT 1 FROM login_throttle WHERE identifier_hash LIKE '%9912%'`),
    ).toEqual([]);
  });

  it('a right password resets the count ("in a row")', async () => {
    const c = await client();
    expect((await login(c, { login: '900101300003', password: PASSWORD })).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await login(c, { login: '900101300003', password: 'wrong' });
    expect((await login(c, { login: '900101300003', password: PASSWORD })).statusCode).toBe(200);
    for (let i = 0; i < 9; i++)
      expect((await login(c, { login: '900101300003', password: 'wrong' })).statusCode).toBe(401);
  });

  it('failures older than the window are forgotten', async () => {
    const c = await client();
    const res = await login(c, { login: '900101300003', password: PASSWORD }); // clear the count
    expect(res.statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await login(c, { login: '900101300003', password: 'wrong' });
    clock.advance(16 * 60_000);
    for (let i = 0; i < 9; i++)
      expect((await login(c, { login: '900101300003', password: 'wrong' })).statusCode).toBe(401);
  });
});
