import { AppError } from '../../server/errors';
import { appParams, docParams, errors, orgParams, type RouteKit, sendFile, TAG } from './routes-kit';
import { applicationForm, listQuery, signatureBody } from './schema';

/** The applicant organisation's routes: drafts, documents, submission and signatures. */
export function registerApplicantRoutes(kit: RouteKit) {
  const { r, svc, upload, downloadDocument } = kit;
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
}
