import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { identifierHash } from '../identity/login-identifier';
import { auditActions, identitySnapshot, movableClock } from '../identity/test-support';
import { installSignaturePki, signedFor } from '../signatures/test-support';

const PASSWORD = 'Secret1%pass';
const clock = movableClock();
let t: TestApp;
/** The same portal with LOGIN_CERT_REQUIRES_PASSWORD=1 and a short lockout, on the same database. */
let withPassword: TestApp;
let person: IssuedPair;
let head: IssuedPair;
let employee: IssuedPair;
let stranger: IssuedPair;
let pending: IssuedPair;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  withPassword = await createTestApp({
    database: t.database,
    now: clock.now,
    env: { LOGIN_CERT_REQUIRES_PASSWORD: '1', LOCKOUT_MAX_FAILURES: '3', LOCKOUT_MINUTES: '10' },
  });
  const pki = await installSignaturePki(t);
  withPassword.ctx.demoPki = t.ctx.demoPki;
  const names = { surname: 'АХМЕТОВА', firstName: 'АЙГУЛЬ', patronymic: 'САПАРОВНА' };
  const org = { bin: '940140000385', org: 'ТОО «Демо Сертификация»' };
  [person, head, employee, stranger, pending] = await Promise.all([
    pki.issue({ template: 'individual', iin: '871008401427', email: 'aigul@example.kz', ...names }),
    pki.issue({
      template: 'first-head',
      iin: '760212350620',
      surname: 'ЖУМАБЕКОВ',
      firstName: 'НУРЛАН',
      ...org,
    }),
    pki.issue({ template: 'employee', iin: '800416300257', surname: 'ОМАРОВ', firstName: 'ДАНИЯР', ...org }),
    pki.issue({
      template: 'individual',
      iin: '750810416298',
      surname: 'ОСПАНОВА',
      firstName: 'АЙГЕРИМ',
      email: 'a@b.kz',
    }),
    pki.issue({ template: 'individual', iin: '880101300000', surname: 'ЖДУЩИЙ', firstName: 'ПОЛЬЗОВАТЕЛЬ' }),
  ]);
  const id = t.ctx.identity;
  await id.createAccount({
    kind: 'individual',
    iin: '871008401427',
    email: 'aigul@example.kz',
    password: PASSWORD,
    ...names,
  });
  organizationId = (
    await id.createAccount({
      kind: 'legal_entity',
      iin: '760212350620',
      bin: '940140000385',
      email: 'office@demo-cert.kz',
      password: PASSWORD,
    })
  ).id;
  await id.createAccount({
    kind: 'individual',
    iin: '880101300000',
    password: PASSWORD,
    status: 'pending_activation',
  });
}, 60_000);
afterAll(async () => {
  await withPassword?.close();
  await t?.close();
});

async function client(app = t) {
  const c = apiClient(app.app);
  await c.init();
  return c;
}
const signIn = (c: Awaited<ReturnType<typeof client>>, body: unknown) =>
  c.post('/api/v1/auth/login/signature', body, { 'user-agent': 'sig-login-test/1' });

