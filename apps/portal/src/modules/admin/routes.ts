import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { errorResponse } from '../identity/schema';
import {
  auditListResponse,
  auditQuery,
  blockBody,
  organizationDetailResponse,
  organizationIdParams,
  rolesBody,
  unlockResponse,
  userDetailResponse,
  userIdParams,
  userListQuery,
  userListResponse,
  userResponse,
} from './schema';
import { createAdminService } from './service';

const reads = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const writes = { ...reads, 409: errorResponse };

/** The admin console's API (role admin; docs/admin.md). */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = createAdminService(ctx);
  const tags = ['admin'];

  r.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags,
        summary: 'Users by IIN/BIN prefix, email or name; keyset pages (cursor = nextCursor)',
        querystring: userListQuery,
        response: { 200: userListResponse, ...reads },
      },
    },
    async (req) => admin.listUsers(req, req.query),
  );

  r.get(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'A user with memberships and recent journal entries',
        params: userIdParams,
        response: { 200: userDetailResponse, ...reads },
      },
    },
    async (req) => admin.userDetail(req, req.params.id),
  );

  r.post(
    '/api/v1/admin/users/:id/block',
    {
      schema: {
        tags,
        summary: 'Block a user (reason required); their sessions end at once',
        params: userIdParams,
        body: blockBody,
        response: { 200: userResponse, ...writes },
      },
    },
    async (req) => ({ user: await admin.block(req, req.params.id, req.body.reason) }),
  );

  r.post(
    '/api/v1/admin/users/:id/unblock',
    {
      schema: {
        tags,
        summary: 'Unblock a user',
        params: userIdParams,
        response: { 200: userResponse, ...writes },
      },
    },
    async (req) => ({ user: await admin.unblock(req, req.params.id) }),
  );

  r.post(
    '/api/v1/admin/users/:id/unlock',
    {
      schema: {
        tags,
        summary: "Lift the password-login lock of the user's IIN/BIN and email",
        params: userIdParams,
        response: { 200: unlockResponse, ...reads },
      },
    },
    async (req) => admin.unlock(req, req.params.id),
  );

  r.put(
    '/api/v1/admin/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Set the portal roles (admin, moderator, operator); not removing your own admin role',
        params: userIdParams,
        body: rolesBody,
        response: { 200: userResponse, ...writes },
      },
    },
    async (req) => ({ user: await admin.setRoles(req, req.params.id, req.body.roles) }),
  );

  r.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags,
        summary: 'The audit journal, newest first, filtered; keyset pages (cursor = nextCursor)',
        description:
          'actor: account id, IIN, BIN or email; organization: id or BIN; action: an action or its family ' +
          '(`admin.user` matches `admin.user.block`); from/to: ISO date-times or dates (Kazakhstan days, to inclusive).',
        querystring: auditQuery,
        response: { 200: auditListResponse, ...reads },
      },
    },
    async (req) => admin.audit(req, req.query),
  );

  r.get(
    '/api/v1/admin/organizations/:organizationId',
    {
      schema: {
        tags,
        summary: 'A participant with its members',
        params: organizationIdParams,
        response: { 200: organizationDetailResponse, ...reads },
      },
    },
    async (req) => admin.organizationDetail(req, req.params.organizationId),
  );
}
