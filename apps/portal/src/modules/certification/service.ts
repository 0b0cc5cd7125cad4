import { createHash, randomBytes } from 'node:crypto';
import { appendSignatures, type CertProfile, decodeCmsInput } from '@tereze/pki';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { renderCertificatePdf } from '../certificate-pdf/render';
import type { Account } from '../identity/accounts';
import type { Organization } from '../organizations/service';
import { fullNameOf } from '../signatures/certificate-summary';
import { signatureInvalid } from '../signatures/service';
import { createAccreditations, DEMO_ACCREDITATIONS } from './accreditations';
import { ACT_FORMAT, APPLICATION_FORMAT, canonicalBytes } from './canonical';
import { type ListScope, listApplications, listRegistry, publicStatusSql } from './lists';
import { labelParams, statusLabel } from './messages';
import { addMonths, almatyDate, nextApplicationNumber, nextCertificateNumber } from './numbering';
import {
  ACT_PAYLOADS,
  type ApplicationForm,
  applicationForm,
  type ListQuery,
  type RegistryQuery,
  type Standard,
} from './schema';
import {
  type Action,
  type Actor,
  type ApplicationStatus,
  allowedActions,
  type BodyAction,
  EDITABLE,
  TAB_OF,
  transition,
} from './state-machine';
import {
  certificationApplications,
  certificationCertificates,
  certificationDocuments,
  certificationEvents,
  certificationSignatories,
} from './tables';

export type ApplicationRow = typeof certificationApplications.$inferSelect;
export type CertificateRow = typeof certificationCertificates.$inferSelect;
type DocumentRow = typeof certificationDocuments.$inferSelect;

/** Documents: ≤ 20 MB, PDF/DOCX/XLSX/JPEG/PNG by content (files module checks). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'jpeg', 'png'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new AppError(404, 'not_found');
const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytesEqual = (a: Uint8Array | null, b: Uint8Array) => !!a && Buffer.from(a).equals(Buffer.from(b));

/** Who acts: the applicant organisation's member, the body's staff member, or a moderator. */
export type Viewer =
  | { role: 'applicant'; account: Account; organization: Organization }
  | { role: 'body'; account: Account; organization: Organization }
  | { role: 'moderator'; account: Account };

interface RequestMeta {
  ip?: string;
  userAgent?: string;
}
const metaOf = (req: FastifyRequest): RequestMeta => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

/** The signed act (canonical JSON of a certification_act signing request). */
interface SignedAct {
  format: string;
  portal: string;
  applicationId: string;
  applicationNumber: string;
  revision: number;
  seq: number;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  action: BodyAction;
  payload: Record<string, unknown>;
  actor: { role: 'body' | 'moderator'; accountId: string; iin: string; bodyBin?: string };
  certificate?: { standard: string; scope: string; issuedOn: string; validUntil: string };
  issuedAt: string;
  nonce: string;
}

