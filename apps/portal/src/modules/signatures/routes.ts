import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { keyOf, PURPOSE_RULES } from './purposes';
import { errorResponse, signingRequestBody, signingRequestResponse } from './schema';
import { selfRoutingFetch } from './transport';

/** POST /api/v1/signing-requests: the bytes to sign for any purpose (docs/signatures.md). */
export function registerSignatureRoutes(app: FastifyInstance, ctx: AppContext) {
  // DEMO certificates point their OCSP/CRL at this portal's /pki: answer those in-process.
  ctx.signatures.setTransport(selfRoutingFetch(app, ctx.config.PUBLIC_URL));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/signing-requests',
    {
      schema: {
        tags: ['signatures'],
        summary: 'Issue the exact bytes to sign (login challenge, user agreement, a document)',
        description:
          'login, identify and recovery are signed with the AUTH key; registration (the user agreement) and ' +
          'every document purpose with the SIGN key. Valid 5 minutes, usable once. Document purposes need a ' +
          'session and a subjectId.',
        body: signingRequestBody,
        response: { 201: signingRequestResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (req, reply) => {
      const { purpose, subjectId } = req.body;
      let accountId: string | null = null;
      if (!PURPOSE_RULES[purpose].anonymous) accountId = (await ctx.identity.requireSession(req)).account.id;
      const issued = await ctx.signatures.issue(purpose, { subjectId, accountId });
      return reply.code(201).send({ ...issued, key: keyOf(purpose) });
    },
  );
}
