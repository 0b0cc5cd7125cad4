import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { checkPassword } from '../identity/passwords';
import { auditActions, identitySnapshot, movableClock } from '../identity/test-support';
import { DEMO_REGISTRY_IINS } from '../registry/demo-data';
import { loadDemoRegistryData } from '../registry/embedded';
import type { SigningPurpose } from '../signatures/purposes';
import { cmsOf, installSignaturePki, requestSigning } from '../signatures/test-support';
import { RECOVERY_LINK_MINUTES } from './service';
import { RECOVERY_ATTEMPTS_PER_WINDOW, RECOVERY_WINDOW_MS } from './throttle';

const PASSWORD = 'Secret1%pass';
const IIN = '871008401427';
const EMAIL = 'aigul@example.kz';
const BIN = '940140000385';
const ORG_EMAIL = 'office@demo-cert.kz';
const clock = movableClock();
let t: TestApp;
let person: IssuedPair;
let stranger: IssuedPair;
let ipCounter = 0;

beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    extend: (app) =>
      app.get('/api/v1/test/protected', async (req) => {
        await t.ctx.identity.requireSession(req);
        return { ok: true };
      }),
  });
  await loadDemoRegistryData(t.database.db);
  const pki = await installSignaturePki(t);
  const names = { surname: 'АХМЕТОВА', firstName: 'АЙГУЛЬ', patronymic: 'САПАРОВНА' };
  [person, stranger] = await Promise.all([
    pki.issue({ template: 'individual', iin: IIN, email: EMAIL, ...names }),
    pki.issue({ template: 'individual', iin: '750810416298', surname: 'ОСПАНОВА', firstName: 'АЙГЕРИМ' }),
  ]);
  const id = t.ctx.identity;
  await id.createAccount({ kind: 'individual', iin: IIN, email: EMAIL, password: PASSWORD, ...names });
  await id.createAccount({
    kind: 'legal_entity',
    iin: '760212350620',
    bin: BIN,
    email: ORG_EMAIL,
    password: PASSWORD,
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
});
// Each test starts with no recovery attempts counted and the accounts' passwords back to PASSWORD. (The clock
// is moved only inside a test and moved back: the test CA's OCSP answers follow the real time.)
beforeEach(async () => {
  await t.database.query('DELETE FROM recovery_throttle');
  for (const login of [IIN, BIN]) {
    const account = (await t.ctx.identity.findByLogin(login))!;
    await t.ctx.identity.setPassword(account.id, PASSWORD);
  }
});

/** A client from its own IP address, so the per-IP route limit of one test does not touch another. */
async function client() {
  const c = apiClient(t.app);
  const remoteAddress = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
  const post = (url: string, payload?: unknown) =>
    c.request({ method: 'POST', url, payload: payload as never, remoteAddress });
  const get = (url: string) => c.request({ method: 'GET', url, remoteAddress });
  await c.request({ method: 'GET', url: '/api/v1/csrf', remoteAddress });
  return { ...c, post, get };
}

const lastMailTo = async (to: string) =>
  (await t.ctx.notifications.listRecent()).find((m) => m.recipient === to);
const outboxCount = async () => (await t.ctx.notifications.listRecent(10_000)).length;
const passwordIn = (text: string) => /: (\S+)\n/.exec(text)![1];

async function login(login: string, password: string) {
  const c = await client();
  const res = await c.post('/api/v1/auth/login/password', { login, password });
  return { c, res };
}

/** A signed action, signed at the app's (moved) clock time. */
async function signedFor(
  c: Awaited<ReturnType<typeof client>>,
  purpose: SigningPurpose,
  signer: IssuedPair['auth'],
) {
  const request = await requestSigning(c as unknown as ReturnType<typeof apiClient>, purpose);
  return { signingRequestId: request.id, cms: await cmsOf(request.dataBase64, signer, clock.now()) };
}

/** What a refusal must leave unchanged: accounts, sessions, mails. */
async function state() {
  return { identity: await identitySnapshot(t.database), outbox: await outboxCount() };
}

