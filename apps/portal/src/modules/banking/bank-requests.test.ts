import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { createTestOrganization } from '../organizations/test-support';
import { bankingMessagesKk, bankingMessagesRu } from './messages';
import { installBankingDirectories, kzIban, TEST_DIRECTORY } from './test-support';

const PASSWORD = 'Secret1%pass';
const IIN = { requester: '871008401427', admin: '900101300021', other: '900101300022' };
const EMAIL = { requester: 'requester@example.kz', admin: 'admin@example.kz', other: 'other@example.kz' };
let t: TestApp;
const ids: Record<keyof typeof IIN, string> = { requester: '', admin: '', other: '' };
let orgId: string;
let bicCounter = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const key of Object.keys(IIN) as (keyof typeof IIN)[]) {
    const account = await t.ctx.identity.createAccount({
      kind: 'individual',
      iin: IIN[key],
      email: EMAIL[key],
      password: PASSWORD,
      roles: key === 'admin' ? ['user', 'admin'] : ['user'],
    });
    ids[key] = account.id;
  }
  await installBankingDirectories(t, ids.admin);
  orgId = (await createTestOrganization(t, { adminAccountId: ids.requester })).organization.id;
  await t.database.query('UPDATE organizations SET kse = $1 WHERE id = $2', [TEST_DIRECTORY.kse7, orgId]);
}, 60_000);
afterAll(() => t?.close());

async function signedIn(key: keyof typeof IIN, lang?: 'ru' | 'kk' | 'en') {
  const c = apiClient(t.app);
  if (lang) c.cookies.set('lang', lang);
  await c.init();
  expect(
    (await c.post('/api/v1/auth/login/password', { login: IIN[key], password: PASSWORD })).statusCode,
  ).toBe(200);
  return c;
}

/** A BIC no other test uses: 4 letters (varying), KZ, KA. */
const nextBic = () => {
  const n = ++bicCounter;
  return `Q${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + Math.floor(n / 26))}QKZKA`;
};

const requestBody = (over: Record<string, unknown> = {}) => ({
  organizationId: orgId,
  nameKk: 'Жаңа банк АҚ',
  nameRu: 'АО «Новый банк»',
  bankCode: '955',
  bic: nextBic(),
  countryCode: TEST_DIRECTORY.country,
  kato: TEST_DIRECTORY.kato,
  addressKk: 'Астана қ., Есіл ауданы, Мәңгілік Ел д-лы, 1',
  addressRu: 'г. Астана, район Есиль, пр. Мангилик Ел, 1',
  confirmationInfo: 'Лицензия АРРФР № 1.2.3 от 01.01.2024',
  headOffice: true,
  resident: true,
  ...over,
});

const requests = () =>
  t.database
    .query('SELECT * FROM bank_registration_requests ORDER BY id')
    .then((rows) => JSON.stringify(rows));
const mailsTo = async (to: string) =>
  (await t.ctx.notifications.listRecent(10_000)).filter((m) => m.recipient === to);
const journal = (action: string, targetId: string) =>
  t.database.query<{ actor_user_id: string }>(
    'SELECT actor_user_id FROM audit_events WHERE action = $1 AND target_id = $2',
    [action, targetId],
  );

async function submit(over: Record<string, unknown> = {}, lang?: 'ru' | 'kk' | 'en') {
  const c = await signedIn('requester', lang);
  const res = await c.post('/api/v1/bank-requests', requestBody(over));
  expect(res.statusCode).toBe(201);
  return res.json().request as { id: string; bic: string; status: string };
}

