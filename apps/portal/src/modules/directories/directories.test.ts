import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions } from '../identity/test-support';
import { DEMO_REGISTRY_IINS } from '../registry/demo-data';
import { loadDirectoryData } from './data';
import { seedDirectories } from './seed';

const PASSWORD = 'Dir3ctory%pass';
const ADMIN_IIN = DEMO_REGISTRY_IINS.entrepreneur;
const USER_IIN = DEMO_REGISTRY_IINS.individual;

let t: TestApp;
let admin: ReturnType<typeof apiClient>;
let user: ReturnType<typeof apiClient>;

async function loggedIn(iin: string) {
  const c = apiClient(t.app);
  await c.init();
  const res = await c.post('/api/v1/auth/login/password', { login: iin, password: PASSWORD });
  expect(res.statusCode).toBe(200);
  return c;
}
const put = (c: ReturnType<typeof apiClient>, url: string, payload: unknown) =>
  c.request({ method: 'PUT', url, payload: payload as never });

const entries = () =>
  t.database.query<{ kind: string; code: string; name_ru: string; source: string }>(
    'SELECT kind, code, name_ru, source, attrs FROM directory_entries ORDER BY kind, code',
  );

const newBank = {
  code: 'TESTKZKA',
  nameRu: 'АО «Тестовый банк»',
  nameKk: '«Тест банкі» АҚ',
  attrs: { bic: 'TESTKZKA', bankCode: '123', headOffice: true, resident: true, addressRu: 'г. Астана' },
};

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: ADMIN_IIN,
    roles: ['user', 'admin'],
    password: PASSWORD,
  });
  await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: USER_IIN,
    roles: ['user'],
    password: PASSWORD,
  });
  admin = await loggedIn(ADMIN_IIN);
  user = await loggedIn(USER_IIN);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('seed', () => {
  it('loads every data file at migration; a second run with unchanged files writes nothing', async () => {
    const data = loadDirectoryData();
    const counts = await t.database.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM directory_entries GROUP BY kind',
    );
    for (const [kind, rows] of Object.entries(data.byKind))
      expect(counts.find((c) => c.kind === kind)?.n, kind).toBe(rows.length);
    expect(await seedDirectories(t.database.db)).toEqual({ skipped: true, rows: 0 });
  });

  it('a changed data set refreshes seed rows but keeps what an administrator edited', async () => {
    await admin.request({
      method: 'PUT',
      url: '/api/v1/directories/kse/7',
      payload: { nameRu: 'Частный сектор (правка)', nameKk: 'Жеке сектор', attrs: { sectorDigit: '7' } },
    });
    await t.database.query(
      "UPDATE directory_entries SET name_ru = 'stale' WHERE kind = 'kse' AND code = '9'",
    );
    await t.database.query("UPDATE directory_seed_state SET digest = 'old'");
    const result = await seedDirectories(t.database.db);
    expect(result.skipped).toBe(false);
    const [seven, nine] = await t.database.query<{ name_ru: string; source: string }>(
      "SELECT name_ru, source FROM directory_entries WHERE kind = 'kse' AND code IN ('7', '9') ORDER BY code",
    );
    expect(seven).toEqual({ name_ru: 'Частный сектор (правка)', source: 'admin' });
    expect(nine).toEqual({ name_ru: 'Домашние хозяйства', source: 'seed' });
  });
});

