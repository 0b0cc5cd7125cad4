import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context';
import { translate } from '../../server/i18n/messages';
import { errorResponse } from '../signatures/schema';
import {
  acceptAnswer,
  binParams,
  employeeList,
  employeeUpdateBody,
  employerAnswer,
  employmentRequestAnswer,
  employmentRequestBody,
  invitationBody,
  invitationList,
  invitationParams,
  invitationPreview,
  invitationRow,
  memberAnswer,
  memberParams,
  okAnswer,
  organizationParams,
  organizerBody,
  tokenBody,
} from './schema';

/** Invitation token routes per client IP and minute (a token is 256 random bits; this only curbs noise). */
export const INVITATION_TOKEN_PER_MINUTE = 20;

const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

/** Employees, invitations and rights (docs/employees.md). */
export function registerEmployeeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employees'];
  const base = '/api/v1/organizations/:organizationId';
  const employees = () => ctx.employees;

  r.get(
    `${base}/employees`,
    {
      schema: {
        tags,
        summary: '«Сотрудники организации»: members with position, date added, statuses and rights',
        description: 'Administrator or head of the organisation. 404 not_found for a non-member.',
        params: organizationParams,
        response: { 200: employeeList, ...refusals },
      },
    },
    async (req) => ({ items: await employees().list(req, req.params.organizationId) }),
  );

  r.patch(
    `${base}/employees/:memberId`,
    {
      schema: {
        tags,
        summary: '«Изменение прав сотрудника»: rights, «Заблокировать сотрудника» with a reason, unblock',
        description:
          'Administrator of the organisation. 400 validation_failed (fields.blockReason, fields.rights); ' +
          '403 org_organizer_admin_only; 409 employee_pending / last_org_admin. Applies on the next request.',
        params: memberParams,
        body: employeeUpdateBody,
        response: { 200: memberAnswer, ...refusals },
      },
    },
    async (req) => ({
      employee: await employees().update(req, req.params.organizationId, req.params.memberId, req.body),
    }),
  );

  r.post(
    `${base}/employees/:memberId/activate`,
    {
      schema: {
        tags,
        summary: 'Activate a pending employee (accepted invitation or «Я являюсь сотрудником» request)',
        description: '409 employee_not_pending.',
        params: memberParams,
        response: { 200: memberAnswer, ...refusals },
      },
    },
    async (req) => ({
      employee: await employees().activate(req, req.params.organizationId, req.params.memberId),
    }),
  );

  r.post(
    `${base}/employees/:memberId/decline`,
    {
      schema: {
        tags,
        summary: 'Decline a pending employee: the membership request is removed',
        description: '409 employee_not_pending.',
        params: memberParams,
        response: { 200: okAnswer, ...refusals },
      },
    },
    async (req) => {
      await employees().decline(req, req.params.organizationId, req.params.memberId);
      return { ok: true as const };
    },
  );

  r.get(
    `${base}/invitations`,
    {
      schema: {
        tags,
        summary: 'Invitations of the organisation, newest first, with their status',
        params: organizationParams,
        response: { 200: invitationList, ...refusals },
      },
    },
    async (req) => ({ items: await employees().invitations.list(req, req.params.organizationId) }),
  );

  r.post(
    `${base}/invitations`,
    {
      schema: {
        tags,
        summary: '«Пригласить пользователя» (seed 004): mail an invitation with preset rights',
        description:
          'One pending invitation per address and organisation: 409 employee_invitation_pending; 409 ' +
          'already_member; 403 org_organizer_admin_only («Организатор» is granted by a portal administrator); 429 ' +
          'invitation_rate_limited (INVITATIONS_PER_DAY per organisation).',
        params: organizationParams,
        body: invitationBody,
        response: { 201: invitationRow, ...refusals, 429: errorResponse },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await employees().invitations.invite(req, req.params.organizationId, req.body)),
  );

  r.post(
    `${base}/invitations/:invitationId/revoke`,
    {
      schema: {
        tags,
        summary: 'Revoke a pending invitation (its link stops working)',
        description: '409 invitation_not_pending.',
        params: invitationParams,
        response: { 200: invitationRow, ...refusals },
      },
    },
    async (req) => employees().invitations.revoke(req, req.params.organizationId, req.params.invitationId),
  );

  const tokenLimited = { rateLimit: { max: INVITATION_TOKEN_PER_MINUTE, timeWindow: 60_000 } };

  r.post(
    '/api/v1/invitations/preview',
    {
      config: tokenLimited,
      schema: {
        tags,
        summary: 'What an invitation link offers (organisation, rights); no sign-in needed',
        description: '400 invitation_invalid (unknown, used or revoked) / invitation_expired.',
        body: tokenBody,
        response: { 200: invitationPreview, ...refusals },
      },
    },
    async (req) => employees().invitations.preview(req.body.token),
  );

  r.post(
    '/api/v1/invitations/accept',
    {
      config: tokenLimited,
      schema: {
        tags,
        summary: 'Accept an invitation (signed in): a pending membership the administrator activates',
        description:
          '400 invitation_invalid / invitation_expired; 403 employee_individual_only; 409 already_member.',
        body: tokenBody,
        response: { 200: acceptAnswer, ...refusals },
      },
    },
    async (req) => {
      const member = await employees().invitations.accept(req, req.body.token);
      return {
        organizationId: member.organizationId,
        memberId: member.id,
        status: member.status,
        message: translate(req.lang, 'employment_request_sent'),
      };
    },
  );

  r.get(
    '/api/v1/employers/:bin',
    {
      schema: {
        tags,
        summary: '«Я являюсь сотрудником»: whether an organisation with this BIN is registered on the portal',
        description: '404 employer_not_registered.',
        params: binParams,
        response: { 200: employerAnswer, ...refusals },
      },
    },
    async (req) => {
      const organization = await employees().employerByBin(req.params.bin);
      return { organization: { bin: organization.bin, name: organization.nameRu } };
    },
  );

  r.post(
    '/api/v1/me/employment-requests',
    {
      schema: {
        tags,
        summary: '«Я являюсь сотрудником» (signed in): ask to join a registered organisation by its BIN',
        description: '404 employer_not_registered; 403 employee_individual_only; 409 already_member.',
        body: employmentRequestBody,
        response: { 201: employmentRequestAnswer, ...refusals },
      },
    },
    async (req, reply) => {
      const member = await employees().requestFromCabinet(req, req.body);
      return reply.code(201).send({
        organizationId: member.organizationId,
        memberId: member.id,
        status: member.status,
        message: translate(req.lang, 'employment_request_sent'),
      });
    },
  );

  r.post(
    '/api/v1/admin/organizations/:organizationId/employees/:memberId/organizer',
    {
      schema: {
        tags: ['admin', ...tags],
        summary: "Portal administrator: grant or withdraw an employee's «Организатор» right",
        params: memberParams,
        body: organizerBody,
        response: { 200: memberAnswer, ...refusals },
      },
    },
    async (req) => ({
      employee: await employees().setOrganizer(
        req,
        req.params.organizationId,
        req.params.memberId,
        req.body.granted,
      ),
    }),
  );
}
