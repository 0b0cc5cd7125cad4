import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import type { Language } from '../../server/i18n/messages';
import { errorResponse } from '../identity/schema';
import { requestOrigin } from '../identity/service';
import {
  DIRECTORY_KINDS,
  entryInput,
  entryParams,
  entryResponse,
  entryUpdate,
  kindParams,
  listQuery,
} from './schema';
import { type DirectoryEntry, displayName } from './service';

function view(e: DirectoryEntry, lang: Language) {
  return {
    kind: e.kind,
    code: e.code,
    parentCode: e.parentCode,
    nameRu: e.nameRu,
    nameKk: e.nameKk,
    nameEn: e.nameEn,
    name: displayName(e, lang),
    attrs: e.attrs,
    active: e.active,
    source: e.source,
    ...(e.hasChildren === undefined ? {} : { hasChildren: e.hasChildren }),
  };
}

/** Reference data (docs/reference-data.md): public reads, administrator writes. */
export function registerDirectoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['directories'];
  const kinds = DIRECTORY_KINDS.join(', ');

  r.get(
    '/api/v1/directories/:kind',
    {
      schema: {
        tags,
        summary:
          'List a directory; q searches code and names (ru/kk/en, case-insensitive); parent lists children',
        description: `Kinds: ${kinds}. KATO: roots=1 for regions, parent=<code> for the next level (hasChildren tells whether to go deeper). 404 directory_unknown.`,
        params: kindParams,
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(entryResponse) }), 404: errorResponse },
      },
    },
    async (req) => {
      const q = req.query;
      const rows = await ctx.directories.list(req.params.kind, {
        q: q.q,
        parent: q.parent,
        roots: !!q.roots,
        limit: q.limit,
        includeInactive: !!q.includeInactive,
        lang: req.lang,
      });
      return { items: rows.map((e) => view(e, req.lang)) };
    },
  );

  r.get(
    '/api/v1/directories/:kind/:code',
    {
      schema: {
        tags,
        summary: 'One directory entry',
        params: entryParams,
        response: { 200: entryResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const entry = await ctx.directories.get(req.params.kind, req.params.code);
      if (!entry) throw new AppError(404, 'not_found');
      return view(entry, req.lang);
    },
  );

  const actorOf = async (req: Parameters<typeof ctx.identity.requireRole>[0]) => {
    const { account } = await ctx.identity.requireRole(req, 'admin');
    return { accountId: account.id, lang: req.lang, ...requestOrigin(req) };
  };
  const writeErrors = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  };

  r.post(
    '/api/v1/directories/:kind',
    {
      schema: {
        tags,
        summary: 'Add an entry (role admin; journaled directory.entry.create)',
        description:
          '400 validation_failed (every field at once: code format, attrs — e.g. attrs.bic —, unknown parentCode); ' +
          '403 forbidden; 404 directory_unknown; 409 directory_code_taken. Nothing is written on a refusal.',
        params: kindParams,
        body: entryInput,
        response: { 201: entryResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = await actorOf(req);
      const entry = await ctx.directories.create(req.params.kind, req.body, actor);
      return reply.code(201).send(view(entry, req.lang));
    },
  );

  r.put(
    '/api/v1/directories/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Edit an entry (role admin; journaled directory.entry.update); later seeds keep the edit',
        params: entryParams,
        body: entryUpdate,
        response: { 200: entryResponse, ...writeErrors },
      },
    },
    async (req) => {
      const actor = await actorOf(req);
      const entry = await ctx.directories.update(req.params.kind, req.params.code, req.body, actor);
      return view(entry, req.lang);
    },
  );
}