const accountName = (a: Account) =>
  [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || a.email || a.iin;

function normalizeMobile(v: string | undefined): string | undefined {
  if (!v) return v;
  const digits = v.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')))
    return `+7${digits.slice(1)}`;
  return v;
}

/** Certificate columns of the signatories table (ФИО на ЭЦП … кем выдано). */
function signatoryCertificate(p: CertProfile) {
  const issuerCn = /(?:^|,\s*)CN=([^,]+)/.exec(p.issuerDn)?.[1] ?? p.issuerDn;
  return {
    fullName: fullNameOf(p),
    email: p.email ?? null,
    iin: p.iin ?? null,
    validFrom: p.notBefore.toISOString(),
    validTo: p.notAfter.toISOString(),
    bin: p.bin ?? null,
    organization: p.organization ?? null,
    roles: [...p.roles],
    action: 'sign',
    issuer: issuerCn,
    serialNumber: p.serialNumber,
  };
}

/**
 * The certification e-service (docs/certification.md): accreditations, applications (drafts, documents,
 * submission and co-signing into one CMS), the body's signed acts through the state machine, the moderator's
 * block, certificates and the public registry. Authorisation is here, not in the routes.
 */
export function createCertificationService(ctx: AppContext) {
  const db = ctx.database.db;
  const accreditations = createAccreditations(db);
  const today = () => almatyDate(ctx.now());
  const inTx = <T>(fn: (tx: Db) => Promise<T>) => db.transaction((t) => fn(t as unknown as Db));

  async function load(id: string, tx: Db = db, lock = false): Promise<ApplicationRow> {
    if (!UUID.test(id)) throw notFound();
    const q = tx.select().from(certificationApplications).where(eq(certificationApplications.id, id));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw notFound();
    return row;
  }

  // ── access ────────────────────────────────────────────────────────────────────────────────────────────
  /** A member of the applicant organisation, for its own application (404 otherwise: no existence leak). */
  async function asApplicant(req: FastifyRequest, organizationId: string, applicationId?: string) {
    const { account, organization } = await ctx.organizations.requireMember(req, organizationId);
    const viewer: Viewer = { role: 'applicant', account, organization };
    if (!applicationId) return { viewer, app: null };
    const app = await load(applicationId);
    if (app.organizationId !== organization.id) throw notFound();
    return { viewer, app };
  }

  /** Staff of a body (member of the organisation with an accreditation's BIN); only applications sent to it. */
  async function asBody(req: FastifyRequest, organizationId: string, applicationId?: string) {
    const { account, organization } = await ctx.organizations.requireMember(req, organizationId);
    const records = await accreditations.ofBody(organization.bin);
    if (records.length === 0) throw new AppError(403, 'certification_not_a_body');
    const viewer: Viewer = { role: 'body', account, organization };
    if (!applicationId) return { viewer, app: null };
    const app = await load(applicationId);
    if (app.bodyBin !== organization.bin || !app.submittedAt) throw notFound();
    return { viewer, app };
  }

  async function asModerator(req: FastifyRequest, applicationId?: string) {
    const { account } = await ctx.identity.requireRole(req, 'moderator');
    const viewer: Viewer = { role: 'moderator', account };
    if (!applicationId) return { viewer, app: null };
    return { viewer, app: await load(applicationId) };
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────────────
  async function documentsOf(applicationId: string, tx: Db = db): Promise<DocumentRow[]> {
    return tx
      .select()
      .from(certificationDocuments)
      .where(eq(certificationDocuments.applicationId, applicationId))
      .orderBy(asc(certificationDocuments.createdAt), asc(certificationDocuments.id));
  }

  async function signatoriesOf(applicationId: string, tx: Db = db) {
    return tx
      .select()
      .from(certificationSignatories)
      .where(eq(certificationSignatories.applicationId, applicationId))
      .orderBy(asc(certificationSignatories.position));
  }

  async function certificatesOf(applicationId: string, tx: Db = db): Promise<CertificateRow[]> {
    return tx
      .select()
      .from(certificationCertificates)
      .where(eq(certificationCertificates.applicationId, applicationId))
      .orderBy(desc(certificationCertificates.createdAt));
  }

  function certificateView(c: CertificateRow) {
    const day = today();
    const expired = (c.status === 'active' || c.status === 'suspended') && c.validUntil < day;
    return {
      id: c.id,
      number: c.number,
      holderBin: c.holderBin,
      holderName: c.holderName,
      bodyBin: c.bodyBin,
      bodyName: c.bodyName,
      attestatNumber: c.attestatNumber,
      standard: c.standard,
      scope: c.scope,
      issuedOn: c.issuedOn,
      validUntil: c.validUntil,
      status: expired ? 'expired' : c.status,
      statusReason: c.statusReason,
      suspendedOn: c.suspendedOn,
      withdrawalDueOn: c.withdrawalDueOn,
      withdrawalOverdue: c.status === 'suspended' && !!c.withdrawalDueOn && c.withdrawalDueOn < day,
      surveillance: c.surveillance as { due: string; doneOn: string | null }[],
      pdfAvailable: !!c.pdfFileId,
      pdfSigned: !!c.pdfCms,
      pdfSha256: c.pdfSha256,
      publicUrl: `${ctx.config.PUBLIC_URL}/certification/certificates/${encodeURIComponent(c.number)}`,
    };
  }

  async function view(app: ApplicationRow, viewer: Viewer) {
    const [documents, signatories, events, certificates] = await Promise.all([
      documentsOf(app.id),
      signatoriesOf(app.id),
      db
        .select()
        .from(certificationEvents)
        .where(eq(certificationEvents.applicationId, app.id))
        .orderBy(asc(certificationEvents.seq)),
      certificatesOf(app.id),
    ]);
    const actor: Actor = viewer.role;
    return {
      id: app.id,
      number: app.number,
      organizationId: app.organizationId,
      status: app.status,
      tab: app.tab,
      revision: app.revision,
      editable: viewer.role === 'applicant' && EDITABLE.includes(app.status as ApplicationStatus),
      allowedActions: allowedActions(app.status as ApplicationStatus, actor),
      form: app.form as ApplicationForm,
      applicantBin: app.applicantBin,
      applicantName: app.applicantName,
      body: app.bodyBin ? { bin: app.bodyBin, name: app.bodyName } : null,
      standard: app.standard,
      journalNumber: app.journalNumber,
      moderatorBlock: {
        note: app.moderatorNote,
        updatedAt: app.moderatorNoteAt?.toISOString() ?? null,
      },
      documents: documents
        .filter((d) => viewer.role !== 'applicant' || d.kind === 'applicant' || app.submittedAt)
        .map((d) => ({
          id: d.id,
          kind: d.kind,
          title: d.title,
          filename: d.filename,
          mediaType: d.mediaType,
          size: d.size,
          sha256: d.sha256,
          createdAt: d.createdAt.toISOString(),
        })),
      signatories: signatories.map((s) => ({
        id: s.id,
        position: s.position,
        plannedName: s.plannedName,
        plannedIin: s.plannedIin,
        comment: s.comment,
        signedAt: s.signedAt?.toISOString() ?? null,
        certificate: s.certificate as ReturnType<typeof signatoryCertificate> | null,
      })),
      signed: !!app.signedCms && app.status !== 'signing',
      timeline: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: e.actorName,
        actorRole: e.actorRole,
        payload: e.payload,
        signed: !!e.cms,
        signer: e.signer,
        createdAt: e.createdAt.toISOString(),
      })),
      certificates: certificates.map(certificateView),
      submittedAt: app.submittedAt?.toISOString() ?? null,
      createdAt: app.createdAt.toISOString(),
      updatedAt: app.updatedAt.toISOString(),
    };
  }

  // ── writing helpers ───────────────────────────────────────────────────────────────────────────────────
  async function addEvent(
    tx: Db,
    app: ApplicationRow,
    e: {
      action: Action;
      from: string | null;
      to: ApplicationStatus;
      actorRole: Actor;
      account?: Account | null;
      payload?: Record<string, unknown>;
      signedData?: Uint8Array | null;
      cms?: Uint8Array | null;
      signer?: Record<string, unknown> | null;
      certificateId?: string | null;
    },
    seq: number,
  ) {
    await tx.insert(certificationEvents).values({
      applicationId: app.id,
      seq,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      actorAccountId: e.account?.id ?? null,
      actorName: e.account ? accountName(e.account) : null,
      actorRole: e.actorRole,
      payload: e.payload ?? {},
      signedData: e.signedData ?? null,
      cms: e.cms ?? null,
      signer: e.signer ?? null,
      certificateId: e.certificateId ?? null,
      createdAt: ctx.now(),
    });
  }

  async function audit(
    tx: Db,
    action: string,
    account: Account | null,
    app: { id: string; organizationId?: string },
    meta: RequestMeta,
    details: Record<string, unknown> = {},
  ) {
    await ctx.audit.record(
      {
        action,
        result: 'success',
        actorUserId: account?.id ?? null,
        organizationId: app.organizationId ?? null,
        targetType: 'certification_application',
        targetId: app.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details,
      },
      tx,
    );
  }

  /** The applicant is emailed on every status change (transactional outbox: sent iff the change commits). */
  async function notifyApplicant(tx: Db, app: ApplicationRow, status: ApplicationStatus, comment?: string) {
    const form = app.form as ApplicationForm;
    let to = form.applicant?.email;
    if (!to) to = (await ctx.identity.findAccountById(app.createdByAccountId, tx))?.email ?? undefined;
    if (!to) return;
    const lines = [
      `Заявка ${app.number} на сертификацию системы менеджмента: статус «${statusLabel('ru', status)}».`,
      `${app.number} өтінімі: мәртебесі «${statusLabel('kk', status)}».`,
    ];
    if (comment) lines.push('', comment);
    lines.push('', `${ctx.config.PUBLIC_URL}/certification/applications/${app.id}`);
    await ctx.notifications.sendEmail(
      { to, subject: `tereze: ${app.number} — ${statusLabel('ru', status)}`, text: lines.join('\n') },
      tx,
    );
  }

  /** The body learns of a new application at its organisation's e-mail (when registered on the portal). */
  async function notifyBody(tx: Db, app: ApplicationRow) {
    const body = app.bodyBin ? await ctx.organizations.findByBin(app.bodyBin, tx) : null;
    if (!body?.email) return;
    await ctx.notifications.sendEmail(
      {
        to: body.email,
        subject: `tereze: ${app.number} — новая заявка / жаңа өтінім`,
        text: [
          `Поступила заявка ${app.number} на сертификацию системы менеджмента (${app.standard ?? ''}) от ${app.applicantName}, БИН ${app.applicantBin}.`,
          `${app.applicantName} (БСН ${app.applicantBin}) ұйымынан ${app.number} өтінімі түсті.`,
          '',
          `${ctx.config.PUBLIC_URL}/certification/queue/${app.id}`,
        ].join('\n'),
      },
      tx,
    );
  }

  async function accreditedBody(bodyBin: string, standard: string | null | undefined, tx: Db = db) {
    if (!standard) return null;
    return accreditations.covering(bodyBin, standard, today(), tx);
  }

  /** Draft fields → the stored form and the list columns. The applicant BIN is the organisation's, always. */
  async function normalizeForm(input: ApplicationForm, organization: Organization) {
    const { signatories: _signatories, ...rest } = input;
    const form: ApplicationForm = {
      ...rest,
      applicant: {
        ...rest.applicant,
        bin: organization.bin,
        mobile: normalizeMobile(rest.applicant?.mobile),
      },
    };
    let bodyName = '';
    const bodyBin = form.body?.bodyBin || null;
    if (bodyBin === organization.bin)
      throw new AppError(400, 'validation_failed', {}, { 'body.bodyBin': 'certification_body_is_applicant' });
    if (bodyBin) {
      const records = await accreditations.ofBody(bodyBin);
      if (records.length === 0)
        throw new AppError(
          400,
          'validation_failed',
          {},
          { 'body.bodyBin': 'certification_body_not_accredited' },
        );
      bodyName = records[records.length - 1].bodyNameRu;
    }
    return {
      form,
      applicantName: form.applicant?.name?.trim() || organization.nameRu,
      bodyBin,
      bodyName,
      standard: form.scope?.standard ?? null,
    };
  }

  async function replaceSignatories(tx: Db, applicationId: string, blocks: ApplicationForm['signatories']) {
    await tx
      .delete(certificationSignatories)
      .where(eq(certificationSignatories.applicationId, applicationId));
    if (!blocks?.length) return;
    await tx.insert(certificationSignatories).values(
      blocks.map((b, i) => ({
        applicationId,
        position: i + 1,
        plannedName: b.plannedName,
        plannedIin: b.plannedIin || null,
        comment: b.comment || null,
      })),
    );
  }

  /** «Подать заявку»: every problem at once, as field → code. */
  async function submissionProblems(app: ApplicationRow): Promise<Record<string, string>> {
    const f = app.form as ApplicationForm;
    const errors: Record<string, string> = {};
    const need = (path: string, v: unknown) => {
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))
        errors[path] = 'required';
    };
    need('applicant.name', f.applicant?.name);
    need('applicant.legalAddress', f.applicant?.legalAddress);
    need('applicant.headFullName', f.applicant?.headFullName);
    need('applicant.mobile', f.applicant?.mobile);
    if (f.applicant?.mobile && !/^\+77\d{9}$/.test(f.applicant.mobile))
      errors['applicant.mobile'] = 'invalid_phone';
    need('applicant.email', f.applicant?.email);
    if (f.applicant?.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.applicant.email))
      errors['applicant.email'] = 'invalid_email';
    need('address.postalIndex', f.address?.postalIndex);
    if (f.address?.postalIndex && !/^\d{6}$/.test(f.address.postalIndex))
      errors['address.postalIndex'] = 'invalid';
    need('address.city', f.address?.city);
    need('address.street', f.address?.street);
    need('address.house', f.address?.house);
    need('additional.contactPerson', f.additional?.contactPerson);
    need('additional.contactPhone', f.additional?.contactPhone);
    need('scope.standard', f.scope?.standard);
    need('scope.scopeText', f.scope?.scopeText);
    if (!f.scope?.sites?.length) errors['scope.sites'] = 'required';
    if (!f.scope?.headcount || f.scope.headcount < 1) errors['scope.headcount'] = 'required';
    need('scope.oked', f.scope?.oked);
    if (f.scope?.oked && !/^\d{5}$/.test(f.scope.oked)) errors['scope.oked'] = 'invalid';
    need('body.bodyBin', f.body?.bodyBin);
    if (f.body?.bodyBin && f.scope?.standard && !(await accreditedBody(f.body.bodyBin, f.scope.standard)))
      errors['body.bodyBin'] = 'certification_body_scope';
    const docs = await documentsOf(app.id);
    if (!docs.some((d) => d.kind === 'applicant')) errors.documents = 'required';
    const blocks = await signatoriesOf(app.id);
    if (blocks.length === 0) errors.signatories = 'required';
    blocks.forEach((b, i) => {
      if (b.plannedIin && !/^\d{12}$/.test(b.plannedIin))
        errors[`signatories.${i}.plannedIin`] = 'invalid_iin';
    });
    return errors;
  }

  /** The exact bytes every signatory signs: the application and its documents' SHA-256 (canonical JSON). */
  async function applicationContent(tx: Db, app: ApplicationRow, revision: number): Promise<Uint8Array> {
    const [docs, blocks] = await Promise.all([documentsOf(app.id, tx), signatoriesOf(app.id, tx)]);
    return canonicalBytes({
      format: APPLICATION_FORMAT,
      portal: ctx.config.PUBLIC_URL,
      applicationId: app.id,
      number: app.number,
      revision,
      organization: { bin: app.applicantBin, name: app.applicantName },
      body: { bin: app.bodyBin, name: app.bodyName },
      form: app.form,
      documents: docs
        .filter((d) => d.kind === 'applicant')
        .map((d) => ({ id: d.id, title: d.title, filename: d.filename, size: d.size, sha256: d.sha256 })),
      signatories: blocks.map((b) => ({
        position: b.position,
        plannedName: b.plannedName,
        plannedIin: b.plannedIin,
      })),
    });
  }

  function requireEditable(app: ApplicationRow) {
    if (!EDITABLE.includes(app.status as ApplicationStatus))
      throw new AppError(409, 'certification_not_editable', labelParams(app.status));
  }

  // ── acts ──────────────────────────────────────────────────────────────────────────────────────────────
  function parsePayload(action: BodyAction, payload: Record<string, unknown>) {
    const parsed = ACT_PAYLOADS[action].safeParse(payload);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[['payload', ...issue.path].join('.')] ??= 'invalid';
      throw new AppError(400, 'validation_failed', {}, fields);
    }
    return parsed.data as Record<string, unknown>;
  }

  async function checkScope(viewer: Viewer, app: ApplicationRow, tx: Db = db) {
    if (viewer.role !== 'body') return null;
    const record = await accreditedBody(viewer.organization.bin, app.standard, tx);
    if (!record) throw new AppError(403, 'certification_outside_scope', { standard: app.standard ?? '' });
    return record;
  }

  async function checkReports(app: ApplicationRow, ids: unknown, tx: Db = db) {
    if (!Array.isArray(ids) || ids.length === 0) return;
    const docs = await documentsOf(app.id, tx);
    for (const id of ids)
      if (!docs.some((d) => d.id === id && d.kind === 'report'))
        throw new AppError(
          400,
          'validation_failed',
          {},
          { 'payload.reportDocumentIds': 'certification_report_unknown' },
        );
  }

  async function issueCertificate(
    tx: Db,
    app: ApplicationRow,
    facts: NonNullable<SignedAct['certificate']>,
    attestatNumber: string,
  ): Promise<CertificateRow> {
    const number = await nextCertificateNumber(tx, app.bodyBin ?? '', Number(facts.issuedOn.slice(0, 4)));
    const surveillance = [
      { due: addMonths(facts.issuedOn, 12), doneOn: null },
      { due: addMonths(facts.issuedOn, 24), doneOn: null },
    ];
    const t = ctx.now();
    const pdf = await renderCertificatePdf({
      number,
      holderBin: app.applicantBin,
      holderName: app.applicantName,
      bodyBin: app.bodyBin ?? undefined,
      bodyName: app.bodyName,
      attestatNumber,
      standard: facts.standard,
      scope: facts.scope,
      issuedAt: facts.issuedOn,
      validUntil: facts.validUntil,
      publicUrl: `${ctx.config.PUBLIC_URL}/certification/certificates/${encodeURIComponent(number)}`,
      lang: 'ru',
    });
    const stored = await ctx.files.store(
      {
        bytes: pdf,
        filename: `${number}.pdf`,
        purpose: 'certificate_pdf',
        allowed: ['pdf'],
        maxBytes: DOCUMENT_MAX_BYTES,
        ownerAccountId: null,
        organizationId: app.organizationId,
      },
      tx,
    );
    const [row] = await tx
      .insert(certificationCertificates)
      .values({
        number,
        applicationId: app.id,
        organizationId: app.organizationId,
        holderBin: app.applicantBin,
        holderName: app.applicantName,
        bodyBin: app.bodyBin ?? '',
        bodyName: app.bodyName,
        attestatNumber,
        standard: facts.standard,
        scope: facts.scope,
        issuedOn: facts.issuedOn,
        validUntil: facts.validUntil,
        status: 'active',
        surveillance,
        pdfFileId: stored.id,
        pdfSha256: stored.sha256,
        createdAt: t,
        updatedAt: t,
      })
      .returning();
    return row;
  }

  /** The certificate an act on a certified application works on (the newest). */
  async function currentCertificate(tx: Db, app: ApplicationRow): Promise<CertificateRow> {
    const [cert] = await certificatesOf(app.id, tx);
    if (!cert)
      throw new AppError(409, 'certification_transition_not_allowed', labelParams(app.status, 'certificate'));
    return cert;
  }

  /** The effects of an act beyond the status (certificate records, journal number, re-signing). */
  async function applyEffects(tx: Db, app: ApplicationRow, act: SignedAct, attestat: string | null) {
    const set: Partial<ApplicationRow> = {};
    let certificateId: string | null = null;
    const t = ctx.now();
    const p = act.payload;
    switch (act.action) {
      case 'register':
        set.journalNumber = String(p.journalNumber);
        break;
      case 'return':
        // Editable again; the signatures of this revision are void (re-signed after the fix).
        set.revision = app.revision + 1;
        set.signedContent = null;
        set.signedCms = null;
        await tx
          .update(certificationSignatories)
          .set({ signedAt: null, signerAccountId: null, certificate: null, revision: null })
          .where(eq(certificationSignatories.applicationId, app.id));
        break;
      case 'issue_certificate': {
        const cert = await issueCertificate(tx, app, act.certificate!, attestat ?? '');
        certificateId = cert.id;
        break;
      }
      case 'recertify': {
        const old = await currentCertificate(tx, app);
        await tx
          .update(certificationCertificates)
          .set({ status: 'replaced', statusReason: 'recertified', updatedAt: t })
          .where(eq(certificationCertificates.id, old.id));
        const cert = await issueCertificate(tx, app, act.certificate!, attestat ?? old.attestatNumber);
        certificateId = cert.id;
        break;
      }
      case 'surveillance': {
        const cert = await currentCertificate(tx, app);
        const plan = [...(cert.surveillance as { due: string; doneOn: string | null }[])];
        const next = plan.findIndex((s) => !s.doneOn);
        if (next < 0)
          throw new AppError(
            409,
            'certification_no_surveillance_due',
            {},
            { 'payload.date': 'certification_no_surveillance_due' },
          );
        plan[next] = { ...plan[next], doneOn: String(p.date) };
        await tx
          .update(certificationCertificates)
          .set({ surveillance: plan, updatedAt: t })
          .where(eq(certificationCertificates.id, cert.id));
        certificateId = cert.id;
        break;
      }
      case 'suspend': {
        const cert = await currentCertificate(tx, app);
        const day = today();
        await tx
          .update(certificationCertificates)
          .set({
            status: 'suspended',
            statusReason: String(p.reason),
            suspendedOn: day,
            withdrawalDueOn: addMonths(day, 6),
            updatedAt: t,
          })
          .where(eq(certificationCertificates.id, cert.id));
        certificateId = cert.id;
        break;
      }
      case 'resume':
      case 'withdraw': {
        const cert = await currentCertificate(tx, app);
        await tx
          .update(certificationCertificates)
          .set(
            act.action === 'resume'
              ? {
                  status: 'active',
                  statusReason: null,
                  suspendedOn: null,
                  withdrawalDueOn: null,
                  updatedAt: t,
                }
              : { status: 'withdrawn', statusReason: String(p.reason), withdrawalDueOn: null, updatedAt: t },
          )
          .where(eq(certificationCertificates.id, cert.id));
        certificateId = cert.id;
        break;
      }
      default:
        break;
    }
    return { set, certificateId };
  }

  const service = {
    accreditations,
    asApplicant,
    asBody,
    asModerator,
    view,
    load,
    today,

    /** DEMO: the demo body's accreditation (idempotent). */
    async seedDemo() {
      for (const record of DEMO_ACCREDITATIONS) {
        const existing = await accreditations.ofBody(record.bodyBin);
        if (existing.length === 0) await accreditations.create(record).catch(() => {});
      }
    },

    listFor: (scope: ListScope, q: ListQuery) => listApplications(ctx.database, scope, q),

    /** «+ Добавить»: a draft prefilled from the organisation (Заявитель tab). */
    async create(req: FastifyRequest, organizationId: string, input: ApplicationForm) {
      const { viewer } = await asApplicant(req, organizationId);
      if (viewer.role !== 'applicant') throw notFound();
      const org = viewer.organization;
      const head = [org.headSurname, org.headFirstName, org.headPatronymic].filter(Boolean).join(' ');
      const prefilled: ApplicationForm = applicationForm.parse({
        ...input,
        applicant: {
          name: org.nameRu,
          headFullName: head || undefined,
          mobile: org.phone ?? undefined,
          email: org.email ?? undefined,
          ...input.applicant,
        },
      });
      const n = await normalizeForm(prefilled, org);
      const t = ctx.now();
      const app = await inTx(async (tx) => {
        const number = await nextApplicationNumber(tx, Number(almatyDate(t).slice(0, 4)));
        const [row] = await tx
          .insert(certificationApplications)
          .values({
            number,
            organizationId: org.id,
            createdByAccountId: viewer.account.id,
            applicantBin: org.bin,
            applicantName: n.applicantName,
            bodyBin: n.bodyBin,
            bodyName: n.bodyName,
            standard: n.standard,
            status: 'draft',
            tab: TAB_OF.draft,
            form: n.form,
            eventCount: 1,
            createdAt: t,
            updatedAt: t,
          })
          .returning();
        await replaceSignatories(tx, row.id, input.signatories);
        await addEvent(
          tx,
          row,
          { action: 'create', from: null, to: 'draft', actorRole: 'applicant', account: viewer.account },
          1,
        );
        await audit(tx, 'certification.application.create', viewer.account, row, metaOf(req), { number });
        return row;
      });
      return view(app, viewer);
    },

    /** «Сохранить»: the whole form replaces the draft's (drafts and returned applications only). */
    async update(req: FastifyRequest, organizationId: string, id: string, input: ApplicationForm) {
      const { viewer } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant') throw notFound();
      const n = await normalizeForm(input, viewer.organization);
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        requireEditable(current);
        const [row] = await tx
          .update(certificationApplications)
          .set({
            form: n.form,
            applicantName: n.applicantName,
            bodyBin: n.bodyBin,
            bodyName: n.bodyName,
            standard: n.standard,
            updatedAt: ctx.now(),
          })
          .where(eq(certificationApplications.id, id))
          .returning();
        if (input.signatories) await replaceSignatories(tx, id, input.signatories);
        await audit(tx, 'certification.application.update', viewer.account, row, metaOf(req));
        return row;
      });
      return view(app, viewer);
    },

    /** Документы tab: store (type by content, ≤ 20 MB, SHA-256), editable applications only; nothing stored on refusal. */
    async addDocument(
      req: FastifyRequest,
      viewer: Viewer,
      app: ApplicationRow,
      file: { bytes: Uint8Array; filename: string; title: string },
      kind: 'applicant' | 'report',
    ) {
      if (kind === 'applicant') requireEditable(app);
      const title = file.title.trim().slice(0, 300) || file.filename;
      const doc = await inTx(async (tx) => {
        const current = await load(app.id, tx, true);
        if (kind === 'applicant') requireEditable(current);
        const stored = await ctx.files.store(
          {
            bytes: file.bytes,
            filename: file.filename,
            purpose: kind === 'applicant' ? 'application_document' : 'audit_report',
            allowed: DOCUMENT_KINDS,
            maxBytes: DOCUMENT_MAX_BYTES,
            ownerAccountId: viewer.account.id,
            organizationId: viewer.role === 'moderator' ? null : viewer.organization.id,
          },
          tx,
        );
        const [row] = await tx
          .insert(certificationDocuments)
          .values({
            applicationId: app.id,
            kind,
            title,
            fileId: stored.id,
            filename: stored.filename,
            mediaType: stored.mediaType,
            size: stored.size,
            sha256: stored.sha256,
            uploadedBy: viewer.account.id,
            createdAt: ctx.now(),
          })
          .returning();
        await tx
          .update(certificationApplications)
          .set({ updatedAt: ctx.now() })
          .where(eq(certificationApplications.id, app.id));
        await audit(tx, 'certification.document.add', viewer.account, app, metaOf(req), {
          documentId: row.id,
          sha256: row.sha256,
          kind,
        });
        return row;
      });
      return {
        id: doc.id,
        kind: doc.kind,
        title: doc.title,
        filename: doc.filename,
        mediaType: doc.mediaType,
        size: doc.size,
        sha256: doc.sha256,
        createdAt: doc.createdAt.toISOString(),
      };
    },

    async removeDocument(req: FastifyRequest, viewer: Viewer, app: ApplicationRow, documentId: string) {
      requireEditable(app);
      await inTx(async (tx) => {
        const current = await load(app.id, tx, true);
        requireEditable(current);
        if (!UUID.test(documentId)) throw notFound();
        const [row] = await tx
          .delete(certificationDocuments)
          .where(
            and(
              eq(certificationDocuments.id, documentId),
              eq(certificationDocuments.applicationId, app.id),
              eq(certificationDocuments.kind, 'applicant'),
            ),
          )
          .returning();
        if (!row) throw notFound();
        await ctx.files.remove(row.fileId, { actorAccountId: viewer.account.id }, tx);
        await audit(tx, 'certification.document.remove', viewer.account, app, metaOf(req), { documentId });
      });
    },

    async readDocument(app: ApplicationRow, documentId: string) {
      if (!UUID.test(documentId)) throw notFound();
      const [row] = await db
        .select()
        .from(certificationDocuments)
        .where(
          and(eq(certificationDocuments.id, documentId), eq(certificationDocuments.applicationId, app.id)),
        );
      if (!row) throw notFound();
      const { bytes } = await ctx.files.read(row.fileId);
      return { row, bytes };
    },

    /** «Подать заявку»: validates everything, fixes the signed content; signatories then sign it. */
    async submit(req: FastifyRequest, organizationId: string, id: string) {
      const { viewer, app: found } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant' || !found) throw notFound();
      transition(found.status as ApplicationStatus, 'submit', 'applicant');
      const problems = await submissionProblems(found);
      if (Object.keys(problems).length) throw new AppError(400, 'validation_failed', {}, problems);
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        const to = transition(current.status as ApplicationStatus, 'submit', 'applicant');
        const content = await applicationContent(tx, current, current.revision);
        const seq = current.eventCount + 1;
        const [row] = await tx
          .update(certificationApplications)
          .set({
            status: to,
            tab: TAB_OF[to],
            signedContent: content,
            signedCms: null,
            eventCount: seq,
            updatedAt: ctx.now(),
          })
          .where(eq(certificationApplications.id, id))
          .returning();
        await addEvent(
          tx,
          row,
          {
            action: 'submit',
            from: current.status,
            to,
            actorRole: 'applicant',
            account: viewer.account,
            payload: { revision: current.revision, sha256: sha256Hex(content) },
          },
          seq,
        );
        await audit(tx, 'certification.application.submit', viewer.account, row, metaOf(req), {
          revision: current.revision,
        });
        return row;
      });
      return view(app, viewer);
    },

    /** Back to editing before every signatory signed (the signatures collected so far are void). */
    async unlock(req: FastifyRequest, organizationId: string, id: string) {
      const { viewer } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant') throw notFound();
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        const to = transition(current.status as ApplicationStatus, 'unlock', 'applicant');
        const seq = current.eventCount + 1;
        const [row] = await tx
          .update(certificationApplications)
          .set({
            status: to,
            tab: TAB_OF[to],
            revision: current.revision + 1,
            signedContent: null,
            signedCms: null,
            eventCount: seq,
            updatedAt: ctx.now(),
          })
          .where(eq(certificationApplications.id, id))
          .returning();
        await tx
          .update(certificationSignatories)
          .set({ signedAt: null, signerAccountId: null, certificate: null, revision: null })
          .where(eq(certificationSignatories.applicationId, id));
        await addEvent(
          tx,
          row,
          { action: 'unlock', from: current.status, to, actorRole: 'applicant', account: viewer.account },
          seq,
        );
        await audit(tx, 'certification.application.unlock', viewer.account, row, metaOf(req));
        return row;
      });
      return view(app, viewer);
    },

    /** The bytes a signatory signs (signing-request body for certification_application): members only, while signing. */
    async signingContent(applicationId: string, accountId: string | null, tx: Db): Promise<Uint8Array> {
      const app = await load(applicationId, tx);
      const member = accountId
        ? await ctx.organizations.membershipOf(app.organizationId, accountId, tx)
        : null;
      if (!member || member.status !== 'active') throw notFound();
      if (app.status !== 'signing' || !app.signedContent)
        throw new AppError(409, 'certification_transition_not_allowed', labelParams(app.status, 'sign'));
      return app.signedContent;
    },

    /**
     * One signatory's signature: verified (SIGN key; the organisation's BIN and first head / signing rights, or an
     * entrepreneur's own IIN; the signatory's IIN), then joined into the application's one CMS. The last block
     * signed submits the application to the body.
     */
    async sign(
      req: FastifyRequest,
      organizationId: string,
      id: string,
      input: { signingRequestId: string; cms: string; signatoryId?: string; comment?: string },
    ) {
      const { viewer, app: found } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant' || !found) throw notFound();
      transition(found.status as ApplicationStatus, 'sign', 'applicant');
      const org = viewer.organization;
      const entrepreneur = org.kind === 'individual_entrepreneur';
      const verified = await ctx.signatures.verify({
        purpose: 'certification_application',
        signingRequestId: input.signingRequestId,
        cms: input.cms,
        accountId: viewer.account.id,
        subjectId: id,
        expectedIin: viewer.account.iin,
        ...(entrepreneur
          ? { requireSubjectKind: 'individual_entrepreneur' as const }
          : { expectedBin: org.bin, requireRoles: { anyOf: ['first_head', 'signing_rights'] as const } }),
      });
      const cert = verified.certificate;
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        const to = transition(current.status as ApplicationStatus, 'sign', 'applicant');
        // The request was issued over an earlier content (changed application or document): refused.
        if (!bytesEqual(current.signedContent, verified.request.data))
          throw signatureInvalid('content', 'application_changed');
        const blocks = await signatoriesOf(id, tx);
        if (
          blocks.some(
            (b) => b.signedAt && b.certificate && (b.certificate as { iin?: string }).iin === cert.iin,
          )
        )
          throw new AppError(409, 'certification_already_signed');
        const block = input.signatoryId
          ? blocks.find((b) => b.id === input.signatoryId)
          : blocks.find((b) => !b.signedAt && (!b.plannedIin || b.plannedIin === cert.iin));
        if (!block || block.signedAt)
          throw new AppError(
            409,
            'certification_no_signatory_block',
            {},
            { signatoryId: 'certification_no_signatory_block' },
          );
        if (block.plannedIin && block.plannedIin !== cert.iin)
          throw new AppError(
            400,
            'validation_failed',
            {},
            { signatoryId: 'certification_signatory_mismatch' },
          );
        await ctx.signatures.consume(verified.request.id, tx);
        const der = decodeCmsInput(input.cms);
        const combined = current.signedCms ? appendSignatures(current.signedCms, der) : der;
        const t = ctx.now();
        const certificate = signatoryCertificate(cert);
        await tx
          .update(certificationSignatories)
          .set({
            signedAt: t,
            signerAccountId: viewer.account.id,
            certificate,
            revision: current.revision,
            comment: input.comment?.trim() || block.comment,
          })
          .where(eq(certificationSignatories.id, block.id));
        const complete = blocks.every((b) => b.id === block.id || b.signedAt);
        let seq = current.eventCount + 1;
        await addEvent(
          tx,
          current,
          {
            action: 'sign',
            from: current.status,
            to,
            actorRole: 'applicant',
            account: viewer.account,
            payload: { position: block.position },
            cms: der,
            signer: certificate,
          },
          seq,
        );
        const set: Partial<ApplicationRow> = { signedCms: combined, updatedAt: t };
        if (complete) {
          const done = transition(to, 'complete_signing', 'system');
          seq += 1;
          Object.assign(set, { status: done, tab: TAB_OF[done], submittedAt: t });
          await addEvent(
            tx,
            current,
            {
              action: 'complete_signing',
              from: to,
              to: done,
              actorRole: 'system',
              payload: { revision: current.revision, signatures: blocks.length },
              signedData: current.signedContent,
              cms: combined,
            },
            seq,
          );
        }
        const [row] = await tx
          .update(certificationApplications)
          .set({ ...set, eventCount: seq })
          .where(eq(certificationApplications.id, id))
          .returning();
        await audit(tx, 'certification.application.sign', viewer.account, row, metaOf(req), {
          position: block.position,
          signerIin: cert.iin,
          complete,
        });
        if (complete) {
          await notifyApplicant(tx, row, 'submitted');
          await notifyBody(tx, row);
        }
        return row;
      });
      return view(app, viewer);
    },

    /** The act's canonical JSON, issued as a certification_act signing request (payload checked, transition allowed). */
    async prepareAct(
      viewer: Viewer,
      app: ApplicationRow,
      action: BodyAction,
      rawPayload: Record<string, unknown>,
    ) {
      if (viewer.role === 'applicant') throw notFound();
      const payload = parsePayload(action, rawPayload);
      const toStatus = transition(app.status as ApplicationStatus, action, viewer.role, payload);
      await checkScope(viewer, app);
      await checkReports(app, payload.reportDocumentIds);
      if (action === 'plan_audit' && String(payload.stage2Date) < String(payload.stage1Date))
        throw new AppError(
          400,
          'validation_failed',
          {},
          { 'payload.stage2Date': 'certification_stage2_before_stage1' },
        );
      const day = today();
      const act: SignedAct = {
        format: ACT_FORMAT,
        portal: ctx.config.PUBLIC_URL,
        applicationId: app.id,
        applicationNumber: app.number,
        revision: app.revision,
        seq: app.eventCount + 1,
        fromStatus: app.status as ApplicationStatus,
        toStatus,
        action,
        payload,
        actor: {
          role: viewer.role,
          accountId: viewer.account.id,
          iin: viewer.account.iin,
          ...(viewer.role === 'body' ? { bodyBin: viewer.organization.bin } : {}),
        },
        ...(action === 'issue_certificate' || action === 'recertify'
          ? {
              certificate: {
                standard: app.standard ?? '',
                scope: String(payload.scope ?? (app.form as ApplicationForm).scope?.scopeText ?? ''),
                issuedOn: day,
                validUntil: addMonths(day, 36),
              },
            }
          : {}),
        issuedAt: ctx.now().toISOString(),
        nonce: randomBytes(16).toString('base64url'),
      };
      const issued = await ctx.signatures.issue('certification_act', {
        subjectId: app.id,
        accountId: viewer.account.id,
        body: canonicalBytes(act),
      });
      return { signingRequest: { ...issued, key: 'SIGN' as const }, act };
    },

    /** Applies a signed act: exactly what was signed, if the application has not moved since. */
    async applyAct(
      req: FastifyRequest,
      viewer: Viewer,
      app: ApplicationRow,
      input: { signingRequestId: string; cms: string },
    ) {
      if (viewer.role === 'applicant') throw notFound();
      const verified = await ctx.signatures.verify({
        purpose: 'certification_act',
        signingRequestId: input.signingRequestId,
        cms: input.cms,
        accountId: viewer.account.id,
        subjectId: app.id,
        expectedIin: viewer.account.iin,
        ...(viewer.role === 'body' ? { expectedBin: viewer.organization.bin } : {}),
      });
      const act = JSON.parse(Buffer.from(verified.request.data).toString('utf8')) as SignedAct;
      if (act.format !== ACT_FORMAT || act.actor.role !== viewer.role || act.applicationId !== app.id)
        throw signatureInvalid('signing_request', 'act_mismatch');
      const row = await inTx(async (tx) => {
        const current = await load(app.id, tx, true);
        if (current.status !== act.fromStatus || current.eventCount + 1 !== act.seq)
          throw new AppError(409, 'certification_stale_act', labelParams(current.status));
        const to = transition(current.status as ApplicationStatus, act.action, viewer.role, act.payload);
        const record = await checkScope(viewer, current, tx);
        await ctx.signatures.consume(verified.request.id, tx);
        const { set, certificateId } = await applyEffects(tx, current, act, record?.attestatNumber ?? null);
        await addEvent(
          tx,
          current,
          {
            action: act.action,
            from: current.status,
            to,
            actorRole: viewer.role,
            account: viewer.account,
            payload: act.payload,
            signedData: verified.request.data,
            cms: decodeCmsInput(input.cms),
            signer: signatoryCertificate(verified.certificate),
            certificateId,
          },
          act.seq,
        );
        const [updated] = await tx
          .update(certificationApplications)
          .set({ ...set, status: to, tab: TAB_OF[to], eventCount: act.seq, updatedAt: ctx.now() })
          .where(eq(certificationApplications.id, app.id))
          .returning();
        await audit(tx, `certification.act.${act.action}`, viewer.account, updated, metaOf(req), {
          from: current.status,
          to,
          certificateId,
        });
        if (to !== current.status || act.action === 'surveillance' || act.action === 'recertify')
          await notifyApplicant(
            tx,
            updated,
            to,
            String(act.payload.comment ?? act.payload.reason ?? '') || undefined,
          );
        return updated;
      });
      return view(row, viewer);
    },

    /** «Блок модератора». */
    async setModeratorNote(req: FastifyRequest, viewer: Viewer, app: ApplicationRow, text: string) {
      const row = await inTx(async (tx) => {
        const [updated] = await tx
          .update(certificationApplications)
          .set({
            moderatorNote: text || null,
            moderatorNoteAt: ctx.now(),
            moderatorNoteBy: viewer.account.id,
            updatedAt: ctx.now(),
          })
          .where(eq(certificationApplications.id, app.id))
          .returning();
        await audit(tx, 'certification.moderator.note', viewer.account, updated, metaOf(req));
        return updated;
      });
      return view(row, viewer);
    },

    /** Counts by status and by body (moderator dashboard). */
    async stats() {
      const byStatus = await ctx.database.query<{ status: string; count: string | number }>(
        'SELECT status, count(*) AS count FROM certification_applications GROUP BY status ORDER BY status',
      );
      const byBody = await ctx.database.query<{
        body_bin: string | null;
        body_name: string;
        status: string;
        count: string | number;
      }>(
        `SELECT body_bin, body_name, status, count(*) AS count FROM certification_applications
          WHERE body_bin IS NOT NULL GROUP BY body_bin, body_name, status ORDER BY body_name, status`,
      );
      return {
        byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.count) })),
        byBody: byBody.map((r) => ({
          bodyBin: r.body_bin,
          bodyName: r.body_name,
          status: r.status,
          count: Number(r.count),
        })),
      };
    },

    // ── certificates ────────────────────────────────────────────────────────────────────────────────────
    async certificateByNumber(number: string) {
      const [row] = await db
        .select()
        .from(certificationCertificates)
        .where(eq(certificationCertificates.number, number));
      if (!row) throw notFound();
      return row;
    },

    /** The public certificate page (QR target): its data, public status and history (no personal data). */
    async publicCertificate(number: string) {
      const cert = await service.certificateByNumber(number);
      const history = await db
        .select()
        .from(certificationEvents)
        .where(eq(certificationEvents.applicationId, cert.applicationId))
        .orderBy(asc(certificationEvents.seq));
      const [{ status }] = await ctx.database.query<{ status: string }>(
        `SELECT ${publicStatusSql(today())} AS status FROM certification_certificates c WHERE c.id = $1`,
        [cert.id],
      );
      const v = certificateView(cert);
      return {
        number: v.number,
        holderBin: v.holderBin,
        holderName: v.holderName,
        bodyBin: v.bodyBin,
        bodyName: v.bodyName,
        attestatNumber: v.attestatNumber,
        standard: v.standard,
        scope: v.scope,
        issuedOn: v.issuedOn,
        validUntil: v.validUntil,
        status,
        statusReason: cert.status === 'suspended' || cert.status === 'withdrawn' ? cert.statusReason : null,
        surveillance: v.surveillance,
        pdfAvailable: v.pdfAvailable,
        pdfSigned: v.pdfSigned,
        pdfSha256: v.pdfSha256,
        history: history
          .filter((e) => e.certificateId === cert.id)
          .map((e) => ({ action: e.action, toStatus: e.toStatus, at: e.createdAt.toISOString() })),
      };
    },

    async certificatePdf(number: string) {
      const cert = await service.certificateByNumber(number);
      if (!cert.pdfFileId) throw notFound();
      const { bytes } = await ctx.files.read(cert.pdfFileId);
      return { cert, bytes };
    },

    /** Body resolver of certification_certificate: the PDF bytes, to the issuing body's staff only. */
    async certificateSigningContent(
      certificateId: string,
      accountId: string | null,
      tx: Db,
    ): Promise<Uint8Array> {
      if (!UUID.test(certificateId) || !accountId) throw notFound();
      const [cert] = await tx
        .select()
        .from(certificationCertificates)
        .where(eq(certificationCertificates.id, certificateId));
      if (!cert?.pdfFileId) throw notFound();
      const org = await ctx.organizations.findByBin(cert.bodyBin, tx);
      const member = org ? await ctx.organizations.membershipOf(org.id, accountId, tx) : null;
      if (!member || member.status !== 'active') throw notFound();
      return (await ctx.files.read(cert.pdfFileId, tx)).bytes;
    },

    /** The body's detached CMS over the certificate PDF (signed by its staff through a signing request). */
    async signCertificatePdf(
      req: FastifyRequest,
      viewer: Viewer,
      certificateId: string,
      input: { signingRequestId: string; cms: string },
    ) {
      if (viewer.role !== 'body') throw notFound();
      if (!UUID.test(certificateId)) throw notFound();
      const [cert] = await db
        .select()
        .from(certificationCertificates)
        .where(eq(certificationCertificates.id, certificateId));
      if (!cert || cert.bodyBin !== viewer.organization.bin) throw notFound();
      if (cert.pdfCms) throw new AppError(409, 'certification_pdf_already_signed');
      const verified = await ctx.signatures.verify({
        purpose: 'certification_certificate',
        signingRequestId: input.signingRequestId,
        cms: input.cms,
        accountId: viewer.account.id,
        subjectId: cert.id,
        expectedIin: viewer.account.iin,
        expectedBin: viewer.organization.bin,
        detached: true,
      });
      const der = decodeCmsInput(input.cms);
      await inTx(async (tx) => {
        await ctx.signatures.consume(verified.request.id, tx);
        const done = await tx
          .update(certificationCertificates)
          .set({ pdfCms: der, updatedAt: ctx.now() })
          .where(
            and(eq(certificationCertificates.id, cert.id), sql`${certificationCertificates.pdfCms} IS NULL`),
          )
          .returning({ id: certificationCertificates.id });
        if (done.length === 0) throw new AppError(409, 'certification_pdf_already_signed');
        await audit(
          tx,
          'certification.certificate.sign_pdf',
          viewer.account,
          { id: cert.applicationId, organizationId: cert.organizationId },
          metaOf(req),
          { certificateId: cert.id },
        );
      });
      return certificateView({ ...cert, pdfCms: der });
    },

    listRegistry: (q: RegistryQuery) => listRegistry(ctx.database, q, today()),

    /** Bodies accredited today (for the standard): the ОПС tab's choices. */
    async bodies(standard?: Standard) {
      const rows = await accreditations.accreditedOn(today(), standard);
      return rows.map((r) => ({
        bin: r.bodyBin,
        nameRu: r.bodyNameRu,
        nameKk: r.bodyNameKk,
        attestatNumber: r.attestatNumber,
        validFrom: r.validFrom,
        validTo: r.validTo,
        standards: r.standards,
      }));
    },

    certificateView,
  };
  return service;
}

export type CertificationService = ReturnType<typeof createCertificationService>;
