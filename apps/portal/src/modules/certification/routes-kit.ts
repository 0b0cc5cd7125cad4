import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { errorResponse } from '../signatures/schema';
import { type ApplicationRow, type CertificationService, DOCUMENT_MAX_BYTES, type Viewer } from './service';

export const TAG = ['certification'];
export const orgParams = z.object({ organizationId: z.string() });
export const appParams = orgParams.extend({ id: z.string() });
export const docParams = appParams.extend({ documentId: z.string() });
/** Success bodies are documented in docs/certification.md (shapes of service.ts `view`, lists, registry). */
export const ok = { 200: z.any(), 201: z.any(), 204: z.any() };
export const errors = {
  ...ok,
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
  422: errorResponse,
};

export function sendFile(reply: FastifyReply, bytes: Uint8Array, mediaType: string, filename: string) {
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}

/** What every certification route file gets: the typed router, the service and the upload/download helpers. */
export function routeKit(app: FastifyInstance, ctx: AppContext, svc: CertificationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
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

  return { r, svc, ctx, upload, downloadDocument };
}

export type RouteKit = ReturnType<typeof routeKit>;
