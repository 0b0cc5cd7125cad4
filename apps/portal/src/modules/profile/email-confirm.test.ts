import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions } from '../identity/test-support';

const PASSWORD = 'Secret1%pass';
const PERSON = { iin: '871008401427', email: 'aigul@example.kz', surname: 'АХМЕТОВА', firstName: 'АЙГУЛЬ' };
let t: TestApp;
let client: ReturnType<typeof apiClient>;
let accountId: string;

async function newestLink(to: string): Promise<string> {
  const [row] = await t.database.query<{ body_text: string }>(
    "SELECT body_text FROM outbox_messages WHERE recipient = $1 AND subject = 'Подтверждение адреса электронной почты' ORDER BY id DESC LIMIT 1",
    [to],
  );
  const token = /confirm-email\?token=([\w%-]+)/.exec(row.body_text)![1];
  return decodeURIComponent(token);
}
const state = async () => (await client.get('/api/v1/profile')).json().emailConfirmed as boolean;
// The link opens in any browser: a fresh client without the session (the web page gets its CSRF cookie first).
async function confirm(token: string) {
  const browser = apiClient(t.app);
  await browser.init();
  return browser.post('/api/v1/profile/email/confirm', { token });
}
const unconfirm = () =>
  t.database.query('UPDATE accounts SET email_verified_at = NULL WHERE id = $1', [accountId]);
const clearTokens = () => t.database.query("DELETE FROM email_tokens WHERE purpose = 'email_confirm'");

beforeAll(async () => {
  t = await createTestApp();
  accountId = (
    await t.ctx.identity.createAccount({
      kind: 'individual',
      ...PERSON,
      password: PASSWORD,
      mobilePhone: '+77011234567',
    })
  ).id;
  client = apiClient(t.app);
  await client.init();
  expect(
    (await client.post('/api/v1/auth/login/password', { login: PERSON.iin, password: PASSWORD })).statusCode,
  ).toBe(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('«Подтвердить адрес электронной почты»', () => {
  it('mails a single-use link that turns the email «Подтвержден» (no session needed), journaled', async () => {
    expect(await state()).toBe(false);
    const res = await client.post('/api/v1/profile/email/confirmation', {});
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toContain(PERSON.email);
    const token = await newestLink(PERSON.email);

    const ok = await confirm(token);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().message).toBe('Адрес электронной почты подтвержден');
    expect(await state()).toBe(true);
    expect((await auditActions(t.database, 'profile.email.confirmation_sent')).at(-1)?.result).toBe(
      'success',
    );
    expect((await auditActions(t.database, 'profile.email.confirm')).at(-1)?.result).toBe('success');

    const again = await confirm(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('email_confirm_link_invalid');
    expect((await auditActions(t.database, 'profile.email.confirm')).at(-1)?.result).toBe('failure');
  });

  it('refuses when already confirmed (409) and mails nothing', async () => {
    const before = await t.database.query('SELECT count(*)::int AS n FROM outbox_messages');
    const res = await client.post('/api/v1/profile/email/confirmation', {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_already_confirmed');
    expect(await t.database.query('SELECT count(*)::int AS n FROM outbox_messages')).toEqual(before);
  });

  it('an expired link does nothing', async () => {
    await unconfirm();
    const token = await t.ctx.emailTokens.issue(accountId, 'email_confirm', -1000);
    const res = await confirm(token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('email_confirm_link_expired');
    expect(await state()).toBe(false);
  });

  it('a link for the previous address does nothing after the email changed', async () => {
    await unconfirm();
    await clearTokens();
    expect((await client.post('/api/v1/profile/email/confirmation', {})).statusCode).toBe(200);
    const token = await newestLink(PERSON.email);
    const changed = await client.request({
      method: 'PUT',
      url: '/api/v1/profile',
      payload: { email: 'aigul.other@example.kz', mobilePhone: '+77011234567' },
    });
    expect(changed.statusCode).toBe(200);
    const res = await confirm(token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('email_confirm_link_invalid');
    expect(await state()).toBe(false);
  });

  it('a token of another purpose or a made-up one is refused', async () => {
    await unconfirm();
    const activation = await t.ctx.emailTokens.issue(accountId, 'activation', 3_600_000);
    expect((await confirm(activation)).json().error.code).toBe('email_confirm_link_invalid');
    expect((await confirm('x'.repeat(43))).json().error.code).toBe('email_confirm_link_invalid');
    expect(await state()).toBe(false);
  });

  it('needs a session to ask for a link', async () => {
    const anonymous = apiClient(t.app);
    await anonymous.init();
    expect((await anonymous.post('/api/v1/profile/email/confirmation', {})).statusCode).toBe(401);
  });
});
