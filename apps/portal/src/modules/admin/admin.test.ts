import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { createTestOrganization } from '../organizations/test-support';
import { adminMessagesEn, adminMessagesKk, adminMessagesRu } from './messages';

const PASSWORD = 'Secret1%pass';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let t: TestApp;
const ids = { admin: '', user: '', other: '', pending: '', org: '' };
let orgId = '';
let orgBin = '';

const people = {
  admin: { iin: '900101300031', email: 'chief@example.kz', surname: 'АДМИНОВ', roles: ['user', 'admin'] },
  user: { iin: '900101300032', email: 'aigul.user@example.kz', surname: 'ЖАНБОТАЕВА', roles: ['user'] },
  other: { iin: '900101300033', email: 'other@example.kz', surname: 'ЖАНБОЛАТОВ', roles: ['user'] },
  pending: { iin: '900101300034', email: 'pending@example.kz', surname: 'КУТУЕВ', roles: ['user'] },
} as const;

beforeAll(async () => {
  t = await createTestApp({ env: { LOCKOUT_MAX_FAILURES: '2' } });
  for (const key of Object.keys(people) as (keyof typeof people)[]) {
    const p = people[key];
    const account = await t.ctx.identity.createAccount({
      kind: 'individual',
      iin: p.iin,
      email: p.email,
      surname: p.surname,
      firstName: 'ТЕСТ',
      password: PASSWORD,
      roles: [...p.roles],
      status: key === 'pending' ? 'pending_activation' : 'active',
    });
    ids[key] = account.id;
  }
  const org = await t.ctx.identity.createAccount({
    kind: 'legal_entity',
    iin: people.other.iin,
    bin: '990140000777',
    email: 'org@example.kz',
    password: PASSWORD,
  });
  ids.org = org.id;
  const created = await createTestOrganization(t, { adminAccountId: ids.user, name: 'ТОО «Админ Тест»' });
  orgId = created.organization.id;
  orgBin = created.organization.bin;
}, 60_000);
afterAll(() => t?.close());

async function signedIn(key: 'admin' | 'user' | 'other', lang?: 'ru' | 'kk' | 'en') {
  const c = apiClient(t.app);
  if (lang) c.cookies.set('lang', lang);
  await c.init();
  const res = await c.post('/api/v1/auth/login/password', { login: people[key].iin, password: PASSWORD });
  expect(res.statusCode).toBe(200);
  return c;
}

const journal = (action: string) =>
  t.database.query<{ actor_user_id: string; target_id: string; details: Record<string, unknown> }>(
    'SELECT actor_user_id, target_id, details FROM audit_events WHERE action = $1 ORDER BY id',
    [action],
  );
const accountRow = (id: string) =>
  t.database
    .query<{ status: string; roles: string[] }>('SELECT status, roles FROM accounts WHERE id = $1', [id])
    .then((r) => r[0]);
const snapshot = async () =>
  JSON.stringify([
    await t.database.query('SELECT id, status, roles FROM accounts ORDER BY id'),
    await t.database.query('SELECT count(*)::int AS n FROM audit_events'),
    await t.database.query('SELECT id, revoked_at FROM sessions ORDER BY id'),
  ]);

describe('admin console: access', () => {
  const routes = (): [string, string, unknown?][] => [
    ['GET', '/api/v1/admin/users'],
    ['GET', `/api/v1/admin/users/${ids.user}`],
    ['POST', `/api/v1/admin/users/${ids.user}/block`, { reason: 'x' }],
    ['POST', `/api/v1/admin/users/${ids.user}/unblock`, {}],
    ['POST', `/api/v1/admin/users/${ids.user}/unlock`, {}],
    ['PUT', `/api/v1/admin/users/${ids.user}/roles`, { roles: ['admin'] }],
    ['GET', '/api/v1/admin/audit'],
    ['GET', `/api/v1/admin/organizations/${orgId}`],
  ];

  it('answers 401 to a visitor and 403 to a signed-in non-admin on every route, changing nothing', async () => {
    const before = await snapshot();
    const anonymous = apiClient(t.app);
    await anonymous.init();
    const user = await signedIn('other');
    const beforeUser = await snapshot(); // the login itself wrote a session and a journal entry
    for (const [method, url, payload] of routes()) {
      const a = await anonymous.request({ method: method as 'GET', url, payload: payload as object });
      expect([url, a.statusCode, a.json().error.code]).toEqual([url, 401, 'unauthenticated']);
    }
    expect(before).not.toBe(beforeUser);
    for (const [method, url, payload] of routes()) {
      const u = await user.request({ method: method as 'GET', url, payload: payload as object });
      expect([url, u.statusCode, u.json().error.code]).toEqual([url, 403, 'forbidden']);
    }
    expect(await snapshot()).toBe(beforeUser);
  });
});

