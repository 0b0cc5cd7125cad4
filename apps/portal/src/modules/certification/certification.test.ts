import { createHash } from 'node:crypto';
import { verifyCms } from '@tereze/pki';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { translate } from '../../server/i18n/messages';
import { createTestApp, type TestApp } from '../../test/app';
import { sampleExe } from '../files/test-support';
import { auditActions } from '../identity/test-support';
import type { MemberRight } from '../organizations/members';
import { installSignaturePki, requestSigning, type SignaturePki } from '../signatures/test-support';
import { applicationListQuery } from './lists';
import { statusLabel } from './messages';
import { listQuery } from './schema';
import { BODY_ACTIONS } from './state-machine';
import {
  completeForm,
  organization,
  type Person,
  pdf,
  person,
  signRequest,
  upload,
  validId,
} from './test-support';

let t: TestApp;
let pki: SignaturePki;
const BIN = {
  applicant: validId('bin'),
  body: validId('bin'),
  other: validId('bin'),
  stranger: validId('bin'),
};
let head: Person; // applicant's first head
let cosigner: Person; // applicant's employee with signing rights
let staff: Person; // body employee
let otherStaff: Person; // another body's employee
let stranger: Person; // member of an unrelated organisation
let moderator: Person;
let admin: Person;
let orgId: string;
let bodyOrgId: string;
let otherBodyOrgId: string;
let strangerOrgId: string;
let bodyAccreditationId: string;

const appUrl = (id = '') => `/api/v1/organizations/${orgId}/certification/applications${id ? `/${id}` : ''}`;
const queueUrl = (id = '', body = bodyOrgId) =>
  `/api/v1/organizations/${body}/certification/queue${id ? `/${id}` : ''}`;
const count = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
const outbox = () =>
  t.database.query<{ recipient: string; subject: string; body_text: string }>(
    'SELECT recipient, subject, body_text FROM outbox_messages ORDER BY id',
  );

beforeAll(async () => {
  t = await createTestApp();
  pki = await installSignaturePki(t);
  head = await person(t, pki, {
    surname: 'ГЛАВА',
    template: 'first-head',
    bin: BIN.applicant,
    org: 'ТОО «Заявитель»',
  });
  cosigner = await person(t, pki, {
    surname: 'ПОДПИСАНТ',
    template: 'sign-rights',
    bin: BIN.applicant,
    org: 'ТОО «Заявитель»',
  });
  staff = await person(t, pki, { surname: 'АУДИТОР', template: 'employee', bin: BIN.body, org: 'ТОО «ОПС»' });
  otherStaff = await person(t, pki, {
    surname: 'ЧУЖОЙ',
    template: 'employee',
    bin: BIN.other,
    org: 'ТОО «Другой ОПС»',
  });
  stranger = await person(t, pki, {
    surname: 'ПОСТОРОННИЙ',
    template: 'first-head',
    bin: BIN.stranger,
    org: 'ТОО «Х»',
  });
  moderator = await person(t, pki, { surname: 'МОДЕРАТОР', roles: ['user', 'moderator'] });
  admin = await person(t, pki, { surname: 'АДМИН', roles: ['user', 'admin'] });
  orgId = (
    await organization(t, {
      bin: BIN.applicant,
      name: 'ТОО «Заявитель»',
      admin: head.accountId,
      members: [{ accountId: cosigner.accountId, rights: ['employee'] }],
    })
  ).id;
  bodyOrgId = (
    await organization(t, {
      bin: BIN.body,
      name: 'ТОО «ОПС»',
      admin: staff.accountId,
      email: 'ops@example.kz',
    })
  ).id;
  otherBodyOrgId = (
    await organization(t, { bin: BIN.other, name: 'ТОО «Другой ОПС»', admin: otherStaff.accountId })
  ).id;
  strangerOrgId = (await organization(t, { bin: BIN.stranger, name: 'ТОО «Х»', admin: stranger.accountId }))
    .id;
}, 120_000);
afterAll(() => t?.close());

const accreditation = (bodyBin: string, attestatNumber: string, standards: string[]) => ({
  bodyBin,
  bodyNameRu: bodyBin === BIN.body ? 'ТОО «ОПС»' : 'ТОО «Другой ОПС»',
  attestatNumber,
  validFrom: '2020-01-01',
  validTo: '2099-12-31',
  standards,
});

/** prepare + sign + perform an act; returns the response of the act. */
async function act(who: Person, url: string, action: string, payload: Record<string, unknown> = {}) {
  const prepared = await who.client.post(`${url}/acts/prepare`, { action, payload });
  if (prepared.statusCode !== 201) return prepared;
  const { signingRequest } = prepared.json();
  return who.client.post(`${url}/acts`, {
    signingRequestId: signingRequest.id,
    cms: await signRequest(signingRequest, who.keys),
  });
}

async function signAs(who: Person, id: string) {
  const request = await requestSigning(who.client, 'certification_application', id);
  return who.client.post(`${appUrl(id)}/signatures`, {
    signingRequestId: request.id,
    cms: await signRequest(request, who.keys),
  });
}

