import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { multipartBody, samplePdf, samplePng } from '../files/test-support';
import { auditActions } from '../identity/test-support';
import { createTestOrganization } from './test-support';

const PASSWORD = 'Secret1%pass';
const IIN = {
  adminA: '871008401427',
  employeeA: '800416300257',
  headA: '760212350620',
  adminB: '750810416298',
} as const;
type Who = keyof typeof IIN;
const SAVED = 'Данные успешно сохранены';

let t: TestApp;
const account: Record<Who, string> = { adminA: '', employeeA: '', headA: '', adminB: '' };
let orgA: string;
let orgB: string;
let headMemberA: string;
let employeeMemberA: string;
let addressB: string;
const clients = new Map<Who, ReturnType<typeof apiClient>>();

beforeAll(async () => {
  t = await createTestApp();
  for (const who of Object.keys(IIN) as Who[]) {
    const a = await t.ctx.identity.createAccount({
      kind: 'individual',
      iin: IIN[who],
      password: PASSWORD,
      surname: who.toUpperCase(),
      firstName: 'ТЕСТ',
    });
    account[who] = a.id;
  }
  orgA = (await createTestOrganization(t, { adminAccountId: account.adminA, rights: ['org_admin'] }))
    .organization.id;
  orgB = (await createTestOrganization(t, { adminAccountId: account.adminB })).organization.id;
  employeeMemberA = (
    await t.ctx.organizations.addMember({
      organizationId: orgA,
      accountId: account.employeeA,
      rights: ['employee', 'supplier'],
      status: 'active',
      position: 'Менеджер',
    })
  ).id;
  headMemberA = (
    await t.ctx.organizations.addMember({
      organizationId: orgA,
      accountId: account.headA,
      rights: ['head', 'employee'],
      status: 'active',
      position: 'Директор',
    })
  ).id;
  for (const who of Object.keys(IIN) as Who[]) {
    const c = apiClient(t.app);
    await c.init();
    expect(
      (await c.post('/api/v1/auth/login/password', { login: IIN[who], password: PASSWORD })).statusCode,
    ).toBe(200);
    clients.set(who, c);
  }
  const created = await as('adminB').post(`/api/v1/organizations/${orgB}/addresses`, address());
  expect(created.statusCode, created.body).toBe(201);
  addressB = created.json().address.id;
}, 60_000);
afterAll(() => t?.close());

const as = (who: Who) => clients.get(who)!;
const put = (who: Who, url: string, payload: unknown) =>
  as(who).request({ method: 'PUT', url, payload: payload as object });
const del = (who: Who, url: string) => as(who).request({ method: 'DELETE', url });

const address = (patch: Record<string, unknown> = {}) => ({
  kind: 'legal',
  countryCode: '398',
  kato: '751110000',
  postalIndex: '050000',
  street: 'пр. Абая',
  house: '10',
  apartment: '5',
  phone: '+7 727 100 00 00',
  fax: '+7 727 100 00 01',
  ...patch,
});

/** Every organisation-owned row, to prove a refusal changed nothing. */
async function snapshot() {
  const [orgs, addresses, members] = await Promise.all([
    t.database.query('SELECT * FROM organizations ORDER BY id'),
    t.database.query('SELECT * FROM organization_addresses ORDER BY id'),
    t.database.query('SELECT * FROM organization_members ORDER BY id'),
  ]);
  return { orgs, addresses, members };
}

