import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { errorResponse, meResponse } from '../identity/schema';
import { createOtpService, OTP_MAX_ATTEMPTS, OTP_RESEND_COOLDOWN_SECONDS, OTP_TTL_SECONDS } from './service';

const REQUESTS_PER_MINUTE = 10;
const VERIFICATIONS_PER_MINUTE = 20;

const login = z.string().trim().min(1).max(64).describe('IIN or BIN (12 digits)');
const otpRequestBody = z.object({ login });
const otpVerifyBody = z.object({ login, code: z.string().regex(/^\d{6}$/) });
const otpRequestResponse = z.object({
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});

/** One-time SMS password login (docs/otp.md). */
export function registerOtpRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const otp = createOtpService({ ...ctx, db: ctx.database.db });

  r.post(
    '/api/v1/auth/otp/request',
    {
      config: { rateLimit: { max: REQUESTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'],
        summary: "Send a one-time password by SMS to the account's registered mobile",
        description:
          `The same answer whether or not the IIN/BIN has an account with a mobile. The code is valid ` +
          `${OTP_TTL_SECONDS} s; a new one is sent at most every ${OTP_RESEND_COOLDOWN_SECONDS} s per account; ` +
          `at most ${REQUESTS_PER_MINUTE} requests a minute per client (429 rate_limited).`,
        body: otpRequestBody,
        response: { 200: otpRequestResponse, 400: errorResponse, 429: errorResponse },
      },
    },
    async (req) => otp.request(req, req.body.login),
  );

  r.post(
    '/api/v1/auth/otp/verify',
    {
      config: { rateLimit: { max: VERIFICATIONS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with the one-time password (not blocked by the password-login lockout)',
        description:
          `401 otp_invalid for a wrong, expired or used code, an unknown login, or after ${OTP_MAX_ATTEMPTS} ` +
          'wrong attempts; 403 email_not_activated / account_blocked.',
        body: otpVerifyBody,
        response: {
          200: meResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (req, reply) => {
      const account = await otp.verify(req, reply, req.body.login, req.body.code);
      return { user: ctx.identity.publicUser(account) };
    },
  );
}
