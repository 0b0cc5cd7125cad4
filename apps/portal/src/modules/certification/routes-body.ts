import { z } from 'zod';
import { AppError } from '../../server/errors';
import { appParams, docParams, errors, orgParams, type RouteKit, TAG } from './routes-kit';
import { listQuery, prepareActBody, signedActBody } from './schema';

/** The certification body's workspace: its queue, reports, signed acts and the certificate PDF signature. */
export function registerBodyRoutes(kit: RouteKit) {
  const { r, svc, upload, downloadDocument } = kit;
  const base = '/api/v1/organizations/:organizationId/certification';
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
}