describe('profile view', () => {
  it('any active member reads it, with their own rights', async () => {
    const res = await as('employeeA').get(`/api/v1/organizations/${orgA}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().organization).toMatchObject({ id: orgA, myRights: ['supplier', 'employee'] });
  });
});

describe('«Редактировать данные»: email, site and phone only', () => {
  it('saves the three contacts and nothing else', async () => {
    const before = (await t.ctx.organizations.findById(orgA))!;
    const res = await put('adminA', `/api/v1/organizations/${orgA}/contacts`, {
      email: 'Info@Firm.kz',
      site: 'https://firm.kz',
      phone: '+7 727 200 00 00',
      bin: '000000000000',
      nameRu: 'Подмена',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().message).toBe(SAVED);
    const after = (await t.ctx.organizations.findById(orgA))!;
    expect(after).toMatchObject({
      email: 'info@firm.kz',
      site: 'https://firm.kz',
      phone: '+7 727 200 00 00',
    });
    expect({ bin: after.bin, nameRu: after.nameRu }).toEqual({ bin: before.bin, nameRu: before.nameRu });
    const [entry] = (await auditActions(t.database, 'org.profile.update')).slice(-1);
    expect(entry).toMatchObject({ result: 'success', details: { changed: ['email', 'site', 'phone'] } });
  });

  it('ФЛК: every bad field at once; nothing saved', async () => {
    const before = await snapshot();
    const res = await put('adminA', `/api/v1/organizations/${orgA}/contacts`, {
      email: '',
      site: 'x y',
      phone: 'abc',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['email', 'phone', 'site']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('«Атрибуты участника»', () => {
  it('saves КОПФ, form, КФС, КСЕ, КРП and the flags → «Данные успешно сохранены»', async () => {
    const res = await put('adminA', `/api/v1/organizations/${orgA}/attributes`, {
      kopf: '20',
      form: 'Коммерческая',
      kfs: '16',
      kse: '7',
      krp: '105',
      resident: true,
      smallBusiness: false,
      mediumBusiness: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().message).toBe(SAVED);
    expect(res.json().organization).toMatchObject({
      kopf: '20',
      form: 'Коммерческая',
      krp: '105',
      mediumBusiness: true,
    });
  });

  it('ФЛК: required codes, unknown codes and the size conflict together; nothing saved', async () => {
    const before = await snapshot();
    const res = await put('adminA', `/api/v1/organizations/${orgA}/attributes`, {
      kopf: '',
      kfs: '99',
      kse: '7',
      krp: 'abc',
      smallBusiness: true,
      mediumBusiness: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      kopf: 'Поле обязательно для заполнения',
      kfs: 'Значение отсутствует в справочнике',
      krp: 'Значение отсутствует в справочнике',
      mediumBusiness: 'Субъект не может быть одновременно субъектом малого и среднего предпринимательства',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('addresses («Контактные данные»)', () => {
  it('create, list, edit, delete — each journaled with the organisation', async () => {
    const created = await as('adminA').post(
      `/api/v1/organizations/${orgA}/addresses`,
      address({ kind: 'actual' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().message).toBe(SAVED);
    const id = created.json().address.id;
    const list = await as('employeeA').get(`/api/v1/organizations/${orgA}/addresses`);
    expect(list.json().addresses.map((a: { id: string }) => a.id)).toEqual([id]);

    const edited = await put(
      'adminA',
      `/api/v1/organizations/${orgA}/addresses/${id}`,
      address({ kind: 'postal', house: '12' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().address).toMatchObject({ kind: 'postal', house: '12' });

    expect((await del('adminA', `/api/v1/organizations/${orgA}/addresses/${id}`)).statusCode).toBe(200);
    expect((await as('adminA').get(`/api/v1/organizations/${orgA}/addresses`)).json().addresses).toEqual([]);
    const journal = await t.database.query<{ action: string; organization_id: string }>(
      "SELECT action, organization_id FROM audit_events WHERE action LIKE 'org.address.%' AND target_id = $1 ORDER BY id",
      [id],
    );
    expect(journal).toEqual(
      ['org.address.create', 'org.address.update', 'org.address.delete'].map((action) => ({
        action,
        organization_id: orgA,
      })),
    );
  });

  it('ФЛК: kind, street, house required; KATO required in Kazakhstan; index and KATO shapes', async () => {
    const before = await snapshot();
    const res = await as('adminA').post(`/api/v1/organizations/${orgA}/addresses`, {
      countryCode: '398',
      postalIndex: '12',
      street: '',
      phone: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual([
      'house',
      'kato',
      'kind',
      'phone',
      'postalIndex',
      'street',
    ]);
    const bad = await as('adminA').post(`/api/v1/organizations/${orgA}/addresses`, address({ kato: '12' }));
    expect(bad.json().error.fields).toEqual({ kato: 'Код КАТО состоит из 9 цифр' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('«Данные о руководителе»', () => {
  it('lists active members with the head right and sets one', async () => {
    const candidates = (await as('adminA').get(`/api/v1/organizations/${orgA}/head-candidates`)).json()
      .candidates;
    expect(candidates).toEqual([
      { memberId: headMemberA, iin: IIN.headA, fullName: 'HEADA ТЕСТ', position: 'Директор' },
    ]);
    const res = await put('adminA', `/api/v1/organizations/${orgA}/head`, { memberId: headMemberA });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().organization.head).toEqual({
      memberId: headMemberA,
      iin: IIN.headA,
      fullName: 'HEADA ТЕСТ',
      position: 'Директор',
    });
  });

  it('a head who loses the head right stays on record but is no longer the chosen member', async () => {
    await t.ctx.organizations.setRights(orgA, headMemberA, ['employee']);
    const head = (await as('adminA').get(`/api/v1/organizations/${orgA}`)).json().organization.head;
    expect(head).toEqual({ memberId: null, iin: IIN.headA, fullName: 'HEADA ТЕСТ', position: 'Директор' });
    expect(
      (await as('adminA').get(`/api/v1/organizations/${orgA}/head-candidates`)).json().candidates,
    ).toEqual([]);
    await t.ctx.organizations.setRights(orgA, headMemberA, ['head', 'employee']);
    const back = (await as('adminA').get(`/api/v1/organizations/${orgA}`)).json().organization.head;
    expect(back.memberId).toBe(headMemberA);
  });

  it('refuses a member without the head right and a member of another organisation; nothing changed', async () => {
    const before = await snapshot();
    const otherMember = (await t.ctx.organizations.membershipOf(orgB, account.adminB))!.id;
    for (const memberId of [employeeMemberA, otherMember, 'nope']) {
      const res = await put('adminA', `/api/v1/organizations/${orgA}/head`, { memberId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.memberId).toContain('Руководитель');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('authorisation', () => {
  beforeEach(async () => {
    // the employee stays a plain employee whatever a test did
    await t.ctx.organizations.setRights(orgA, employeeMemberA, ['employee', 'supplier']);
  });

  it('an employee without Администратор организации cannot edit anything (403); nothing changed', async () => {
    const [own] = (await as('adminA').get(`/api/v1/organizations/${orgA}/addresses`)).json().addresses;
    const ownId =
      own?.id ??
      (await as('adminA').post(`/api/v1/organizations/${orgA}/addresses`, address())).json().address.id;
    const before = await snapshot();
    const base = `/api/v1/organizations/${orgA}`;
    const attempts = [
      put('employeeA', `${base}/contacts`, { email: 'x@y.kz', phone: '+7 727 000 00 00' }),
      put('employeeA', `${base}/attributes`, { kopf: '20', kfs: '16', kse: '7' }),
      put('employeeA', `${base}/head`, { memberId: headMemberA }),
      as('employeeA').post(`${base}/addresses`, address()),
      put('employeeA', `${base}/addresses/${ownId}`, address()),
      del('employeeA', `${base}/addresses/${ownId}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the right granted on the next request is enough (no new login)', async () => {
    await t.ctx.organizations.setRights(orgA, employeeMemberA, ['employee', 'org_admin']);
    const res = await put('employeeA', `/api/v1/organizations/${orgA}/contacts`, {
      email: 'boss@firm.kz',
      phone: '+7 727 300 00 00',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('IDOR: organisation A cannot read or change organisation B, nor B’s address through A; nothing changed', async () => {
    const before = await snapshot();
    const b = `/api/v1/organizations/${orgB}`;
    const a = `/api/v1/organizations/${orgA}`;
    const attempts = [
      as('adminA').get(b),
      as('adminA').get(`${b}/addresses`),
      as('adminA').get(`${b}/head-candidates`),
      put('adminA', `${b}/contacts`, { email: 'evil@x.kz', phone: '+7 727 000 00 00' }),
      put('adminA', `${b}/attributes`, { kopf: '20', kfs: '16', kse: '7' }),
      as('adminA').post(`${b}/addresses`, address()),
      put('adminA', `${b}/addresses/${addressB}`, address({ street: 'evil' })),
      del('adminA', `${b}/addresses/${addressB}`),
      // B's address id under A's organisation
      put('adminA', `${a}/addresses/${addressB}`, address({ street: 'evil' })),
      del('adminA', `${a}/addresses/${addressB}`),
      put('adminA', `${a}/addresses/not-a-uuid`, address()),
      del('adminA', `${a}/addresses/not-a-uuid`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('401 without a session', async () => {
    const res = await apiClient(t.app).get(`/api/v1/organizations/${orgA}`);
    expect(res.statusCode).toBe(401);
  });
});

describe('«Загрузить лого» / «Удалить лого»', () => {
  const upload = (who: Who, org: string, bytes: Uint8Array, filename = 'logo.png') => {
    const body = multipartBody([{ name: 'file', filename, contentType: 'image/png', value: bytes }]);
    return as(who).request({ method: 'POST', url: `/api/v1/organizations/${org}/logo`, ...body });
  };

  it('the administrator uploads a re-encoded PNG, members see it, a second upload replaces it, delete removes it', async () => {
    const first = await upload('adminA', orgA, samplePng(30, 20));
    expect(first.statusCode, first.body).toBe(200);
    const logoId = (await t.ctx.organizations.findById(orgA))!.logoFileId!;
    const seen = await as('employeeA').get(`/api/v1/organizations/${orgA}/logo`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');

    expect((await upload('adminA', orgA, samplePng(12, 12))).statusCode).toBe(200);
    const replaced = (await t.ctx.organizations.findById(orgA))!.logoFileId!;
    expect(replaced).not.toBe(logoId);
    expect(await t.ctx.files.find(logoId)).toBeNull();

    expect((await del('adminA', `/api/v1/organizations/${orgA}/logo`)).statusCode).toBe(200);
    expect((await t.ctx.organizations.findById(orgA))!.logoFileId).toBeNull();
    expect((await as('adminA').get(`/api/v1/organizations/${orgA}/logo`)).statusCode).toBe(404);
    expect((await del('adminA', `/api/v1/organizations/${orgA}/logo`)).statusCode).toBe(404);
    const actions = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE action LIKE 'org.logo.%' AND organization_id = $1 ORDER BY id",
      [orgA],
    );
    expect(actions.map((a) => a.action)).toEqual(['org.logo.upload', 'org.logo.upload', 'org.logo.delete']);
  });

  it('refuses a non-image (400), an employee (403) and another organisation (404); nothing stored', async () => {
    const before = await snapshot();
    const [files] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');
    const pdf = await upload('adminA', orgA, samplePdf(), 'logo.png');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.code).toBe('file_type_not_allowed');
    expect((await upload('employeeA', orgA, samplePng())).statusCode).toBe(403);
    expect((await upload('adminA', orgB, samplePng())).statusCode).toBe(404);
    expect((await as('adminA').get(`/api/v1/organizations/${orgB}/logo`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await t.database.query('SELECT count(*)::int AS n FROM stored_files')).toEqual([files]);
  });
});
