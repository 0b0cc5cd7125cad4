import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { errorResponse } from '../identity/schema';
import { createBankRequestService } from './bank-requests';
import {
  adminBankRequestView,
  bankAccountInput,
  bankAccountList,
  bankAccountPatch,
  bankAccountView,
  bankRequestInput,
  bankRequestReject,
  bankRequestView,
} from './schema';
import { createBankAccountService } from './service';

const orgParams = z.object({ organizationId: z.string().max(64) });
const accountParams = orgParams.extend({ id: z.string().max(64) });
const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

/** Bank accounts of an organisation and new-bank registration requests (docs/banking.md). */
export function registerBankingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const accounts = createBankAccountService(ctx);
  const requests = createBankRequestService(ctx);
  const base = '/api/v1/organizations/:organizationId/bank-accounts';

  r.get(
    base,
    {
      schema: {
        tags: ['banking'],
        summary: 'Bank accounts of the organisation (any active member), with the КБе a new account gets',
        params: orgParams,
        response: { 200: bankAccountList, ...errors },
      },
    },
    async (req) => accounts.list(req, req.params.organizationId),
  );

  r.post(
    base,
    {
      schema: {
        tags: ['banking'],
        summary: 'Add a bank account (Администратор организации); the first account becomes the default',
        description:
          'Refusals: 400 validation_failed (fields.number names the IBAN rule; bankCode / accountType not in the ' +
          'directory; kbe when the organisation has no КСЕ); 409 bank_account_duplicate.',
        params: orgParams,
        body: bankAccountInput,
        response: { 201: bankAccountView, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await accounts.add(req, req.params.organizationId, req.body)),
  );

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags: ['banking'],
        summary: '«Информация о счете»',
        params: accountParams,
        response: { 200: bankAccountView, ...errors },
      },
    },
    async (req) => accounts.get(req, req.params.organizationId, req.params.id),
  );

  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags: ['banking'],
        summary:
          '«Редактировать счет» (Администратор организации); isDefault: true unsets the previous default',
        description:
          '409 bank_account_default_required when unsetting the only default; 409 bank_account_not_manual when ' +
          'changing the number or bank of an account not entered manually.',
        params: accountParams,
        body: bankAccountPatch,
        response: { 200: bankAccountView, ...errors },
      },
    },
    async (req) => accounts.update(req, req.params.organizationId, req.params.id, req.body),
  );

  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags: ['banking'],
        summary: 'Delete a manually entered account (Администратор организации)',
        params: accountParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await accounts.remove(req, req.params.organizationId, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/bank-requests',
    {
      schema: {
        tags: ['banking'],
        summary: '«Добавление банка»: send a new bank for the administrator’s approval',
        description:
          'Refusals: 400 validation_failed (fields.bic: bad BIC); 409 bank_bic_exists / bank_request_pending_bic.',
        body: bankRequestInput,
        response: { 201: z.object({ request: bankRequestView, message: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await requests.submit(req, req.body)),
  );

  r.get(
    '/api/v1/bank-requests',
    {
      schema: {
        tags: ['banking'],
        summary: '«Мои заявки на регистрацию банка»',
        response: { 200: z.object({ items: z.array(bankRequestView) }), ...errors },
      },
    },
    async (req) => ({ items: await requests.mine(req) }),
  );

  r.get(
    '/api/v1/admin/bank-requests',
    {
      schema: {
        tags: ['admin'],
        summary: 'Bank registration requests queue (role admin)',
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }),
        response: { 200: z.object({ items: z.array(adminBankRequestView) }), ...errors },
      },
    },
    async (req) => ({ items: await requests.queue(req, req.query.status) }),
  );

  r.post(
    '/api/v1/admin/bank-requests/:id/approve',
    {
      schema: {
        tags: ['admin'],
        summary: 'Approve: the bank enters the directory (code = BIC); the requester is emailed',
        description: '409 bank_request_decided when already approved or rejected; 409 bank_bic_exists.',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: bankRequestView, ...errors },
      },
    },
    async (req) => requests.approve(req, req.params.id),
  );

  r.post(
    '/api/v1/admin/bank-requests/:id/reject',
    {
      schema: {
        tags: ['admin'],
        summary: 'Reject with a reason (required); the requester is emailed',
        params: z.object({ id: z.string().max(64) }),
        body: bankRequestReject,
        response: { 200: bankRequestView, ...errors },
      },
    },
    async (req) => requests.reject(req, req.params.id, req.body.reason),
  );
}