describe('admin console: users', () => {
  it('searches by IIN, BIN, email and name, with the login lock shown', async () => {
    const admin = await signedIn('admin');
    const find = async (q: string) =>
      (await admin.get(`/api/v1/admin/users?q=${encodeURIComponent(q)}`)).json().users as {
        id: string;
        lockedUntil: string | null;
        status: string;
      }[];
    expect((await find(people.user.iin)).map((u) => u.id)).toEqual([ids.user]);
    expect((await find('990140000777')).map((u) => u.id)).toEqual([ids.org]);
    expect((await find('AIGUL.USER@')).map((u) => u.id)).toEqual([ids.user]);
    expect((await find('жанбо')).map((u) => u.id).sort()).toEqual([ids.user, ids.other].sort());
    expect(await find('нет-такого')).toEqual([]);

    // Two wrong passwords lock the login (LOCKOUT_MAX_FAILURES=2): the list says until when.
    const c = apiClient(t.app);
    await c.init();
    for (let i = 0; i < 2; i++)
      await c.post('/api/v1/auth/login/password', { login: people.pending.iin, password: 'wrong' });
    const [locked] = await find(people.pending.iin);
    expect(locked.lockedUntil).not.toBeNull();
    const unlock = await admin.post(`/api/v1/admin/users/${ids.pending}/unlock`, {});
    expect(unlock.json()).toEqual({ cleared: true });
    expect((await find(people.pending.iin))[0].lockedUntil).toBeNull();
    expect((await journal('admin.login.unlock')).at(-1)?.target_id).toBe(ids.pending);
    expect((await admin.post(`/api/v1/admin/users/${UNKNOWN}/unlock`, {})).statusCode).toBe(404);
    expect((await admin.post('/api/v1/admin/users/nope/unlock', {})).statusCode).toBe(404);
  });

  it('pages with a keyset cursor: every account once, newest first', async () => {
    const admin = await signedIn('admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const url: string = `/api/v1/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await admin.get(url)).json();
      expect(page.users.length).toBeLessThanOrEqual(2);
      seen.push(...page.users.map((u: { id: string }) => u.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    const all = await t.database.query<{ id: string }>(
      'SELECT id FROM accounts ORDER BY created_at DESC, id DESC',
    );
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it('shows a user with memberships and recent journal entries', async () => {
    const admin = await signedIn('admin');
    const res = await admin.get(`/api/v1/admin/users/${ids.user}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: ids.user, iin: people.user.iin, status: 'active' });
    expect(body.memberships).toEqual([
      expect.objectContaining({ organizationId: orgId, bin: orgBin, rights: ['head', 'org_admin'] }),
    ]);
    expect(body.events.some((e: { action: string }) => e.action === 'auth.login')).toBe(false);
    await signedIn('user');
    const after = (await admin.get(`/api/v1/admin/users/${ids.user}`)).json();
    expect(after.events[0]).toMatchObject({ action: 'auth.login', actorUserId: ids.user });
    expect((await admin.get(`/api/v1/admin/users/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/admin/users/not-a-uuid')).statusCode).toBe(404);
  });

  it('refuses a block without a reason, of oneself and of an unknown id, writing nothing', async () => {
    const admin = await signedIn('admin', 'kk');
    const before = await snapshot();
    const noReason = await admin.post(`/api/v1/admin/users/${ids.user}/block`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual({ reason: adminMessagesKk.admin_block_reason_required });
    const self = await admin.post(`/api/v1/admin/users/${ids.admin}/block`, { reason: 'test' });
    expect([self.statusCode, self.json().error.code]).toEqual([409, 'admin_block_self']);
    expect(self.json().error.message).toBe(adminMessagesKk.admin_block_self);
    expect((await admin.post(`/api/v1/admin/users/${UNKNOWN}/block`, { reason: 'x' })).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/admin/users/${UNKNOWN}/unblock`, {})).statusCode).toBe(404);
    const notBlocked = await admin.post(`/api/v1/admin/users/${ids.user}/unblock`, {});
    expect([notBlocked.statusCode, notBlocked.json().error.code]).toEqual([409, 'admin_user_not_blocked']);
    expect(await snapshot()).toBe(before);
  });

  it('blocks: the user’s next request is refused and they cannot sign in; unblocking restores access', async () => {
    const admin = await signedIn('admin');
    const victim = await signedIn('user');
    expect((await victim.get('/api/v1/me')).json().user.id).toBe(ids.user);

    const res = await admin.post(`/api/v1/admin/users/${ids.user}/block`, { reason: 'Жалоба' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.status).toBe('blocked');
    expect((await victim.get('/api/v1/profile')).statusCode).toBe(401);
    const live = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE account_id = $1 AND revoked_at IS NULL',
      [ids.user],
    );
    expect(live[0].n).toBe(0);
    const entry = (await journal('admin.user.block')).at(-1);
    expect(entry).toMatchObject({ actor_user_id: ids.admin, target_id: ids.user });
    expect(entry?.details).toMatchObject({ reason: 'Жалоба', statusBefore: 'active' });
    const again = await admin.post(`/api/v1/admin/users/${ids.user}/block`, { reason: 'Ещё раз' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'admin_user_already_blocked']);

    const c = apiClient(t.app);
    await c.init();
    const login = await c.post('/api/v1/auth/login/password', { login: people.user.iin, password: PASSWORD });
    expect([login.statusCode, login.json().error.code]).toEqual([403, 'account_blocked']);

    const unblock = await admin.post(`/api/v1/admin/users/${ids.user}/unblock`, {});
    expect(unblock.json().user.status).toBe('active');
    expect((await journal('admin.user.unblock')).at(-1)).toMatchObject({ target_id: ids.user });
    await signedIn('user');
  });

  it('two administrators blocking at once: one succeeds, the other is told it is blocked; one journal entry', async () => {
    const [a, b] = [await signedIn('admin'), await signedIn('admin')];
    const before = (await journal('admin.user.block')).length;
    const answers = await Promise.all([
      a.post(`/api/v1/admin/users/${ids.other}/block`, { reason: 'Первый' }),
      b.post(`/api/v1/admin/users/${ids.other}/block`, { reason: 'Второй' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await journal('admin.user.block')).length).toBe(before + 1);
    expect((await a.post(`/api/v1/admin/users/${ids.other}/unblock`, {})).statusCode).toBe(200);
  });

  it('unblocking an account blocked before activation leaves it unactivated', async () => {
    const admin = await signedIn('admin');
    await admin.post(`/api/v1/admin/users/${ids.pending}/block`, { reason: 'Проверка' });
    const res = await admin.post(`/api/v1/admin/users/${ids.pending}/unblock`, {});
    expect(res.json().user.status).toBe('pending_activation');
    expect((await accountRow(ids.pending)).status).toBe('pending_activation');
  });

  it('grants and withdraws portal roles, never the own admin role', async () => {
    const admin = await signedIn('admin', 'en');
    const grant = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${ids.other}/roles`,
      payload: { roles: ['moderator', 'operator'] },
    });
    expect(grant.json().user.roles).toEqual(['user', 'moderator', 'operator']);
    expect((await journal('admin.user.roles')).at(-1)?.details).toEqual({
      before: ['user'],
      after: ['user', 'moderator', 'operator'],
    });
    const withdraw = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${ids.other}/roles`,
      payload: { roles: [] },
    });
    expect(withdraw.json().user.roles).toEqual(['user']);

    const before = await snapshot();
    const own = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${ids.admin}/roles`,
      payload: { roles: ['moderator'] },
    });
    expect([own.statusCode, own.json().error.message]).toEqual([409, adminMessagesEn.admin_own_admin_role]);
    const unknownRole = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${ids.other}/roles`,
      payload: { roles: ['root'] },
    });
    expect(unknownRole.statusCode).toBe(400);
    const unknown = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${UNKNOWN}/roles`,
      payload: { roles: ['admin'] },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe('admin console: journal and organisations', () => {
  it('filters the journal by actor (id, IIN or email), organisation, action family and period, in pages', async () => {
    const admin = await signedIn('admin');
    await t.ctx.audit.record({
      action: 'org.test.one',
      result: 'success',
      actorUserId: ids.user,
      organizationId: orgId,
    });
    await t.ctx.audit.record({
      action: 'org.test.two',
      result: 'failure',
      actorUserId: ids.user,
      organizationId: orgId,
    });
    const get = async (query: string) => {
      const res = await admin.get(`/api/v1/admin/audit?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        events: { id: number; action: string; actorName: string | null }[];
        nextCursor: number | null;
      };
    };
    const byAction = await get('action=org.test');
    expect(byAction.events.map((e) => e.action)).toEqual(['org.test.two', 'org.test.one']);
    expect(byAction.events[0].actorName).toBe('ЖАНБОТАЕВА ТЕСТ');
    expect((await get('action=org.test.one')).events).toHaveLength(1);
    expect((await get('action=org.tes')).events).toHaveLength(0);
    const byIin = await get(`actor=${people.user.iin}&organization=${orgBin}`);
    expect(byIin.events.map((e) => e.action)).toEqual(['org.test.two', 'org.test.one']);
    expect((await get(`actor=${encodeURIComponent(people.user.email)}&action=org.test`)).events).toHaveLength(
      2,
    );
    expect((await get(`organization=${orgId}&action=org.test`)).events).toHaveLength(2);

    const page1 = await get('action=org.test&limit=1');
    expect(page1.events.map((e) => e.action)).toEqual(['org.test.two']);
    const page2 = await get(`action=org.test&limit=1&cursor=${page1.nextCursor}`);
    expect(page2.events.map((e) => e.action)).toEqual(['org.test.one']);
    expect(page2.nextCursor).toBeNull();

    const now = t.ctx.now();
    const day = (offsetDays: number) =>
      new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    expect((await get(`action=org.test&from=${day(-1)}&to=${day(1)}`)).events).toHaveLength(2);
    expect((await get(`action=org.test&from=${day(2)}`)).events).toHaveLength(0);
    expect((await get(`action=org.test&to=${day(-2)}`)).events).toHaveLength(0);
  });

  it('refuses unknown actor / organisation filters and a reversed period on their fields', async () => {
    const admin = await signedIn('admin');
    const res = await admin.get(
      '/api/v1/admin/audit?actor=nobody@example.kz&organization=000000000000&from=2026-02-02&to=2026-01-01',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      actor: adminMessagesRu.admin_filter_actor_unknown,
      organization: adminMessagesRu.admin_filter_organization_unknown,
      to: adminMessagesRu.admin_filter_period,
    });
  });

  it('shows a participant with its members; 404 for an unknown one', async () => {
    const admin = await signedIn('admin');
    const res = await admin.get(`/api/v1/admin/organizations/${orgId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().organization).toMatchObject({ id: orgId, bin: orgBin, nameRu: 'ТОО «Админ Тест»' });
    expect(res.json().members).toEqual([
      expect.objectContaining({
        accountId: ids.user,
        iin: people.user.iin,
        rights: ['head', 'org_admin'],
        status: 'active',
      }),
    ]);
    expect((await admin.get(`/api/v1/admin/organizations/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/admin/organizations/x')).statusCode).toBe(404);
  });
});

describe('admin messages', () => {
  it('has every code in kk, ru and en', () => {
    expect(Object.keys(adminMessagesKk).sort()).toEqual(Object.keys(adminMessagesRu).sort());
    expect(Object.keys(adminMessagesEn).sort()).toEqual(Object.keys(adminMessagesRu).sort());
  });
});
