import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { createTestOrganization } from '../organizations/test-support';
import { bankingMessagesRu } from './messages';
import { installBankingDirectories, kzIban, TEST_DIRECTORY } from './test-support';

const PASSWORD = 'Secret1%pass';
const IIN = { admin: '871008401427', employee: '900101300011', strangerAdmin: '900101300012' };
const { bank, otherBank, accountType } = TEST_DIRECTORY;
let t: TestApp;
const ids: Record<keyof typeof IIN, string> = { admin: '', employee: '', strangerAdmin: '' };
let orgA: string;
let orgB: string;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const key of Object.keys(IIN) as (keyof typeof IIN)[]) {
    ids[key] = (
      await t.ctx.identity.createAccount({ kind: 'individual', iin: IIN[key], password: PASSWORD })
    ).id;
  }
  await installBankingDirectories(t, ids.admin);
  orgA = (await createOrg(ids.admin, { kse: TEST_DIRECTORY.kse7 })).organization.id;
  await t.ctx.organizations.addMember({
    organizationId: orgA,
    accountId: ids.employee,
    rights: ['employee'],
    status: 'active',
  });
  orgB = (await createOrg(ids.strangerAdmin, { kse: TEST_DIRECTORY.kse1 })).organization.id;
}, 60_000);
afterAll(() => t?.close());

/** An organisation (resident unless told) with the given КСЕ, `adminAccountId` its Администратор организации. */
async function createOrg(adminAccountId: string, opts: { kse: string | null; resident?: boolean }) {
  const created = await createTestOrganization(t, { adminAccountId });
  await t.database.query('UPDATE organizations SET kse = $1, resident = $2 WHERE id = $3', [
    opts.kse,
    opts.resident ?? true,
    created.organization.id,
  ]);
  return created;
}

