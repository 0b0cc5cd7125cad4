import { createHash } from 'node:crypto';
import type { CertProfile } from '@tereze/pki';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import type { Account } from '../identity/accounts';
import type { Organization } from '../organizations/service';
import { fullNameOf } from '../signatures/certificate-summary';
import { createAccreditations } from './accreditations';
import { applicantEmail, bodyEmail, labelParams } from './messages';
import { almatyDate } from './numbering';
import type { ApplicationForm, Capacity } from './schema';
import { type Action, type Actor, type ApplicationStatus, type BodyAction, EDITABLE } from './state-machine';
import {
  certificationApplications,
  certificationCertificates,
  certificationDocuments,
  certificationEvents,
  certificationSignatories,
} from './tables';

export type ApplicationRow = typeof certificationApplications.$inferSelect;
export type CertificateRow = typeof certificationCertificates.$inferSelect;
export type DocumentRow = typeof certificationDocuments.$inferSelect;

/** Documents: ≤ 20 MB, PDF/DOCX/XLSX/JPEG/PNG by content (files module checks). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'jpeg', 'png'] as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const notFound = () => new AppError(404, 'not_found');
export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const bytesEqual = (a: Uint8Array | null, b: Uint8Array) =>
  !!a && Buffer.from(a).equals(Buffer.from(b));

/** Who acts: the applicant organisation's member, the body's staff member, or a moderator. */
export type Viewer =
  | { role: 'applicant'; account: Account; organization: Organization; rights: readonly string[] }
  | { role: 'body'; account: Account; organization: Organization }
  | { role: 'moderator'; account: Account };

export type ApplicantViewer = Extract<Viewer, { role: 'applicant' }>;

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}
export const metaOf = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'],
});

/** The signed act (canonical JSON of a certification_act signing request). */
export interface SignedAct {
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

/**
 * Whether the caller may submit in `capacity` (null: yes, else the field code). «За себя»: the organisation's
 * head (member right `head`) or the entrepreneur themself (IE's BIN = the owner's IIN); «От имени организации»:
 * a member with the right to act for it — `head` or `org_admin`.
 */
export function capacityProblem(viewer: ApplicantViewer, capacity: Capacity): string | null {
  const { rights, organization, account } = viewer;
  if (capacity === 'self') {
    const owner = organization.kind === 'individual_entrepreneur' && account.iin === organization.bin;
    return rights.includes('head') || owner ? null : 'certification_capacity_self_not_head';
  }
  return rights.includes('head') || rights.includes('org_admin') ? null : 'certification_capacity_no_right';
}

/** The language the applicant submitted in (the `submit` event); ru when unknown (like banking's requests). */
export const emailLanguage = (v: unknown): 'ru' | 'kk' | 'en' => (v === 'kk' || v === 'en' ? v : 'ru');

export const accountName = (a: Account) =>
  [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || a.email || a.iin;

export function normalizeMobile(v: string | undefined): string | undefined {
  if (!v) return v;
  const digits = v.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')))
    return `+7${digits.slice(1)}`;
  return v;
}

/** Certificate columns of the signatories table (ФИО на ЭЦП … кем выдано). */
export function signatoryCertificate(p: CertProfile) {
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

/** What the certification files share: the context, loading, access checks, journal, events and e-mails. */
export function createCore(ctx: AppContext) {
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
    const { account, organization, membership } = await ctx.organizations.requireMember(req, organizationId);
    const viewer: Viewer = { role: 'applicant', account, organization, rights: membership.rights };
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
    if (app.bodyBin !== organization.bin) throw notFound(); // body_bin is set at submission
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
    const [submitted] = await tx
      .select({ payload: certificationEvents.payload })
      .from(certificationEvents)
      .where(and(eq(certificationEvents.applicationId, app.id), eq(certificationEvents.action, 'submit')))
      .orderBy(desc(certificationEvents.seq))
      .limit(1);
    const lang = emailLanguage((submitted?.payload as { language?: unknown } | undefined)?.language);
    const link = `${ctx.config.PUBLIC_URL}/certification/applications/${app.id}`;
    await ctx.notifications.sendEmail({ to, ...applicantEmail(lang, app.number, status, link, comment) }, tx);
  }

  /** The body learns of a new application at its organisation's e-mail (when registered on the portal). */
  async function notifyBody(tx: Db, app: ApplicationRow) {
    const body = app.bodyBin ? await ctx.organizations.findByBin(app.bodyBin, tx) : null;
    if (!body?.email) return;
    const link = `${ctx.config.PUBLIC_URL}/certification/queue/${app.id}`;
    await ctx.notifications.sendEmail({ to: body.email, ...bodyEmail(app, link) }, tx);
  }

  async function accreditedBody(bodyBin: string, standard: string | null | undefined, tx: Db = db) {
    if (!standard) return null;
    return accreditations.covering(bodyBin, standard, today(), tx);
  }

  function requireEditable(app: ApplicationRow) {
    if (!EDITABLE.includes(app.status as ApplicationStatus))
      throw new AppError(409, 'certification_not_editable', labelParams(app.status));
  }

  return {
    ctx,
    db,
    accreditations,
    today,
    inTx,
    load,
    asApplicant,
    asBody,
    asModerator,
    documentsOf,
    signatoriesOf,
    certificatesOf,
    addEvent,
    audit,
    notifyApplicant,
    notifyBody,
    accreditedBody,
    requireEditable,
  };
}

export type CertificationCore = ReturnType<typeof createCore>;
