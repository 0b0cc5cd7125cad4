import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { errorResponse } from '../signatures/schema';
import {
  accreditationBody,
  applicationForm,
  listQuery,
  moderatorNoteBody,
  prepareActBody,
  registryQuery,
  STANDARDS,
  signatureBody,
  signedActBody,
} from './schema';
import {
  type ApplicationRow,
  type CertificationService,
  createCertificationService,
  DOCUMENT_MAX_BYTES,
  type Viewer,
} from './service';

const TAG = ['certification'];
const orgParams = z.object({ organizationId: z.string() });
const appParams = orgParams.extend({ id: z.string() });
const docParams = appParams.extend({ documentId: z.string() });
/** Success bodies are documented in docs/certification.md (shapes of service.ts `view`, lists, registry). */
const ok = { 200: z.any(), 201: z.any(), 204: z.any() };
const errors = {
  ...ok,
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
  422: errorResponse,
};

function sendFile(reply: FastifyReply, bytes: Uint8Array, mediaType: string, filename: string) {
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}

/** The certification e-service API (docs/certification.md). */
export function registerCertificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc: CertificationService = createCertificationService(ctx);
  ctx.signatures.registerBody('certification_application', (id, accountId, tx) =>
    svc.signingContent(id, accountId, tx),
  );
  ctx.signatures.registerBody('certification_certificate', (id, accountId, tx) =>
    svc.certificateSigningContent(id, accountId, tx),
  );
  if (ctx.config.DEMO) app.addHook('onReady', async () => svc.seedDemo());

  async function upload(
    req: FastifyRequest,
    viewer: Viewer,
    row: ApplicationRow,
    kind: 'applicant' | 'report',
  ) {
    const file = await ctx.files.readUpload(req, { maxBytes: DOCUMENT_MAX_BYTES });
    return svc.addDocument(
      req,
      viewer,
      row,
      { bytes: file.bytes, filename: file.filename, title: file.fields.title ?? file.filename },
      kind,
    );
  }

  async function downloadDocument(reply: FastifyReply, row: ApplicationRow, documentId: string) {
    const { row: doc, bytes } = await svc.readDocument(row, documentId);
    return sendFile(reply, bytes, doc.mediaType, doc.filename);
  }

  // ── public ────────────────────────────────────────────────────────────────────────────────────────────
  r.get(
    '/api/v1/certification/standards',
    { schema: { tags: TAG, summary: 'Management-system standards (public)' } },
    async () => ({ items: STANDARDS }),
  );

  r.get(
    '/api/v1/certification/bodies',
    {
      schema: {
        tags: TAG,
        summary: 'Certification bodies accredited today, for a standard when given (ОПС tab choices; public)',
        querystring: z.object({ standard: z.enum(STANDARDS).optional() }),
      },
    },
    async (req) => ({ items: await svc.bodies(req.query.standard) }),
  );

  r.get(
    '/api/v1/certification/registry',
    {
      schema: {
        tags: TAG,
        summary: 'Public registry of management-system certificates (no login), keyset-paginated by number',
        querystring: registryQuery,
        response: { 200: z.any(), 400: errorResponse },
      },
    },
    async (req) => svc.listRegistry(req.query),
  );

  r.get(
    '/api/v1/certification/registry/:number',
    {
      schema: {
        tags: TAG,
        summary: 'Public certificate page data (the QR target)',
        params: z.object({ number: z.string().max(100) }),
        response: { 200: z.any(), 404: errorResponse },
      },
    },
    async (req) => svc.publicCertificate(req.params.number),
  );

  r.get(
    '/api/v1/certification/registry/:number/pdf',
    {
      schema: { tags: TAG, summary: 'Certificate PDF', params: z.object({ number: z.string().max(100) }) },
    },
    async (req, reply) => {
      const { cert, bytes } = await svc.certificatePdf(req.params.number);
      return sendFile(reply, bytes, 'application/pdf', `${cert.number}.pdf`);
    },
  );

  r.get(
    '/api/v1/certification/registry/:number/pdf.cms',
    {
      schema: {
        tags: TAG,
        summary: "The body's detached CMS over the certificate PDF (404 until signed)",
        params: z.object({ number: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const cert = await svc.certificateByNumber(req.params.number);
      if (!cert.pdfCms) throw new AppError(404, 'not_found');
      return sendFile(reply, cert.pdfCms, 'application/pkcs7-signature', `${cert.number}.pdf.p7s`);
    },
  );

  // ── administrator: accreditations ─────────────────────────────────────────────────────────────────────
  r.get(
    '/api/v1/admin/certification/accreditations',
    { schema: { tags: TAG, summary: 'Accreditation records of certification bodies (role admin)' } },
    async (req) => {
      await ctx.identity.requireRole(req, 'admin');
      return { items: await svc.accreditations.list() };
    },
  );

  const saveAccreditation = async (
    req: FastifyRequest,
    id: string | null,
    body: z.infer<typeof accreditationBody>,
  ) => {
    const { account } = await ctx.identity.requireRole(req, 'admin');
    return ctx.database.db.transaction(async (t) => {
      const tx = t as unknown as typeof ctx.database.db;
      const row = id
        ? await svc.accreditations.update(id, body, ctx.now(), tx)
        : await svc.accreditations.create(body, tx);
      await ctx.audit.record(
        {
          action: id ? 'certification.accreditation.update' : 'certification.accreditation.create',
          result: 'success',
          actorUserId: account.id,
          targetType: 'certification_accreditation',
          targetId: row.id,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          details: { bodyBin: row.bodyBin, attestatNumber: row.attestatNumber, standards: row.standards },
        },
        tx,
      );
      return row;
    });
  };

  r.post(
    '/api/v1/admin/certification/accreditations',
    {
      schema: {
        tags: TAG,
        summary: 'Accredit a certification body: attestat, validity, standards in scope (role admin)',
        body: accreditationBody,
        response: errors,
      },
    },
    async (req, reply) => reply.code(201).send(await saveAccreditation(req, null, req.body)),
  );

  r.put(
    '/api/v1/admin/certification/accreditations/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Change an accreditation record (scope, validity, revoke) (role admin)',
        params: z.object({ id: z.string() }),
        body: accreditationBody,
        response: errors,
      },
    },
    async (req) => saveAccreditation(req, req.params.id, req.body),
  );

  // ── applicant (organisation-scoped) ───────────────────────────────────────────────────────────────────
  const base = '/api/v1/organizations/:organizationId/certification';

  r.get(
    `${base}/applications`,
    {
      schema: {
        tags: TAG,
        summary: 'The organisation’s applications by tab (active / review / suspended / drafts / closed)',
        params: orgParams,
        querystring: listQuery,
        response: errors,
      },
    },
    async (req) => {
      const { viewer } = await svc.asApplicant(req, req.params.organizationId);
      if (viewer.role !== 'applicant') throw new AppError(404, 'not_found');
      return svc.listFor({ organizationId: viewer.organization.id }, req.query);
    },
  );

  r.post(
    `${base}/applications`,
    {
      schema: {
        tags: TAG,
        summary: '«+ Добавить»: a new draft, Заявитель prefilled from the organisation',
        params: orgParams,
        body: applicationForm,
        response: errors,
      },
    },
    async (req, reply) => reply.code(201).send(await svc.create(req, req.params.organizationId, req.body)),
  );

  r.get(
    `${base}/applications/:id`,
    { schema: { tags: TAG, summary: 'An application with every tab', params: appParams, response: errors } },
    async (req) => {
      const { viewer, app: row } = await svc.asApplicant(req, req.params.organizationId, req.params.id);
      return svc.view(row!, viewer);
    },
  );

  r.put(
    `${base}/applications/:id`,
    {
      schema: {
        tags: TAG,
        summary: '«Сохранить»: replace the draft’s tabs (draft / returned only)',
        params: appParams,
        body: applicationForm,
        response: errors,
      },
    },
    async (req) => svc.update(req, req.params.organizationId, req.params.id, req.body),
  );

  r.post(
    `${base}/applications/:id/documents`,
    {
      schema: {
        tags: TAG,
        summary: 'Upload a document (multipart: file, title): ≤ 20 MB, PDF/DOCX/XLSX/JPEG/PNG by content',
        params: appParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const { viewer, app: row } = await svc.asApplicant(req, req.params.organizationId, req.params.id);
      return reply.code(201).send(await upload(req, viewer, row!, 'applicant'));
    },
  );

  r.get(
    `${base}/applications/:id/documents/:documentId`,
    { schema: { tags: TAG, summary: 'Download a document', params: docParams } },
    async (req, reply) => {
      const { app: row } = await svc.asApplicant(req, req.params.organizationId, req.params.id);
      return downloadDocument(reply, row!, req.params.documentId);
    },
  );

  r.delete(
    `${base}/applications/:id/documents/:documentId`,
    {
      schema: {
        tags: TAG,
        summary: 'Remove a document (draft / returned only)',
        params: docParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const { viewer, app: row } = await svc.asApplicant(req, req.params.organizationId, req.params.id);
      await svc.removeDocument(req, viewer, row!, req.params.documentId);
      return reply.code(204).send(undefined);
    },
  );

  r.post(
    `${base}/applications/:id/submit`,
    {
      schema: {
        tags: TAG,
        summary:
          '«Подать заявку»: validate every tab (400 with all fields), fix the content to sign → status signing',
        params: appParams,
        response: errors,
      },
    },
    async (req) => svc.submit(req, req.params.organizationId, req.params.id),
  );

  r.post(
    `${base}/applications/:id/unlock`,
    {
      schema: {
        tags: TAG,
        summary: 'Back to editing while signing (signatures collected so far are void)',
        params: appParams,
        response: errors,
      },
    },
    async (req) => svc.unlock(req, req.params.organizationId, req.params.id),
  );

  r.post(
    `${base}/applications/:id/signatures`,
    {
      schema: {
        tags: TAG,
        summary:
          'A signatory’s signature (signing request purpose certification_application, subjectId = application id); ' +
          'the last block signed submits the application',
        params: appParams,
        body: signatureBody,
        response: errors,
      },
    },
    async (req) => svc.sign(req, req.params.organizationId, req.params.id, req.body),
  );

  r.get(
    `${base}/applications/:id/signature.cms`,
    { schema: { tags: TAG, summary: 'The one CMS with every signatory’s signature', params: appParams } },
    async (req, reply) => {
      const { app: row } = await svc.asApplicant(req, req.params.organizationId, req.params.id);
      if (!row?.signedCms) throw new AppError(404, 'not_found');
      return sendFile(reply, row.signedCms, 'application/pkcs7-signature', `${row.number}.p7s`);
    },
  );

  // ── certification body (the organisation is the body) ────────────────────────────────────────────────
  r.get(
    `${base}/accreditations`,
    {
      schema: {
        tags: TAG,
        summary: 'The body’s own accreditation records',
        params: orgParams,
        response: errors,
      },
    },
    async (req) => {
      const { viewer } = await svc.asBody(req, req.params.organizationId);
      if (viewer.role !== 'body') throw new AppError(404, 'not_found');
      return { items: await svc.accreditations.ofBody(viewer.organization.bin) };
    },
  );

  r.get(
    `${base}/queue`,
    {
      schema: {
        tags: TAG,
        summary: 'Applications sent to this body, by tab (drafts = returned for revision)',
        params: orgParams,
        querystring: listQuery,
        response: errors,
      },
    },
    async (req) => {
      const { viewer } = await svc.asBody(req, req.params.organizationId);
      if (viewer.role !== 'body') throw new AppError(404, 'not_found');
      return svc.listFor({ bodyBin: viewer.organization.bin }, req.query);
    },
  );

  r.get(
    `${base}/queue/:id`,
    {
      schema: { tags: TAG, summary: 'An application sent to this body', params: appParams, response: errors },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asBody(req, req.params.organizationId, req.params.id);
      return svc.view(row!, viewer);
    },
  );

  r.get(
    `${base}/queue/:id/documents/:documentId`,
    { schema: { tags: TAG, summary: 'Download a document or report', params: docParams } },
    async (req, reply) => {
      const { app: row } = await svc.asBody(req, req.params.organizationId, req.params.id);
      return downloadDocument(reply, row!, req.params.documentId);
    },
  );

  r.post(
    `${base}/queue/:id/reports`,
    {
      schema: {
        tags: TAG,
        summary:
          'Upload an audit report (multipart: file, title) to reference in stage1/stage2/surveillance acts',
        params: appParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const { viewer, app: row } = await svc.asBody(req, req.params.organizationId, req.params.id);
      return reply.code(201).send(await upload(req, viewer, row!, 'report'));
    },
  );

  r.post(
    `${base}/queue/:id/acts/prepare`,
    {
      schema: {
        tags: TAG,
        summary:
          'Prepare an act: checks it, returns the signing request whose data is the act’s canonical JSON',
        params: appParams,
        body: prepareActBody,
        response: errors,
      },
    },
    async (req, reply) => {
      const { viewer, app: row } = await svc.asBody(req, req.params.organizationId, req.params.id);
      return reply.code(201).send(await svc.prepareAct(viewer, row!, req.body.action, req.body.payload));
    },
  );

  r.post(
    `${base}/queue/:id/acts`,
    {
      schema: {
        tags: TAG,
        summary: 'Perform a prepared act with its signature (SIGN key of a staff member, the body’s BIN)',
        params: appParams,
        body: signedActBody,
        response: errors,
      },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asBody(req, req.params.organizationId, req.params.id);
      return svc.applyAct(req, viewer, row!, req.body);
    },
  );

  r.post(
    `${base}/certificates/:certificateId/pdf-signature`,
    {
      schema: {
        tags: TAG,
        summary:
          'The body’s detached CMS over the certificate PDF (signing request certification_certificate, ' +
          'subjectId = certificate id; sign the data detached)',
        params: orgParams.extend({ certificateId: z.string() }),
        body: signedActBody,
        response: errors,
      },
    },
    async (req) => {
      const { viewer } = await svc.asBody(req, req.params.organizationId);
      return svc.signCertificatePdf(req, viewer, req.params.certificateId, req.body);
    },
  );

  // ── moderator ─────────────────────────────────────────────────────────────────────────────────────────
  const mod = '/api/v1/moderator/certification';
  const modParams = z.object({ id: z.string() });

  r.get(
    `${mod}/applications`,
    {
      schema: {
        tags: TAG,
        summary: 'Every application (role moderator)',
        querystring: listQuery,
        response: errors,
      },
    },
    async (req) => {
      await svc.asModerator(req);
      return svc.listFor('all', req.query);
    },
  );

  r.get(
    `${mod}/stats`,
    { schema: { tags: TAG, summary: 'Counts by status and by body (role moderator)', response: errors } },
    async (req) => {
      await svc.asModerator(req);
      return svc.stats();
    },
  );

  r.get(
    `${mod}/applications/:id`,
    {
      schema: { tags: TAG, summary: 'An application (role moderator)', params: modParams, response: errors },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return svc.view(row!, viewer);
    },
  );

  r.get(
    `${mod}/applications/:id/documents/:documentId`,
    {
      schema: {
        tags: TAG,
        summary: 'Download a document (role moderator)',
        params: modParams.extend({ documentId: z.string() }),
      },
    },
    async (req, reply) => {
      const { app: row } = await svc.asModerator(req, req.params.id);
      return downloadDocument(reply, row!, req.params.documentId);
    },
  );

  r.put(
    `${mod}/applications/:id/note`,
    {
      schema: {
        tags: TAG,
        summary: '«Блок модератора»: the moderator’s note (read-only to the applicant)',
        params: modParams,
        body: moderatorNoteBody,
        response: errors,
      },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return svc.setModeratorNote(req, viewer, row!, req.body.text);
    },
  );

  r.post(
    `${mod}/applications/:id/acts/prepare`,
    {
      schema: {
        tags: TAG,
        summary: 'Prepare the moderator’s act (return for revision, with a comment)',
        params: modParams,
        body: prepareActBody,
        response: errors,
      },
    },
    async (req, reply) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return reply.code(201).send(await svc.prepareAct(viewer, row!, req.body.action, req.body.payload));
    },
  );

  r.post(
    `${mod}/applications/:id/acts`,
    {
      schema: {
        tags: TAG,
        summary: 'Perform the moderator’s signed act',
        params: modParams,
        body: signedActBody,
        response: errors,
      },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return svc.applyAct(req, viewer, row!, req.body);
    },
  );
}
