import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { errorResponse } from '../identity/schema';
import { createOperatorService } from './service';

const signedMessage = z.object({
  data: z.base64().max(8_000).describe('Base64 of the canonical JSON bytes'),
  cms: z.base64().max(64_000).describe('Base64 attached CMS over those bytes'),
});

/** ЦОН workstation → portal (docs/operator.md). */
export function registerOperatorRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const operator = createOperatorService(ctx);

  r.post(
    '/api/v1/operator/registrations',
    {
      schema: {
        tags: ['operator'],
        summary:
          "Register a person (or regenerate the password) on a service-centre workstation's signed request",
        description:
          'Body: canonical JSON {requestId, iin, email?, mobile, action, timestamp} signed by an authorised ' +
          "organisation's SIGN key. Answer: canonical JSON {requestId, result, login, password, portalUrl, slipUrl, " +
          "timestamp} signed by the portal's key. Refusals: 400 operator_request_invalid / operator_request_expired; " +
          '422 signature_invalid; 403 operator_not_authorised / registry_refused (seed 002 texts); ' +
          '409 operator_request_replayed; 404 account_not_found_by_iin (reset_password).',
        body: signedMessage,
        response: {
          200: signedMessage,
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (req) => operator.handle(req, req.body),
  );

  r.post(
    '/api/v1/admin/accounts/:id/operator',
    {
      schema: {
        tags: ['admin'],
        summary: 'Grant or withdraw the service-centre operator role of a personal account (role admin)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ grant: z.boolean() }),
        response: {
          200: z.object({ roles: z.array(z.string()) }),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (req) => {
      const { account: admin } = await ctx.identity.requireRole(req, 'admin');
      const account = await ctx.identity.findAccountById(req.params.id);
      if (!account) throw new AppError(404, 'not_found');
      if (account.kind !== 'individual')
        throw new AppError(400, 'validation_failed', {}, { id: 'individual' });
      const others = account.roles.filter((role) => role !== 'operator');
      const roles = req.body.grant ? [...others, 'operator'] : others;
      await ctx.database.db.transaction(async (tx) => {
        await ctx.identity.updateAccount(account.id, { roles }, tx);
        await ctx.audit.record(
          {
            action: 'admin.operator_role',
            result: 'success',
            actorUserId: admin.id,
            ip: req.ip,
            userAgent: req.headers['user-agent'],
            details: { accountId: account.id, grant: req.body.grant },
          },
          tx,
        );
      });
      return { roles };
    },
  );
}