/** Runs a submitted application through every act to an issued certificate. */
async function certify(id: string) {
  const report = (
    await upload(staff.client, `${queueUrl(id)}/reports`, pdf(`отчёт ${id}`), 'r.pdf', 'Отчёт')
  ).json();
  const steps: [string, Record<string, unknown>][] = [
    ['register', { journalNumber: `Ж-${id.slice(0, 4)}` }],
    ['accept', {}],
    ['conclude_contract', { contractNumber: 'Д-1', contractDate: '2026-01-10' }],
    [
      'plan_audit',
      { team: [{ fullName: 'АУДИТОР', role: 'lead' }], stage1Date: '2026-02-01', stage2Date: '2026-03-01' },
    ],
    ['stage1', { date: '2026-02-01', summary: 'ok' }],
    ['stage2', { date: '2026-03-01', summary: 'ok', reportDocumentIds: [report.id] }],
    ['decide', { positive: true, comment: 'ok' }],
    ['issue_certificate', {}],
  ];
  for (const [action, payload] of steps) {
    const res = await act(staff, queueUrl(id), action, payload);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
}

/** A complete draft with one document and the given signatory blocks, submitted (status signing). */
async function submittedApplication(
  blocks: { plannedName: string; plannedIin?: string }[],
  standard = 'ISO 9001',
) {
  const created = await head.client.post(appUrl(), {
    ...completeForm(BIN.body, standard),
    signatories: blocks,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await upload(head.client, `${appUrl(id)}/documents`, pdf(`doc ${id}`))).statusCode).toBe(201);
  const submitted = await head.client.post(`${appUrl(id)}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return id;
}

describe('accreditations (administrator)', () => {
  it('only an administrator accredits a body (403, nothing written); duplicates refused', async () => {
    const before = await count('certification_accreditations');
    const refused = await staff.client.post(
      '/api/v1/admin/certification/accreditations',
      accreditation(BIN.body, 'KZ.T.TEST.1', ['ISO 9001']),
    );
    expect(refused.statusCode).toBe(403);
    expect(await count('certification_accreditations')).toBe(before);

    const badBin = await admin.client.post(
      '/api/v1/admin/certification/accreditations',
      accreditation('123456789012', 'KZ.T.TEST.0', ['ISO 9001']),
    );
    expect(badBin.statusCode).toBe(400);
    expect(badBin.json().error.fields).toEqual({ bodyBin: 'invalid_bin' });
    const backwards = await admin.client.post('/api/v1/admin/certification/accreditations', {
      ...accreditation(BIN.body, 'KZ.T.TEST.0', ['ISO 9001']),
      validFrom: '2030-01-01',
      validTo: '2029-01-01',
    });
    expect(backwards.json().error.fields).toEqual({ validTo: 'certification_valid_to_before_from' });
    expect(await count('certification_accreditations')).toBe(before);

    const created = await admin.client.post(
      '/api/v1/admin/certification/accreditations',
      accreditation(BIN.body, 'KZ.T.TEST.1', ['ISO 9001', 'ISO 14001']),
    );
    expect(created.statusCode, created.body).toBe(201);
    bodyAccreditationId = created.json().id;
    const other = await admin.client.post(
      '/api/v1/admin/certification/accreditations',
      accreditation(BIN.other, 'KZ.T.TEST.2', ['ISO 9001']),
    );
    expect(other.statusCode).toBe(201);
    const duplicate = await admin.client.post(
      '/api/v1/admin/certification/accreditations',
      accreditation(BIN.other, 'KZ.T.TEST.2', ['ISO 9001']),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('certification_attestat_exists');

    const bodies = await head.client.get('/api/v1/certification/bodies?standard=ISO%2014001');
    const bins = bodies.json().items.map((b: { bin: string }) => b.bin);
    expect(bins).toContain(BIN.body);
    expect(bins).not.toContain(BIN.other);
    // DEMO: the demo bodies are accredited at start.
    const demo = (await head.client.get('/api/v1/certification/bodies')).json().items;
    expect(demo.map((b: { attestatNumber: string }) => b.attestatNumber)).toEqual(
      expect.arrayContaining(['KZ.O.02.0001', 'KZ.O.02.0002']),
    );
    expect((await auditActions(t.database, 'certification.accreditation.create')).length).toBe(2);
  });
});

describe('drafts, documents, validation', () => {
  let id: string;

  it('«+ Добавить» creates a numbered draft prefilled from the organisation, listed in ЧЕРНОВИКИ', async () => {
    const res = await head.client.post(appUrl(), {});
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    id = view.id;
    expect(view.number).toMatch(/^SM-\d{4}-\d{6}$/);
    expect(view.status).toBe('draft');
    expect(view.editable).toBe(true);
    expect(view.form.applicant).toMatchObject({
      bin: BIN.applicant,
      name: 'ТОО «Заявитель»',
      email: 'org@example.kz',
    });
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['create']);
    const list = await head.client.get(`${appUrl()}?tab=drafts`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('a document is stored with its SHA-256; a forbidden type or > 20 MB is refused with nothing stored', async () => {
    const bytes = pdf('устав');
    const ok = await upload(head.client, `${appUrl(id)}/documents`, bytes, 'устав.pdf', 'Устав');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      title: 'Устав',
    });

    const files = await count('stored_files');
    const docs = await count('certification_documents');
    const exe = await upload(head.client, `${appUrl(id)}/documents`, sampleExe(), 'setup.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('file_type_not_allowed');
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(pdf('big'));
    const tooBig = await upload(head.client, `${appUrl(id)}/documents`, big, 'big.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(await count('stored_files')).toBe(files);
    expect(await count('certification_documents')).toBe(docs);
  });

  it('«Подать заявку» lists every missing field at once and changes nothing', async () => {
    await head.client.request({ method: 'PUT', url: appUrl(id), payload: { applicant: { mobile: '' } } });
    const res = await head.client.post(`${appUrl(id)}/submit`);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields).toMatchObject({
      'applicant.legalAddress': 'required',
      'applicant.mobile': 'required',
      'address.city': 'required',
      'scope.standard': 'required',
      'scope.sites': 'required',
      'body.bodyBin': 'required',
      signatories: 'required',
      capacity: 'required',
    });
    expect(fields.documents).toBeUndefined(); // one was uploaded
    expect((await head.client.get(appUrl(id))).json().status).toBe('draft');
  });

  it('the chosen body must be accredited for the chosen standard', async () => {
    const otherBody = await head.client.request({
      method: 'PUT',
      url: appUrl(id),
      payload: { ...completeForm(BIN.other, 'ISO 14001'), signatories: [{ plannedName: 'ГЛАВА' }] },
    });
    expect(otherBody.statusCode, otherBody.body).toBe(200);
    const res = await head.client.post(`${appUrl(id)}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'body.bodyBin': 'certification_body_scope' });
    const unknown = await head.client.request({
      method: 'PUT',
      url: appUrl(id),
      payload: completeForm(validId('bin')),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ 'body.bodyBin': 'certification_body_not_accredited' });
    // An organisation cannot certify itself, and nobody anonymous gets in.
    const self = await staff.client.post(
      `/api/v1/organizations/${bodyOrgId}/certification/applications`,
      completeForm(BIN.body),
    );
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toEqual({ 'body.bodyBin': 'certification_body_is_applicant' });
    const anonymous = await t.app.inject({ method: 'GET', url: appUrl(id) });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('signatures', () => {
  it('two signatories sign into one CMS; the last signature submits; read-only afterwards', async () => {
    const id = await submittedApplication([
      { plannedName: 'ГЛАВА' },
      { plannedName: 'ПОДПИСАНТ', plannedIin: cosigner.iin },
    ]);
    const locked = await head.client.request({
      method: 'PUT',
      url: appUrl(id),
      payload: completeForm(BIN.body),
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('certification_not_editable');

    const first = await signAs(head, id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('signing');
    const again = await signAs(head, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('certification_already_signed');

    const second = await signAs(cosigner, id);
    expect(second.statusCode, second.body).toBe(200);
    const view = second.json();
    expect(view.status).toBe('submitted');
    expect(view.tab).toBe('review');
    expect(
      view.signatories.map((s: { certificate: { iin: string; bin: string } }) => s.certificate.iin),
    ).toEqual([head.iin, cosigner.iin]);
    expect(view.signatories[0].certificate).toMatchObject({ bin: BIN.applicant, action: 'sign' });
    expect(view.signatories[0].certificate.issuer).toBeTruthy();

    const cms = await head.client.get(`${appUrl(id)}/signature.cms`);
    expect(cms.statusCode).toBe(200);
    const { anchors, intermediates } = t.ctx.signatures.trustAnchors();
    const report = await verifyCms(new Uint8Array(cms.rawPayload), {
      trustAnchors: anchors,
      intermediates,
      purpose: 'document',
      revocation: 'off',
    });
    expect(report.valid).toBe(true);
    expect(report.signers.map((s) => s.profile?.iin)).toEqual([head.iin, cosigner.iin]);
    const mail = (await outbox()).filter((m) => m.subject.includes(view.number));
    expect(mail.map((m) => m.recipient)).toEqual(
      expect.arrayContaining(['applicant@example.kz', 'ops@example.kz']),
    );
    expect(mail.find((m) => m.recipient === 'ops@example.kz')?.subject).toContain('новая заявка');
    const journal = await auditActions(t.database, 'certification.application.sign');
    expect(journal.length).toBeGreaterThanOrEqual(2);
  });

  it('an employee without signing rights, or a key of another organisation, cannot sign (nothing written)', async () => {
    const id = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    const request = await requestSigning(stranger.client, 'certification_application', id).catch((e) => e);
    expect(request).toBeInstanceOf(Error); // not a member: the request is not even issued
    // A member whose key is of another BIN: refused by the signature checks.
    const foreign = await person(t, pki, {
      surname: 'ЧУЖАК',
      template: 'first-head',
      bin: BIN.stranger,
      org: 'ТОО «Х»',
    });
    await t.ctx.organizations.addMember({
      organizationId: orgId,
      accountId: foreign.accountId,
      rights: ['employee'],
      status: 'active',
    });
    const r = await requestSigning(foreign.client, 'certification_application', id);
    const res = await foreign.client.post(`${appUrl(id)}/signatures`, {
      signingRequestId: r.id,
      cms: await signRequest(r, foreign.keys),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('signature_invalid');
    const view = (await head.client.get(appUrl(id))).json();
    expect(view.signatories[0].signedAt).toBeNull();
  });

  it('a signature over a changed application or a changed document fails', async () => {
    const id = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    const stale = await requestSigning(head.client, 'certification_application', id);
    const staleCms = await signRequest(stale, head.keys);
    // Back to editing, change a document, submit again: the content to sign differs.
    expect((await head.client.post(`${appUrl(id)}/unlock`)).statusCode).toBe(200);
    expect((await upload(head.client, `${appUrl(id)}/documents`, pdf('изменённый'))).statusCode).toBe(201);
    expect((await head.client.post(`${appUrl(id)}/submit`)).statusCode).toBe(200);
    const byOldRequest = await head.client.post(`${appUrl(id)}/signatures`, {
      signingRequestId: stale.id,
      cms: staleCms,
    });
    expect(byOldRequest.statusCode).toBe(422);
    expect(byOldRequest.json().error).toMatchObject({
      code: 'signature_invalid',
      check: 'content',
      reason: 'application_changed',
    });
    // The old CMS presented for a new request: the signed content is not the issued bytes.
    const fresh = await requestSigning(head.client, 'certification_application', id);
    const oldCmsNewRequest = await head.client.post(`${appUrl(id)}/signatures`, {
      signingRequestId: fresh.id,
      cms: staleCms,
    });
    expect(oldCmsNewRequest.statusCode).toBe(422);
    expect(oldCmsNewRequest.json().error.check).toBe('content');
    // A changed field, likewise.
    expect((await head.client.post(`${appUrl(id)}/unlock`)).statusCode).toBe(200);
    await head.client.request({
      method: 'PUT',
      url: appUrl(id),
      payload: {
        ...completeForm(BIN.body),
        note: 'другое примечание',
        signatories: [{ plannedName: 'ГЛАВА' }],
      },
    });
    expect((await head.client.post(`${appUrl(id)}/submit`)).statusCode).toBe(200);
    const afterEdit = await head.client.post(`${appUrl(id)}/signatures`, {
      signingRequestId: fresh.id,
      cms: await signRequest(fresh, head.keys),
    });
    expect(afterEdit.statusCode).toBe(422);
    expect(afterEdit.json().error.reason).toBe('application_changed');
    expect((await signAs(head, id)).json().status).toBe('submitted');
  });
  it('an individual entrepreneur signs with its own IE key (BIN = its IIN)', async () => {
    const ie = await person(t, pki, {
      surname: 'ПРЕДПРИНИМАТЕЛЬ',
      template: 'individual-entrepreneur',
      org: 'ИП «Тест»',
    });
    const ieOrg = await organization(t, {
      bin: ie.iin,
      name: 'ИП «Тест»',
      admin: ie.accountId,
      kind: 'individual_entrepreneur',
    });
    const url = `/api/v1/organizations/${ieOrg.id}/certification/applications`;
    const created = await ie.client.post(url, {
      ...completeForm(BIN.body),
      signatories: [{ plannedName: 'ПРЕДПРИНИМАТЕЛЬ' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await upload(ie.client, `${url}/${id}/documents`, pdf('ип'))).statusCode).toBe(201);
    expect((await ie.client.post(`${url}/${id}/submit`)).statusCode).toBe(200);
    const request = await requestSigning(ie.client, 'certification_application', id);
    const signed = await ie.client.post(`${url}/${id}/signatures`, {
      signingRequestId: request.id,
      cms: await signRequest(request, ie.keys),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('submitted');
  });
});

describe('«Подать заявку: За себя» / «От имени организации» (capacity)', () => {
  /** A member of the applicant organisation with `rights`, signed in (a SIGN key of signing rights). */
  async function member(surname: string, rights: MemberRight[]) {
    const p = await person(t, pki, {
      surname,
      template: 'sign-rights',
      bin: BIN.applicant,
      org: 'ТОО «Заявитель»',
    });
    await t.ctx.organizations.addMember({
      organizationId: orgId,
      accountId: p.accountId,
      rights,
      status: 'active',
    });
    return p;
  }
  const snapshot = async () =>
    [
      await count('certification_applications'),
      await count('certification_events'),
      (await auditActions(t.database, 'certification.application.update')).length,
    ].join('/');

  it('the head applies «За себя»: the capacity is in the view, the submit event and the signed JSON', async () => {
    const id = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    const view = (await head.client.get(appUrl(id))).json();
    expect(view.capacity).toBe('self');
    expect(view.timeline.find((e: { action: string }) => e.action === 'submit').payload.capacity).toBe(
      'self',
    );
    const request = await requestSigning(head.client, 'certification_application', id);
    const signed = JSON.parse(Buffer.from(request.dataBase64, 'base64').toString('utf8'));
    expect(signed.capacity).toBe('self');
    expect(signed.form.capacity).toBe('self');
  });

  it('an administrator (org_admin) applies «От имени организации»; the signed JSON says so', async () => {
    const orgAdmin = await member('АДМИНИСТРАТОР', ['org_admin']);
    const created = await orgAdmin.client.post(appUrl(), {
      ...completeForm(BIN.body),
      capacity: 'organization',
      signatories: [{ plannedName: 'ГЛАВА' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().capacity).toBe('organization');
    expect((await upload(orgAdmin.client, `${appUrl(id)}/documents`, pdf(`org ${id}`))).statusCode).toBe(201);
    const submitted = await orgAdmin.client.post(`${appUrl(id)}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const request = await requestSigning(head.client, 'certification_application', id);
    expect(JSON.parse(Buffer.from(request.dataBase64, 'base64').toString('utf8')).capacity).toBe(
      'organization',
    );
    expect((await signAs(head, id)).json().status).toBe('submitted');
  });

  it('«За себя» by a member who is not the head, or «От имени организации» without the right: refused, nothing written', async () => {
    const orgAdmin = await member('АДМИН ОРГ', ['org_admin']);
    const employee = await member('СОТРУДНИК', ['employee']);
    const before = await snapshot();
    for (const [who, capacity, code] of [
      [orgAdmin, 'self', 'certification_capacity_self_not_head'],
      [employee, 'self', 'certification_capacity_self_not_head'],
      [employee, 'organization', 'certification_capacity_no_right'],
    ] as const) {
      const res = await who.client.post(appUrl(), { ...completeForm(BIN.body), capacity });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toEqual({ capacity: code });
    }
    // Saving an existing draft (PUT) with a capacity that does not fit is refused the same way.
    const draft = (await head.client.post(appUrl(), { applicant: { name: 'ТОО «Заявитель»' } })).json();
    const after = await snapshot();
    const put = await employee.client.request({
      method: 'PUT',
      url: appUrl(draft.id),
      payload: { ...completeForm(BIN.body), capacity: 'organization' },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.fields).toEqual({ capacity: 'certification_capacity_no_right' });
    expect(await snapshot()).toBe(after);
    expect(before).not.toBe(after); // only the head's own draft was written
    expect((await head.client.get(appUrl(draft.id))).json().capacity).toBeNull();
  });

  it('«Подать заявку» re-checks the capacity against the current membership (no change on refusal)', async () => {
    // A head's draft chosen «За себя», submitted by an administrator who is not the head.
    const orgAdmin = await member('АДМИН ПОДАЧА', ['org_admin']);
    const id = (
      await head.client.post(appUrl(), { ...completeForm(BIN.body), signatories: [{ plannedName: 'ГЛАВА' }] })
    ).json().id as string;
    expect((await upload(head.client, `${appUrl(id)}/documents`, pdf(`cap ${id}`))).statusCode).toBe(201);
    const events = await count('certification_events');
    const res = await orgAdmin.client.post(`${appUrl(id)}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ capacity: 'certification_capacity_self_not_head' });
    expect(await count('certification_events')).toBe(events);
    expect((await head.client.get(appUrl(id))).json().status).toBe('draft');
  });

  it('the refusal messages exist in kk, ru and en', () => {
    for (const code of ['certification_capacity_self_not_head', 'certification_capacity_no_right'])
      for (const lang of ['kk', 'ru', 'en'] as const) expect(translate(lang, code)).not.toBe(code);
  });
});

describe('applicant e-mails in the applicant language', () => {
  it('written in the language «Подать заявку» was sent in (en, kk), else Russian', async () => {
    const cases = [
      ['en', 'Management system certification application'],
      ['kk', 'өтінімі: мәртебесі'],
      [undefined, 'на сертификацию системы менеджмента'],
    ] as const;
    for (const [lang, line] of cases) {
      const created = await head.client.post(appUrl(), {
        ...completeForm(BIN.body),
        signatories: [{ plannedName: 'ГЛАВА' }],
      });
      const id = created.json().id as string;
      await upload(head.client, `${appUrl(id)}/documents`, pdf(`lang ${id}`));
      const submitted = await head.client.request({
        method: 'POST',
        url: `${appUrl(id)}/submit`,
        headers: lang ? { 'accept-language': lang } : {},
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect((await signAs(head, id)).json().status).toBe('submitted');
      const mail = (await outbox()).filter(
        (m) => m.subject.includes(created.json().number) && m.recipient === 'applicant@example.kz',
      );
      expect(mail).toHaveLength(1);
      expect(mail[0].body_text).toContain(line);
      expect(mail[0].subject).toContain(statusLabel(lang ?? 'ru', 'submitted'));
    }
    const body = (await outbox()).filter((m) => m.recipient === 'ops@example.kz').at(-1);
    expect(body?.subject).toContain('new application');
    expect(body?.body_text).toContain('New management system certification application');
  });
});

describe('who can read an application', () => {
  let id: string;
  beforeAll(async () => {
    id = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    await signAs(head, id);
  });

  it('the applicant organisation, the chosen body and moderators; 404 for everyone else', async () => {
    expect((await head.client.get(appUrl(id))).statusCode).toBe(200);
    expect((await cosigner.client.get(appUrl(id))).statusCode).toBe(200);
    expect((await staff.client.get(queueUrl(id))).statusCode).toBe(200);
    expect(
      (await moderator.client.get(`/api/v1/moderator/certification/applications/${id}`)).statusCode,
    ).toBe(200);

    // Another organisation, through its own URL or the applicant's; another body; a non-moderator.
    expect(
      (await stranger.client.get(`/api/v1/organizations/${strangerOrgId}/certification/applications/${id}`))
        .statusCode,
    ).toBe(404);
    expect((await stranger.client.get(appUrl(id))).statusCode).toBe(404);
    expect((await otherStaff.client.get(queueUrl(id, otherBodyOrgId))).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${queueUrl(id, otherBodyOrgId)}/documents/${id}`)).statusCode).toBe(
      404,
    );
    expect((await head.client.get(`/api/v1/moderator/certification/applications/${id}`)).statusCode).toBe(
      403,
    );
    expect(
      (await stranger.client.get(`/api/v1/organizations/${strangerOrgId}/certification/queue`)).statusCode,
    ).toBe(403);
    // Body staff acting on another body's application: 404, nothing written.
    const events = await count('certification_events');
    expect(
      (await act(otherStaff, queueUrl(id, otherBodyOrgId), 'register', { journalNumber: 'X' })).statusCode,
    ).toBe(404);
    expect(await count('certification_events')).toBe(events);
  });

  it('the body never sees drafts', async () => {
    const created = (await head.client.post(appUrl(), completeForm(BIN.body))).json();
    const draft = created.id;
    expect(created.body).toEqual({ bin: BIN.body, name: 'ТОО «ОПС»' }); // the choice, shown to the applicant
    expect((await staff.client.get(queueUrl(draft))).statusCode).toBe(404);
    const queue = await staff.client.get(`${queueUrl()}?tab=drafts`);
    expect(queue.json().items.map((i: { id: string }) => i.id)).not.toContain(draft);
  });
});

describe('the procedure', () => {
  let id: string;
  let number: string;

  it('register; an act out of order is 409 with nothing written; a stale act is refused', async () => {
    id = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    number = (await signAs(head, id)).json().number;
    const before = await count('certification_events');
    const early = await staff.client.post(`${queueUrl(id)}/acts/prepare`, {
      action: 'issue_certificate',
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'certification_transition_not_allowed' });
    expect(early.json().error.message).toBe(
      'Действие «Выдать сертификат» недоступно для заявки в статусе «Зарегистрирована»'.replace(
        'Зарегистрирована',
        'Подана',
      ),
    );
    const kk = await staff.client.request({
      method: 'POST',
      url: `${queueUrl(id)}/acts/prepare`,
      payload: { action: 'issue_certificate', payload: {} },
      headers: { 'accept-language': 'kk' },
    });
    expect(kk.json().error.message).toContain('Сертификат беру');
    const bad = await staff.client.post(`${queueUrl(id)}/acts/prepare`, { action: 'register', payload: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('payload.journalNumber');
    expect(await count('certification_events')).toBe(before);

    const a = (
      await staff.client.post(`${queueUrl(id)}/acts/prepare`, {
        action: 'register',
        payload: { journalNumber: 'Ж-1' },
      })
    ).json();
    const b = (
      await staff.client.post(`${queueUrl(id)}/acts/prepare`, { action: 'return', payload: { comment: 'x' } })
    ).json();
    const done = await staff.client.post(`${queueUrl(id)}/acts`, {
      signingRequestId: a.signingRequest.id,
      cms: await signRequest(a.signingRequest, staff.keys),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'registered', journalNumber: 'Ж-1' });
    const stale = await staff.client.post(`${queueUrl(id)}/acts`, {
      signingRequestId: b.signingRequest.id,
      cms: await signRequest(b.signingRequest, staff.keys),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('certification_stale_act');
    // A staff member signing with a key of another organisation.
    const c = (
      await staff.client.post(`${queueUrl(id)}/acts/prepare`, { action: 'accept', payload: {} })
    ).json();
    const foreignKey = await staff.client.post(`${queueUrl(id)}/acts`, {
      signingRequestId: c.signingRequest.id,
      cms: await signRequest(c.signingRequest, otherStaff.keys),
    });
    expect(foreignKey.statusCode).toBe(422);
  });

  it('every act not allowed now is 409 through the API, with nothing written (no event, no signing request)', async () => {
    const valid: Record<string, Record<string, unknown>> = {
      register: { journalNumber: 'Ж' },
      accept: {},
      return: { comment: 'x' },
      refuse: { reason: 'x' },
      conclude_contract: { contractNumber: '1', contractDate: '2026-01-01' },
      plan_audit: {
        team: [{ fullName: 'А', role: 'lead' }],
        stage1Date: '2026-01-01',
        stage2Date: '2026-02-01',
      },
      stage1: { date: '2026-01-01', summary: 'x' },
      stage2: {
        date: '2026-01-01',
        summary: 'x',
        reportDocumentIds: ['00000000-0000-4000-8000-000000000000'],
      },
      decide: { positive: true, comment: 'x' },
      issue_certificate: {},
      surveillance: { date: '2026-01-01', summary: 'x' },
      suspend: { reason: 'x' },
      resume: {},
      withdraw: { reason: 'x' },
      recertify: { date: '2026-01-01', summary: 'x' },
    };
    const view = (await staff.client.get(queueUrl(id))).json();
    expect(view.status).toBe('registered');
    const before = [await count('certification_events'), await count('signing_requests'), view.updatedAt];
    for (const action of BODY_ACTIONS.filter((a) => !view.allowedActions.includes(a))) {
      const res = await staff.client.post(`${queueUrl(id)}/acts/prepare`, { action, payload: valid[action] });
      expect(res.statusCode, action).toBe(409);
      expect(res.json().error.code).toBe('certification_transition_not_allowed');
    }
    const modRes = await moderator.client.post(
      `/api/v1/moderator/certification/applications/${id}/acts/prepare`,
      {
        action: 'accept',
        payload: {},
      },
    );
    expect(modRes.statusCode).toBe(409);
    const after = (await staff.client.get(queueUrl(id))).json();
    expect([await count('certification_events'), await count('signing_requests'), after.updatedAt]).toEqual(
      before,
    );
  });

  it('return for revision: applicant e-mailed, editable again, must be re-signed', async () => {
    const res = await act(staff, queueUrl(id), 'return', { comment: 'Приложите сертификат на сырьё' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('returned');
    const mail = (await outbox()).filter((m) => m.subject.includes(number)).at(-1);
    expect(mail?.body_text).toContain('Приложите сертификат на сырьё');
    const view = (await head.client.get(appUrl(id))).json();
    expect(view).toMatchObject({ editable: true, tab: 'drafts', revision: 2, signed: false });
    expect(view.signatories[0].signedAt).toBeNull();
    expect(
      (await upload(head.client, `${appUrl(id)}/documents`, pdf('сертификат на сырьё'))).statusCode,
    ).toBe(201);
    expect((await head.client.post(`${appUrl(id)}/submit`)).statusCode).toBe(200);
    expect((await signAs(head, id)).json().status).toBe('submitted');
  });

  it('runs to the certificate, which shows in АКТИВНЫЕ СЕРТИФИКАТЫ and the public registry', async () => {
    const steps: [string, Record<string, unknown>, string][] = [
      ['register', { journalNumber: 'Ж-2' }, 'registered'],
      ['accept', {}, 'accepted'],
      ['conclude_contract', { contractNumber: 'Д-7', contractDate: '2026-01-10' }, 'contract_concluded'],
      [
        'plan_audit',
        {
          team: [{ fullName: 'АУДИТОР ТЕСТ', role: 'lead' }],
          stage1Date: '2026-02-01',
          stage2Date: '2026-03-01',
        },
        'audit_planned',
      ],
      ['stage1', { date: '2026-02-01', summary: 'Документация в порядке' }, 'stage1_done'],
    ];
    for (const [action, payload, status] of steps) {
      const res = await act(staff, queueUrl(id), action, payload);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const noReport = await staff.client.post(`${queueUrl(id)}/acts/prepare`, {
      action: 'stage2',
      payload: { date: '2026-03-01', summary: 'ok', reportDocumentIds: [id] },
    });
    expect(noReport.statusCode).toBe(400);
    const report = await upload(
      staff.client,
      `${queueUrl(id)}/reports`,
      pdf('отчёт 2 этапа'),
      'report.pdf',
      'Отчёт',
    );
    expect(report.statusCode, report.body).toBe(201);
    const stage2 = await act(staff, queueUrl(id), 'stage2', {
      date: '2026-03-01',
      summary: 'Соответствует',
      reportDocumentIds: [report.json().id],
      nonconformities: [
        {
          description: 'Нет записи о калибровке',
          category: 'minor',
          correctiveAction: 'Внести запись',
          dueDate: '2026-04-01',
        },
      ],
    });
    expect(stage2.statusCode, stage2.body).toBe(200);
    expect(
      (await act(staff, queueUrl(id), 'decide', { positive: true, comment: 'Выдать' })).json().status,
    ).toBe('decision_positive');
    const issued = await act(staff, queueUrl(id), 'issue_certificate', {});
    expect(issued.statusCode, issued.body).toBe(200);
    const view = issued.json();
    expect(view.status).toBe('certificate_active');
    const [cert] = view.certificates;
    expect(cert.number).toMatch(new RegExp(`^KZ\\.SM\\.${BIN.body}\\.\\d{4}\\.\\d{6}$`));
    expect(cert.status).toBe('active');
    const issuedOn = new Date(cert.issuedOn);
    expect(cert.validUntil).toBe(`${issuedOn.getUTCFullYear() + 3}${cert.issuedOn.slice(4)}`);
    expect(cert.surveillance).toHaveLength(2);
    expect(cert.surveillance[0].due).toBe(`${issuedOn.getUTCFullYear() + 1}${cert.issuedOn.slice(4)}`);
    // Every act is in Ход выполнения, signed.
    const acts = view.timeline.filter((e: { actorRole: string }) => e.actorRole === 'body');
    expect(acts.every((e: { signed: boolean }) => e.signed)).toBe(true);

    const active = await head.client.get(`${appUrl()}?tab=active`);
    expect(active.json().items.find((i: { id: string }) => i.id === id)?.certificateNumber).toBe(cert.number);
    const registry = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry?bin=${BIN.applicant}`,
    });
    expect(registry.statusCode).toBe(200);
    expect(registry.json().items).toEqual([
      expect.objectContaining({ number: cert.number, status: 'active', standard: 'ISO 9001' }),
    ]);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry/${encodeURIComponent(cert.number)}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ holderBin: BIN.applicant, bodyBin: BIN.body, status: 'active' });
    const pdfRes = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry/${encodeURIComponent(cert.number)}/pdf`,
    });
    expect(pdfRes.statusCode).toBe(200);
    expect(pdfRes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdfRes.rawPayload).digest('hex')).toBe(cert.pdfSha256);

    // The body signs the PDF (detached); the CMS is offered beside it.
    const noCms = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry/${encodeURIComponent(cert.number)}/pdf.cms`,
    });
    expect(noCms.statusCode).toBe(404);
    expect(
      (await requestSigning(head.client, 'certification_certificate', cert.id).catch((e) => e)) instanceof
        Error,
    ).toBe(true);
    const r = await requestSigning(staff.client, 'certification_certificate', cert.id);
    const signed = await staff.client.post(
      `/api/v1/organizations/${bodyOrgId}/certification/certificates/${cert.id}/pdf-signature`,
      {
        signingRequestId: r.id,
        cms: await signRequest(r, staff.keys, true),
      },
    );
    expect(signed.statusCode, signed.body).toBe(200);
    const cmsRes = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry/${encodeURIComponent(cert.number)}/pdf.cms`,
    });
    expect(cmsRes.statusCode).toBe(200);
    const { anchors, intermediates } = t.ctx.signatures.trustAnchors();
    const report2 = await verifyCms(new Uint8Array(cmsRes.rawPayload), {
      trustAnchors: anchors,
      intermediates,
      purpose: 'document',
      revocation: 'off',
      data: new Uint8Array(pdfRes.rawPayload),
      expectedBin: BIN.body,
    });
    expect(report2.valid).toBe(true);
  });

  it('surveillance, suspend (→ ПРИОСТАНОВЛЕННЫЕ, withdrawal due in 6 months), resume, withdraw', async () => {
    const surv = await act(staff, queueUrl(id), 'surveillance', { date: '2027-01-15', summary: 'ok' });
    expect(surv.statusCode, surv.body).toBe(200);
    expect(surv.json().certificates[0].surveillance[0].doneOn).toBe('2027-01-15');
    const suspended = await act(staff, queueUrl(id), 'suspend', {
      reason: 'Не проведён инспекционный аудит',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const cert = suspended.json().certificates[0];
    expect(cert).toMatchObject({ status: 'suspended', statusReason: 'Не проведён инспекционный аудит' });
    const s = new Date(cert.suspendedOn);
    s.setUTCMonth(s.getUTCMonth() + 6);
    expect(cert.withdrawalDueOn).toBe(s.toISOString().slice(0, 10));
    expect(
      (await head.client.get(`${appUrl()}?tab=suspended`)).json().items.map((i: { id: string }) => i.id),
    ).toContain(id);
    const reg = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry?status=suspended&bin=${BIN.applicant}`,
    });
    expect(reg.json().items).toHaveLength(1);
    expect((await act(staff, queueUrl(id), 'resume', {})).json().status).toBe('certificate_active');
    const withdrawn = await act(staff, queueUrl(id), 'withdraw', { reason: 'По заявлению' });
    expect(withdrawn.json().status).toBe('certificate_withdrawn');
    const reg2 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry?status=withdrawn&bin=${BIN.applicant}`,
    });
    expect(reg2.json().items.map((i: { number: string }) => i.number)).toEqual([cert.number]);
    const after = (await outbox()).filter((m) => m.subject.includes(number));
    expect(after.some((m) => m.subject.includes('Сертификат приостановлен'))).toBe(true);
    expect(after.some((m) => m.subject.includes('Сертификат отозван'))).toBe(true);
  });

  it('recertification issues a new certificate (the old one leaves the registry); expiry shows as expired', async () => {
    const other = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    await signAs(head, other);
    await certify(other);
    const first = (await head.client.get(appUrl(other))).json().certificates[0];
    const re = await act(staff, queueUrl(other), 'recertify', {
      date: '2029-01-10',
      summary: 'Ресертификационный аудит',
    });
    expect(re.statusCode, re.body).toBe(200);
    const [current, old] = re.json().certificates;
    expect(old).toMatchObject({ number: first.number, status: 'replaced' });
    expect(current.number).not.toBe(first.number);
    expect(current.status).toBe('active');
    const listed = (await head.client.get(`${appUrl()}?tab=active&limit=100`)).json().items;
    expect(listed.find((i: { id: string }) => i.id === other)?.certificateNumber).toBe(current.number);
    const reg = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certification/registry?number=${encodeURIComponent(current.number)}`,
      })
    ).json();
    expect(reg.items).toHaveLength(1);
    const gone = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certification/registry?number=${encodeURIComponent(first.number)}`,
      })
    ).json();
    expect(gone.items).toHaveLength(0);
    const byPrefix = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certification/registry?number=${encodeURIComponent(current.number.slice(0, 24).toLowerCase())}`,
      })
    ).json();
    expect(byPrefix.items.map((i: { number: string }) => i.number)).toContain(current.number);
    // Past its validity the certificate is expired in the registry (and on its public page).
    await t.database.query(
      `UPDATE certification_certificates SET valid_until = '2020-01-01' WHERE number = $1`,
      [current.number],
    );
    const expired = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certification/registry?status=expired&bin=${BIN.applicant}`,
      })
    ).json();
    expect(expired.items.map((i: { number: string }) => i.number)).toContain(current.number);
    const activeNow = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certification/registry?status=active&bin=${BIN.applicant}`,
      })
    ).json();
    expect(activeNow.items.map((i: { number: string }) => i.number)).not.toContain(current.number);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certification/registry/${encodeURIComponent(current.number)}`,
    });
    expect(page.json().status).toBe('expired');
    expect((await auditActions(t.database, 'certification.act.recertify')).length).toBe(1);
  });

  it('a body cannot act outside its accreditation scope (403, nothing written)', async () => {
    const other = await submittedApplication([{ plannedName: 'ГЛАВА' }], 'ISO 14001');
    await signAs(head, other);
    // The administrator narrows the body's scope to ISO 9001.
    const narrowed = await admin.client.request({
      method: 'PUT',
      url: `/api/v1/admin/certification/accreditations/${bodyAccreditationId}`,
      payload: accreditation(BIN.body, 'KZ.T.TEST.1', ['ISO 9001']),
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const before = await count('certification_events');
    const res = await staff.client.post(`${queueUrl(other)}/acts/prepare`, {
      action: 'register',
      payload: { journalNumber: 'Ж-3' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('certification_outside_scope');
    expect(await count('certification_events')).toBe(before);
    expect((await staff.client.get(queueUrl(other))).json().status).toBe('submitted');
    await admin.client.request({
      method: 'PUT',
      url: `/api/v1/admin/certification/accreditations/${bodyAccreditationId}`,
      payload: accreditation(BIN.body, 'KZ.T.TEST.1', ['ISO 9001', 'ISO 14001']),
    });
  });
});

describe('moderator', () => {
  it('writes «Блок модератора» (read-only to the applicant), returns an application, sees counts', async () => {
    const id = await submittedApplication([{ plannedName: 'ГЛАВА' }]);
    await signAs(head, id);
    const note = await moderator.client.request({
      method: 'PUT',
      url: `/api/v1/moderator/certification/applications/${id}/note`,
      payload: { text: 'Проверьте ОКЭД' },
    });
    expect(note.statusCode, note.body).toBe(200);
    expect((await head.client.get(appUrl(id))).json().moderatorBlock.note).toBe('Проверьте ОКЭД');
    const byApplicant = await head.client.request({
      method: 'PUT',
      url: `/api/v1/moderator/certification/applications/${id}/note`,
      payload: { text: 'x' },
    });
    expect(byApplicant.statusCode).toBe(403);
    const returned = await act(moderator, `/api/v1/moderator/certification/applications/${id}`, 'return', {
      comment: 'Неверный ОКЭД',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    const notAllowed = await moderator.client.post(
      `/api/v1/moderator/certification/applications/${id}/acts/prepare`,
      {
        action: 'register',
        payload: { journalNumber: '1' },
      },
    );
    expect(notAllowed.statusCode).toBe(409);
    const stats = (await moderator.client.get('/api/v1/moderator/certification/stats')).json();
    expect(
      stats.byStatus.find((s: { status: string }) => s.status === 'returned').count,
    ).toBeGreaterThanOrEqual(1);
    expect(stats.byBody.some((b: { bodyBin: string }) => b.bodyBin === BIN.body)).toBe(true);
    const all = await moderator.client.get(
      '/api/v1/moderator/certification/applications?tab=drafts&limit=100',
    );
    expect(all.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });
});

describe('lists', () => {
  it('every tab and sort of every view is served by an index (no Sort node in the plan)', async () => {
    const scopes = [{ organizationId: orgId }, { bodyBin: BIN.body }, 'all'] as const;
    const literal = (v: unknown) =>
      typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    const cursorOf = (sort: string) =>
      Buffer.from(
        JSON.stringify([
          sort === 'created' ? new Date().toISOString() : 'M',
          '00000000-0000-0000-0000-000000000000',
        ]),
      ).toString('base64url');
    await t.ctx.database.db.transaction(async (trx) => {
      const tx = trx as unknown as Db;
      await tx.execute(sql.raw('SET LOCAL enable_seqscan = off'));
      await tx.execute(sql.raw('SET LOCAL enable_sort = off'));
      for (const scope of scopes)
        for (const tab of ['active', 'review', 'suspended', 'drafts'])
          for (const sort of ['number', 'created', 'bin', 'name', 'status', 'body'])
            for (const order of ['asc', 'desc'])
              for (const cursor of [undefined, cursorOf(sort)]) {
                const q = listQuery.parse({ tab, sort, order, cursor });
                const { text, params } = applicationListQuery(scope, q);
                const inlined = text.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]));
                const res = (await tx.execute(sql.raw(`EXPLAIN ${inlined}`))) as unknown as {
                  rows: { 'QUERY PLAN': string }[];
                };
                const plan = res.rows.map((r) => r['QUERY PLAN']);
                const main = plan.slice(0, plan.findIndex((l) => l.includes('SubPlan')) >>> 0 || plan.length);
                const where = `${JSON.stringify(scope)} ${tab} ${sort} ${order} ${cursor ? 'cursor' : ''}`;
                expect(
                  main.some((l) => /Sort\b/.test(l) && !/Sort Key/.test(l)),
                  `${where}\n${plan.join('\n')}`,
                ).toBe(false);
                expect(main.join('\n'), where).toMatch(/Index (Only )?Scan (Backward )?using cert_app_/);
              }
    });
  });

  it('keyset pages in every sort cover the tab exactly once, in order', async () => {
    for (let i = 0; i < 3; i++)
      await head.client.post(appUrl(), {
        applicant: { name: `ТОО «Список ${String.fromCharCode(0x410 + i)}»` },
      });
    const all = (await head.client.get(`${appUrl()}?tab=drafts&limit=100&sort=number&order=asc`)).json()
      .items;
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const sort of ['number', 'created', 'bin', 'name', 'status', 'body'])
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `${appUrl()}?tab=drafts&limit=2&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ''}`;
          const page = (await head.client.get(url)).json();
          seen.push(...page.items.map((i: { id: string }) => i.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(all.length);
        expect(seen.length).toBe(all.length);
      }
    const byName = (await head.client.get(`${appUrl()}?tab=drafts&limit=100&sort=name&order=asc`)).json()
      .items;
    const names = byName.map((i: { applicantName: string }) => i.applicantName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const filtered = (
      await head.client.get(`${appUrl()}?tab=drafts&q=${encodeURIComponent('ТОО «Список')}`)
    ).json().items;
    expect(filtered).toHaveLength(3);
    expect((await head.client.get(`${appUrl()}?cursor=garbage`)).statusCode).toBe(400);
  });
});
