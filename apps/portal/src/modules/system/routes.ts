import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../../db/client';
import type { AppContext } from '../../server/context';
import { CSRF_COOKIE } from '../../server/plugins/csrf';
import { signerUrlFor } from '../pki/demo';

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']) });

/** Liveness/readiness, the public configuration the web app needs, and the CSRF token for API clients. */
export function registerSystemRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Health: the database answers',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_req, reply) => {
      const up = await pingDatabase(ctx.database);
      return reply
        .code(up ? 200 : 503)
        .send({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' });
    },
  );

  r.get(
    '/api/v1/config/public',
    {
      schema: {
        tags: ['system'],
        summary: 'Settings the web app needs',
        response: {
          200: z.object({
            demo: z.boolean(),
            portalName: z.string(),
            passwordPolicy: z.string(),
            /** Where the web app talks to NCALayer (DEMO: the built-in signer, ws://, SIGNER_PORT). */
            signerUrl: z.string(),
          }),
        },
      },
    },
    async () => ({
      demo: ctx.config.DEMO,
      portalName: 'tereze',
      passwordPolicy: ctx.config.PASSWORD_POLICY,
      // NCALayer speaks wss with its own certificate; the demo's built-in signer speaks plain ws.
      signerUrl: signerUrlFor(ctx.config.DEMO, ctx.demoPki),
    }),
  );

  r.get(
    '/api/v1/csrf',
    {
      schema: {
        tags: ['system'],
        summary: 'The CSRF token: send it back in the x-csrf-token header with every write',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (req) => ({ token: req.cookies[CSRF_COOKIE]! }),
  );
}
