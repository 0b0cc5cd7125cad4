import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { translate } from '../../server/i18n/messages';
import { errorResponse, okResponse } from '../identity/schema';
import { PARTICIPANT_AGREEMENT_TEXT_RU, PARTICIPANT_AGREEMENT_VERSION } from './agreement';
import { LOGO_MAX_BYTES } from './logo';
import {
  addressBody,
  addressListResponse,
  addressParams,
  addressResponse,
  adminListQuery,
  adminListResponse,
  adminOrganizationResponse,
  attributesBody,
  contactsBody,
  headBody,
  headCandidatesResponse,
  organizationIdParams,
  organizerBody,
  participantRegistrationBody,
  prefillResponse,
  profileResponse,
  registrationResponse,
  savedResponse,
  signedAgreementBody,
} from './schema';

const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Participant registration and «Профиль участника» (docs/organizations.md). */
export function registerOrganizationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const orgs = ctx.organizations;
  ctx.signatures.registerBody('participant_agreement', () => PARTICIPANT_AGREEMENT_TEXT_RU);

  r.get(
    '/api/v1/organizations/registration/agreement',
    {
      schema: {
        tags: ['organizations'],
        summary: 'The participant agreement text (signed with purpose participant_agreement)',
        response: { 200: z.object({ version: z.string(), text: z.string() }) },
      },
    },
    async () => ({ version: PARTICIPANT_AGREEMENT_VERSION, text: PARTICIPANT_AGREEMENT_TEXT_RU }),
  );

  r.post(
    '/api/v1/organizations/registration/prefill',
    {
      schema: {
        tags: ['organizations'],
        summary: "The registration form's starting values from the signed agreement (not consumed)",
        description:
          'BIN and name from the certificate, registration data from the registry. 422 signature_invalid; 403 ' +
          'org_certificate_not_yours / org_certificate_no_authority / org_certificate_not_organization.',
        body: signedAgreementBody,
        response: { 200: prefillResponse, ...refusals, 422: errorResponse },
      },
    },
    async (req) => orgs.registration.prefill(req, req.body),
  );

  r.post(
    '/api/v1/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary:
          '«Подтверждаю данные»: register the participant (the caller becomes its Администратор организации)',
        description:
          '400 validation_failed with every failing field (nothing saved); 422 signature_invalid; 409 ' +
          'org_already_registered (one participant per BIN).',
        body: participantRegistrationBody,
        response: { 201: registrationResponse, ...refusals, 409: errorResponse, 422: errorResponse },
      },
    },
    async (req, reply) => {
      const { organization, membership } = await orgs.registration.register(req, req.body);
      return reply.code(201).send({
        organization: await orgs.profile.view(organization, membership),
        message: translate(req.lang, 'org_registered'),
      });
    },
  );

  r.get(
    '/api/v1/organizations/:organizationId',
    {
      schema: {
        tags: ['organizations'],
        summary: 'The participant profile (any active member)',
        params: organizationIdParams,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (req) => ({ organization: await orgs.profile.get(req, req.params.organizationId) }),
  );

  r.put(
    '/api/v1/organizations/:organizationId/contacts',
    {
      schema: {
        tags: ['organizations'],
        summary: '«Редактировать данные»: email, site, phone (Администратор организации)',
        params: organizationIdParams,
        body: contactsBody,
        response: { 200: savedResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.updateContacts(req, req.params.organizationId, req.body),
  );

  r.put(
    '/api/v1/organizations/:organizationId/attributes',
    {
      schema: {
        tags: ['organizations'],
        summary: '«Атрибуты участника»: КОПФ, form, КФС, КСЕ, КРП, flags (Администратор организации)',
        params: organizationIdParams,
        body: attributesBody,
        response: { 200: savedResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.updateAttributes(req, req.params.organizationId, req.body),
  );

  r.get(
    '/api/v1/organizations/:organizationId/head-candidates',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Active members with the head right',
        params: organizationIdParams,
        response: { 200: headCandidatesResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.headCandidates(req, req.params.organizationId),
  );

  r.put(
    '/api/v1/organizations/:organizationId/head',
    {
      schema: {
        tags: ['organizations'],
        summary: '«Данные о руководителе»: choose the head (Администратор организации)',
        params: organizationIdParams,
        body: headBody,
        response: { 200: savedResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.setHead(req, req.params.organizationId, req.body.memberId),
  );

  r.get(
    '/api/v1/organizations/:organizationId/addresses',
    {
      schema: {
        tags: ['organizations'],
        summary: '«Контактные данные»: the addresses',
        params: organizationIdParams,
        response: { 200: addressListResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.listAddresses(req, req.params.organizationId),
  );

  r.post(
    '/api/v1/organizations/:organizationId/addresses',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Add an address (Администратор организации)',
        params: organizationIdParams,
        body: addressBody,
        response: { 201: addressResponse, ...refusals },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await orgs.profile.createAddress(req, req.params.organizationId, req.body)),
  );

  r.put(
    '/api/v1/organizations/:organizationId/addresses/:addressId',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Edit an address (Администратор организации)',
        params: addressParams,
        body: addressBody,
        response: { 200: addressResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.updateAddress(req, req.params.organizationId, req.params.addressId, req.body),
  );

  r.delete(
    '/api/v1/organizations/:organizationId/addresses/:addressId',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Delete an address (Администратор организации)',
        params: addressParams,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (req) => orgs.profile.deleteAddress(req, req.params.organizationId, req.params.addressId),
  );

  // ── «Загрузить лого» / «Удалить лого» ─────────────────────────────────────────────────────────────────
  // Plain app.get: the answer is the image's bytes, not a JSON schema's shape.
  app.get<{ Params: { organizationId: string } }>(
    '/api/v1/organizations/:organizationId/logo',
    { schema: { tags: ['organizations'], summary: 'The logo (image/jpeg or image/png); errors as JSON' } },
    async (req, reply) => {
      const { bytes, mediaType } = await orgs.logo.read(req, req.params.organizationId);
      return reply
        .header('content-type', mediaType)
        .header('cache-control', 'private, no-cache')
        .send(Buffer.from(bytes));
    },
  );

  r.post(
    '/api/v1/organizations/:organizationId/logo',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['organizations'],
        summary: `«Загрузить лого»: multipart/form-data, one JPEG or PNG up to ${LOGO_MAX_BYTES / 1024 / 1024} MB, re-encoded`,
        description:
          '413 file_too_large; 400 file_type_not_allowed (by content) or file_missing; 415 file_not_multipart.',
        params: organizationIdParams,
        response: { 200: okResponse, 413: errorResponse, 415: errorResponse, ...refusals },
      },
    },
    async (req) => {
      await orgs.logo.upload(req, req.params.organizationId);
      return { ok: true as const };
    },
  );

  r.delete(
    '/api/v1/organizations/:organizationId/logo',
    {
      schema: {
        tags: ['organizations'],
        summary: '«Удалить лого» (Администратор организации)',
        params: organizationIdParams,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (req) => {
      await orgs.logo.remove(req, req.params.organizationId);
      return { ok: true as const };
    },
  );

  // ── admin console: participants, Организатор ────────────────────────────────────────────────────────────
  const adminView = (o: {
    id: string;
    bin: string;
    kind: 'legal_entity' | 'individual_entrepreneur' | 'certification_body';
    nameRu: string;
    roles: string[];
    createdAt: Date;
  }) => ({
    id: o.id,
    bin: o.bin,
    kind: o.kind,
    nameRu: o.nameRu,
    roles: o.roles,
    createdAt: o.createdAt.toISOString(),
  });

  r.get(
    '/api/v1/admin/organizations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Participants by BIN prefix or name (role admin)',
        querystring: adminListQuery,
        response: { 200: adminListResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (req) => ({ organizations: (await orgs.admin.list(req, req.query.q)).map(adminView) }),
  );

  r.put(
    '/api/v1/admin/organizations/:organizationId/organizer',
    {
      schema: {
        tags: ['admin'],
        summary: 'Grant or withdraw the Организатор participant role (role admin)',
        params: organizationIdParams,
        body: organizerBody,
        response: { 200: adminOrganizationResponse, ...refusals },
      },
    },
    async (req) => ({
      organization: adminView(
        await orgs.admin.setOrganizer(req, req.params.organizationId, req.body.granted),
      ),
    }),
  );
}
