import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { DEMO_ACCREDITATIONS } from './accreditations';
import { createActs } from './acts';
import { createCertificates } from './certificates';
import {
  type ApplicantViewer,
  type ApplicationRow,
  capacityProblem,
  createCore,
  DOCUMENT_KINDS,
  DOCUMENT_MAX_BYTES,
  metaOf,
  normalizeMobile,
  notFound,
  UUID,
  type Viewer,
} from './core';
import { type ListScope, listApplications } from './lists';
import { almatyDate, nextApplicationNumber } from './numbering';
import { type ApplicationForm, applicationForm, type ListQuery } from './schema';
import { createSigning } from './signing';
import { TAB_OF } from './state-machine';
import { certificationApplications, certificationDocuments, certificationSignatories } from './tables';
import { createViews } from './views';

/**
 * The certification e-service (docs/certification.md): accreditations, applications (drafts, documents,
 * submission and co-signing into one CMS — signing.ts), the body's signed acts through the state machine (acts.ts),
 * the moderator's block, certificates and the public registry (certificates.ts). Authorisation is here and in
 * core.ts, not in the routes.
 */
export function createCertificationService(ctx: AppContext) {
  const core = createCore(ctx);
  const views = createViews(core);
  const {
    db,
    accreditations,
    inTx,
    load,
    asApplicant,
    addEvent,
    audit,
    requireEditable,
    asBody,
    asModerator,
    today,
  } = core;
  const { view } = views;

  /** Draft fields → the stored form and the list columns. The applicant BIN is the organisation's, always. */
  async function normalizeForm(input: ApplicationForm, viewer: ApplicantViewer) {
    const { organization } = viewer;
    const { signatories: _signatories, ...rest } = input;
    // The chosen capacity must fit the caller's membership (refused before anything is written).
    const capacityCode = rest.capacity ? capacityProblem(viewer, rest.capacity) : null;
    if (capacityCode) throw new AppError(400, 'validation_failed', {}, { capacity: capacityCode });
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

  const service = {
    accreditations,
    asApplicant,
    asBody,
    asModerator,
    view,
    load,
    today,
    certificateView: views.certificateView,
    ...createSigning(core, views),
    ...createActs(core, views),
    ...createCertificates(core, views),

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
      const n = await normalizeForm(prefilled, viewer);
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
      const n = await normalizeForm(input, viewer);
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        requireEditable(current);
        const [row] = await tx
          .update(certificationApplications)
          .set({
            form: n.form,
            applicantName: n.applicantName,
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
  };
  return service;
}

export { type ApplicationRow, DOCUMENT_MAX_BYTES, type Viewer } from './core';
export type CertificationService = ReturnType<typeof createCertificationService>;