async function signedIn(key: keyof typeof IIN) {
  const c = apiClient(t.app);
  await c.init();
  expect(
    (await c.post('/api/v1/auth/login/password', { login: IIN[key], password: PASSWORD })).statusCode,
  ).toBe(200);
  const send = (method: 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    c.request({ method, url, payload: payload as never });
  return {
    ...c,
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    del: (url: string) => send('DELETE', url),
  };
}

/** A new IBAN of the test bank on every call. */
const nextIban = (bankCode: string = bank.bankCode) =>
  kzIban(bankCode, `TST${String(++counter).padStart(10, '0')}`);

const accountBody = (over: Record<string, unknown> = {}) => ({
  number: nextIban(),
  bankCode: bank.code,
  accountType,
  ...over,
});

const url = (org: string, id?: string) => `/api/v1/organizations/${org}/bank-accounts${id ? `/${id}` : ''}`;

const accountsOf = (org: string) =>
  t.database.query<{ id: string; number: string; is_default: boolean; bank_code: string; kbe: string }>(
    'SELECT id, number, is_default, bank_code, kbe FROM bank_accounts WHERE organization_id = $1 ORDER BY created_at, id',
    [org],
  );
const snapshot = () =>
  t.database.query('SELECT * FROM bank_accounts ORDER BY id').then((rows) => JSON.stringify(rows));
const journal = (action: string, targetId: string) =>
  t.database.query<{ actor_user_id: string; organization_id: string; details: Record<string, unknown> }>(
    'SELECT actor_user_id, organization_id, details FROM audit_events WHERE action = $1 AND target_id = $2',
    [action, targetId],
  );

describe('bank accounts of an organisation', () => {
  it('starts empty, with the КБе a new account gets (resident 1 + КСЕ sector 7)', async () => {
    const c = await signedIn('admin');
    const res = await c.get(url(orgA));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      items: [],
      kbe: '17',
      kbeName: 'Негосударственные нефинансовые организации',
    });
  });

  it('adds the first account as the default, with BIC, КБе and the bank from the directory; journaled', async () => {
    const c = await signedIn('admin');
    const number = nextIban();
    const spaced = number.replace(/(.{4})/g, '$1 ').toLowerCase();
    const res = await c.post(url(orgA), accountBody({ number: spaced, guaranteeDeposit: true }));
    expect(res.statusCode).toBe(201);
    const account = res.json();
    expect(account).toMatchObject({
      number,
      bic: bank.code,
      kbe: '17',
      bankName: `Тестовый банк ${bank.bankCode}`,
      accountTypeName: 'Расчетный счет',
      guaranteeDeposit: true,
      isDefault: true,
      source: 'manual',
    });
    expect(account.openedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [event] = await journal('org.bank_account.create', account.id);
    expect(event).toMatchObject({ actor_user_id: ids.admin, organization_id: orgA });
    expect(event.details).toMatchObject({ number, isDefault: true });

    const view = await c.get(url(orgA, account.id));
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ id: account.id, bankAddress: 'г. Астана, ул. Тестовая, 1' });
  });

  it('keeps exactly one default: a new default unsets the old one in the same write', async () => {
    const c = await signedIn('admin');
    const plain = (await c.post(url(orgA), accountBody())).json();
    expect(plain.isDefault).toBe(false);
    const chosen = (await c.post(url(orgA), accountBody({ isDefault: true }))).json();
    expect(chosen.isDefault).toBe(true);
    const rows = await accountsOf(orgA);
    expect(rows.filter((r) => r.is_default).map((r) => r.id)).toEqual([chosen.id]);

    // Choosing an existing account as the default moves the flag again.
    const res = await c.patch(url(orgA, plain.id), { isDefault: true });
    expect(res.statusCode).toBe(200);
    expect((await accountsOf(orgA)).filter((r) => r.is_default).map((r) => r.id)).toEqual([plain.id]);
    expect(await journal('org.bank_account.update', plain.id)).toHaveLength(1);
  });

  it('concurrent «По-умолчанию» saves leave exactly one default (writes of one organisation are serialised)', async () => {
    const c = await signedIn('admin');
    const org = (await createOrg(ids.admin, { kse: TEST_DIRECTORY.kse7 })).organization.id;
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => c.post(url(org), accountBody({ isDefault: true }))),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const rows = await accountsOf(org);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.is_default)).toHaveLength(1);
  });

  it('refuses to leave the organisation without a default account (409), nothing changed', async () => {
    const c = await signedIn('admin');
    const current = (await accountsOf(orgA)).find((r) => r.is_default)!;
    const before = await snapshot();
    const res = await c.patch(url(orgA, current.id), { isDefault: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'bank_account_default_required',
      message: bankingMessagesRu.bank_account_default_required,
    });
    expect(await snapshot()).toBe(before);
  });

  it('«Редактировать счет»: changes the bank, type and dates; the IBAN must match the bank', async () => {
    const c = await signedIn('admin');
    const account = (await c.post(url(orgA), accountBody())).json();
    const mismatch = await c.patch(url(orgA, account.id), { bankCode: otherBank.code });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields.number).toBe(bankingMessagesRu.iban_bank_mismatch);

    const number = nextIban(otherBank.bankCode);
    const res = await c.patch(url(orgA, account.id), {
      number,
      bankCode: otherBank.code,
      openedOn: '2018-06-24',
      closedOn: '2099-01-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      number,
      bic: otherBank.code,
      openedOn: '2018-06-24',
      closedOn: '2099-01-01',
    });
    const closedEarly = await c.patch(url(orgA, account.id), { closedOn: '2017-01-01' });
    expect(closedEarly.statusCode).toBe(400);
    expect(closedEarly.json().error.fields.closedOn).toBe(
      bankingMessagesRu.bank_account_closed_before_opened,
    );
  });

  it('deletes a manually entered account; deleting the default promotes the oldest remaining one', async () => {
    const c = await signedIn('admin');
    const current = (await accountsOf(orgA)).find((r) => r.is_default)!;
    const res = await c.del(url(orgA, current.id));
    expect(res.statusCode).toBe(204);
    const rows = await accountsOf(orgA);
    expect(rows.map((r) => r.id)).not.toContain(current.id);
    expect(rows.filter((r) => r.is_default).map((r) => r.id)).toEqual([rows[0].id]);
    const [event] = await journal('org.bank_account.delete', current.id);
    expect(event.details).toMatchObject({ number: current.number, promotedDefault: rows[0].id });
  });

  it('refuses to delete or re-number an account that was not entered manually (409), nothing changed', async () => {
    const c = await signedIn('admin');
    const number = nextIban();
    const [row] = await t.database.query<{ id: string }>(
      `INSERT INTO bank_accounts (organization_id, number, bank_code, bic, kbe, account_type, source)
       VALUES ($1, $2, $3, $3, '17', $4, 'registry') RETURNING id`,
      [orgA, number, bank.code, accountType],
    );
    const before = await snapshot();
    const del = await c.del(url(orgA, row.id));
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('bank_account_not_manual');
    const renumber = await c.patch(url(orgA, row.id), { number: nextIban() });
    expect(renumber.statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    // Its flags may still change.
    expect((await c.patch(url(orgA, row.id), { guaranteeDeposit: true })).statusCode).toBe(200);
  });
});

