import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions, identitySnapshot, movableClock } from '../identity/test-support';
import { DEMO_PEOPLE } from '../pki/demo-people';
import { DEMO_REGISTRY_BINS, DEMO_REGISTRY_IINS, DEMO_REGISTRY_PERSONS } from '../registry/demo-data';
import { loadDemoRegistryData } from '../registry/embedded';
import { cmsOf, installSignaturePki, requestSigning, type SignaturePki } from '../signatures/test-support';
import { RESEND_PER_MINUTE } from './routes';

const PASSWORD = 'Secret1%pass';
const SUCCESS = 'Регистрация в системе прошла успешно';
const clock = movableClock();
let t: TestApp;
let pki: SignaturePki;
const keys: Record<string, IssuedPair> = {};

const [aigul, nurlan, daniyar] = DEMO_PEOPLE;
const person = (iin: string) => DEMO_REGISTRY_PERSONS.find((p) => p.iin === iin)!;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  await loadDemoRegistryData(t.database.db);
  pki = await installSignaturePki(t);
  const opsHead = person(DEMO_REGISTRY_IINS.certificationBodyHead);
  const individual = (iin: string) => ({
    template: 'individual',
    iin,
    surname: person(iin).surname,
    firstName: person(iin).firstName,
  });
  const entries: [string, Parameters<SignaturePki['issue']>[0]][] = [
    ['aigul', aigul],
    ['nurlan', nurlan],
    ['daniyar', daniyar],
    [
      'ops',
      {
        template: 'first-head',
        iin: opsHead.iin,
        bin: DEMO_REGISTRY_BINS.certificationBody,
        org: 'ТОО «Демо ОПС»',
        surname: opsHead.surname,
        firstName: opsHead.firstName,
      },
    ],
    // signing rights at ТОО «Демо Строй» (not a certification body)
    [
      'builder',
      {
        template: 'sign-rights',
        iin: DEMO_REGISTRY_IINS.notInMobileBase,
        bin: '120940300005',
        org: 'ТОО «Демо Строй»',
        surname: 'ОСПАНОВА',
        firstName: 'АЙГЕРИМ',
      },
    ],
    [
      'ghostOrg',
      {
        template: 'first-head',
        iin: DEMO_REGISTRY_IINS.limitedCapacity,
        bin: DEMO_REGISTRY_BINS.unknown,
        org: 'ТОО «Нет в реестре»',
        surname: 'ЛИ',
        firstName: 'ВИКТОРИЯ',
      },
    ],
    // a first-head key for ТОО «Демо Строй» held by someone the registry does not name as its head
    [
      'falseHead',
      {
        template: 'first-head',
        iin: DEMO_REGISTRY_IINS.individual,
        bin: '120940300005',
        org: 'ТОО «Демо Строй»',
        surname: aigul.surname,
        firstName: aigul.firstName,
      },
    ],
    ['deceased', individual(DEMO_REGISTRY_IINS.deceased)],
    ['excluded1', individual(DEMO_REGISTRY_IINS.exclusion[1])],
    ['excluded5', individual(DEMO_REGISTRY_IINS.exclusion[5])],
    ['convicted', individual(DEMO_REGISTRY_IINS.convicted)],
  ];
  for (const [name, opts] of entries) keys[name] = await pki.issue(opts);
}, 90_000);
afterAll(() => t?.close());

type Client = ReturnType<typeof apiClient>;
async function client(headers: Record<string, string> = {}) {
  const c = apiClient(t.app);
  await c.init();
  const post = c.post;
  c.post = (url, payload, h) => post(url, payload, { ...headers, ...h });
  return c;
}

/** Signs the agreement with `signer` and registers. */
async function register(
  c: Client,
  signer: IssuedPair['sign'],
  body: Record<string, unknown>,
  purpose: 'registration' | 'login' = 'registration',
) {
  const request = await requestSigning(c, purpose);
  const res = await c.post('/api/v1/registrations', {
    signingRequestId: request.id,
    cms: await cmsOf(request.dataBase64, signer),
    password: PASSWORD,
    passwordRepeat: PASSWORD,
    phones: { mobile: '+7 701 123 45 67' },
    acceptAgreement: true,
    ...body,
  });
  return Object.assign(res, { signingRequestId: request.id });
}

const outbox = () =>
  t.database.query<{ recipient: string; subject: string; body_text: string }>(
    'SELECT recipient, subject, body_text FROM outbox_messages ORDER BY id',
  );

/** Everything a refused registration must leave as it was. */
async function state() {
  const [counts] = await t.database.query<{ o: string; a: string }>(
    'SELECT (SELECT count(*) FROM outbox_messages) AS o, (SELECT count(*) FROM email_tokens) AS a',
  );
  return { identity: await identitySnapshot(t.database), ...counts };
}