describe('path 2: single-use link → temporary password (seed 001)', () => {
  it('mails a link, following it mails a temporary password that must be changed at next login', async () => {
    const before = await login(IIN, PASSWORD);
    expect(before.res.statusCode).toBe(200);
    const c = await client();
    const res = await c.post('/api/v1/auth/recovery/link', { login: EMAIL.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      messageCode: 'recovery_link_sent',
      message: 'На указанный адрес электронной почты отправлено письмо с инструкциями для изменения пароля',
    });
    const linkMail = (await lastMailTo(EMAIL))!;
    const token = /\/password\/reset\?token=([\w-]+)/.exec(linkMail.bodyText)![1];
    // The database holds the link only hashed.
    const [{ n }] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM email_tokens WHERE token_hash = $1',
      [token],
    );
    expect(n).toBe(0);

    const confirmed = await c.post('/api/v1/auth/recovery/link/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().message).toBe(
      'На указанный адрес электронной почты отправлено письмо с временным паролем и инструкциями',
    );
    const temporary = passwordIn((await lastMailTo(EMAIL))!.bodyText);
    expect(checkPassword('techreg', temporary)).toEqual([]);
    // Every session ended; the old password is gone.
    expect((await before.c.get('/api/v1/me')).json().user).toBeNull();
    expect((await login(IIN, PASSWORD)).res.statusCode).toBe(401);

    const signedIn = await login(IIN, temporary);
    expect(signedIn.res.statusCode).toBe(200);
    expect((await signedIn.c.get('/api/v1/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await signedIn.c.get('/api/v1/test/protected');
    expect(blocked.json().error.code).toBe('password_change_required');
    const changed = await signedIn.c.post('/api/v1/me/password', {
      currentPassword: temporary,
      newPassword: 'Chosen3#pass',
      newPasswordRepeat: 'Chosen3#pass',
    });
    expect(changed.statusCode).toBe(200);
    expect((await signedIn.c.get('/api/v1/test/protected')).statusCode).toBe(200);

    // Single use: the second visit changes nothing.
    const snapshot = await state();
    const again = await c.post('/api/v1/auth/recovery/link/confirm', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('recovery_link_invalid');
    expect(await state()).toEqual(snapshot);
    const journal = await auditActions(t.database, 'account.password.recovery');
    expect(journal.at(-1)).toMatchObject({ result: 'failure', details: { method: 'link_confirm' } });
  });

  it('an expired link changes nothing; a newer link voids the older one', async () => {
    const c = await client();
    await c.post('/api/v1/auth/recovery/link', { login: IIN });
    const first = /token=([\w-]+)/.exec((await lastMailTo(EMAIL))!.bodyText)![1];
    await c.post('/api/v1/auth/recovery/link', { login: IIN });
    const second = /token=([\w-]+)/.exec((await lastMailTo(EMAIL))!.bodyText)![1];
    const snapshot = await state();
    const voided = await c.post('/api/v1/auth/recovery/link/confirm', { token: first });
    expect(voided.json().error.code).toBe('recovery_link_invalid');
    clock.advance(RECOVERY_LINK_MINUTES * 60_000 + 1000);
    const expired = await c.post('/api/v1/auth/recovery/link/confirm', { token: second });
    clock.advance(-(RECOVERY_LINK_MINUTES * 60_000 + 1000));
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('recovery_link_expired');
    const malformed = await c.post('/api/v1/auth/recovery/link/confirm', { token: 'x' });
    expect(malformed.json().error.code).toBe('recovery_link_invalid');
    expect(await state()).toEqual(snapshot);
    expect((await login(IIN, PASSWORD)).res.statusCode).toBe(200);
  });

  it('answers an unknown login exactly as a known one, and mails nothing', async () => {
    const c = await client();
    const known = await c.post('/api/v1/auth/recovery/link', { login: BIN });
    const before = await state();
    const unknown = await c.post('/api/v1/auth/recovery/link', { login: 'nobody@example.kz' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(await state()).toEqual(before);
    const journal = await auditActions(t.database, 'account.password.recovery');
    expect(journal.at(-1)).toMatchObject({
      result: 'failure',
      details: { method: 'link', reason: 'unknown_account' },
    });
  });
});

describe('path 1: a new password mailed (seed 000)', () => {
  it('generates a password under the policy, mails it and ends the sessions', async () => {
    const c = await client();
    const res = await c.post('/api/v1/auth/recovery/new-password', { login: BIN });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe('Новый пароль отправлен на Вашу электронную почту');
    const mail = (await lastMailTo(ORG_EMAIL))!;
    const password = passwordIn(mail.bodyText);
    expect(checkPassword('techreg', password)).toEqual([]);
    expect((await login(BIN, PASSWORD)).res.statusCode).toBe(401);
    const signedIn = await login(BIN, password);
    expect(signedIn.res.statusCode).toBe(200);
    expect((await signedIn.c.get('/api/v1/me')).json().user.mustChangePassword).toBe(false);
  });

  it('answers an unknown login exactly as a known one and changes nothing', async () => {
    const c = await client();
    const known = await c.post('/api/v1/auth/recovery/new-password', { login: EMAIL });
    const before = await state();
    const unknown = await c.post('/api/v1/auth/recovery/new-password', { login: DEMO_REGISTRY_IINS.unknown });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(await state()).toEqual(before);
  });
});

describe('path 3: IIN + document, BIN + registration certificate (seed 002)', () => {
  const individual = { kind: 'individual', iin: IIN, documentNumber: '045123456', issueDate: '2019-03-15' };

  it('mails a new password when the identity document matches the registry', async () => {
    const c = await client();
    const res = await c.post('/api/v1/auth/recovery/document', individual);
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe('Новый пароль отправлен на Вашу электронную почту');
    const password = passwordIn((await lastMailTo(EMAIL))!.bodyText);
    expect((await login(IIN, password)).res.statusCode).toBe(200);
  });

  it('mails a new password to the organisation when the registration number matches', async () => {
    const c = await client();
    const res = await c.post('/api/v1/auth/recovery/document', {
      kind: 'legal_entity',
      bin: BIN,
      registrationNumber: '38-1910-ТОО',
    });
    expect(res.statusCode).toBe(200);
    const password = passwordIn((await lastMailTo(ORG_EMAIL))!.bodyText);
    expect((await login(BIN, password)).res.statusCode).toBe(200);
  });

  it('refuses a wrong number, date or registration number — and an unknown IIN the same way — with nothing changed', async () => {
    const c = await client();
    const before = await state();
    const refusals = [
      { ...individual, documentNumber: '045123457' },
      { ...individual, issueDate: '2019-03-16' },
      { kind: 'legal_entity', bin: BIN, registrationNumber: '39-1910-ТОО' },
      { ...individual, iin: DEMO_REGISTRY_IINS.unknown },
    ];
    const bodies = [];
    for (const body of refusals) {
      const res = await c.post('/api/v1/auth/recovery/document', body);
      expect(res.statusCode).toBe(400);
      bodies.push(res.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]).error).toEqual({
      code: 'recovery_data_mismatch',
      message: 'Введенные данные не соответствуют данным учетной записи',
    });
    expect(await state()).toEqual(before);
    const journal = (await auditActions(t.database, 'account.password.recovery')).slice(-4);
    expect(journal.map((e) => [e.result, e.details.method, e.details.reason])).toEqual([
      ['failure', 'document', 'data_mismatch'],
      ['failure', 'document', 'data_mismatch'],
      ['failure', 'document', 'data_mismatch'],
      ['failure', 'document', 'unknown_account'],
    ]);
    expect(journal[0].details.login).toBe('8710****1427');
    const bad = await c.post('/api/v1/auth/recovery/document', { ...individual, issueDate: '15.03.2019' });
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('path 4: a recovery request signed with the AUTH key (seed 002)', () => {
  it('sets the new password for the account of the certificate and ends its sessions', async () => {
    const before = await login(IIN, PASSWORD);
    const c = await client();
    const signed = await signedFor(c, 'recovery', person.auth);
    const res = await c.post('/api/v1/auth/recovery/signature', {
      ...signed,
      newPassword: 'Fresh7$word',
      newPasswordRepeat: 'Fresh7$word',
    });
    expect(res.json().error).toBeUndefined();
    expect(res.json().messageCode).toBe('recovery_password_changed');
    expect((await before.c.get('/api/v1/me')).json().user).toBeNull();
    expect((await login(IIN, 'Fresh7$word')).res.statusCode).toBe(200);
    // The signed request is single use.
    const replay = await c.post('/api/v1/auth/recovery/signature', {
      ...signed,
      newPassword: 'Other7$word',
      newPasswordRepeat: 'Other7$word',
    });
    expect(replay.statusCode).toBe(422);
  });

  it('refuses a weak password, a foreign key, the SIGN key and a login request with nothing changed', async () => {
    const c = await client();
    const before = await state();
    const weak = await c.post('/api/v1/auth/recovery/signature', {
      ...(await signedFor(c, 'recovery', person.auth)),
      newPassword: 'weak',
      newPasswordRepeat: 'weak',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.newPassword).toContain('не менее 8 символов');
    const good = { newPassword: 'Fresh7$word', newPasswordRepeat: 'Fresh7$word' };
    const mismatch = await c.post('/api/v1/auth/recovery/signature', {
      ...(await signedFor(c, 'recovery', person.auth)),
      ...good,
      newPasswordRepeat: 'Fresh7$worD',
    });
    expect(mismatch.json().error.fields.newPasswordRepeat).toBeTruthy();
    const foreign = await c.post('/api/v1/auth/recovery/signature', {
      ...(await signedFor(c, 'recovery', stranger.auth)),
      ...good,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('account_not_found');
    const signKey = await c.post('/api/v1/auth/recovery/signature', {
      ...(await signedFor(c, 'recovery', person.sign)),
      ...good,
    });
    expect(signKey.statusCode).toBe(422);
    const loginRequest = await c.post('/api/v1/auth/recovery/signature', {
      ...(await signedFor(c, 'login', person.auth)),
      ...good,
    });
    expect(loginRequest.statusCode).toBe(422);
    expect(await state()).toEqual(before);
    expect((await login(IIN, PASSWORD)).res.statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits each identifier in the database, known or unknown, across client addresses', async () => {
    for (const login of [EMAIL, 'ghost@example.kz']) {
      for (let i = 0; i < RECOVERY_ATTEMPTS_PER_WINDOW; i++) {
        const c = await client();
        expect((await c.post('/api/v1/auth/recovery/new-password', { login })).statusCode).toBe(200);
      }
      const before = await state();
      const c = await client();
      const limited = await c.post('/api/v1/auth/recovery/link', { login });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('recovery_rate_limited');
      expect(await state()).toEqual(before);
    }
    clock.advance(RECOVERY_WINDOW_MS + 1000);
    expect((await (await client()).post('/api/v1/auth/recovery/link', { login: EMAIL })).statusCode).toBe(
      200,
    );
    clock.advance(-(RECOVERY_WINDOW_MS + 1000));
  });

  it('limits each client address per route', async () => {
    const c = await client();
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push((await c.post('/api/v1/auth/recovery/link/confirm', { token: 'x' })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
