import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions, identitySnapshot } from '../identity/test-support';
import { loadDemoRegistryData } from '../registry/embedded';

const PASSWORD = 'Secret1%pass';
// АХМЕТОВА АЙГУЛЬ: in the demo registry with an identity card and an address.
const A = { iin: '871008401427', email: 'aigul@example.kz', surname: 'АХМЕТОВА', firstName: 'АЙГУЛЬ' };
const B = { iin: '800416300257', email: 'daniyar@example.kz', surname: 'ОМАРОВ', firstName: 'ДАНИЯР' };
const KATO = '751110000';

let t: TestApp;
let a: ReturnType<typeof apiClient>;
let b: ReturnType<typeof apiClient>;

async function signIn(login: string) {
  const client = apiClient(t.app);
  await client.init();
  const res = await client.post('/api/v1/auth/login/password', { login, password: PASSWORD });
  expect(res.statusCode).toBe(200);
  return client;
}

const put = (client: ReturnType<typeof apiClient>, url: string, payload: unknown) =>
  client.request({ method: 'PUT', url, payload: payload as object });
const del = (client: ReturnType<typeof apiClient>, url: string) => client.request({ method: 'DELETE', url });

async function profileRows() {
  const [documents, contacts] = await Promise.all([
    t.database.query('SELECT * FROM profile_documents ORDER BY id'),
    t.database.query('SELECT * FROM profile_contacts ORDER BY id'),
  ]);
  return { documents, contacts, identity: await identitySnapshot(t.database) };
}

const idCard = {
  type: 'id_card',
  number: '012345678',
  issueDate: '2021-05-04',
  expiryDate: '2031-05-03',
  issuer: 'МВД РК',
};
const address = {
  countryCode: '398',
  kato: KATO,
  street: 'ул. Абая',
  house: '10',
  apartment: '5',
  phone: '8 727 123 45 67',
};

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoRegistryData(t.database.db);
  for (const p of [A, B])
    await t.ctx.identity.createAccount({
      kind: 'individual',
      ...p,
      password: PASSWORD,
      mobilePhone: '+77011234567',
    });
  [a, b] = await Promise.all([signIn(A.iin), signIn(B.iin)]);
}, 60_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.database.query('DELETE FROM profile_documents');
  await t.database.query('DELETE FROM profile_contacts');
});