async function expectRefused(
  res: Awaited<ReturnType<typeof register>>,
  before: Awaited<ReturnType<typeof state>>,
  status: number,
  error: Record<string, unknown>,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error).toMatchObject(error);
  expect(await state()).toEqual(before);
  const [row] = await t.database.query<{ consumed_at: Date | null }>(
    'SELECT consumed_at FROM signing_requests WHERE id = $1',
    [res.signingRequestId],
  );
  expect(row.consumed_at).toBeNull();
}

const tokenOf = (text: string) => /\/activate\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('registration with the signed agreement', () => {
  it('registers an individual (names from the registry), pending email activation, with seed 001 email', async () => {
    const c = await client();
    const res = await register(c, keys.aigul.sign, { kind: 'individual', email: 'Aigul@Example.kz' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      messageCode: 'registration_succeeded',
      message: SUCCESS,
      activationRequired: true,
      email: 'Aigul@Example.kz',
    });
    const [account] = await t.database.query<Record<string, unknown>>(
      "SELECT kind, iin, bin, email, status, mobile_phone, surname, first_name, patronymic FROM accounts WHERE iin = '871008401427'",
    );
    expect(account).toEqual({
      kind: 'individual',
      iin: '871008401427',
      bin: null,
      email: 'aigul@example.kz',
      status: 'pending_activation',
      mobile_phone: '+77011234567',
      surname: 'АХМЕТОВА',
      first_name: 'АЙГУЛЬ',
      patronymic: 'САПАРОВНА',
    });
    const mail = (await outbox()).at(-1)!;
    expect(mail.recipient).toBe('aigul@example.kz');
    expect(mail.body_text).toMatch(
      /^Уважаемый\(ая\) АХМЕТОВА АЙГУЛЬ САПАРОВНА! Вы зарегистрировались на веб-портале\. Для того, чтобы активировать Вашу учетную запись просим перейти по следующей ссылке\. Если Вы не понимаете, о чём идет речь – просто проигнорируйте данное сообщение\./,
    );
    expect(mail.body_text).toContain(`${t.ctx.config.PUBLIC_URL}/activate?token=`);
    const journal = await auditActions(t.database, 'registration');
    expect(journal.at(-1)).toMatchObject({ result: 'success', details: { kind: 'individual' } });
  });

  it('registers a legal entity with the first head key and a certification body with its head key', async () => {
    const c = await client();
    const le = await register(c, keys.nurlan.sign, {
      kind: 'legal_entity',
      bin: '940140000385',
      email: 'office@demo-cert.kz',
      phones: { mobile: '87017654321', work: '+7 (727) 123-45-67' },
    });
    expect(le.statusCode, le.body).toBe(201);
    const ops = await register(c, keys.ops.sign, { kind: 'certification_body', email: 'ops@demo-ops.kz' });
    expect(ops.statusCode, ops.body).toBe(201);
    const rows = await t.database.query<{
      kind: string;
      iin: string;
      bin: string;
      work_phone: string | null;
    }>("SELECT kind, iin, bin, work_phone FROM accounts WHERE kind <> 'individual' ORDER BY bin");
    expect(rows).toEqual([
      {
        kind: 'certification_body',
        iin: DEMO_REGISTRY_IINS.certificationBodyHead,
        bin: DEMO_REGISTRY_BINS.certificationBody,
        work_phone: null,
      },
      { kind: 'legal_entity', iin: '760212350620', bin: '940140000385', work_phone: '+77271234567' },
    ]);
  });

  it('accepts a signing-rights key; refuses certification_body for an organisation that is not one', async () => {
    const c = await client();
    const before = await state();
    const notOps = await register(c, keys.builder.sign, { kind: 'certification_body', email: 'b@stroi.kz' });
    await expectRefused(notOps, before, 403, {
      code: 'not_a_certification_body',
      message: 'Организация с данным БИН не является аккредитованным органом по сертификации',
    });
    const ok = await register(c, keys.builder.sign, {
      kind: 'legal_entity',
      email: 'b@stroi.kz',
      bin: '120940300005',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('answers in the request language: the activation email in Kazakh', async () => {
    const c = await client({ 'accept-language': 'kk' });
    const res = await register(c, keys.convicted.sign, { kind: 'individual', email: 'convicted@example.kz' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().message).toBe('Жүйеде тіркеу сәтті өтті');
    expect((await outbox()).at(-1)!.body_text).toMatch(/^Құрметті .+! Сіз веб-порталда тіркелдіңіз\./);
  });
});

describe('refusals: named check or code, nothing written', () => {
  it('the AUTH key for the agreement, and a registration request signed for login', async () => {
    const c = await client();
    const before = await state();
    const auth = await register(c, keys.daniyar.auth, { kind: 'individual', email: 'd@example.kz' });
    await expectRefused(auth, before, 422, { code: 'signature_invalid', check: 'key_usage' });
    const foreign = await register(
      c,
      keys.daniyar.sign,
      { kind: 'individual', email: 'd@example.kz' },
      'login',
    );
    await expectRefused(foreign, before, 422, { check: 'signing_request', reason: 'purpose_mismatch' });
  });

  it('an employee-role key registering its organisation, and a BIN that is not the certificate’s', async () => {
    const c = await client();
    const before = await state();
    const employee = await register(c, keys.daniyar.sign, { kind: 'legal_entity', email: 'd@example.kz' });
    await expectRefused(employee, before, 422, {
      check: 'policy',
      reason: 'role_missing: one of first_head, signing_rights',
    });
    const mismatch = await register(c, keys.ops.sign, {
      kind: 'legal_entity',
      email: 'x@example.kz',
      bin: '120940300005',
    });
    await expectRefused(mismatch, before, 422, { check: 'identity', reason: 'bin_mismatch' });
    const individualKey = await register(c, keys.deceased.sign, {
      kind: 'legal_entity',
      email: 'x@example.kz',
    });
    await expectRefused(individualKey, before, 422, {
      check: 'policy',
      reason: 'subject_kind_mismatch: individual',
    });
  });

  it('a first-head key whose holder is not the registry’s head of the BIN (kk / ru / en)', async () => {
    const before = await state();
    const texts = {
      ru: 'ИИН владельца сертификата первого руководителя не совпадает с ИИН руководителя организации по данным Государственной базы данных «Юридические лица»',
      kk: 'Бірінші басшы сертификаты иесінің ЖСН «Заңды тұлғалар» мемлекеттік деректер базасы бойынша ұйым басшысының ЖСН-імен сәйкес келмейді',
      en: "The first head's certificate holder IIN does not match the organisation's head in the State Database «Legal Entities»",
    };
    for (const [lang, message] of Object.entries(texts)) {
      const c = await client({ 'accept-language': lang });
      const res = await register(c, keys.falseHead.sign, { kind: 'legal_entity', email: 'head@example.kz' });
      await expectRefused(res, before, 403, { code: 'first_head_mismatch', message });
    }
    const journaled = await auditActions(t.database, 'registration');
    expect(journaled.at(-1)).toMatchObject({ result: 'failure', details: { reason: 'first_head_mismatch' } });
  });

  it('registry refusals with the exact seed 002 texts, and an organisation missing from the registry', async () => {
    const c = await client();
    const before = await state();
    const texts =
      'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН';
    await expectRefused(
      await register(c, keys.deceased.sign, { kind: 'individual', email: 'a@x.kz' }),
      before,
      403,
      {
        code: 'registry_refused',
        message: `${texts} (код:9)`,
        reasonCode: 'deceased',
      },
    );
    await expectRefused(
      await register(c, keys.excluded5.sign, { kind: 'individual', email: 'a@x.kz' }),
      before,
      403,
      {
        message: `${texts} (код: 5 - признак исключения ИИН)`,
        registryCode: 5,
      },
    );
    await expectRefused(
      await register(c, keys.excluded1.sign, { kind: 'individual', email: 'a@x.kz' }),
      before,
      403,
      {
        message: `${texts} (код: 1)`,
      },
    );
    await expectRefused(
      await register(c, keys.ghostOrg.sign, { kind: 'legal_entity', email: 'a@x.kz' }),
      before,
      404,
      {
        code: 'registry_legal_entity_not_found',
      },
    );
  });

  it('duplicates: an IIN with a personal account, a BIN registered once → 409', async () => {
    const c = await client();
    const before = await state();
    await expectRefused(
      await register(c, keys.aigul.sign, { kind: 'individual', email: 'new@example.kz' }),
      before,
      409,
      {
        code: 'already_registered',
        message: 'Пользователь с данным ИИН уже зарегистрирован. Войдите в систему или восстановите пароль',
      },
    );
    await expectRefused(
      await register(c, keys.nurlan.sign, { kind: 'legal_entity', email: 'new@example.kz' }),
      before,
      409,
      {
        code: 'already_registered',
        message:
          'Организация с данным БИН уже зарегистрирована. Зарегистрировать юридическое лицо (БИН) можно только один раз',
      },
    );
  });

  it('a weak password (every unmet rule listed), a missing mobile, no accepted agreement', async () => {
    const c = await client();
    const before = await state();
    const weak = await register(c, keys.daniyar.sign, {
      kind: 'individual',
      email: 'd@example.kz',
      password: 'abc^',
      passwordRepeat: 'abc^',
    });
    await expectRefused(weak, before, 400, { code: 'validation_failed' });
    const rules = weak.json().error.fields.password as string;
    for (const rule of [
      'не менее 8 символов',
      'цифры',
      'верхнем регистре',
      'специальный символ',
      'не содержать символ ^',
    ])
      expect(rules).toContain(rule);
    const noMobile = await register(c, keys.daniyar.sign, {
      kind: 'individual',
      email: 'd@example.kz',
      phones: { work: '+77172000000' },
    });
    await expectRefused(noMobile, before, 400, {
      fields: { 'phones.mobile': 'Укажите мобильный номер в формате +7 7XX XXX XX XX' },
    });
    const landline = await register(c, keys.daniyar.sign, {
      kind: 'individual',
      email: 'd@example.kz',
      phones: undefined,
      phone: '+7 7172 00 00 00',
    });
    await expectRefused(landline, before, 400, { fields: { 'phones.mobile': expect.any(String) } });
    const noAgreement = await register(c, keys.daniyar.sign, {
      kind: 'individual',
      email: 'd@example.kz',
      acceptAgreement: false,
    });
    await expectRefused(noAgreement, before, 400, { fields: { acceptAgreement: expect.any(String) } });
  });

  it('an email used by another account: the usual answer, no account, the address owner is told', async () => {
    const c = await client();
    const accountsBefore = (await identitySnapshot(t.database)).accounts;
    const res = await register(c, keys.daniyar.sign, { kind: 'individual', email: 'AIGUL@example.kz' });
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toBe(SUCCESS);
    expect((await identitySnapshot(t.database)).accounts).toEqual(accountsBefore);
    const mail = (await outbox()).at(-1)!;
    expect(mail.recipient).toBe('aigul@example.kz');
    expect(mail.body_text).toMatch(/попытка зарегистрировать новую учетную запись с Вашим адресом/);
  });
});

describe('email activation', () => {
  const loginByPassword = (c: Client, login: string) =>
    c.post('/api/v1/auth/login/password', { login, password: PASSWORD });

  it('until activated, password login answers email_not_activated; the link activates once', async () => {
    const c = await client();
    const refused = await loginByPassword(c, '871008401427');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('email_not_activated');
    const token = tokenOf((await outbox()).find((m) => m.recipient === 'aigul@example.kz')!.body_text)!;
    const ok = await c.post('/api/v1/auth/activate', { token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().messageCode).toBe('email_activated');
    expect((await loginByPassword(c, 'aigul@example.kz')).statusCode).toBe(200);
    const again = await c.post('/api/v1/auth/activate', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('activation_link_invalid');
    expect((await c.post('/api/v1/auth/activate', { token: 'nonsense' })).json().error.code).toBe(
      'activation_link_invalid',
    );
  });

  it('links expire; resend sends a new one (the old one stops working) and reveals nothing', async () => {
    const c = await client();
    const stale = tokenOf((await outbox()).find((m) => m.recipient === 'office@demo-cert.kz')!.body_text)!;
    clock.advance(t.ctx.config.ACTIVATION_LINK_HOURS * 3_600_000 + 1000);
    try {
      const expired = await c.post('/api/v1/auth/activate', { token: stale });
      expect(expired.json().error.code).toBe('activation_link_expired');

      const sentBefore = (await outbox()).length;
      const unknown = await c.post('/api/v1/auth/activation/resend', { login: 'nobody@example.kz' });
      const known = await c.post('/api/v1/auth/activation/resend', { login: '940140000385' });
      expect(unknown.statusCode).toBe(200);
      expect(known.json()).toEqual(unknown.json());
      const sent = (await outbox()).slice(sentBefore);
      expect(sent.map((m) => m.recipient)).toEqual(['office@demo-cert.kz']);
      // A second resend within a minute sends nothing more.
      await c.post('/api/v1/auth/activation/resend', { login: 'office@demo-cert.kz' });
      expect((await outbox()).length).toBe(sentBefore + 1);

      const fresh = tokenOf(sent[0].body_text)!;
      expect((await c.post('/api/v1/auth/activate', { token: fresh })).statusCode).toBe(200);
      expect((await loginByPassword(c, '940140000385')).statusCode).toBe(200);
    } finally {
      clock.advance(-(t.ctx.config.ACTIVATION_LINK_HOURS * 3_600_000 + 1000));
    }
  });

  it('resend is rate-limited per client', async () => {
    const c = await client({ 'x-forwarded-for': '198.51.100.7' });
    for (let i = 0; i < RESEND_PER_MINUTE; i++)
      expect((await c.post('/api/v1/auth/activation/resend', { login: `x${i}@example.kz` })).statusCode).toBe(
        200,
      );
    const limited = await c.post('/api/v1/auth/activation/resend', { login: 'y@example.kz' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });
});