describe('POST /api/v1/auth/login/signature', () => {
  it('the same signed challenge sent twice at once: one session, one journal entry, the other refused', async () => {
    const c = await client();
    const signed = await signedFor(c, 'login', person.auth);
    const count = async () => {
      const [row] = await t.database.query<{ s: number; j: number }>(
        `SELECT (SELECT count(*)::int FROM sessions) AS s,
          (SELECT count(*)::int FROM audit_events WHERE action = 'auth.login' AND result = 'success') AS j`,
      );
      return row;
    };
    const before = await count();
    const [a, b] = await Promise.all([signIn(await client(), signed), signIn(await client(), signed)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 422]);
    expect([a, b].find((r) => r.statusCode === 422)!.json().error).toMatchObject({
      check: 'signing_request',
      reason: 'already_used',
    });
    expect(await count()).toEqual({ s: before.s + 1, j: before.j + 1 });
  });

  it('a challenge that expires between verification and sign-in starts no session', async () => {
    const c = await client();
    const signed = await signedFor(c, 'login', person.auth);
    const before = await identitySnapshot(t.database);
    // The claim inside the session statement is what refuses: expire the request right before it runs.
    const { signatures } = t.ctx;
    const original = signatures.claimStatement;
    signatures.claimStatement = (id: string) => {
      clock.advance(10 * 60_000);
      return original(id);
    };
    try {
      const res = await signIn(c, signed);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ check: 'signing_request', reason: 'expired' });
    } finally {
      signatures.claimStatement = original;
      clock.advance(-10 * 60_000);
    }
    expect(c.cookies.get('session')).toBeFalsy();
    expect(await identitySnapshot(t.database)).toEqual(before);
  });

  it('signs the holder of the AUTH key into the account found by IIN; the challenge works once', async () => {
    const c = await client();
    const signed = await signedFor(c, 'login', person.auth);
    const res = await signIn(c, signed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      result: 'signed_in',
      user: { iin: '871008401427', kind: 'individual' },
    });
    expect(c.cookies.get('session')).toBeTruthy();
    expect((await c.get('/api/v1/me')).json().user.iin).toBe('871008401427');
    const events = await auditActions(t.database, 'auth.login');
    expect(events.at(-1)).toMatchObject({
      result: 'success',
      user_agent: 'sig-login-test/1',
      details: { method: 'signature' },
    });

    const replay = await signIn(await client(), signed);
    expect(replay.statusCode).toBe(422);
    expect(replay.json().error).toMatchObject({ check: 'signing_request', reason: 'already_used' });
  });

  it('opens the organisation account (by BIN) for the first head, and not for an employee key', async () => {
    const c = await client();
    const res = await signIn(c, await signedFor(c, 'login', head.auth));
    expect(res.json()).toMatchObject({
      result: 'signed_in',
      user: { id: organizationId, bin: '940140000385' },
    });

    const e = await client();
    const refused = await signIn(e, await signedFor(e, 'login', employee.auth));
    expect(refused.statusCode).toBe(404);
    expect(e.cookies.get('session')).toBeUndefined();
  });

  it('answers 404 account_not_found with the verified certificate data, for the registration wizard', async () => {
    const c = await client();
    const before = await identitySnapshot(t.database);
    const res = await signIn(c, await signedFor(c, 'login', stranger.auth));
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'account_not_found',
      message: expect.stringContaining('Пройдите регистрацию'),
      certificate: {
        iin: '750810416298',
        bin: null,
        fullName: 'ОСПАНОВА АЙГЕРИМ',
        email: 'a@b.kz',
        subjectKind: 'individual',
        validFrom: expect.any(String),
        validTo: expect.any(String),
      },
    });
    expect(await identitySnapshot(t.database)).toEqual(before);
    const failures = (await auditActions(t.database, 'auth.login')).filter((e) => e.result === 'failure');
    expect(failures.at(-1)?.details).toMatchObject({ method: 'signature', reason: 'account_not_found' });
  });

  it('is not subject to the password lockout, and journals a refused signature', async () => {
    const hash = identifierHash({ type: 'iin_bin', value: '871008401427' });
    const lockout = t.ctx.identity.lockout;
    for (let i = 0; i < lockout.policy.maxFailures; i++) {
      await lockout.reserve(hash);
      await lockout.failed(hash);
    }
    const c = await client();
    const locked = await c.post('/api/v1/auth/login/password', { login: '871008401427', password: PASSWORD });
    expect(locked.statusCode).toBe(423);
    const res = await signIn(c, await signedFor(c, 'login', person.auth));
    expect(res.statusCode).toBe(200);
    await lockout.clear(hash);

    const bad = await signIn(c, await signedFor(c, 'login', person.sign));
    expect(bad.statusCode).toBe(422);
    const failures = (await auditActions(t.database, 'auth.login')).filter((e) => e.result === 'failure');
    expect(failures.at(-1)?.details).toMatchObject({
      method: 'signature',
      reason: 'signature_invalid',
      check: 'key_usage',
    });
  });

  it('refuses an account waiting for email activation with the seed 001 text', async () => {
    const c = await client();
    const res = await signIn(c, await signedFor(c, 'login', pending.auth));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'email_not_activated',
      message: expect.stringMatching(/^Для продолжения работы Вам необходимо активировать электронную почту/),
    });
  });
});

