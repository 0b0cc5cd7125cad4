import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context';
import { translate } from '../../server/i18n/messages';
import { errorResponse } from '../identity/schema';
import { createEmailConfirmation } from './email-confirm';
import { createPhoto, PHOTO_MAX_BYTES } from './photo';
import {
  confirmEmailBody,
  contactBody,
  contactView,
  documentBody,
  documentView,
  messageResponse,
  okResponse,
  profileUpdateBody,
  profileView,
  rowParams,
} from './schema';
import { createProfileService } from './service';

const tags = ['profile'];
const refusals = { 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Кабинет → Личные данные: /api/v1/profile (docs/profile.md). Everything acts on the signed-in account only. */
export function registerProfileRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const profile = createProfileService(ctx);

  r.get(
    '/api/v1/profile',
    {
      schema: {
        tags,
        summary: 'Регистрационные данные пользователя',
        response: { 200: profileView, ...refusals },
      },
    },
    async (req) => profile.view(req),
  );

  r.put(
    '/api/v1/profile',
    {
      schema: {
        tags,
        summary: '«Редактировать данные»: email (required), mobile and work phones',
        description:
          'A changed email becomes «Не подтвержден». 400 validation_failed: fields.email (in use), fields.mobilePhone, fields.workPhone.',
        body: profileUpdateBody,
        response: { 200: profileView, 400: errorResponse, ...refusals },
      },
    },
    async (req) => {
      return profile.view(req, await profile.update(req, req.body));
    },
  );

  // ── «Загрузить фото» / «Удалить фото» ─────────────────────────────────────────────────────────────────
  const photo = createPhoto(ctx);
  // Plain app.get: the answer is the image's bytes, not a JSON schema's shape.
  app.get(
    '/api/v1/profile/photo',
    {
      schema: {
        tags,
        summary: "The signed-in user's photo (image/jpeg or image/png); 401 / 404 as JSON errors",
      },
    },
    async (req, reply) => {
      const { bytes, mediaType } = await photo.read((await profile.owner(req)).id);
      return reply
        .header('content-type', mediaType)
        .header('cache-control', 'private, no-cache')
        .send(Buffer.from(bytes));
    },
  );

  r.post(
    '/api/v1/profile/photo',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: `«Загрузить фото»: multipart/form-data, one JPEG or PNG file up to ${PHOTO_MAX_BYTES / 1024 / 1024} MB, re-encoded`,
        description:
          '413 file_too_large; 400 file_type_not_allowed (by content) or file_missing; 415 file_not_multipart.',
        response: {
          200: okResponse,
          400: errorResponse,
          413: errorResponse,
          415: errorResponse,
          ...refusals,
        },
      },
    },
    async (req) => {
      await photo.upload(req, (await profile.owner(req)).id);
      return { ok: true as const };
    },
  );

  r.delete(
    '/api/v1/profile/photo',
    { schema: { tags, summary: '«Удалить фото»', response: { 200: okResponse, ...refusals } } },
    async (req) => {
      await photo.remove(req, (await profile.owner(req)).id);
      return { ok: true as const };
    },
  );

  // ── «Подтвердить адрес электронной почты» ─────────────────────────────────────────────────────────────
  const confirmation = createEmailConfirmation(ctx);
  r.post(
    '/api/v1/profile/email/confirmation',
    {
      config: { rateLimit: { max: 5, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "«Подтвердить адрес электронной почты»: mail a single-use link to the account's email",
        description:
          '409 email_already_confirmed. One email a minute per account; 5 requests a minute per client.',
        response: { 200: messageResponse, 409: errorResponse, 429: errorResponse, ...refusals },
      },
    },
    async (req) => {
      const email = await confirmation.request(req, await profile.owner(req));
      return { message: translate(req.lang, 'email_confirm_sent', { email }) };
    },
  );

  r.post(
    '/api/v1/profile/email/confirm',
    {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Follow the mailed link: the email becomes «Подтвержден» (no session needed)',
        description:
          '400 email_confirm_link_invalid (unknown, used, or the email changed since) / email_confirm_link_expired.',
        body: confirmEmailBody,
        response: { 200: messageResponse, 400: errorResponse },
      },
    },
    async (req) => {
      await confirmation.confirm(req, req.body.token);
      return { message: translate(req.lang, 'email_confirmed') };
    },
  );

  // ── «Паспортные данные» ─────────────────────────────────────────────────────────────────────────────
  r.get(
    '/api/v1/profile/documents',
    {
      schema: {
        tags,
        summary: 'Паспортные данные: registry documents (read-only) and manual ones',
        response: { 200: z.object({ items: z.array(documentView) }), ...refusals },
      },
    },
    async (req) => ({ items: await profile.documents.list(req, await profile.owner(req)) }),
  );

  r.get(
    '/api/v1/profile/documents/:id',
    {
      schema: {
        tags,
        summary: 'One manual document',
        params: rowParams,
        response: { 200: documentView, ...refusals },
      },
    },
    async (req) => profile.documents.get(req, (await profile.owner(req)).id, req.params.id),
  );

  r.post(
    '/api/v1/profile/documents',
    {
      schema: {
        tags,
        summary: 'Добавить паспортные данные',
        description: '400 validation_failed with fields type, number, series, issueDate, expiryDate, issuer.',
        body: documentBody,
        response: { 201: documentView, 400: errorResponse, ...refusals },
      },
    },
    async (req, reply) => {
      const account = await profile.owner(req);
      const created = await profile.documents.create(
        req,
        account,
        req.body,
        await profile.birthDate(account.iin),
      );
      return reply.code(201).send(created);
    },
  );

  r.put(
    '/api/v1/profile/documents/:id',
    {
      schema: {
        tags,
        summary: 'Редактировать паспортные данные (manual rows only)',
        description: '403 profile_registry_read_only for a registry row; 404 for a row that is not yours.',
        params: rowParams,
        body: documentBody,
        response: { 200: documentView, 400: errorResponse, ...refusals },
      },
    },
    async (req) => {
      const account = await profile.owner(req);
      return profile.documents.update(
        req,
        account,
        req.params.id,
        req.body,
        await profile.birthDate(account.iin),
      );
    },
  );

  r.delete(
    '/api/v1/profile/documents/:id',
    {
      schema: {
        tags,
        summary: 'Удалить паспортные данные (manual rows only)',
        params: rowParams,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (req) => {
      await profile.documents.remove(req, (await profile.owner(req)).id, req.params.id);
      return { ok: true as const };
    },
  );

  // ── «Контактные данные» ─────────────────────────────────────────────────────────────────────────────
  r.get(
    '/api/v1/profile/contacts',
    {
      schema: {
        tags,
        summary: 'Контактные данные: the registry address (read-only) and manual ones',
        response: { 200: z.object({ items: z.array(contactView) }), ...refusals },
      },
    },
    async (req) => ({ items: await profile.contacts.list(req, await profile.owner(req)) }),
  );

  r.get(
    '/api/v1/profile/contacts/:id',
    {
      schema: {
        tags,
        summary: 'One manual contact',
        params: rowParams,
        response: { 200: contactView, ...refusals },
      },
    },
    async (req) => profile.contacts.get(req, (await profile.owner(req)).id, req.params.id),
  );

  r.post(
    '/api/v1/profile/contacts',
    {
      schema: {
        tags,
        summary: 'Добавить контактные данные',
        description: '400 validation_failed with fields countryCode, kato, street, house, apartment, phone.',
        body: contactBody,
        response: { 201: contactView, 400: errorResponse, ...refusals },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await profile.contacts.create(req, (await profile.owner(req)).id, req.body)),
  );

  r.put(
    '/api/v1/profile/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Редактировать контактные данные (manual rows only)',
        params: rowParams,
        body: contactBody,
        response: { 200: contactView, 400: errorResponse, ...refusals },
      },
    },
    async (req) => profile.contacts.update(req, (await profile.owner(req)).id, req.params.id, req.body),
  );

  r.delete(
    '/api/v1/profile/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Удалить контактные данные (manual rows only)',
        params: rowParams,
        response: { 200: okResponse, ...refusals },
      },
    },
    async (req) => {
      await profile.contacts.remove(req, (await profile.owner(req)).id, req.params.id);
      return { ok: true as const };
    },
  );
}
