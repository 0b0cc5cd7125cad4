import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';

const outboxItem = z.object({
  id: z.number(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** DEMO only: every email and SMS the portal sent, newest first (the SMS gateway is a stand-in). */
export function registerDevOutboxRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Emails and SMS sent (DEMO mode only)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(outboxItem) }) },
      },
    },
    async (req) => {
      if (!ctx.config.DEMO) throw new AppError(404, 'not_found');
      const rows = await ctx.notifications.listRecent(req.query.limit);
      return {
        items: rows.map((m) => ({
          id: m.id,
          channel: m.channel,
          to: m.recipient,
          subject: m.subject,
          body: m.bodyText,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