describe('registration data', () => {
  it('shows the account with the birth date from the registry, the email state and the country', async () => {
    const res = await a.get('/api/v1/profile');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      iin: A.iin,
      surname: A.surname,
      firstName: A.firstName,
      birthDate: '1987-10-08',
      email: A.email,
      emailConfirmed: false,
      mobilePhone: '+77011234567',
      country: { code: '398' },
    });
    expect(body.country.name).toMatch(/Казахстан/);
    expect(Date.parse(body.registeredAt)).not.toBeNaN();
  });

  it('needs a session', async () => {
    const anonymous = apiClient(t.app);
    expect((await anonymous.get('/api/v1/profile')).statusCode).toBe(401);
  });

  it('«Редактировать данные»: a new email is not confirmed any more, phones are normalised, journaled', async () => {
    const account = (await t.ctx.identity.findByIin(A.iin))!;
    await t.ctx.identity.markEmailActivated(account.id);
    expect((await a.get('/api/v1/profile')).json().emailConfirmed).toBe(true);

    const res = await put(a, '/api/v1/profile', {
      email: 'Aigul.New@Example.kz',
      mobilePhone: '8 (705) 111-22-33',
      workPhone: '+7 7172 55 66 77',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      email: 'aigul.new@example.kz',
      emailConfirmed: false,
      mobilePhone: '+77051112233',
      workPhone: '+77172556677',
    });
    const events = await auditActions(t.database, 'profile.update');
    expect(events.at(-1)).toMatchObject({
      result: 'success',
      details: { changed: ['email', 'mobilePhone', 'workPhone'] },
    });
    // Back to the original address for the other tests.
    expect(
      (await put(a, '/api/v1/profile', { email: A.email, mobilePhone: '+77011234567' })).statusCode,
    ).toBe(200);
  });

  it('keeps the confirmation when the email stays the same', async () => {
    const account = (await t.ctx.identity.findByIin(A.iin))!;
    await t.ctx.identity.markEmailActivated(account.id);
    const res = await put(a, '/api/v1/profile', {
      email: A.email.toUpperCase(),
      mobilePhone: '+7 701 123 45 67',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().emailConfirmed).toBe(true);
  });

  it('refuses a missing email, a bad mobile, a bad work phone and a taken email, writing nothing', async () => {
    const before = await profileRows();
    const journal = (await auditActions(t.database, 'profile.update')).length;
    const missing = await put(a, '/api/v1/profile', { mobilePhone: '+77011234567' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['email']);

    const bad = await put(a, '/api/v1/profile', {
      email: B.email,
      mobilePhone: '+7 7172 12 34 56',
      workPhone: '123',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'validation_failed',
      fields: {
        email: 'Этот адрес электронной почты уже используется другой учетной записью',
        mobilePhone: 'Укажите мобильный номер в формате +7 7XX XXX XX XX',
        workPhone: 'Укажите номер телефона в формате +7 XXX XXX XX XX',
      },
    });
    const en = await a.request({
      method: 'PUT',
      url: '/api/v1/profile',
      payload: { email: B.email, mobilePhone: '+77011234567' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.fields.email).toBe('This email address is already used by another account');
    expect(await profileRows()).toEqual(before);
    expect(await auditActions(t.database, 'profile.update')).toHaveLength(journal);
  });
});

describe('passport data', () => {
  it('lists the registry document read-only with its source and adds, edits and deletes manual ones', async () => {
    const list = (await a.get('/api/v1/profile/documents')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ source: 'registry', editable: false, type: 'id_card', number: '045123456' }),
    ]);

    const created = await a.post('/api/v1/profile/documents', { ...idCard, series: '' });
    expect(created.statusCode).toBe(201);
    const doc = created.json();
    expect(doc).toMatchObject({ source: 'manual', editable: true, ...idCard, series: null });
    expect(doc.typeName).toBeTruthy();

    const edited = await put(a, `/api/v1/profile/documents/${doc.id}`, {
      ...idCard,
      type: 'foreign_passport',
      number: 'n1234567',
      series: 'ab',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ type: 'foreign_passport', number: 'N1234567', series: 'AB' });

    const after = (await a.get('/api/v1/profile/documents')).json().items;
    expect(after.map((d: { source: string }) => d.source)).toEqual(['registry', 'manual']);

    expect((await del(a, `/api/v1/profile/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await a.get('/api/v1/profile/documents')).json().items).toHaveLength(1);
    for (const action of ['profile.document.create', 'profile.document.update', 'profile.document.delete'])
      expect((await auditActions(t.database, action)).at(-1)?.result).toBe('success');
  });

  it('refuses to change or delete a registry document', async () => {
    const before = await profileRows();
    const edit = await put(a, '/api/v1/profile/documents/registry-1', idCard);
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('profile_registry_read_only');
    expect((await del(a, '/api/v1/profile/documents/registry-1')).statusCode).toBe(403);
    expect(await profileRows()).toEqual(before);
  });

  it('refuses bad input naming every field, writing nothing', async () => {
    const before = await profileRows();
    const journal = (await auditActions(t.database, 'profile.document.create')).length;
    const res = await a.post('/api/v1/profile/documents', {
      type: 'driver_licence',
      series: 'TOO-LONG-SERIES',
      number: '',
      issueDate: '2099-01-01',
      expiryDate: '2020-02-30',
      issuer: '',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(
      ['expiryDate', 'issueDate', 'issuer', 'number', 'series', 'type'].sort(),
    );
    const shapes = await a.post('/api/v1/profile/documents', {
      ...idCard,
      number: '12345',
      issueDate: '1980-01-01',
      expiryDate: '1979-01-01',
    });
    expect(shapes.json().error.fields).toEqual({
      number: 'Номер удостоверения личности состоит из 9 цифр',
      issueDate: 'Дата выдачи не может быть раньше даты рождения',
      expiryDate: 'Срок действия должен заканчиваться позже даты выдачи',
    });
    const duplicate = await a.post('/api/v1/profile/documents', { ...idCard, number: '045123456' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields.number).toBe(
      'Документ с этим видом и номером уже есть в паспортных данных',
    );
    expect(await profileRows()).toEqual(before);
    expect(await auditActions(t.database, 'profile.document.create')).toHaveLength(journal);
  });
});

describe('contact data', () => {
  it('lists the registry address read-only and adds, edits and deletes manual addresses', async () => {
    const list = (await a.get('/api/v1/profile/contacts')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ source: 'registry', editable: false, countryCode: '398' }),
    ]);

    const created = await a.post('/api/v1/profile/contacts', address);
    expect(created.statusCode).toBe(201);
    const contact = created.json();
    expect(contact).toMatchObject({ source: 'manual', editable: true, kato: KATO, phone: '+77271234567' });
    expect(contact.address).toContain('ул. Абая');

    const edited = await put(a, `/api/v1/profile/contacts/${contact.id}`, {
      ...address,
      countryCode: '643',
      kato: KATO,
      phone: '+7 (495) 123-45-67',
      apartment: '',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      countryCode: '643',
      kato: null,
      apartment: null,
      phone: '+74951234567',
    });

    expect((await del(a, `/api/v1/profile/contacts/${contact.id}`)).statusCode).toBe(200);
    expect((await a.get('/api/v1/profile/contacts')).json().items).toHaveLength(1);
    for (const action of ['profile.contact.create', 'profile.contact.update', 'profile.contact.delete'])
      expect((await auditActions(t.database, action)).at(-1)?.result).toBe('success');
  });

  it('refuses bad input naming every field, and the registry address, writing nothing', async () => {
    const before = await profileRows();
    const res = await a.post('/api/v1/profile/contacts', {
      countryCode: '999',
      street: '',
      house: '',
      apartment: 'x'.repeat(21),
      phone: 'call me',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(
      ['apartment', 'countryCode', 'house', 'phone', 'street'].sort(),
    );
    const badKato = await a.post('/api/v1/profile/contacts', { ...address, kato: '123456789' });
    expect(badKato.json().error.fields).toEqual({ kato: 'Выберите населенный пункт из справочника КАТО' });
    const noKato = await a.post('/api/v1/profile/contacts', { ...address, kato: '' });
    expect(noKato.json().error.fields).toEqual({ kato: 'Для адреса в Казахстане укажите КАТО' });
    expect((await put(a, '/api/v1/profile/contacts/registry-1', address)).statusCode).toBe(403);
    expect((await del(a, '/api/v1/profile/contacts/registry-1')).statusCode).toBe(403);
    expect(await profileRows()).toEqual(before);
  });
});

describe('owner only', () => {
  it("user B can neither read nor change nor delete user A's rows by id (404, nothing changed)", async () => {
    const doc = (await a.post('/api/v1/profile/documents', idCard)).json();
    const contact = (await a.post('/api/v1/profile/contacts', address)).json();
    const before = await profileRows();
    const attempts = [
      b.get(`/api/v1/profile/documents/${doc.id}`),
      put(b, `/api/v1/profile/documents/${doc.id}`, { ...idCard, number: '999999999' }),
      del(b, `/api/v1/profile/documents/${doc.id}`),
      b.get(`/api/v1/profile/contacts/${contact.id}`),
      put(b, `/api/v1/profile/contacts/${contact.id}`, { ...address, street: 'чужая' }),
      del(b, `/api/v1/profile/contacts/${contact.id}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await profileRows()).toEqual(before);
    // B's own lists hold none of A's rows.
    const bDocs = (await b.get('/api/v1/profile/documents')).json().items;
    expect(bDocs.some((d: { id: string }) => d.id === doc.id)).toBe(false);
    const bContacts = (await b.get('/api/v1/profile/contacts')).json().items;
    expect(bContacts.some((c: { id: string }) => c.id === contact.id)).toBe(false);
    // A still reads its own.
    expect((await a.get(`/api/v1/profile/documents/${doc.id}`)).statusCode).toBe(200);
  });
});
