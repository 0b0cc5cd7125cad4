import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions } from '../identity/test-support';
import { DEMO_REGISTRY_BINS, DEMO_REGISTRY_IINS } from '../registry/demo-data';
import { loadDemoRegistryData } from '../registry/embedded';
import { cmsOf, installSignaturePki, requestSigning } from '../signatures/test-support';

const PASSWORD = 'Secret1%pass';
const BIN = DEMO_REGISTRY_BINS.demoCertification;
const BRANCH_BIN = DEMO_REGISTRY_BINS.demoCertificationBranch;
const HEAD = DEMO_REGISTRY_IINS.head;
const EMPLOYEE = DEMO_REGISTRY_IINS.employee;
const ENTREPRENEUR = DEMO_REGISTRY_IINS.entrepreneur;
const SIGNER = DEMO_REGISTRY_IINS.individual;
const REQUIRED = 'Поле обязательно для заполнения';

let t: TestApp;
const keys: Record<string, IssuedPair> = {};

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoRegistryData(t.database.db);
  const pki = await installSignaturePki(t);
  const person = { surname: 'ЖУМАБЕКОВ', firstName: 'НУРЛАН', patronymic: 'СЕРИКОВИЧ' };
  const org = { bin: BIN, org: 'ТОО «Демо Сертификация»' };
  keys.head = await pki.issue({ template: 'first-head', iin: HEAD, ...org, ...person });
  keys.employee = await pki.issue({
    template: 'employee',
    iin: EMPLOYEE,
    ...org,
    surname: 'ОМАРОВ',
    firstName: 'ДАНИЯР',
  });
  keys.individual = await pki.issue({ template: 'individual', iin: HEAD, ...person });
  keys.entrepreneur = await pki.issue({
    template: 'individual-entrepreneur',
    iin: ENTREPRENEUR,
    org: 'ИП «Демо»',
    surname: 'ИП',
    firstName: 'ДЕМО',
  });
  keys.signingRights = await pki.issue({
    template: 'sign-rights',
    iin: SIGNER,
    bin: BRANCH_BIN,
    org: 'Филиал ТОО «Демо Сертификация»',
    surname: 'АХМЕТОВА',
    firstName: 'АЙГУЛЬ',
  });
  keys.bodyHead = await pki.issue({
    template: 'first-head',
    iin: DEMO_REGISTRY_IINS.certificationBodyHead,
    bin: DEMO_REGISTRY_BINS.certificationBody,
    org: 'ТОО «Демо ОПС»',
    surname: 'ГЛАВА',
    firstName: 'ОПС',
  });
  // The organisation's own login (one account per BIN), as legal-entity registration creates it.
  await t.ctx.identity.createAccount({
    kind: 'legal_entity',
    iin: DEMO_REGISTRY_IINS.certificationBodyHead,
    bin: DEMO_REGISTRY_BINS.certificationBody,
    password: PASSWORD,
  });
  for (const iin of [HEAD, EMPLOYEE, ENTREPRENEUR, SIGNER])
    await t.ctx.identity.createAccount({ kind: 'individual', iin, password: PASSWORD });
}, 90_000);
afterAll(() => t?.close());

