import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { errorResponse } from '../signatures/schema';
import {
  certificatePasswordBody,
  certificatePasswordResponse,
  signatureLoginBody,
  signatureLoginResponse,
} from './schema';
import { createSignatureLogin } from './service';

/** Login by ЭЦП and certificate + password (docs/signatures.md). */
export function registerSignatureLoginRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const login = createSignatureLogin(ctx);

  r.post(
    '/api/v1/auth/login/signature',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign in with the AUTH key: a login signing request signed as CMS',
        description:
          'First POST /api/v1/signing-requests {purpose:"login"} and sign dataBase64 with the AUTH key. ' +
          'Answers result "signed_in" (session cookie set), or — with LOGIN_CERT_REQUIRES_PASSWORD=1 — ' +
          '"password_required" with a pendingLoginId and the greeting. Not subject to the password lockout. ' +
          'Refusals: 422 signature_invalid {check, reason}; 404 account_not_found {certificate} (go to ' +
          'registration with the certificate data); 403 email_not_activated / account_blocked.',
        body: signatureLoginBody,
        response: {
          200: signatureLoginResponse,
          403: errorResponse,
          404: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (req, reply) => {
      const outcome = await login.signIn(req, reply, req.body);
      if (outcome.result === 'signed_in')
        return { result: 'signed_in' as const, user: ctx.identity.publicUser(outcome.account) };
      return outcome;
    },
  );

  r.post(
    '/api/v1/auth/login/certificate-password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Certificate + password: the password step after a verified certificate',
        description:
          'Refusals: 400 pending_login_invalid (unknown, used or older than 5 minutes: choose the certificate ' +
          'again); 401 wrong_password «Неправильный пароль»; 423 login_locked (the password lockout of the ' +
          "account's IIN/BIN); 403 email_not_activated / account_blocked.",
        body: certificatePasswordBody,
        response: {
          200: certificatePasswordResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          423: errorResponse,
        },
      },
    },
    async (req, reply) => {
      const account = await login.completeWithPassword(req, reply, req.body);
      return { user: ctx.identity.publicUser(account) };
    },
  );
}
