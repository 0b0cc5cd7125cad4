import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { describePolicy } from './passwords';
import {
  changePasswordBody,
  errorResponse,
  meResponse,
  okResponse,
  passwordLoginBody,
  unlockByLoginBody,
  unlockResponse,
} from './schema';

/** Password login, logout, the current user, password change and the administrator's unlock. */
export function registerIdentityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const identity = ctx.identity;

  r.post(
    '/api/v1/auth/login/password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign in with IIN, BIN or email and password',
        description:
          'Refusals: 401 invalid_credentials; 423 login_locked with retryAfterSeconds (password login only; ' +
          'signature login still works); 403 email_not_activated or account_blocked.',
        body: passwordLoginBody,
        response: { 200: meResponse, 401: errorResponse, 403: errorResponse, 423: errorResponse },
      },
    },
    async (req, reply) => {
      const account = await identity.passwordLogin(req, reply, req.body.login, req.body.password);
      return { user: identity.publicUser(account) };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['identity'],
        summary: 'End the current session (no error when there is none)',
        response: { 200: okResponse },
      },
    },
    async (req, reply) => {
      const ended = await identity.endSession(req, reply);
      if (ended)
        await ctx.audit.record({
          action: 'auth.logout',
          result: 'success',
          actorUserId: ended.accountId,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/password-policy',
    {
      schema: {
        tags: ['identity'],
        summary: "The configured password policy and its rules in the request's language (for forms)",
        response: { 200: z.object({ policy: z.string(), rules: z.array(z.string()) }) },
      },
    },
    async (req) => ({
      policy: identity.passwordPolicy,
      rules: describePolicy(identity.passwordPolicy, req.lang),
    }),
  );

  // Anonymous is not an error: the web shell asks on every page.
  r.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user, or null',
        response: { 200: meResponse },
      },
    },
    async (req) => {
      const current = await identity.currentSession(req);
      if (!current) return { user: null };
      return {
        user: identity.publicUser(current.account),
        organizations: await ctx.organizations.summariesFor(current.account.id),
      };
    },
  );

  r.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['identity'],
        summary: "Change the password; the account's other sessions end",
        description:
          '400 validation_failed: fields.newPassword lists every unmet rule of the password policy, ' +
          'fields.newPasswordRepeat a mismatch, fields.currentPassword a wrong current password.',
        body: changePasswordBody,
        response: { 200: okResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (req) => {
      await identity.changePassword(req, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/admin/accounts/:id/unlock',
    {
      schema: {
        tags: ['admin'],
        summary: "Lift the password-login lock of an account's IIN/BIN and email (role admin)",
        params: z.object({ id: z.uuid() }),
        response: { 200: unlockResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => identity.unlockLogin(req, { accountId: req.params.id }),
  );

  r.post(
    '/api/v1/admin/login-locks/unlock',
    {
      schema: {
        tags: ['admin'],
        summary: 'Lift the password-login lock of any login, with or without an account (role admin)',
        body: unlockByLoginBody,
        response: { 200: unlockResponse, 403: errorResponse },
      },
    },
    async (req) => identity.unlockLogin(req, { login: req.body.login }),
  );
}
