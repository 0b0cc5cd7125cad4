import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { requestOrigin } from '../identity/service';
import { certificateSummary, certificateSummarySchema } from '../signatures/certificate-summary';
import { errorResponse, signedActionFields } from '../signatures/schema';

/**
 * Step 2 of the registration wizard (seed 002: «Выбрать сертификат» shows ИИН, E-mail, ФИО, Срок действия):
 * the visitor signs an `identify` challenge with the AUTH key; the portal verifies it and answers with what the
 * certificate says. Nothing but the single-use signing request changes; the registration itself is signed again
 * with the SIGN key (POST /api/v1/registrations), which decides.
 */
export function registerIdentifyRoute(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/registrations/identify',
    {
      schema: {
        tags: ['registration'],
        summary: "Verify an AUTH signature of an 'identify' challenge and return the certificate's data",
        description:
          'First POST /api/v1/signing-requests {purpose:"identify"} and sign dataBase64 with the AUTH key. ' +
          'Refusals: 422 signature_invalid {check, reason} (wrong key, expired or used request, untrusted CA…).',
        body: z.object(signedActionFields),
        response: { 200: z.object({ certificate: certificateSummarySchema }), 422: errorResponse },
      },
    },
    async (req) => {
      try {
        const verified = await ctx.signatures.verifyAndConsume({ ...req.body, purpose: 'identify' });
        return { certificate: certificateSummary(verified.certificate) };
      } catch (error) {
        if (error instanceof AppError)
          await ctx.audit.record({
            action: 'registration.identify',
            result: 'failure',
            ...requestOrigin(req),
            details: { reason: error.code, check: error.params.check, checkReason: error.params.reason },
          });
        throw error;
      }
    },
  );
}