describe('certificate + password (LOGIN_CERT_REQUIRES_PASSWORD=1)', () => {
  const completeWith = (c: Awaited<ReturnType<typeof client>>, pendingLoginId: string, password: string) =>
    c.post('/api/v1/auth/login/certificate-password', { pendingLoginId, password });

  it('greets «Здравствуйте ФИО / ОРГАНИЗАЦИЯ» and asks for the password; the pending login works once', async () => {
    const c = await client(withPassword);
    const step1 = await signIn(c, await signedFor(c, 'login', person.auth));
    expect(step1.json()).toMatchObject({
      result: 'password_required',
      greeting: { fullName: 'АХМЕТОВА АЙГУЛЬ САПАРОВНА', organization: null },
    });
    expect(c.cookies.get('session')).toBeUndefined();
    const { pendingLoginId } = step1.json();

    const wrong = await completeWith(c, pendingLoginId, 'Wrong1%pass');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', message: 'Неправильный пароль' });
    const ok = await completeWith(c, pendingLoginId, PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.iin).toBe('871008401427');
    expect(c.cookies.get('session')).toBeTruthy();
    const events = await auditActions(t.database, 'auth.login');
    expect(events.at(-1)).toMatchObject({ result: 'success', details: { method: 'certificate_password' } });

    const again = await completeWith(c, pendingLoginId, PASSWORD);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('pending_login_invalid');

    const org = await signIn(c, await signedFor(c, 'login', head.auth));
    expect(org.json().greeting).toEqual({
      fullName: 'ЖУМАБЕКОВ НУРЛАН',
      organization: 'ТОО «Демо Сертификация»',
    });
  });

  it('expires the pending login after 5 minutes', async () => {
    const c = await client(withPassword);
    const step1 = await signIn(c, await signedFor(c, 'login', person.auth));
    clock.advance(5 * 60_000 + 1);
    try {
      const late = await completeWith(c, step1.json().pendingLoginId, PASSWORD);
      expect(late.statusCode).toBe(400);
      expect(late.json().error.code).toBe('pending_login_invalid');
    } finally {
      clock.advance(-(5 * 60_000 + 1));
    }
    expect((await completeWith(c, 'x'.repeat(43), PASSWORD)).json().error.code).toBe('pending_login_invalid');
  });

  it('counts wrong passwords against the lockout of the IIN/BIN: locked after 3, even for the right one', async () => {
    const c = await client(withPassword);
    const step1 = await signIn(c, await signedFor(c, 'login', head.auth));
    const { pendingLoginId } = step1.json();
    expect((await completeWith(c, pendingLoginId, 'Wrong1%a')).statusCode).toBe(401);
    expect((await completeWith(c, pendingLoginId, 'Wrong1%b')).statusCode).toBe(401);
    const third = await completeWith(c, pendingLoginId, 'Wrong1%c');
    expect(third.statusCode).toBe(423);
    expect(third.json().error).toMatchObject({ code: 'login_locked', retryAfterSeconds: 600 });
    const right = await completeWith(c, pendingLoginId, PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(c.cookies.get('session')).toBeUndefined();
    // The lock is the BIN's password-login lock.
    const byPassword = await c.post('/api/v1/auth/login/password', {
      login: '940140000385',
      password: PASSWORD,
    });
    expect(byPassword.statusCode).toBe(423);
    const locks = await auditActions(t.database, 'auth.login.locked');
    expect(locks.at(-1)?.details).toMatchObject({ failures: 3, minutes: 10 });
  });
});
