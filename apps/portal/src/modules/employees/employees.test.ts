import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { movableClock } from '../identity/test-support';
import { createTestOrganization } from '../organizations/test-support';
import { INVITATION_DAYS, INVITATIONS_PER_DAY } from './invitations';

const PASSWORD = 'Secret1%pass';
const PEOPLE = {
  admin: { iin: '900101300011', email: 'admin@org-a.kz', surname: 'АДМИНОВА', firstName: 'АЛИЯ' },
  employee: { iin: '900101300012', email: 'worker@example.kz', surname: 'ОМАРОВ', firstName: 'ДАНИЯР' },
  second: { iin: '900101300013', email: 'second@example.kz', surname: 'СЕРИКОВ', firstName: 'АРМАН' },
  strangerAdmin: { iin: '900101300014', email: 'admin@org-b.kz', surname: 'БЕКОВ', firstName: 'БЕК' },
  portalAdmin: { iin: '900101300015', email: 'root@portal.kz', surname: 'ПОРТАЛОВ', firstName: 'ПЁТР' },
} as const;
type Person = keyof typeof PEOPLE;

const clock = movableClock();
let t: TestApp;
const ids = {} as Record<Person, string>;
let orgA: { id: string; bin: string };
let orgB: { id: string; bin: string };
let adminMemberA: string;

beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    extend: (app) =>
      // Any organisation-scoped route: an active member with no particular right passes.
      app.get<{ Params: { id: string } }>('/api/v1/test/orgs/:id', async (req) => {
        const { membership } = await t.ctx.organizations.requireMember(req, req.params.id);
        return { rights: membership.rights };
      }),
  });
  for (const key of Object.keys(PEOPLE) as Person[]) {
    const account = await t.ctx.identity.createAccount({
      kind: 'individual',
      ...PEOPLE[key],
      password: PASSWORD,
      roles: key === 'portalAdmin' ? ['user', 'admin'] : ['user'],
    });
    ids[key] = account.id;
  }
  const a = await createTestOrganization(t, { adminAccountId: ids.admin, name: 'ТОО «Альфа»' });
  const b = await createTestOrganization(t, { adminAccountId: ids.strangerAdmin, name: 'ТОО «Бета»' });
  orgA = a.organization;
  orgB = b.organization;
  adminMemberA = (await t.ctx.organizations.membershipOf(orgA.id, ids.admin))!.id;
}, 60_000);
afterAll(() => t?.close());

