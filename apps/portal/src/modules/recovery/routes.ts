import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { type Language, translate } from '../../server/i18n/messages';
import { errorResponse } from '../signatures/schema';
import { documentBody, loginBody, recoveryResponse, signatureBody, tokenBody } from './schema';
import { createRecovery } from './service';

/** Recovery requests per client IP and minute, every path (on top of the per-identifier limit). */
export const RECOVERY_PER_MINUTE = 5;
const limited = { rateLimit: { max: RECOVERY_PER_MINUTE, timeWindow: 60_000 } };

/** The four password recovery paths (docs/recovery.md). */
export function registerRecoveryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const recovery = createRecovery(ctx);
  const message = (lang: Language, code: string) => ({ messageCode: code, message: translate(lang, code) });
  const tags = ['recovery'];

  r.post(
    '/api/v1/auth/recovery/link',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Forgot password (seed 001): mail a single-use link to the account of an IIN, BIN or email',
        description:
          'The answer is the same whether or not the account exists. 429 recovery_rate_limited / rate_limited.',
        body: loginBody,
        response: { 200: recoveryResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (req) => {
      await recovery.requestLink(req, req.body.login);
      return message(req.lang, 'recovery_link_sent');
    },
  );

  r.post(
    '/api/v1/auth/recovery/link/confirm',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Follow the recovery link: a temporary password is mailed (to be changed at next login)',
        description: '400 recovery_link_invalid (unknown or used) / recovery_link_expired.',
        body: tokenBody,
        response: { 200: recoveryResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (req) => {
      await recovery.confirmLink(req, req.body.token);
      return message(req.lang, 'recovery_temporary_password_sent');
    },
  );

  r.post(
    '/api/v1/auth/recovery/new-password',
    {
      config: limited,
      schema: {
        tags,
        summary:
          'Forgot password (seed 000): a new password generated and mailed to the account of the login',
        description:
          'The answer is the same whether or not the account exists. 429 recovery_rate_limited / rate_limited.',
        body: loginBody,
        response: { 200: recoveryResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (req) => {
      await recovery.mailNewPassword(req, req.body.login);
      return message(req.lang, 'recovery_new_password_sent');
    },
  );

  r.post(
    '/api/v1/auth/recovery/document',
    {
      config: limited,
      schema: {
        tags,
        summary:
          'Recovery by e-mail (seed 002): IIN + document number + issue date, or BIN + registration number',
        description:
          'Checked against the account and the state registry → a new password mailed. 400 recovery_data_mismatch ' +
          '(also for an unknown IIN/BIN); 429 recovery_rate_limited / rate_limited.',
        body: documentBody,
        response: { 200: recoveryResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (req) => {
      await recovery.byDocument(req, req.body);
      return message(req.lang, 'recovery_new_password_sent');
    },
  );

  r.post(
    '/api/v1/auth/recovery/signature',
    {
      config: limited,
      schema: {
        tags,
        summary:
          'Recovery by ЭЦП (seed 002): a recovery request signed with the AUTH key sets a new password',
        description:
          'First POST /api/v1/signing-requests {purpose:"recovery"} and sign dataBase64 with the AUTH key. ' +
          '400 validation_failed (fields.newPassword lists every unmet rule; fields.newPasswordRepeat); ' +
          '422 signature_invalid; 404 account_not_found; 429.',
        body: signatureBody,
        response: {
          200: recoveryResponse,
          400: errorResponse,
          404: errorResponse,
          422: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (req) => {
      await recovery.bySignature(req, req.body);
      return message(req.lang, 'recovery_password_changed');
    },
  );
}