type Client = ReturnType<typeof apiClient>;
async function signedIn(iin: string): Promise<Client> {
  const c = apiClient(t.app);
  await c.init();
  const res = await c.post('/api/v1/auth/login/password', { login: iin, password: PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  return c;
}

async function signAgreement(c: Client, signer: IssuedPair['sign']) {
  const request = await requestSigning(c, 'participant_agreement');
  return { signingRequestId: request.id, cms: await cmsOf(request.dataBase64, signer) };
}

const validForm = () => ({
  registrationDate: '1994-01-20',
  registrationNumber: '38-1910-ТОО',
  registrationAuthority: 'Департамент юстиции города Алматы',
  countryCode: '398',
  kopf: '20',
  kse: '7',
  kfs: '16',
  roles: ['supplier'],
  resident: true,
  smallBusiness: true,
  mediumBusiness: false,
  email: 'Office@Demo-Cert.kz',
  site: 'demo-cert.kz',
  phone: '+7 727 123 45 67, +7 727 123 45 68',
  applicantName: 'ЖУМАБЕКОВ НУРЛАН СЕРИКОВИЧ',
  applicantPosition: 'Директор',
  headIin: HEAD,
  headSurname: 'ЖУМАБЕКОВ',
  headFirstName: 'НУРЛАН',
  headPatronymic: 'СЕРИКОВИЧ',
  headPosition: 'Директор',
});

async function counts() {
  const [row] = await t.database.query<{ o: number; m: number; used: number }>(
    `SELECT (SELECT count(*)::int FROM organizations) AS o, (SELECT count(*)::int FROM organization_members) AS m,
            (SELECT count(*)::int FROM signing_requests WHERE consumed_at IS NOT NULL) AS used`,
  );
  return row;
}

describe('participant registration: field-level checks (ФЛК)', () => {
  it('an empty form reports every required field and the missing agreement at once; nothing is saved', async () => {
    const c = await signedIn(HEAD);
    const before = await counts();
    const res = await c.post('/api/v1/organizations', {});
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    for (const f of [
      'registrationDate',
      'registrationNumber',
      'registrationAuthority',
      'countryCode',
      'kopf',
      'kse',
      'kfs',
      'email',
      'phone',
      'applicantName',
      'applicantPosition',
      'headIin',
      'headSurname',
      'headFirstName',
      'headPosition',
    ])
      expect(fields[f], f).toBe(REQUIRED);
    expect(fields.roles).toBe('Выберите хотя бы одну роль участника');
    expect(fields.agreement).toBe('Подпишите соглашение участника');
    expect(fields.site).toBeUndefined();
    expect(fields.headPatronymic).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect((await auditActions(t.database, 'org.register')).at(-1)).toMatchObject({ result: 'failure' });
  });

  const rules: [string, Record<string, unknown>, string, string][] = [
    ['future registration date', { registrationDate: '2999-01-01' }, 'registrationDate', 'ГГГГ-ММ-ДД'],
    ['impossible date', { registrationDate: '2020-02-30' }, 'registrationDate', 'ГГГГ-ММ-ДД'],
    ['registration number too long', { registrationNumber: 'x'.repeat(101) }, 'registrationNumber', '100'],
    ['malformed email', { email: 'office@' }, 'email', 'электронной почты'],
    ['malformed site', { site: 'not a site' }, 'site', 'веб-сайта'],
    ['malformed phone', { phone: '+7 (727) abc' }, 'phone', 'телефона'],
    ['one bad number among phones', { phone: '+7 727 123 45 67, 12' }, 'phone', 'телефона'],
    ['head IIN check digit', { headIin: '760212350621' }, 'headIin', 'Некорректный ИИН'],
    ['unknown КОПФ', { kopf: 'ТОО' }, 'kopf', 'справочнике'],
    ['unknown country', { countryCode: 'KZ' }, 'countryCode', 'справочнике'],
    ['no role', { roles: [] }, 'roles', 'хотя бы одну роль'],
    ['Организатор requested', { roles: ['supplier', 'organizer'] }, 'roles', 'только администратором'],
    [
      'small and medium',
      { smallBusiness: true, mediumBusiness: true },
      'mediumBusiness',
      'малого и среднего',
    ],
    ['blank head surname', { headSurname: '   ' }, 'headSurname', REQUIRED],
  ];

  it.each(
    rules,
  )('%s → 400 naming the field; the signature stays unused', async (_name, patch, field, text) => {
    const c = await signedIn(HEAD);
    const signed = await signAgreement(c, keys.head.sign);
    const before = await counts();
    const res = await c.post('/api/v1/organizations', { ...validForm(), ...patch, ...signed });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
    expect(res.json().error.fields[field]).toContain(text);
    expect(await counts()).toEqual(before);
  });

  it('reports several broken rules together, in the request language', async () => {
    const c = await signedIn(HEAD);
    const signed = await signAgreement(c, keys.head.sign);
    const res = await c.post(
      '/api/v1/organizations',
      { ...validForm(), email: 'x', phone: 'abc', kse: '', ...signed },
      { 'accept-language': 'en' },
    );
    expect(res.json().error.fields).toEqual({
      email: 'Enter a valid email address',
      phone: 'Enter a phone number: digits, spaces, +, -, brackets (6 to 20 digits)',
      kse: 'This field is required',
    });
  });
});

describe('participant registration: the agreement signature', () => {
  const refusals: [string, string, () => IssuedPair['sign'], number, string][] = [
    ['a personal (individual) key', HEAD, () => keys.individual.sign, 422, 'signature_invalid'],
    [
      'an employee-role key of the organisation',
      EMPLOYEE,
      () => keys.employee.sign,
      422,
      'signature_invalid',
    ],
    ['the AUTH key', HEAD, () => keys.head.auth, 422, 'signature_invalid'],
    ["someone else's key", EMPLOYEE, () => keys.head.sign, 403, 'org_certificate_not_yours'],
  ];
  it.each(refusals)('refuses %s; nothing is written', async (_n, iin, signer, status, code) => {
    const c = await signedIn(iin);
    const before = await counts();
    const res = await c.post('/api/v1/organizations', {
      ...validForm(),
      ...(await signAgreement(c, signer())),
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('refuses a key of another BIN than the form was prefilled for; nothing is written', async () => {
    const c = await signedIn(HEAD);
    const before = await counts();
    const res = await c.post('/api/v1/organizations', {
      ...validForm(),
      bin: BRANCH_BIN,
      ...(await signAgreement(c, keys.head.sign)),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'signature_invalid', check: 'identity' });
    expect(await counts()).toEqual(before);
  });

  it('401 without a session (and no signing request for an anonymous visitor)', async () => {
    const c = apiClient(t.app);
    await c.init();
    expect((await c.post('/api/v1/organizations', validForm())).statusCode).toBe(401);
    expect((await c.post('/api/v1/signing-requests', { purpose: 'participant_agreement' })).statusCode).toBe(
      401,
    );
  });

  it('prefills BIN and name from the certificate and the registration data from the registry', async () => {
    const c = await signedIn(HEAD);
    const res = await c.post(
      '/api/v1/organizations/registration/prefill',
      await signAgreement(c, keys.head.sign),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'legal_entity',
      bin: BIN,
      name: 'ТОО «Демо Сертификация»',
      fullNameRu: 'Товарищество с ограниченной ответственностью «Демо Сертификация»',
      registrationDate: '1994-01-20',
      registrationNumber: '38-1910-ТОО',
      kopf: '20',
      kse: '7',
      kfs: '16',
      headIin: HEAD,
      signerIsFirstHead: true,
      alreadyRegistered: false,
    });
  });
});

describe('participant registration: success and once per BIN', () => {
  it('registers the participant; the registrant becomes its administrator and head', async () => {
    const c = await signedIn(HEAD);
    const signed = await signAgreement(c, keys.head.sign);
    const res = await c.post('/api/v1/organizations', { ...validForm(), ...signed });
    expect(res.statusCode, res.body).toBe(201);
    const { organization, message } = res.json();
    expect(message).toBe('Участник успешно зарегистрирован');
    expect(organization).toMatchObject({
      bin: BIN,
      kind: 'legal_entity',
      nameRu: 'ТОО «Демо Сертификация»',
      nameKk: '«Демо Сертификация» ЖШС',
      roles: ['supplier'],
      email: 'office@demo-cert.kz',
      site: 'https://demo-cert.kz',
      krp: '120',
      smallBusiness: true,
      myRights: ['supplier', 'head', 'org_admin'],
      head: { iin: HEAD, fullName: 'ЖУМАБЕКОВ НУРЛАН СЕРИКОВИЧ' },
    });
    expect(organization.head.memberId).toBeTruthy();
    const me = (await c.get('/api/v1/me')).json();
    expect(me.organizations).toEqual([
      {
        id: organization.id,
        bin: BIN,
        name: 'ТОО «Демо Сертификация»',
        kind: 'legal_entity',
        rights: ['supplier', 'head', 'org_admin'],
        status: 'active',
      },
    ]);
    const [journal] = (await auditActions(t.database, 'org.register')).filter((e) => e.result === 'success');
    expect(journal.details).toMatchObject({ bin: BIN, signingRequestId: signed.signingRequestId });

    // the signature was consumed with the registration
    const again = await c.post('/api/v1/organizations', { ...validForm(), ...signed });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.reason).toBe('already_used');
  });

  it('409 for a BIN registered already; the prefill says so', async () => {
    const c = await signedIn(HEAD);
    const before = await counts();
    const res = await c.post('/api/v1/organizations', {
      ...validForm(),
      ...(await signAgreement(c, keys.head.sign)),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org_already_registered');
    expect(await counts()).toEqual(before);
    const prefill = await c.post(
      '/api/v1/organizations/registration/prefill',
      await signAgreement(c, keys.head.sign),
    );
    expect(prefill.json().alreadyRegistered).toBe(true);
  });

  it('an individual entrepreneur registers without the applicant and head fields', async () => {
    const c = await signedIn(ENTREPRENEUR);
    const form: Record<string, unknown> = validForm();
    for (const f of [
      'applicantName',
      'applicantPosition',
      'headIin',
      'headSurname',
      'headFirstName',
      'headPatronymic',
      'headPosition',
    ])
      delete form[f];
    const res = await c.post('/api/v1/organizations', {
      ...form,
      roles: ['supplier', 'customer'],
      ...(await signAgreement(c, keys.entrepreneur.sign)),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().organization).toMatchObject({
      bin: ENTREPRENEUR,
      kind: 'individual_entrepreneur',
      roles: ['supplier', 'customer'],
      applicantName: null,
      myRights: ['customer', 'supplier', 'head', 'org_admin'],
    });
  });

  it('a signing-rights holder becomes administrator without the head right', async () => {
    const c = await signedIn(SIGNER);
    const res = await c.post('/api/v1/organizations', {
      ...validForm(),
      ...(await signAgreement(c, keys.signingRights.sign)),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().organization.myRights).toEqual(['supplier', 'org_admin', 'employee']);
    expect(res.json().organization.head.memberId).toBeNull();
  });

  it("the organisation's own login (by BIN) registers it, becomes its administrator and points at it", async () => {
    const bin = DEMO_REGISTRY_BINS.certificationBody;
    const c = await signedIn(bin);
    const res = await c.post('/api/v1/organizations', {
      ...validForm(),
      headIin: DEMO_REGISTRY_IINS.certificationBodyHead,
      bin,
      ...(await signAgreement(c, keys.bodyHead.sign)),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { organization } = res.json();
    expect(organization).toMatchObject({ bin, myRights: ['supplier', 'head', 'org_admin'] });
    expect((await t.ctx.identity.findByBin(bin))!.organizationId).toBe(organization.id);
  });
});