async function signedIn(who: Person) {
  const c = apiClient(t.app);
  await c.init();
  const res = await c.post('/api/v1/auth/login/password', { login: PEOPLE[who].email, password: PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  const patch = (url: string, payload: unknown) =>
    c.request({ method: 'PATCH', url, payload: payload as never });
  return { ...c, patch };
}

const api = (orgId: string) => `/api/v1/organizations/${orgId}`;
const tokenOf = (text: string) => /invitation\?token=([\w%-]+)/.exec(text)![1];
const lastMailTo = async (to: string) =>
  (await t.ctx.notifications.listRecent()).find((m) => m.recipient === to);
const journal = (action: string) =>
  t.database.query<{ result: string; organization_id: string | null; details: Record<string, unknown> }>(
    'SELECT result, organization_id, details FROM audit_events WHERE action = $1 ORDER BY id',
    [action],
  );
const snapshot = async () => ({
  members: await t.database.query(
    'SELECT id, organization_id, account_id, rights, status, block_reason FROM organization_members ORDER BY id',
  ),
  invitations: await t.database.query('SELECT id, status, member_id FROM employee_invitations ORDER BY id'),
});
const memberOf = async (orgId: string, who: Person) => t.ctx.organizations.membershipOf(orgId, ids[who]);

/** Invites `who` into org A with `rights`, has them accept, returns the pending member id. */
async function inviteAndAccept(who: Person, rights: string[] = ['employee']) {
  const admin = await signedIn('admin');
  const invited = await admin.post(`${api(orgA.id)}/invitations`, { email: PEOPLE[who].email, rights });
  expect(invited.statusCode, invited.body).toBe(201);
  const token = tokenOf((await lastMailTo(PEOPLE[who].email))!.bodyText);
  const person = await signedIn(who);
  const accepted = await person.post('/api/v1/invitations/accept', { token });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { admin, person, memberId: accepted.json().memberId as string, token };
}

describe('invitation journey (seed 004: invite → register/sign in → accept → activate)', () => {
  it('invites, previews, accepts as pending, activates; rights then block take effect on the next request', async () => {
    const admin = await signedIn('admin');
    const invited = await admin.post(`${api(orgA.id)}/invitations`, {
      email: 'Worker@Example.kz',
      rights: ['employee', 'supplier'],
      position: 'Главный специалист',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ email: PEOPLE.employee.email, status: 'pending' });

    const mail = (await lastMailTo(PEOPLE.employee.email))!;
    expect(mail.subject).toContain('ТОО «Альфа»');
    expect(mail.bodyText).toContain(`${t.ctx.config.PUBLIC_URL}/invitation?token=`);
    const token = tokenOf(mail.bodyText);
    // Only the hash is stored.
    const [stored] = await t.database.query<{ token_hash: string }>(
      'SELECT token_hash FROM employee_invitations WHERE id = $1',
      [invited.json().id],
    );
    expect(stored.token_hash).not.toContain(token);

    const anonymous = apiClient(t.app);
    await anonymous.init();
    const preview = await anonymous.post('/api/v1/invitations/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      organization: { id: orgA.id, name: 'ТОО «Альфа»' },
      rights: ['supplier', 'employee'],
      position: 'Главный специалист',
    });
    expect((await anonymous.post('/api/v1/invitations/accept', { token })).statusCode).toBe(401);

    const employee = await signedIn('employee');
    const accepted = await employee.post('/api/v1/invitations/accept', { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('pending');
    const memberId = accepted.json().memberId;
    // The administrators are told someone awaits activation.
    const notice = (await lastMailTo(PEOPLE.admin.email))!;
    expect(notice.subject).toBe('Сотрудник ожидает активации в организации «ТОО «Альфа»»');
    expect(notice.bodyText).toContain('ОМАРОВ ДАНИЯР (ИИН 900101300012)');
    expect(notice.bodyText).toContain(`${t.ctx.config.PUBLIC_URL}/cabinet/employees`);
    // Pending: no access yet; the link is used up.
    expect((await employee.get(`/api/v1/test/orgs/${orgA.id}`)).statusCode).toBe(403);
    const again = await employee.post('/api/v1/invitations/accept', { token });
    expect(again.json().error.code).toBe('invitation_invalid');

    const list = await admin.get(`${api(orgA.id)}/employees`);
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((r: { id: string }) => r.id === memberId);
    expect(row).toMatchObject({
      fullName: 'ОМАРОВ ДАНИЯР',
      position: 'Главный специалист',
      systemStatus: 'registered',
      status: 'pending',
      rights: ['supplier', 'employee'],
    });
    expect(list.json().items.find((r: { id: string }) => r.id === adminMemberA).self).toBe(true);

    const activated = await admin.post(`${api(orgA.id)}/employees/${memberId}/activate`);
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json().employee.status).toBe('active');
    expect((await lastMailTo(PEOPLE.employee.email))!.subject).toContain('открыт');
    expect((await employee.get(`/api/v1/test/orgs/${orgA.id}`)).json().rights).toEqual([
      'supplier',
      'employee',
    ]);

    // Rights: the very next request sees them (the employees list needs head or org_admin).
    expect((await employee.get(`${api(orgA.id)}/employees`)).statusCode).toBe(403);
    const granted = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, {
      rights: ['head', 'employee'],
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await employee.get(`${api(orgA.id)}/employees`)).statusCode).toBe(200);

    // Blocked: the employee's very next request is refused, same session.
    const blocked = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, {
      blocked: true,
      blockReason: 'Уволен',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json().employee).toMatchObject({ status: 'blocked', blockReason: 'Уволен' });
    expect((await employee.get(`/api/v1/test/orgs/${orgA.id}`)).statusCode).toBe(403);
    expect((await employee.get(`${api(orgA.id)}/employees`)).statusCode).toBe(403);

    const unblocked = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { blocked: false });
    expect(unblocked.json().employee).toMatchObject({ status: 'active', blockReason: null });
    expect((await employee.get(`/api/v1/test/orgs/${orgA.id}`)).statusCode).toBe(200);

    for (const action of [
      'org.invitation.create',
      'org.invitation.accept',
      'org.employee.activate',
      'org.employee.rights',
      'org.employee.block',
      'org.employee.unblock',
    ]) {
      const entries = (await journal(action)).filter((e) => e.result === 'success');
      expect(entries.length, action).toBeGreaterThan(0);
      expect(entries.at(-1)!.organization_id, action).toBe(orgA.id);
    }
    expect((await journal('org.employee.block')).at(-1)!.details.reason).toBe('Уволен');
    expect((await journal('org.employee.rights')).at(-1)!.details).toMatchObject({
      before: ['supplier', 'employee'],
      after: ['head', 'employee'],
    });
  });
});

