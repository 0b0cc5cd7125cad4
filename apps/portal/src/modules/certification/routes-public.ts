import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../server/errors';
import { errorResponse } from '../signatures/schema';
import { errors, type RouteKit, sendFile, TAG } from './routes-kit';
import { accreditationBody, registryQuery, STANDARDS } from './schema';

/** Public (standards, bodies, registry, certificate page and files) and administrator (accreditations) routes. */
export function registerPublicAndAdminRoutes(kit: RouteKit) {
  const { r, svc, ctx } = kit;
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
}
