import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { notFound } from '../../server/errors';
import { errorResponse } from '../identity/schema';
import { catalogNodeResponse, catalogResponse } from './schema';
import { portalCatalog } from './service';

/** The public service catalogue (docs/catalog.md): names and descriptions in kk/ru/en, the tree, web paths. */
export function registerCatalogRoutes(app: FastifyInstance, _ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const catalog = portalCatalog();

  r.get(
    '/api/v1/catalog',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The service catalogue: every section and service, root first, siblings in order',
        response: { 200: catalogResponse },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { nodes: catalog.nodes };
    },
  );

  r.get(
    '/api/v1/catalog/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One catalogue entry with its breadcrumbs (root → entry) and children',
        params: z.object({ id: z.string().max(100) }),
        response: { 200: catalogNodeResponse, 404: errorResponse },
      },
    },
    async (req, reply) => {
      const node = catalog.get(req.params.id);
      if (!node) throw notFound();
      reply.header('cache-control', 'public, max-age=300');
      return { node, trail: catalog.trail(node.id), children: catalog.childrenOf(node.id) };
    },
  );
}