describe('reads', () => {
  it('lists with q over ru/kk/en/code, case-insensitively, and the name in the request language', async () => {
    const byRu = await user.get('/api/v1/directories/countries?q=КАЗАХ');
    expect(byRu.statusCode).toBe(200);
    expect(byRu.json().items.map((e: { code: string }) => e.code)).toContain('398');
    const byKk = (await user.get('/api/v1/directories/countries?q=қазақстан')).json().items;
    expect(byKk.map((e: { code: string }) => e.code)).toEqual(['398']);
    const byEn = await user.get('/api/v1/directories/countries?q=kazakh', { 'accept-language': 'en' });
    expect(byEn.json().items[0]).toMatchObject({ code: '398', name: 'Kazakhstan' });
    const kk = await user.get('/api/v1/directories/countries/398', { 'accept-language': 'kk' });
    expect(kk.json()).toMatchObject({
      code: '398',
      name: 'Қазақстан',
      attrs: { alpha2: 'KZ', alpha3: 'KAZ' },
    });
    const byBic = (await user.get('/api/v1/directories/banks?q=hsbkkzkx')).json().items;
    expect(byBic.map((e: { code: string }) => e.code)).toEqual(['HSBKKZKX']);
    const wildcard = (await user.get(`/api/v1/directories/banks?q=${encodeURIComponent('%')}`)).json().items;
    expect(wildcard).toEqual([]);
  });

  it('walks the KATO tree: regions, then the children of one', async () => {
    const regions = (await user.get('/api/v1/directories/kato?roots=1')).json().items;
    expect(regions.every((r: { parentCode: string | null }) => r.parentCode === null)).toBe(true);
    expect(regions.map((r: { code: string }) => r.code)).toContain('710000000');
    expect(regions.every((r: { hasChildren: boolean }) => r.hasChildren)).toBe(true);
    const astana = (await user.get('/api/v1/directories/kato?parent=710000000')).json().items;
    expect(astana.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['711110000', '711210000']),
    );
    expect(astana.every((r: { parentCode: string }) => r.parentCode === '710000000')).toBe(true);
  });

  it('refuses an unknown kind (404) and answers 404 for an unknown code', async () => {
    const res = await user.get('/api/v1/directories/planets');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('directory_unknown');
    expect((await user.get('/api/v1/directories/banks/NOPEKZKA')).statusCode).toBe(404);
  });

  it('require() names the field when a code is unknown', async () => {
    await expect(t.ctx.directories.require('kopf', '20', 'kopf', 'ru')).resolves.toMatchObject({
      code: '20',
    });
    await expect(t.ctx.directories.require('kopf', '9999', 'kopf', 'ru')).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      fields: { kopf: 'Значение отсутствует в справочнике' },
    });
  });
});

