import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';

/** Lookups per client IP and minute: enough for a person filling the wizard, too few to crawl the registry. */
export const LEGAL_ENTITY_LOOKUPS_PER_MINUTE = 20;

const classified = z.object({ code: z.string(), nameRu: z.string(), nameKk: z.string() });
const errorBody = z.object({ error: z.looseObject({ code: z.string(), message: z.string() }) });

/** What anyone may see about a legal entity: its public registration data (no head IIN, no personal data). */
const publicLegalEntity = z.object({
  bin: z.string(),
  kind: z.enum(['legal_entity', 'branch', 'representative_office', 'individual_entrepreneur']),
  nameRu: z.string(),
  nameKk: z.string(),
  shortNameRu: z.string(),
  shortNameKk: z.string(),
  registrationNumber: z.string(),
  registrationDate: z.string(),
  registrationAuthority: z.string(),
  parentBin: z.string().nullable(),
  legalAddress: z.object({ kato: z.string().nullable().optional(), text: z.string() }),
  kopf: classified,
  kfs: classified,
  kse: classified,
  krp: classified,
  oked: classified,
  isCertificationBody: z.boolean(),
});

/**
 * Public registry routes. Only the legal-entity lookup is public (the registration wizard's «Найти»);
 * person data stays behind the service (ctx.registry) — there is deliberately no person route.
 */
export function registerRegistryRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/registry/legal-entities/:bin',
    {
      config: { rateLimit: { max: LEGAL_ENTITY_LOOKUPS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['registry'],
        summary: 'Find a legal entity (or individual entrepreneur) by BIN in the state registry (ГБД ЮЛ)',
        description:
          'Public registration data to prefill registration forms. 400 invalid_bin (bad format or check digit), ' +
          `404 registry_legal_entity_not_found, 429 rate_limited (${LEGAL_ENTITY_LOOKUPS_PER_MINUTE} per minute).`,
        params: z.object({ bin: z.string().max(32) }),
        response: { 200: publicLegalEntity, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (req) => {
      const entity = await ctx.registry.lookupLegalEntity(req.params.bin);
      const { headIin: _headIin, ...publicData } = entity;
      return publicData;
    },
  );
}
