import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import type { MemberRight } from './members';
import { createTestOrganization } from './test-support';

const PASSWORD = 'Secret1%pass';
const IIN = { admin: '871008401427', employee: '900101300001', stranger: '900101300002' };
let t: TestApp;
const ids: Record<keyof typeof IIN, string> = { admin: '', employee: '', stranger: '' };
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  t = await createTestApp({
    extend: (app) => {
      // What an organisation-scoped route does first; `rights` lists the rights any of which is enough.
      app.get<{ Params: { id: string }; Querystring: { rights?: string } }>(
        '/api/v1/test/orgs/:id',
        async (req) => {
          const rights = (req.query.rights ? req.query.rights.split(',') : []) as MemberRight[];
          const { membership, organization } = await t.ctx.organizations.requireMember(
            req,
            req.params.id,
            ...rights,
          );
          return { organizationId: organization.id, rights: membership.rights };
        },
      );
    },
  });
  for (const key of Object.keys(IIN) as (keyof typeof IIN)[]) {
    const account = await t.ctx.identity.createAccount({
      kind: 'individual',
      iin: IIN[key],
      password: PASSWORD,
    });
    ids[key] = account.id;
  }
  orgId = (await createTestOrganization(t, { adminAccountId: ids.admin })).organization.id;
  otherOrgId = (await createTestOrganization(t, { adminAccountId: ids.stranger })).organization.id;
}, 60_000);
afterAll(() => t?.close());

async function signedIn(key: keyof typeof IIN) {
  const c = apiClient(t.app);
  await c.init();
  expect(
    (await c.post('/api/v1/auth/login/password', { login: IIN[key], password: PASSWORD })).statusCode,
  ).toBe(200);
  return c;
}

const members = () =>
  t.database.query<{
    id: string;
    account_id: string;
    rights: string[];
    status: string;
    block_reason: string | null;
  }>('SELECT id, account_id, rights, status, block_reason FROM organization_members ORDER BY id');

describe('requireMember', () => {
  it('401 without a session', async () => {
    const c = apiClient(t.app);
    const res = await c.get(`/api/v1/test/orgs/${orgId}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('404 alike for a non-member, an unknown organisation and a malformed id (no existence leak)', async () => {
    const c = await signedIn('employee');
    const answers = await Promise.all(
      [orgId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid'].map((id) =>
        c.get(`/api/v1/test/orgs/${id}`),
      ),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    // a member of another organisation is a non-member here
    const admin = await signedIn('admin');
    expect((await admin.get(`/api/v1/test/orgs/${otherOrgId}`)).statusCode).toBe(404);
  });

  it('403 for a pending or blocked member; a block applies on the next request of the same session', async () => {
    const member = await t.ctx.organizations.addMember({
      organizationId: orgId,
      accountId: ids.employee,
      rights: ['employee'],
      status: 'pending',
    });
    const c = await signedIn('employee');
    const pending = await c.get(`/api/v1/test/orgs/${orgId}`);
    expect(pending.statusCode).toBe(403);
    expect(pending.json().error.code).toBe('forbidden');

    await t.ctx.organizations.setStatus(orgId, member.id, 'active');
    expect((await c.get(`/api/v1/test/orgs/${orgId}`)).statusCode).toBe(200);

    await t.ctx.organizations.setStatus(orgId, member.id, 'blocked', 'уволен');
    expect((await c.get(`/api/v1/test/orgs/${orgId}`)).statusCode).toBe(403);
    const row = (await members()).find((m) => m.id === member.id)!;
    expect(row).toMatchObject({ status: 'blocked', block_reason: 'уволен' });

    await t.ctx.organizations.setStatus(orgId, member.id, 'active');
    expect((await members()).find((m) => m.id === member.id)!.block_reason).toBeNull();
  });

  it('403 without any of the listed rights; a rights change applies on the next request', async () => {
    const member = await t.ctx.organizations.membershipOf(orgId, ids.employee);
    const c = await signedIn('employee');
    const url = `/api/v1/test/orgs/${orgId}?rights=org_admin,supplier`;
    expect((await c.get(url)).statusCode).toBe(403);

    await t.ctx.organizations.setRights(orgId, member!.id, ['supplier', 'employee']);
    const granted = await c.get(url);
    expect(granted.statusCode).toBe(200);
    expect(granted.json().rights).toEqual(['supplier', 'employee']);

    await t.ctx.organizations.setRights(orgId, member!.id, ['employee']);
    expect((await c.get(url)).statusCode).toBe(403);
  });

  it('lists the memberships in GET /api/v1/me', async () => {
    const c = await signedIn('employee');
    const me = (await c.get('/api/v1/me')).json();
    expect(me.organizations).toEqual([
      expect.objectContaining({ id: orgId, kind: 'legal_entity', rights: ['employee'], status: 'active' }),
    ]);
    expect((await apiClient(t.app).get('/api/v1/me')).json()).toEqual({ user: null });
  });
});

describe('membership primitives', () => {
  it('refuses an unknown right (400) and stores rights once, in order', async () => {
    const member = (await t.ctx.organizations.membershipOf(orgId, ids.employee))!;
    await expect(t.ctx.organizations.setRights(orgId, member.id, ['employee', 'root'])).rejects.toMatchObject(
      {
        status: 400,
        fields: { rights: 'org_right_unknown' },
      },
    );
    const row = await t.ctx.organizations.setRights(orgId, member.id, ['employee', 'head', 'employee']);
    expect(row.rights).toEqual(['head', 'employee']);
  });

  it('refuses (409 last_org_admin) to leave an organisation without an active administrator', async () => {
    const admin = (await t.ctx.organizations.membershipOf(orgId, ids.admin))!;
    const employee = (await t.ctx.organizations.membershipOf(orgId, ids.employee))!;
    const before = await members();
    await expect(t.ctx.organizations.setRights(orgId, admin.id, ['head'])).rejects.toMatchObject({
      status: 409,
      code: 'last_org_admin',
    });
    await expect(t.ctx.organizations.setStatus(orgId, admin.id, 'blocked', 'x')).rejects.toMatchObject({
      status: 409,
      code: 'last_org_admin',
    });
    // a blocked administrator does not count
    await t.ctx.organizations.setRights(orgId, employee.id, ['org_admin', 'employee']);
    await t.ctx.organizations.setStatus(orgId, employee.id, 'blocked', 'x');
    await expect(t.ctx.organizations.setRights(orgId, admin.id, ['head'])).rejects.toMatchObject({
      code: 'last_org_admin',
    });
    expect((await members()).find((m) => m.id === admin.id)).toEqual(before.find((m) => m.id === admin.id));

    // with a second active administrator the first may step down
    await t.ctx.organizations.setStatus(orgId, employee.id, 'active');
    const demoted = await t.ctx.organizations.setRights(orgId, admin.id, ['head']);
    expect(demoted.rights).toEqual(['head']);
    await expect(t.ctx.organizations.setRights(orgId, employee.id, ['employee'])).rejects.toMatchObject({
      code: 'last_org_admin',
    });
  });

  it('404 for a member id of another organisation', async () => {
    const stranger = (await t.ctx.organizations.membershipOf(otherOrgId, ids.stranger))!;
    await expect(t.ctx.organizations.setRights(orgId, stranger.id, ['employee'])).rejects.toMatchObject({
      status: 404,
    });
    expect((await t.ctx.organizations.membershipOf(otherOrgId, ids.stranger))!.rights).toEqual([
      'head',
      'org_admin',
    ]);
  });
});