describe('invitations: one pending per address, expiry, revocation', () => {
  it('refuses a second pending invitation to the same address (409), nothing written', async () => {
    const admin = await signedIn('admin');
    const first = await admin.post(`${api(orgA.id)}/invitations`, { email: 'dup@example.kz' });
    expect(first.statusCode).toBe(201);
    expect(first.json().rights).toEqual(['employee']);
    const before = await snapshot();
    const second = await admin.post(`${api(orgA.id)}/invitations`, { email: 'DUP@example.kz' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('employee_invitation_pending');
    expect(await snapshot()).toEqual(before);
    // Another organisation may invite the same address.
    const other = await (await signedIn('strangerAdmin')).post(`${api(orgB.id)}/invitations`, {
      email: 'dup@example.kz',
    });
    expect(other.statusCode).toBe(201);
  });

  it('revokes a pending invitation: its link stops working, a new one may be sent, revoking twice is 409', async () => {
    const admin = await signedIn('admin');
    const created = await admin.post(`${api(orgA.id)}/invitations`, { email: PEOPLE.second.email });
    const token = tokenOf((await lastMailTo(PEOPLE.second.email))!.bodyText);
    const revoked = await admin.post(`${api(orgA.id)}/invitations/${created.json().id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const again = await admin.post(`${api(orgA.id)}/invitations/${created.json().id}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invitation_not_pending');

    const second = await signedIn('second');
    const refused = await second.post('/api/v1/invitations/accept', { token });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invitation_invalid');
    expect(await memberOf(orgA.id, 'second')).toBeNull();
    expect((await journal('org.invitation.revoke')).at(-1)!.result).toBe('success');
    expect((await journal('org.invitation.accept')).at(-1)).toMatchObject({
      result: 'failure',
      details: { reason: 'invitation_invalid' },
    });

    const resent = await admin.post(`${api(orgA.id)}/invitations`, { email: PEOPLE.second.email });
    expect(resent.statusCode).toBe(201);
    const list = await admin.get(`${api(orgA.id)}/invitations`);
    const statuses = list.json().items.filter((i: { email: string }) => i.email === PEOPLE.second.email);
    expect(statuses.map((i: { status: string }) => i.status)).toEqual(['pending', 'revoked']);
    // Tidy: the next tests invite `second` again.
    await admin.post(`${api(orgA.id)}/invitations/${resent.json().id}/revoke`);
  });

  it('an expired link is refused with invitation_expired and no longer blocks a new invitation', async () => {
    const admin = await signedIn('admin');
    await admin.post(`${api(orgA.id)}/invitations`, { email: 'late@example.kz' });
    const token = tokenOf((await lastMailTo('late@example.kz'))!.bodyText);
    clock.advance(INVITATION_DAYS * 86_400_000 + 60_000);
    try {
      const anonymous = apiClient(t.app);
      await anonymous.init();
      const preview = await anonymous.post('/api/v1/invitations/preview', { token });
      expect(preview.statusCode).toBe(400);
      expect(preview.json().error.code).toBe('invitation_expired');
      const fresh = await signedIn('admin');
      const list = await fresh.get(`${api(orgA.id)}/invitations`);
      expect(list.json().items.find((i: { email: string }) => i.email === 'late@example.kz').status).toBe(
        'expired',
      );
      const renewed = await fresh.post(`${api(orgA.id)}/invitations`, { email: 'late@example.kz' });
      expect(renewed.statusCode, renewed.body).toBe(201);
    } finally {
      clock.advance(-(INVITATION_DAYS * 86_400_000 + 60_000));
    }
  });

  it('refuses malformed and unknown tokens, and an address that is already a member', async () => {
    const anonymous = apiClient(t.app);
    await anonymous.init();
    for (const token of ['short', 'A'.repeat(43)]) {
      const res = await anonymous.post('/api/v1/invitations/preview', { token });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invitation_invalid');
    }
    const admin = await signedIn('admin');
    const res = await admin.post(`${api(orgA.id)}/invitations`, { email: PEOPLE.admin.email });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_member');
  });

  it('an organisation account cannot accept (403), a member cannot accept twice (409); the link stays usable', async () => {
    const org = await t.ctx.identity.createAccount({
      kind: 'legal_entity',
      iin: '900101300099',
      bin: '880140000001',
      email: 'company@example.kz',
      password: PASSWORD,
    });
    expect(org.id).toBeTruthy();
    const admin = await signedIn('admin');
    await admin.post(`${api(orgA.id)}/invitations`, { email: 'company@example.kz' });
    const token = tokenOf((await lastMailTo('company@example.kz'))!.bodyText);
    const c = apiClient(t.app);
    await c.init();
    await c.post('/api/v1/auth/login/password', { login: 'company@example.kz', password: PASSWORD });
    const before = await snapshot();
    const refused = await c.post('/api/v1/invitations/accept', { token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('employee_individual_only');
    // The employee (a member already) tries the same link.
    const employee = await signedIn('employee');
    const twice = await employee.post('/api/v1/invitations/accept', { token });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_member');
    expect(await snapshot()).toEqual(before);
  });
});

describe('invitations: limits and single use under concurrency', () => {
  it(`refuses the invitation after ${INVITATIONS_PER_DAY} in 24 hours (429), sending nothing`, async () => {
    const orgC = (await createTestOrganization(t, { adminAccountId: ids.portalAdmin })).organization;
    const root = await signedIn('portalAdmin');
    for (let i = 0; i < INVITATIONS_PER_DAY; i++) {
      const res = await root.post(`${api(orgC.id)}/invitations`, { email: `bulk${i}@example.kz` });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mails = (await t.ctx.notifications.listRecent(10_000)).length;
    const before = await snapshot();
    const refused = await root.post(`${api(orgC.id)}/invitations`, { email: 'one-more@example.kz' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('invitation_rate_limited');
    expect(await snapshot()).toEqual(before);
    expect((await t.ctx.notifications.listRecent(10_000)).length).toBe(mails);
  });

  it('two people using one link at once: exactly one becomes a member', async () => {
    const stranger = await signedIn('strangerAdmin');
    const invited = await stranger.post(`${api(orgB.id)}/invitations`, { email: 'race@example.kz' });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = tokenOf((await lastMailTo('race@example.kz'))!.bodyText);
    const [one, two] = await Promise.all([signedIn('employee'), signedIn('second')]);
    const answers = await Promise.all([
      one.post('/api/v1/invitations/accept', { token }),
      two.post('/api/v1/invitations/accept', { token }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const joined = [await memberOf(orgB.id, 'employee'), await memberOf(orgB.id, 'second')].filter(Boolean);
    expect(joined).toHaveLength(1);
    // Tidy: the other tests expect org B without them.
    await stranger.post(`${api(orgB.id)}/employees/${joined[0]!.id}/decline`);
  });
});

describe('«Редактировать полномочия» and «Заблокировать сотрудника» refusals', () => {
  let memberId: string;
  beforeAll(async () => {
    const { admin, memberId: id } = await inviteAndAccept('second', ['employee']);
    memberId = id;
    expect((await admin.post(`${api(orgA.id)}/employees/${memberId}/activate`)).statusCode).toBe(200);
  });

  it('blocking needs a reason; a pending member is activated, not blocked; nothing written', async () => {
    const admin = await signedIn('admin');
    const before = await snapshot();
    const noReason = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { blocked: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.blockReason).toBe('Укажите причину блокировки');
    const blank = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, {
      blocked: true,
      blockReason: '  ',
    });
    expect(blank.statusCode).toBe(400);
    const noRights = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { rights: [] });
    expect(noRights.statusCode).toBe(400);
    expect(noRights.json().error.fields.rights).toBeTruthy();
    const unknown = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { rights: ['superuser'] });
    expect(unknown.statusCode).toBe(400);
    const again = await admin.post(`${api(orgA.id)}/employees/${memberId}/activate`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('employee_not_pending');
    expect(await snapshot()).toEqual(before);
  });

  it('an organisation administrator cannot grant «Организатор» (403); a portal administrator can', async () => {
    const admin = await signedIn('admin');
    const before = await snapshot();
    const refused = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, {
      rights: ['organizer', 'employee'],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('org_organizer_admin_only');
    const invite = await admin.post(`${api(orgA.id)}/invitations`, {
      email: 'org@example.kz',
      rights: ['organizer'],
    });
    expect(invite.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await journal('org.employee.update')).at(-1)).toMatchObject({
      result: 'failure',
      details: { reason: 'org_organizer_admin_only' },
    });

    // Only a portal administrator's hand; an organisation admin on the admin route is refused.
    const url = `/api/v1/admin/organizations/${orgA.id}/employees/${memberId}/organizer`;
    expect((await admin.post(url, { granted: true })).statusCode).toBe(403);
    const root = await signedIn('portalAdmin');
    const granted = await root.post(url, { granted: true });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().employee.rights).toEqual(['organizer', 'employee']);
    expect((await journal('admin.org.employee.organizer')).at(-1)!.details).toMatchObject({ granted: true });

    // The org admin may change other rights as long as «Организатор» stays as it is…
    const kept = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, {
      rights: ['organizer', 'customer', 'employee'],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    // …but cannot withdraw it either.
    const withdraw = await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { rights: ['employee'] });
    expect(withdraw.statusCode).toBe(403);
    expect((await root.post(url, { granted: false })).json().employee.rights).toEqual([
      'customer',
      'employee',
    ]);
  });

  it('keeps at least one active administrator (409 last_org_admin), nothing changed', async () => {
    const admin = await signedIn('admin');
    const before = await snapshot();
    const demote = await admin.patch(`${api(orgA.id)}/employees/${adminMemberA}`, { rights: ['head'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_org_admin');
    const block = await admin.patch(`${api(orgA.id)}/employees/${adminMemberA}`, {
      blocked: true,
      blockReason: 'test',
    });
    expect(block.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);

    // With a second administrator, the first may step down.
    expect(
      (await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { rights: ['org_admin', 'employee'] }))
        .statusCode,
    ).toBe(200);
    const second = await signedIn('second');
    const stepDown = await second.patch(`${api(orgA.id)}/employees/${adminMemberA}`, { rights: ['head'] });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    // The demoted administrator's very next request is refused.
    expect((await admin.get(`${api(orgA.id)}/invitations`)).statusCode).toBe(403);
    const restored = await second.patch(`${api(orgA.id)}/employees/${adminMemberA}`, {
      rights: ['org_admin', 'head'],
    });
    expect(restored.statusCode).toBe(200);
    expect(
      (await admin.patch(`${api(orgA.id)}/employees/${memberId}`, { rights: ['employee'] })).statusCode,
    ).toBe(200);
    expect(
      (await second.patch(`${api(orgA.id)}/employees/${adminMemberA}`, { rights: ['head'] })).statusCode,
    ).toBe(403);
  });
});

describe('«Я являюсь сотрудником»: a request by BIN the administrator activates or declines', () => {
  it('refuses an unknown BIN and an organisation account; requests once; decline removes it', async () => {
    const c = await signedIn('strangerAdmin');
    const unknown = await c.post('/api/v1/me/employment-requests', { bin: '990140009999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('employer_not_registered');
    expect((await c.get('/api/v1/employers/990140009999')).statusCode).toBe(404);
    const found = await c.get(`/api/v1/employers/${orgA.bin}`);
    expect(found.json().organization).toEqual({ bin: orgA.bin, name: 'ТОО «Альфа»' });

    const requested = await c.post('/api/v1/me/employment-requests', { bin: orgA.bin, position: 'Юрист' });
    expect(requested.statusCode, requested.body).toBe(201);
    expect(requested.json().status).toBe('pending');
    const twice = await c.post('/api/v1/me/employment-requests', { bin: orgA.bin });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_member');

    const admin = await signedIn('admin');
    const row = (await admin.get(`${api(orgA.id)}/employees`))
      .json()
      .items.find((r: { id: string }) => r.id === requested.json().memberId);
    expect(row).toMatchObject({ status: 'pending', position: 'Юрист', rights: ['employee'] });
    const declined = await admin.post(`${api(orgA.id)}/employees/${requested.json().memberId}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(await memberOf(orgA.id, 'strangerAdmin')).toBeNull();
    // An organisation's own account is no person to employ.
    await t.ctx.identity.createAccount({
      kind: 'legal_entity',
      iin: '900101300098',
      bin: '880140000002',
      email: 'firm@example.kz',
      password: PASSWORD,
    });
    const firm = apiClient(t.app);
    await firm.init();
    await firm.post('/api/v1/auth/login/password', { login: 'firm@example.kz', password: PASSWORD });
    const refused = await firm.post('/api/v1/me/employment-requests', { bin: orgA.bin });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('employee_individual_only');
    expect((await journal('org.employee.request')).map((e) => e.result)).toEqual([
      'failure',
      'success',
      'failure',
      'failure',
    ]);
    expect((await journal('org.employee.decline')).at(-1)!.result).toBe('success');
    // An active member cannot be "declined".
    const activeDecline = await admin.post(`${api(orgA.id)}/employees/${adminMemberA}/decline`);
    expect(activeDecline.statusCode).toBe(409);
  });
});

describe('IDOR: organisation B administrator on organisation A', () => {
  it('gets 404 for every employee and invitation route of A, and nothing changes', async () => {
    const admin = await signedIn('admin');
    const invitation = await admin.post(`${api(orgA.id)}/invitations`, { email: 'idor@example.kz' });
    const memberId = (await memberOf(orgA.id, 'employee'))!.id;
    const stranger = await signedIn('strangerAdmin');
    const before = await snapshot();
    const attempts = [
      () => stranger.get(`${api(orgA.id)}/employees`),
      () => stranger.get(`${api(orgA.id)}/invitations`),
      () => stranger.patch(`${api(orgA.id)}/employees/${memberId}`, { blocked: true, blockReason: 'x' }),
      () => stranger.post(`${api(orgA.id)}/employees/${memberId}/activate`),
      () => stranger.post(`${api(orgA.id)}/employees/${memberId}/decline`),
      () => stranger.post(`${api(orgA.id)}/invitations`, { email: 'x@example.kz' }),
      () => stranger.post(`${api(orgA.id)}/invitations/${invitation.json().id}/revoke`),
      // A's records through B's own URL.
      () => stranger.patch(`${api(orgB.id)}/employees/${memberId}`, { rights: ['org_admin'] }),
      () => stranger.patch(`${api(orgB.id)}/employees/${memberId}`, { blocked: true, blockReason: 'x' }),
      () => stranger.post(`${api(orgB.id)}/employees/${memberId}/activate`),
      () => stranger.post(`${api(orgB.id)}/employees/${memberId}/decline`),
      () => stranger.post(`${api(orgB.id)}/invitations/${invitation.json().id}/revoke`),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an employee without the administrator right cannot manage employees (403)', async () => {
    const employee = await signedIn('employee');
    const memberId = (await memberOf(orgA.id, 'employee'))!.id;
    const before = await snapshot();
    expect((await employee.get(`${api(orgA.id)}/invitations`)).statusCode).toBe(403);
    expect((await employee.post(`${api(orgA.id)}/invitations`, { email: 'y@example.kz' })).statusCode).toBe(
      403,
    );
    expect(
      (await employee.patch(`${api(orgA.id)}/employees/${memberId}`, { rights: ['org_admin'] })).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('list', () => {
  it('shows the head named at registration as «not registered» until they join', async () => {
    await t.database.query(
      `UPDATE organizations SET head_iin = '700101300777', head_surname = 'ИВАНОВ', head_first_name = 'ИВАН',
       head_position = 'Генеральный директор' WHERE id = $1`,
      [orgB.id],
    );
    const stranger = await signedIn('strangerAdmin');
    const items = (await stranger.get(`${api(orgB.id)}/employees`)).json().items;
    expect(items[0]).toMatchObject({
      id: null,
      fullName: 'ИВАНОВ ИВАН',
      position: 'Генеральный директор',
      systemStatus: 'not_registered',
    });
    expect(items[1]).toMatchObject({ fullName: 'БЕКОВ БЕК', systemStatus: 'registered', status: 'active' });
  });

  it('answers in kk and en', async () => {
    const admin = await signedIn('admin');
    const memberId = (await memberOf(orgA.id, 'employee'))!.id;
    for (const [lang, text] of [
      ['kk', 'Блоктау себебін көрсетіңіз'],
      ['en', 'Give the reason for blocking'],
    ]) {
      const res = await admin.request({
        method: 'PATCH',
        url: `${api(orgA.id)}/employees/${memberId}`,
        payload: { blocked: true },
        headers: { 'accept-language': lang },
      });
      expect(res.json().error.fields.blockReason).toBe(text);
    }
  });
});