describe('account number and directory checks (400, nothing written)', () => {
  const refused = async (body: Record<string, unknown>, field: string, message: string) => {
    const c = await signedIn('admin');
    const before = await snapshot();
    const res = await c.post(url(orgA), accountBody(body));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields[field]).toBe(message);
    expect(await snapshot()).toBe(before);
  };

  it('wrong IBAN check digits', async () => {
    const good = nextIban();
    const bad = `KZ${String((Number(good.slice(2, 4)) + 1) % 100).padStart(2, '0')}${good.slice(4)}`;
    await refused({ number: bad }, 'number', bankingMessagesRu.iban_checksum);
  });

  it('a KZ number of the wrong length, a non-IBAN and a 35-character number', async () => {
    await refused({ number: nextIban().slice(0, 19) }, 'number', bankingMessagesRu.iban_kz_length);
    await refused({ number: '40702810900000001234' }, 'number', bankingMessagesRu.iban_format);
    await refused(
      { number: '1'.repeat(35), oldFormat: true },
      'number',
      bankingMessagesRu.account_number_too_long,
    );
  });

  it('an IBAN of another bank than the one chosen', async () => {
    await refused({ number: nextIban(otherBank.bankCode) }, 'number', bankingMessagesRu.iban_bank_mismatch);
  });

  it('a bank or account type missing from the directories', async () => {
    await refused({ bankCode: 'NONEKZKA' }, 'bankCode', bankingMessagesRu.bank_unknown);
    await refused({ accountType: 'no_such_type' }, 'accountType', bankingMessagesRu.account_type_unknown);
  });

  it('«Признак счета старого формата» accepts a non-IBAN number', async () => {
    const c = await signedIn('admin');
    const res = await c.post(url(orgA), accountBody({ number: '000467123', oldFormat: true }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: '000467123', oldFormat: true });
  });

  it('the same number twice in one organisation (409)', async () => {
    const c = await signedIn('admin');
    const number = nextIban();
    expect((await c.post(url(orgA), accountBody({ number }))).statusCode).toBe(201);
    const before = await snapshot();
    const again = await c.post(url(orgA), accountBody({ number }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('bank_account_duplicate');
    expect(await snapshot()).toBe(before);
  });

  it('КБе: 2 for a non-resident; refused while the organisation has no КСЕ', async () => {
    const c = await signedIn('admin');
    const foreign = (await createOrg(ids.admin, { kse: TEST_DIRECTORY.kse7, resident: false })).organization
      .id;
    const created = await c.post(url(foreign), accountBody());
    expect(created.statusCode).toBe(201);
    expect(created.json().kbe).toBe('27');

    const noKse = (await createOrg(ids.admin, { kse: null })).organization.id;
    const res = await c.post(url(noKse), accountBody());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.kbe).toBe(bankingMessagesRu.kbe_unknown);
    expect(await accountsOf(noKse)).toEqual([]);
  });
});

describe('who may read and write', () => {
  it('an employee without Администратор организации reads but cannot write (403, nothing changed)', async () => {
    const c = await signedIn('employee');
    const list = await c.get(url(orgA));
    expect(list.statusCode).toBe(200);
    const some = list.json().items[0];
    const before = await snapshot();
    const answers = [
      await c.post(url(orgA), accountBody()),
      await c.patch(url(orgA, some.id), { guaranteeDeposit: !some.guaranteeDeposit }),
      await c.del(url(orgA, some.id)),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await snapshot()).toBe(before);
  });

  it('401 without a session', async () => {
    const c = apiClient(t.app);
    await c.init();
    expect((await c.get(url(orgA))).statusCode).toBe(401);
  });

  it('IDOR: organisation B’s administrator gets 404 for every organisation-A account, and nothing changes', async () => {
    const c = await signedIn('strangerAdmin');
    const own = await c.post(url(orgB), accountBody());
    expect(own.statusCode).toBe(201);
    const aIds = (await accountsOf(orgA)).map((r) => r.id);
    expect(aIds.length).toBeGreaterThan(2);
    const before = await snapshot();
    const answers = [await c.get(url(orgA)), await c.post(url(orgA), accountBody())];
    for (const id of aIds) {
      // Through organisation A's path (not a member) and through B's own path (the id is not B's).
      for (const org of [orgA, orgB]) {
        answers.push(
          await c.get(url(org, id)),
          await c.patch(url(org, id), { isDefault: true, guaranteeDeposit: true, number: nextIban() }),
          await c.del(url(org, id)),
        );
      }
    }
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await snapshot()).toBe(before);
  });
});
