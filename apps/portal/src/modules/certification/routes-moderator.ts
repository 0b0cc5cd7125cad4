import { z } from 'zod';
import { errors, type RouteKit, TAG } from './routes-kit';
import { listQuery, moderatorNoteBody, prepareActBody, signedActBody } from './schema';

/** The moderator's routes (role moderator): every application, «Блок модератора», return, counts. */
export function registerModeratorRoutes(kit: RouteKit) {
  const { r, svc, downloadDocument } = kit;
  // ── moderator ─────────────────────────────────────────────────────────────────────────────────────────
  const mod = '/api/v1/moderator/certification';
  const modParams = z.object({ id: z.string() });

  r.get(
    `${mod}/applications`,
    {
      schema: {
        tags: TAG,
        summary: 'Every application (role moderator)',
        querystring: listQuery,
        response: errors,
      },
    },
    async (req) => {
      await svc.asModerator(req);
      return svc.listFor('all', req.query);
    },
  );

  r.get(
    `${mod}/stats`,
    { schema: { tags: TAG, summary: 'Counts by status and by body (role moderator)', response: errors } },
    async (req) => {
      await svc.asModerator(req);
      return svc.stats();
    },
  );

  r.get(
    `${mod}/applications/:id`,
    {
      schema: { tags: TAG, summary: 'An application (role moderator)', params: modParams, response: errors },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return svc.view(row!, viewer);
    },
  );

  r.get(
    `${mod}/applications/:id/documents/:documentId`,
    {
      schema: {
        tags: TAG,
        summary: 'Download a document (role moderator)',
        params: modParams.extend({ documentId: z.string() }),
      },
    },
    async (req, reply) => {
      const { app: row } = await svc.asModerator(req, req.params.id);
      return downloadDocument(reply, row!, req.params.documentId);
    },
  );

  r.put(
    `${mod}/applications/:id/note`,
    {
      schema: {
        tags: TAG,
        summary: '«Блок модератора»: the moderator’s note (read-only to the applicant)',
        params: modParams,
        body: moderatorNoteBody,
        response: errors,
      },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return svc.setModeratorNote(req, viewer, row!, req.body.text);
    },
  );

  r.post(
    `${mod}/applications/:id/acts/prepare`,
    {
      schema: {
        tags: TAG,
        summary: 'Prepare the moderator’s act (return for revision, with a comment)',
        params: modParams,
        body: prepareActBody,
        response: errors,
      },
    },
    async (req, reply) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return reply.code(201).send(await svc.prepareAct(viewer, row!, req.body.action, req.body.payload));
    },
  );

  r.post(
    `${mod}/applications/:id/acts`,
    {
      schema: {
        tags: TAG,
        summary: 'Perform the moderator’s signed act',
        params: modParams,
        body: signedActBody,
        response: errors,
      },
    },
    async (req) => {
      const { viewer, app: row } = await svc.asModerator(req, req.params.id);
      return svc.applyAct(req, viewer, row!, req.body);
    },
  );
}
