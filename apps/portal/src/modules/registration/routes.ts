import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { translate } from '../../server/i18n/messages';
import { errorResponse } from '../signatures/schema';
import { activateBody, messageResponse, registrationBody, registrationResponse, resendBody } from './schema';
import { createRegistration } from './service';

/** Resends per client IP and minute (on top of the per-account cooldown). */
export const RESEND_PER_MINUTE = 3;

/** Registration with the signature and email activation (docs/signatures.md). */
export function registerRegistrationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const registration = createRegistration(ctx);
  const message = (lang: Parameters<typeof translate>[0], code: string) => ({
    messageCode: code,
    message: translate(lang, code),
  });

  r.post(
    '/api/v1/registrations',
    {
      schema: {
        tags: ['registration'],
        summary: 'Register an individual, legal entity or certification body with the signed user agreement',
        description:
          'First POST /api/v1/signing-requests {purpose:"registration"} and sign dataBase64 (the agreement) with ' +
          'the SIGN key — for an organisation, a legal-entity key of the first head or with signing rights. ' +
          'Refusals (nothing written): 400 validation_failed (fields.password lists every unmet rule; ' +
          'fields["phones.mobile"]); 422 signature_invalid {check, reason}; 403 registry_refused {reasonCode, ' +
          'registryCode} with seed 002 texts; 404 registry_legal_entity_not_found; 403 not_a_certification_body; ' +
          '409 already_registered (IIN has a personal account / BIN registered once). «Я являюсь сотрудником»: ' +
          'employerBin (individuals) → a pending membership request; 404 employer_not_registered.',
        body: registrationBody,
        response: {
          201: registrationResponse,
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (req, reply) => {
      await registration.register(req, req.body);
      return reply.code(201).send({
        messageCode: 'registration_succeeded' as const,
        message: translate(req.lang, 'registration_succeeded'),
        activationRequired: true as const,
        email: req.body.email,
      });
    },
  );

  r.post(
    '/api/v1/auth/activate',
    {
      schema: {
        tags: ['registration'],
        summary: "Follow the emailed activation link: the account's email is confirmed",
        description: '400 activation_link_invalid (unknown or used) / activation_link_expired.',
        body: activateBody,
        response: { 200: messageResponse, 400: errorResponse },
      },
    },
    async (req) => {
      await registration.activation.activate(req, req.body.token);
      return message(req.lang, 'email_activated');
    },
  );

  r.post(
    '/api/v1/auth/activation/resend',
    {
      config: { rateLimit: { max: RESEND_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['registration'],
        summary:
          'Send the activation link again (IIN, BIN or email); the answer never says whether it exists',
        description: `At most ${RESEND_PER_MINUTE} requests a minute per client (429 rate_limited) and one email a minute per account.`,
        body: resendBody,
        response: { 200: messageResponse, 429: errorResponse },
      },
    },
    async (req) => {
      await registration.activation.resend(req, req.body.login);
      return message(req.lang, 'activation_resent');
    },
  );
}
