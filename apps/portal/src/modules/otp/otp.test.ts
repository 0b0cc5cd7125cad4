import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions, identitySnapshot, movableClock } from '../identity/test-support';
import { OTP_RESEND_COOLDOWN_SECONDS, OTP_TTL_SECONDS } from './service';

const PASSWORD = 'Secret1%pass';
const IIN = '871008401427';
const MOBILE = '+77011234567';
const NO_MOBILE_IIN = '900101300003';
const INVALID = 'Неверный или недействительный одноразовый пароль. Получите новый код';
const SAME_ANSWER = { expiresInSeconds: 120, resendAfterSeconds: 60 };

const clock = movableClock();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  const id = t.ctx.identity;
  await id.createAccount({ kind: 'individual', iin: IIN, mobilePhone: MOBILE, password: PASSWORD });
  await id.createAccount({ kind: 'individual', iin: NO_MOBILE_IIN, password: PASSWORD });
});
afterAll(() => t.close());

async function client() {
  const c = apiClient(t.app);
  await c.init();
  return c;
}
type Client = Awaited<ReturnType<typeof client>>;
const requestCode = (c: Client, login: string, remoteAddress?: string) =>
  c.request({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { login }, remoteAddress });
const verify = (c: Client, login: string, code: string) =>
  c.post('/api/v1/auth/otp/verify', { login, code }, { 'user-agent': 'otp-test/1' });

/** The code of the newest SMS to the mobile, read from the outbox table as the SMS gateway would. */
async function lastSmsCode(to = MOBILE): Promise<string> {
  const rows = await t.database.query<{ body_text: string }>(
    "SELECT body_text FROM outbox_messages WHERE channel = 'sms' AND recipient = $1 ORDER BY id DESC LIMIT 1",
    [to],
  );
  const code = rows[0]?.body_text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error('no SMS code in the outbox');
  return code;
}
const smsCount = async () =>
  Number(
    (
      await t.database.query<{ n: string }>("SELECT count(*) AS n FROM outbox_messages WHERE channel = 'sms'")
    )[0].n,
  );
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
/** Past the resend cooldown, so the next request issues a fresh code. */
const afterCooldown = () => clock.advance((OTP_RESEND_COOLDOWN_SECONDS + 1) * 1000);

describe('one-time password login', () => {
  it('sends a 6-digit code by SMS to the registered mobile and signs in with it once', async () => {
    afterCooldown();
    const c = await client();
    const sent = await requestCode(c, IIN);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual(SAME_ANSWER);
    const code = await lastSmsCode();
    expect(code).toMatch(/^\d{6}$/);
    // Stored only hashed.
    const stored = await t.database.query<{ code_hash: string }>('SELECT code_hash FROM otp_codes');
    expect(stored.map((r) => r.code_hash)).not.toContain(code);

    const ok = await verify(c, IIN, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.iin).toBe(IIN);
    expect((await c.get('/api/v1/me')).json().user.iin).toBe(IIN);
    const logins = await auditActions(t.database, 'auth.login');
    expect(logins.at(-1)?.details).toMatchObject({ method: 'otp' });

    // Reuse: the same code never works twice.
    const again = await verify(await client(), IIN, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'otp_invalid', message: INVALID });
    expect((await auditActions(t.database, 'auth.otp.verify')).at(-1)?.details).toMatchObject({
      reason: 'used',
    });
  });

  it('refuses a wrong code without signing in, and the right one still works after it', async () => {
    afterCooldown();
    const c = await client();
    await requestCode(c, IIN);
    const code = await lastSmsCode();
    const before = await identitySnapshot(t.database);
    const wrong = await verify(c, IIN, wrongCode(code));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('otp_invalid');
    expect(await identitySnapshot(t.database)).toEqual(before);
    expect(c.cookies.has('sid')).toBe(false);
    expect((await verify(c, IIN, code)).statusCode).toBe(200);
  });

  it('refuses an expired code (120 s)', async () => {
    afterCooldown();
    const c = await client();
    await requestCode(c, IIN);
    const code = await lastSmsCode();
    clock.advance(OTP_TTL_SECONDS * 1000 + 1);
    const before = await identitySnapshot(t.database);
    const late = await verify(c, IIN, code);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('otp_invalid');
    expect(await identitySnapshot(t.database)).toEqual(before);
    expect((await auditActions(t.database, 'auth.otp.verify')).at(-1)?.details).toMatchObject({
      reason: 'expired',
    });
  });

  it('invalidates the code after 3 wrong attempts, even for the right code', async () => {
    afterCooldown();
    const c = await client();
    await requestCode(c, IIN);
    const code = await lastSmsCode();
    for (let i = 0; i < 3; i++) expect((await verify(c, IIN, wrongCode(code))).statusCode).toBe(401);
    const right = await verify(c, IIN, code);
    expect(right.statusCode).toBe(401);
    expect((await auditActions(t.database, 'auth.otp.verify')).at(-1)?.details).toMatchObject({
      reason: 'too_many_attempts',
    });
  });

  it('answers the same for an unknown IIN and an account without a mobile, sending nothing', async () => {
    afterCooldown();
    const c = await client();
    const before = await smsCount();
    for (const login of ['990101300099', NO_MOBILE_IIN]) {
      const res = await requestCode(c, login);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(SAME_ANSWER);
    }
    expect(await smsCount()).toBe(before);
    const unknown = await verify(c, '990101300099', '123456');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('otp_invalid');
    const reasons = (await auditActions(t.database, 'auth.otp.request')).map((e) => e.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown_login', 'no_mobile']));
  });

  it('sends no second SMS within the resend cooldown, and a new code replaces the old one after it', async () => {
    afterCooldown();
    const c = await client();
    await requestCode(c, IIN);
    const first = await lastSmsCode();
    const before = await smsCount();
    expect((await requestCode(c, IIN)).json()).toEqual(SAME_ANSWER);
    expect(await smsCount()).toBe(before);
    afterCooldown();
    await requestCode(c, IIN);
    expect(await smsCount()).toBe(before + 1);
    const second = await lastSmsCode();
    if (second !== first) expect((await verify(c, IIN, first)).statusCode).toBe(401);
    expect((await verify(c, IIN, second)).statusCode).toBe(200);
  });

  it('works while password login is locked', async () => {
    afterCooldown();
    const c = await client();
    for (let i = 0; i < 10; i++)
      await c.post('/api/v1/auth/login/password', { login: IIN, password: 'Wrong1%pass' });
    const locked = await c.post('/api/v1/auth/login/password', { login: IIN, password: PASSWORD });
    expect(locked.statusCode).toBe(423);
    await requestCode(c, IIN);
    expect((await verify(c, IIN, await lastSmsCode())).statusCode).toBe(200);
  });

  it('refuses a malformed login or code with 400', async () => {
    const c = await client();
    expect((await requestCode(c, 'someone@example.kz', '10.0.0.7')).statusCode).toBe(400);
    expect((await verify(c, IIN, '12ab56')).statusCode).toBe(400);
    expect((await verify(c, IIN, '12345')).statusCode).toBe(400);
  });

  it('limits code requests per client to 10 a minute (429 rate_limited)', async () => {
    const c = await client();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await requestCode(c, '990101300099', '10.0.0.8')).statusCode);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(answers[10]).toBe(429);
  });
});