describe('admin writes', () => {
  it('an administrator adds a bank (journaled); it is listed and found', async () => {
    const res = await admin.post('/api/v1/directories/banks', newBank);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'TESTKZKA', source: 'admin', attrs: { bankCode: '123' } });
    expect((await user.get('/api/v1/directories/banks?q=тестовый')).json().items).toHaveLength(1);
    const journal = await auditActions(t.database, 'directory.entry.create');
    expect(journal.at(-1)).toMatchObject({
      result: 'success',
      details: { after: { nameRu: 'АО «Тестовый банк»' } },
    });
  });

  it('an administrator edits an entry (journaled with before and after)', async () => {
    const res = await put(admin, '/api/v1/directories/banks/TESTKZKA', {
      ...newBank,
      code: undefined,
      nameRu: 'АО «Тестовый банк 2»',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().nameRu).toBe('АО «Тестовый банк 2»');
    const journal = await auditActions(t.database, 'directory.entry.update');
    expect(journal.at(-1)?.details).toMatchObject({
      before: { nameRu: 'АО «Тестовый банк»' },
      after: { nameRu: 'АО «Тестовый банк 2»' },
    });
  });

  it('refuses, writing nothing: non-admin 403, anonymous 401, unknown kind 404, duplicate 409, bad BIC 400', async () => {
    const before = await entries();
    const journalBefore = (await auditActions(t.database, 'directory.entry.create')).length;

    const asUser = await user.post('/api/v1/directories/banks', { ...newBank, code: 'USERKZKA' });
    expect(asUser.statusCode).toBe(403);
    const anonymous = apiClient(t.app);
    await anonymous.init();
    expect((await anonymous.post('/api/v1/directories/banks', newBank)).statusCode).toBe(401);
    const unknownKind = await admin.post('/api/v1/directories/planets', newBank);
    expect(unknownKind.statusCode).toBe(404);
    const duplicate = await admin.post('/api/v1/directories/banks', newBank);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('directory_code_taken');

    const badBic = await admin.post('/api/v1/directories/banks', {
      ...newBank,
      code: 'BAD-BIC',
      attrs: { ...newBank.attrs, bic: 'BAD-BIC', bankCode: '12' },
    });
    expect(badBic.statusCode).toBe(400);
    expect(badBic.json().error.code).toBe('validation_failed');
    expect(Object.keys(badBic.json().error.fields).sort()).toEqual(['attrs.bankCode', 'attrs.bic', 'code']);

    const orphan = await admin.post('/api/v1/directories/kato', {
      code: '711999999',
      parentCode: '719999000',
      nameRu: 'Нет родителя',
      nameKk: 'Ата-анасы жоқ',
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.fields).toHaveProperty('parentCode');

    const missingName = await admin.post('/api/v1/directories/kfs', { code: '99', nameRu: 'Только ru' });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json().error.fields).toHaveProperty('nameKk');

    const notFound = await put(admin, '/api/v1/directories/banks/NONEKZKA', { ...newBank, code: undefined });
    expect(notFound.statusCode).toBe(404);

    expect(await entries()).toEqual(before);
    expect((await auditActions(t.database, 'directory.entry.create')).length).toBe(journalBefore);
  });

  it('adds a settlement under a KATO district; the picker then finds it as a child', async () => {
    const res = await admin.post('/api/v1/directories/kato', {
      code: '711210100',
      parentCode: '711210000',
      nameRu: 'Жилой массив (тест)',
      nameKk: 'Тұрғын алап (тест)',
    });
    expect(res.statusCode).toBe(201);
    const children = (await user.get('/api/v1/directories/kato?parent=711210000')).json().items;
    expect(children.map((c: { code: string }) => c.code)).toContain('711210100');
    const district = (await user.get('/api/v1/directories/kato?parent=710000000')).json().items;
    expect(district.find((d: { code: string }) => d.code === '711210000').hasChildren).toBe(true);
  });

  it('a deactivated entry leaves the lists and require(), but stays readable by code', async () => {
    const asUser = await put(user, '/api/v1/directories/account_types/escrow', {
      nameRu: 'x',
      nameKk: 'x',
      active: false,
    });
    expect(asUser.statusCode).toBe(403);
    const res = await put(admin, '/api/v1/directories/account_types/escrow', {
      nameRu: 'Эскроу-счет',
      nameKk: 'Эскроу-шот',
      active: false,
    });
    expect(res.statusCode).toBe(200);
    const listed = (await user.get('/api/v1/directories/account_types')).json().items;
    expect(listed.map((e: { code: string }) => e.code)).not.toContain('escrow');
    const all = (await user.get('/api/v1/directories/account_types?includeInactive=1')).json().items;
    expect(all.map((e: { code: string }) => e.code)).toContain('escrow');
    expect((await user.get('/api/v1/directories/account_types/escrow')).json().active).toBe(false);
    await expect(t.ctx.directories.require('account_types', 'escrow', 'type', 'kk')).rejects.toMatchObject({
      fields: { type: 'Мән анықтамалықта жоқ' },
    });
  });

  it('countries come sorted by their name in the request language', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      const names = (await user.get('/api/v1/directories/countries', { 'accept-language': lang }))
        .json()
        .items.map((e: { name: string }) => e.name);
      expect(names.length).toBeGreaterThanOrEqual(249);
      expect(names).toEqual([...names].sort(new Intl.Collator(lang).compare));
    }
  });

  it('upsert (e.g. an approved bank request) adds, then edits', async () => {
    const actor = { accountId: (await t.ctx.identity.findByIin(ADMIN_IIN))!.id, lang: 'ru' as const };
    const bank = { ...newBank, code: 'UPSRKZKA', attrs: { ...newBank.attrs, bic: 'UPSRKZKA' } };
    await t.ctx.directories.upsert('banks', bank, actor);
    await t.ctx.directories.upsert('banks', { ...bank, nameRu: 'АО «Обновлен»' }, actor);
    expect((await t.ctx.directories.get('banks', 'UPSRKZKA'))?.nameRu).toBe('АО «Обновлен»');
    await expect(t.ctx.directories.upsert('banks', { ...bank, nameKk: '' }, actor)).rejects.toMatchObject({
      status: 400,
      fields: { nameKk: expect.any(String) },
    });
  });
});
