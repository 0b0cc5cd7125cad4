import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { DEFAULT_MAX_FILE_BYTES } from '../files/kinds';
import { readMultipart } from '../files/upload';
import { errorResponse } from '../identity/schema';
import { signatureVerdictResponse } from './schema';
import { verifyUploadedSignature } from './service';

/** Public, so limited per client: verification costs CPU and OCSP/CRL requests. */
export const VERIFY_SIGNATURE_PER_MINUTE = 20;

/** The public «Проверить подпись» API (docs/verify-signature.md). */
export function registerVerifySignatureRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/public/verify-signature',
    {
      config: { rateLimit: { max: VERIFY_SIGNATURE_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['signatures'],
        summary:
          'Verify a document signature (no login): CMS with attached data, or a detached CMS and its file',
        description:
          'multipart/form-data: `signature` — the CMS (PEM, base64 or DER; a file or a text field), `data` — the ' +
          `signed file for a detached signature. Each at most ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024} MB ` +
          `(413 file_too_large); ${VERIFY_SIGNATURE_PER_MINUTE} requests a minute per client (429). The answer ` +
          'is a report in the request language; 400 signature_unreadable when the input is no CMS, 400 ' +
          'signature_detached_data_missing when the signed file is missing. Writes nothing.',
        consumes: ['multipart/form-data'],
        response: {
          200: signatureVerdictResponse,
          400: errorResponse,
          413: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (req) => {
      const upload = await readMultipart(req, { maxBytes: DEFAULT_MAX_FILE_BYTES, maxFiles: 2 });
      const signatureFile = upload.files.find((f) => f.field === 'signature');
      const dataFile = upload.files.find((f) => f.field === 'data');
      const cms =
        signatureFile?.bytes ??
        (upload.fields.signature ? new TextEncoder().encode(upload.fields.signature) : undefined);
      if (!cms || cms.length === 0) throw new AppError(400, 'file_missing');
      return verifyUploadedSignature(
        ctx,
        { cms, data: dataFile ? { bytes: dataFile.bytes, filename: dataFile.filename } : undefined },
        req.lang,
      );
    },
  );
}