describe('«Добавление банка» requests', () => {
  it('a sent request is «На утверждении» and listed in «Мои заявки на регистрацию банка»; journaled', async () => {
    const c = await signedIn('requester');
    const body = requestBody({ bic: ` ${nextBic().toLowerCase()} ` });
    const res = await c.post('/api/v1/bank-requests', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toBe('Данные успешно отправлены администратору');
    const request = res.json().request;
    expect(request).toMatchObject({
      status: 'pending',
      bic: body.bic.trim().toUpperCase(),
      rejectReason: null,
    });
    const mine = (await c.get('/api/v1/bank-requests')).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toContain(request.id);
    expect(await journal('bank_request.create', request.id)).toEqual([{ actor_user_id: ids.requester }]);
    // Another user's list does not show it.
    const other = await signedIn('other');
    expect((await other.get('/api/v1/bank-requests')).json().items).toEqual([]);
  });

  it('refuses a malformed BIC or bank code, and an unknown country or KATO (400, nothing written)', async () => {
    const c = await signedIn('requester');
    const before = await requests();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ bic: 'HSBK-KZKX' }, 'bic', bankingMessagesRu.bic_invalid],
      [{ bic: 'HSBKKZK' }, 'bic', bankingMessagesRu.bic_invalid],
      [{ bankCode: '12345678' }, 'bankCode', bankingMessagesRu.bank_code_invalid],
    ];
    for (const [over, field, message] of cases) {
      const res = await c.post('/api/v1/bank-requests', requestBody(over));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[field]).toBe(message);
    }
    for (const over of [{ countryCode: '999' }, { kato: '999999999' }]) {
      const res = await c.post('/api/v1/bank-requests', requestBody(over));
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(Object.keys(over));
    }
    expect(await requests()).toBe(before);
  });

  it('refuses a BIC already in the directory or already pending (409, nothing written)', async () => {
    const c = await signedIn('requester');
    const pending = await submit();
    const before = await requests();
    const inDirectory = await c.post('/api/v1/bank-requests', requestBody({ bic: TEST_DIRECTORY.bank.code }));
    expect(inDirectory.statusCode).toBe(409);
    expect(inDirectory.json().error.code).toBe('bank_bic_exists');
    const twice = await c.post('/api/v1/bank-requests', requestBody({ bic: pending.bic }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('bank_request_pending_bic');
    expect(await requests()).toBe(before);
  });

  it('a request for another organisation than the caller’s is 404', async () => {
    const c = await signedIn('other');
    const before = await requests();
    const res = await c.post('/api/v1/bank-requests', requestBody());
    expect(res.statusCode).toBe(404);
    expect(await requests()).toBe(before);
  });
});

