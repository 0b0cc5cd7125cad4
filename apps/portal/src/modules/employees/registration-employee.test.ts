import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { createTestOrganization } from '../organizations/test-support';
import { DEMO_PEOPLE } from '../pki/demo-people';
import { loadDemoRegistryData } from '../registry/embedded';
import { cmsOf, installSignaturePki, requestSigning } from '../signatures/test-support';

// «Я являюсь сотрудником» at registration (issue 4, wizard step 2): the new personal account comes with a
// pending membership request to the organisation of the BIN named.
const PASSWORD = 'Secret1%pass';
const [aigul] = DEMO_PEOPLE;
let t: TestApp;
let key: IssuedPair;
let org: { id: string; bin: string };

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoRegistryData(t.database.db);
  const pki = await installSignaturePki(t);
  key = await pki.issue(aigul);
  const admin = await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: '900101300021',
    email: 'boss@example.kz',
    password: PASSWORD,
  });
  org = (await createTestOrganization(t, { adminAccountId: admin.id, name: 'ТОО «Гамма»' })).organization;
}, 90_000);
afterAll(() => t?.close());

async function register(employerBin: string) {
  const c = apiClient(t.app);
  await c.init();
  const request = await requestSigning(c, 'registration');
  return c.post('/api/v1/registrations', {
    kind: 'individual',
    signingRequestId: request.id,
    cms: await cmsOf(request.dataBase64, key.sign),
    email: 'aigul@example.kz',
    password: PASSWORD,
    passwordRepeat: PASSWORD,
    phones: { mobile: '+7 701 123 45 67' },
    acceptAgreement: true,
    employerBin,
  });
}

describe('registration with «Я являюсь сотрудником»', () => {
  it('refuses a BIN no organisation registered on the portal, creating nothing', async () => {
    const res = await register('990140009998');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('employer_not_registered');
    expect(await t.ctx.identity.findByIin(aigul.iin!)).toBeNull();
    const [{ n }] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM organization_members WHERE organization_id = $1',
      [org.id],
    );
    expect(n).toBe(1);
  });

  it('registers the person and files a pending request the administrator sees', async () => {
    const res = await register(org.bin);
    expect(res.statusCode, res.body).toBe(201);
    const account = (await t.ctx.identity.findByIin(aigul.iin!))!;
    const member = (await t.ctx.organizations.membershipOf(org.id, account.id))!;
    expect(member).toMatchObject({ status: 'pending', rights: ['employee'] });
    const [entry] = await t.database.query<{ organization_id: string; details: { via: string } }>(
      `SELECT organization_id, details FROM audit_events WHERE action = 'org.employee.request' AND result = 'success'`,
    );
    expect(entry).toMatchObject({ organization_id: org.id, details: { via: 'registration' } });
    const [notice] = await t.database.query<{ subject: string }>(
      `SELECT subject FROM outbox_messages WHERE recipient = 'boss@example.kz'`,
    );
    expect(notice.subject).toBe('Сотрудник ожидает активации в организации «ТОО «Гамма»»');

    const admin = apiClient(t.app);
    await admin.init();
    await admin.post('/api/v1/auth/login/password', { login: 'boss@example.kz', password: PASSWORD });
    const items = (await admin.get(`/api/v1/organizations/${org.id}/employees`)).json().items;
    // Not activated by email yet: «Не зарегистрирован в системе».
    expect(items.find((r: { id: string }) => r.id === member.id)).toMatchObject({
      fullName: 'АХМЕТОВА АЙГУЛЬ САПАРОВНА',
      systemStatus: 'not_registered',
      status: 'pending',
    });
  });
});
