import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions } from '../identity/test-support';
import { createTestOrganization } from './test-support';

const PASSWORD = 'Secret1%pass';
let t: TestApp;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: '871008401427',
    email: 'admin@example.kz',
    password: PASSWORD,
    roles: ['user', 'admin'],
  });
  const member = await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: '800416300257',
    password: PASSWORD,
  });
  orgId = (await createTestOrganization(t, { adminAccountId: member.id, name: 'ТОО «Единый дистрибьютор»' }))
    .organization.id;
  await createTestOrganization(t, { adminAccountId: member.id, name: 'ТОО «Другая»' });
}, 60_000);
afterAll(() => t?.close());

async function signedIn(login: string) {
  const c = apiClient(t.app);
  await c.init();
  expect((await c.post('/api/v1/auth/login/password', { login, password: PASSWORD })).statusCode).toBe(200);
  return c;
}
const put = (c: ReturnType<typeof apiClient>, url: string, payload: object) =>
  c.request({ method: 'PUT', url, payload });

describe('admin: participants and the Организатор role', () => {
  it('searches participants by name or BIN prefix', async () => {
    const c = await signedIn('admin@example.kz');
    const byName = (
      await c.get(`/api/v1/admin/organizations?q=${encodeURIComponent('дистрибьютор')}`)
    ).json();
    expect(byName.organizations.map((o: { id: string }) => o.id)).toEqual([orgId]);
    const bin = (await t.ctx.organizations.findById(orgId))!.bin;
    const byBin = (await c.get(`/api/v1/admin/organizations?q=${bin.slice(0, 12)}`)).json();
    expect(byBin.organizations).toHaveLength(1);
    expect((await c.get('/api/v1/admin/organizations')).json().organizations).toHaveLength(2);
  });

  it('grants and withdraws Организатор, journaled', async () => {
    const c = await signedIn('admin@example.kz');
    const granted = await put(c, `/api/v1/admin/organizations/${orgId}/organizer`, { granted: true });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().organization.roles).toEqual(['supplier', 'organizer']);
    const revoked = await put(c, `/api/v1/admin/organizations/${orgId}/organizer`, { granted: false });
    expect(revoked.json().organization.roles).toEqual(['supplier']);
    expect((await auditActions(t.database, 'org.organizer.grant')).at(-1)?.details).toMatchObject({
      before: ['supplier'],
      after: ['supplier', 'organizer'],
    });
    expect(await auditActions(t.database, 'org.organizer.revoke')).toHaveLength(1);
    expect(
      (await put(c, '/api/v1/admin/organizations/not-a-uuid/organizer', { granted: true })).statusCode,
    ).toBe(404);
  });

  it('refuses a participant’s own administrator (403) and a visitor (401); nothing changed', async () => {
    const member = await signedIn('800416300257');
    const before = (await t.ctx.organizations.findById(orgId))!.roles;
    const res = await put(member, `/api/v1/admin/organizations/${orgId}/organizer`, { granted: true });
    expect(res.statusCode).toBe(403);
    expect((await member.get('/api/v1/admin/organizations')).statusCode).toBe(403);
    expect((await apiClient(t.app).get('/api/v1/admin/organizations')).statusCode).toBe(401);
    expect((await t.ctx.organizations.findById(orgId))!.roles).toEqual(before);
  });
});