describe('the administrator’s queue', () => {
  it('only administrators see and decide requests (401 / 403, nothing changed)', async () => {
    const request = await submit();
    const anonymous = apiClient(t.app);
    await anonymous.init();
    expect((await anonymous.get('/api/v1/admin/bank-requests')).statusCode).toBe(401);
    const c = await signedIn('requester');
    const before = await requests();
    for (const res of [
      await c.get('/api/v1/admin/bank-requests'),
      await c.post(`/api/v1/admin/bank-requests/${request.id}/approve`),
      await c.post(`/api/v1/admin/bank-requests/${request.id}/reject`, { reason: 'нет' }),
    ])
      expect(res.statusCode).toBe(403);
    expect(await requests()).toBe(before);
    expect(await t.ctx.directories.get('banks', request.bic)).toBeNull();
  });

  it('approve: the bank enters the directory, the request is «Утверждено», the requester is emailed in kk; the bank serves an account', async () => {
    const request = await submit({}, 'kk');
    const admin = await signedIn('admin');
    const queue = (await admin.get('/api/v1/admin/bank-requests?status=pending')).json().items;
    expect(queue.find((r: { id: string }) => r.id === request.id)).toMatchObject({
      requesterEmail: EMAIL.requester,
      organizationId: orgId,
    });
    const mailsBefore = (await mailsTo(EMAIL.requester)).length;

    const res = await admin.post(`/api/v1/admin/bank-requests/${request.id}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved' });
    expect(res.json().decidedAt).toBeTruthy();
    const entry = await t.ctx.directories.get('banks', request.bic);
    expect(entry).toMatchObject({
      nameRu: 'АО «Новый банк»',
      nameKk: 'Жаңа банк АҚ',
      active: true,
      attrs: { bic: request.bic, bankCode: '955', headOffice: true, resident: true },
    });
    expect(await journal('bank_request.approve', request.id)).toEqual([{ actor_user_id: ids.admin }]);

    const mails = await mailsTo(EMAIL.requester);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails[0].subject).toBe(bankingMessagesKk.bank_request_approved_subject);
    expect(mails[0].bodyText).toContain(request.bic);

    const again = await admin.post(`/api/v1/admin/bank-requests/${request.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('bank_request_decided');
    const rejectLate = await admin.post(`/api/v1/admin/bank-requests/${request.id}/reject`, {
      reason: 'поздно',
    });
    expect(rejectLate.statusCode).toBe(409);
    expect((await mailsTo(EMAIL.requester)).length).toBe(mailsBefore + 1);

    // «после этого необходимо воспользоваться инструкцией по добавлению счета»
    const requester = await signedIn('requester');
    const account = await requester.post(`/api/v1/organizations/${orgId}/bank-accounts`, {
      number: kzIban('955', 'NEW0000000001'),
      bankCode: request.bic,
      accountType: TEST_DIRECTORY.accountType,
    });
    expect(account.statusCode).toBe(201);
    expect(account.json()).toMatchObject({ bic: request.bic, bankName: 'АО «Новый банк»', kbe: '17' });
    // «Мои заявки»: status Утверждено.
    const mine = (await requester.get('/api/v1/bank-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id).status).toBe('approved');
  });

  it('reject needs a reason; the request is «Отклонено» with its «Причина», the requester is emailed in ru', async () => {
    const request = await submit();
    const admin = await signedIn('admin');
    const before = await requests();
    const empty = await admin.post(`/api/v1/admin/bank-requests/${request.id}/reject`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.reason).toBe(bankingMessagesRu.bank_request_reason_required);
    expect(await requests()).toBe(before);

    const reason = 'БИК не найден в справочнике Национального Банка';
    const res = await admin.post(`/api/v1/admin/bank-requests/${request.id}/reject`, { reason });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: reason });
    expect(await t.ctx.directories.get('banks', request.bic)).toBeNull();
    const [mail] = await mailsTo(EMAIL.requester);
    expect(mail.subject).toBe(bankingMessagesRu.bank_request_rejected_subject);
    expect(mail.bodyText).toContain(reason);
    expect(await journal('bank_request.reject', request.id)).toEqual([{ actor_user_id: ids.admin }]);
    const mine = (await (await signedIn('requester')).get('/api/v1/bank-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id)).toMatchObject({
      status: 'rejected',
      rejectReason: reason,
    });

    // A rejected BIC may be requested again.
    expect((await submit({ bic: request.bic })).status).toBe('pending');
  });

  it('two approvals at once: one wins, the other is 409; one directory entry, one email', async () => {
    const request = await submit();
    const [first, second] = [await signedIn('admin'), await signedIn('admin')];
    const mailsBefore = (await mailsTo(EMAIL.requester)).length;
    const answers = await Promise.all([
      first.post(`/api/v1/admin/bank-requests/${request.id}/approve`),
      second.post(`/api/v1/admin/bank-requests/${request.id}/approve`),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('bank_request_decided');
    expect(await t.ctx.directories.get('banks', request.bic)).not.toBeNull();
    expect((await mailsTo(EMAIL.requester)).length).toBe(mailsBefore + 1);
    expect(await journal('bank_request.approve', request.id)).toHaveLength(1);
  });

  it('approving a BIC that entered the directory meanwhile is 409; the request stays «На утверждении»', async () => {
    const request = await submit();
    await t.ctx.directories.upsert(
      'banks',
      {
        code: request.bic,
        nameRu: 'Банк, добавленный администратором',
        nameKk: 'Әкімші қосқан банк',
        attrs: { bic: request.bic, bankCode: '954', headOffice: true, resident: true },
      },
      { accountId: ids.admin, lang: 'ru' },
    );
    const admin = await signedIn('admin');
    const res = await admin.post(`/api/v1/admin/bank-requests/${request.id}/approve`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('bank_bic_exists');
    const mine = (await (await signedIn('requester')).get('/api/v1/bank-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id).status).toBe('pending');
    expect((await t.ctx.directories.get('banks', request.bic))?.nameRu).toBe(
      'Банк, добавленный администратором',
    );
  });

  it('the queue filters by status', async () => {
    const admin = await signedIn('admin');
    for (const status of ['pending', 'approved', 'rejected'] as const) {
      const items = (await admin.get(`/api/v1/admin/bank-requests?status=${status}`)).json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((r: { status: string }) => r.status === status)).toBe(true);
    }
  });

  it('an unknown request id is 404', async () => {
    const admin = await signedIn('admin');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect((await admin.post(`/api/v1/admin/bank-requests/${id}/approve`)).statusCode).toBe(404);
    }
  });
});
