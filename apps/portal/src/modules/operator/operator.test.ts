import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KeyBundle, verifyCms } from '@tereze/pki';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { auditActions, identitySnapshot, movableClock } from '../identity/test-support';
import { DEMO_REGISTRY_BINS, DEMO_REGISTRY_IINS } from '../registry/demo-data';
import { loadDemoRegistryData } from '../registry/embedded';
import { cmsOf, installSignaturePki, type SignaturePki } from '../signatures/test-support';
import { canonicalOperatorJson } from './canonical';
import { DEMO_PORTAL_BIN } from './portal-key';

const CON_BIN = DEMO_REGISTRY_BINS.demoCertification;
const OTHER_BIN = DEMO_REGISTRY_BINS.demoCertificationBranch;
const OPERATOR_IIN = DEMO_REGISTRY_IINS.employee;
const CITIZEN = DEMO_REGISTRY_IINS.individual;
const REFUSED =
  'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН';

const ADMIN_PASSWORD = 'Admin1%pass';
const clock = movableClock();
const dataDir = mkdtempSync(join(tmpdir(), 'tereze-operator-'));
let t: TestApp;
let pki: SignaturePki;
let operatorKey: KeyBundle;
let otherOrgKey: KeyBundle;
let noRoleKey: KeyBundle;
let untrustedKey: KeyBundle;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    env: { OPERATOR_BINS: ` ${CON_BIN} ,999999999999`, DATA_DIR: dataDir },
  });
  await loadDemoRegistryData(t.database.db);
  pki = await installSignaturePki(t);
  const employee = (iin: string, bin: string) =>
    pki.issue({
      template: 'employee',
      iin,
      bin,
      org: 'НАО «Правительство для граждан»',
      surname: 'ОПЕРАТОР',
      firstName: 'ЦОН',
    });
  operatorKey = (await employee(OPERATOR_IIN, CON_BIN)).sign;
  otherOrgKey = (await employee(OPERATOR_IIN, OTHER_BIN)).sign;
  noRoleKey = (await employee(DEMO_REGISTRY_IINS.head, CON_BIN)).sign;
  const foreign = await pki.untrusted();
  untrustedKey = (
    await foreign.issue({
      template: 'employee',
      iin: OPERATOR_IIN,
      bin: CON_BIN,
      org: 'X',
      surname: 'A',
      firstName: 'B',
      keyPair: pki.personKeys,
    })
  ).sign;
  await t.ctx.identity.createAccount({ kind: 'individual', iin: OPERATOR_IIN, roles: ['user', 'operator'] });
  await t.ctx.identity.createAccount({ kind: 'individual', iin: DEMO_REGISTRY_IINS.head, roles: ['user'] });
  await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: DEMO_REGISTRY_IINS.entrepreneur,
    roles: ['user', 'admin'],
    password: ADMIN_PASSWORD,
  });
}, 90_000);
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function requestJson(fields: Record<string, unknown> = {}) {
  return canonicalOperatorJson({
    requestId: `req-${Date.now()}-${++seq}`,
    iin: CITIZEN,
    mobile: '+77011234567',
    action: 'register',
    timestamp: clock.now().toISOString(),
    ...fields,
  });
}
async function signed(json: string, key: KeyBundle = operatorKey) {
  const data = Buffer.from(json, 'utf8');
  return { data: data.toString('base64'), cms: await cmsOf(new Uint8Array(data), key) };
}
async function send(body: unknown) {
  const c = apiClient(t.app);
  await c.init();
  return c.post('/api/v1/operator/registrations', body, { 'user-agent': 'arm/1' });
}
async function expectNothingWritten(run: () => Promise<void>) {
  const before = await identitySnapshot(t.database);
  const rows = await t.database.query('SELECT request_id FROM operator_registrations');
  await run();
  expect(await identitySnapshot(t.database)).toEqual(before);
  expect(await t.database.query('SELECT request_id FROM operator_registrations')).toEqual(rows);
}

describe('ЦОН operator registration', () => {
  let firstRequest: { data: string; cms: string };

  it('registers the person and answers with a response signed by the portal key, which verifies', async () => {
    firstRequest = await signed(requestJson({ email: 'citizen@example.kz' }));
    const res = await send(firstRequest);
    expect(res.statusCode, res.body).toBe(200);
    const { data, cms } = res.json() as { data: string; cms: string };
    const bytes = new Uint8Array(Buffer.from(data, 'base64'));
    const answer = JSON.parse(Buffer.from(bytes).toString('utf8'));
    expect(answer).toMatchObject({ result: 'registered', login: CITIZEN });
    expect(answer.password).toMatch(/^.{12,}$/);
    expect(answer.portalUrl).toBe(`${t.ctx.config.PUBLIC_URL}/login`);
    const slip = new URL(answer.slipUrl);
    expect(slip.pathname).toMatch(/^\/operator\/slip\/req-/);
    expect(new URLSearchParams(slip.hash.slice(1)).get('password')).toBe(answer.password);

    const report = await verifyCms(cms, {
      trustAnchors: [pki.ca.root.certificate],
      intermediates: [pki.ca.issuing.certificate],
      purpose: 'document',
      expectedContent: bytes,
      revocation: 'off',
      now: clock.now(),
    });
    expect(report.valid).toBe(true);
    expect(report.signers[0].profile?.bin).toBe(DEMO_PORTAL_BIN);
    // A changed answer does not verify.
    const forged = new Uint8Array(
      Buffer.from(
        Buffer.from(bytes).toString('utf8').replace(answer.password, 'X'.repeat(answer.password.length)),
      ),
    );
    expect(forged).not.toEqual(bytes);
    const tampered = await verifyCms(cms, {
      trustAnchors: [pki.ca.root.certificate],
      intermediates: [pki.ca.issuing.certificate],
      purpose: 'document',
      expectedContent: forged,
      revocation: 'off',
      now: clock.now(),
    });
    expect(tampered.valid).toBe(false);

    // The one-time password signs in and must be changed.
    const c = apiClient(t.app);
    await c.init();
    const login = await c.post('/api/v1/auth/login/password', { login: CITIZEN, password: answer.password });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const journal = await auditActions(t.database, 'operator.registration');
    expect(journal.at(-1)).toMatchObject({
      result: 'success',
      details: { outcome: 'registered', operatorBin: CON_BIN },
    });
  });

  it('refuses a replayed request id with 409 and changes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await send(firstRequest);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('operator_request_replayed');
    });
  });

  it('regenerates the password of an existing account (reset_password and register alike)', async () => {
    const res = await send(await signed(requestJson({ action: 'reset_password' })));
    expect(res.statusCode).toBe(200);
    const answer = JSON.parse(Buffer.from(res.json().data, 'base64').toString('utf8'));
    expect(answer.result).toBe('password_reset');
    const c = apiClient(t.app);
    await c.init();
    expect(
      (await c.post('/api/v1/auth/login/password', { login: CITIZEN, password: answer.password })).statusCode,
    ).toBe(200);
  });

  it('refuses an organisation not on the list, and an operator without the role', async () => {
    for (const key of [otherOrgKey, noRoleKey]) {
      await expectNothingWritten(async () => {
        const res = await send(await signed(requestJson({ iin: DEMO_REGISTRY_IINS.head }), key));
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('operator_not_authorised');
      });
    }
  });

  it('refuses an untrusted or tampered signature with 422', async () => {
    await expectNothingWritten(async () => {
      const untrusted = await send(await signed(requestJson({ iin: DEMO_REGISTRY_IINS.head }), untrustedKey));
      expect(untrusted.statusCode).toBe(422);
      expect(untrusted.json().error).toMatchObject({ code: 'signature_invalid', check: 'chain' });

      const good = await signed(requestJson({ iin: DEMO_REGISTRY_IINS.head }));
      const other = Buffer.from(requestJson({ iin: DEMO_REGISTRY_IINS.head }), 'utf8').toString('base64');
      const tampered = await send({ data: other, cms: good.cms });
      expect(tampered.statusCode).toBe(422);
      expect(tampered.json().error.code).toBe('signature_invalid');
    });
  });

  it('refuses a stale timestamp and a non-canonical request', async () => {
    await expectNothingWritten(async () => {
      const stale = await send(
        await signed(requestJson({ timestamp: new Date(clock.now().getTime() - 10 * 60_000).toISOString() })),
      );
      expect(stale.statusCode).toBe(400);
      expect(stale.json().error.code).toBe('operator_request_expired');
      const spaced = JSON.stringify(JSON.parse(requestJson()), null, 1);
      const bad = await send(await signed(spaced));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('operator_request_invalid');
    });
  });

  it('refuses registry refusals with the seed 002 texts (life status 9, exclusion codes)', async () => {
    for (const [iin, code] of [
      [DEMO_REGISTRY_IINS.deceased, '9'],
      [DEMO_REGISTRY_IINS.exclusion[5], '5'],
    ] as const) {
      await expectNothingWritten(async () => {
        const res = await send(await signed(requestJson({ iin })));
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('registry_refused');
        expect(res.json().error.message).toContain(REFUSED);
        expect(res.json().error.message).toContain(code);
      });
    }
  });

  it('an administrator grants the operator role; then that operator may register', async () => {
    const head = await t.ctx.identity.findByIin(DEMO_REGISTRY_IINS.head);
    const url = `/api/v1/admin/accounts/${head!.id}/operator`;
    const stranger = apiClient(t.app);
    await stranger.init();
    expect((await stranger.post(url, { grant: true })).statusCode).toBe(401);

    const admin = apiClient(t.app);
    await admin.init();
    const login = await admin.post('/api/v1/auth/login/password', {
      login: DEMO_REGISTRY_IINS.entrepreneur,
      password: ADMIN_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    const granted = await admin.post(url, { grant: true });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual(['user', 'operator']);

    const res = await send(await signed(requestJson({ iin: DEMO_REGISTRY_IINS.notInMobileBase }), noRoleKey));
    expect(res.statusCode, res.body).toBe(200);

    expect((await admin.post(url, { grant: false })).json().roles).toEqual(['user']);
  });
});
