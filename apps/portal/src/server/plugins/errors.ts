import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { fieldMessage, translate } from '../i18n/messages';

/** The one error shape of DESIGN.md: `{ error: { code, message, fields? } }`, message in the request's language. */
export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const lang = req.lang;
  const body: {
    error: { code: string; message: string; fields?: Record<string, string> } & Record<string, unknown>;
  } = {
    // `messageKey` picks a more specific text for the code (409 already_registered: by IIN or by BIN).
    error: {
      code: err.code,
      message: translate(lang, String(err.params.messageKey ?? err.code), err.params),
    },
  };
  if (err.fields) body.error.fields = err.fields;
  // Machine-readable extras the contract names (retryAfterSeconds for 423/429, check for 422; reasonCode and
  // registryCode for 403 registry_refused).
  // `reason` details a failed signature check; `certificate` is the verified certificate of 404 account_not_found.
  for (const k of [
    'retryAfterSeconds',
    'check',
    'reason',
    'reasonCode',
    'registryCode',
    'certificate',
  ] as const)
    if (err.params[k] !== undefined) body.error[k] = err.params[k];
  return reply.code(err.status).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return sendError(req, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[path] ??= fieldMessage(req.lang, v.keyword, (v.params as { input?: unknown }).input);
      }
      return sendError(req, reply, new AppError(400, 'validation_failed', {}, fields));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(
          req,
          reply,
          new AppError(400, 'validation_failed', {}, { _: translate(req.lang, 'invalid_json') }),
        );
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(
          req,
          reply,
          new AppError(413, 'payload_too_large', {
            limit: `${Math.round(app.initialConfig.bodyLimit! / 1024)} KB`,
          }),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(req, reply, new AppError(415, 'unsupported_media_type'));
    }
    if (error.statusCode === 429) {
      const retryAfterSeconds = Number(reply.getHeader('retry-after') ?? 60);
      return sendError(req, reply, new AppError(429, 'rate_limited', { retryAfterSeconds }));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      req.log.info({ err: error }, 'client error');
      return sendError(
        req,
        reply,
        new AppError(error.statusCode, error.statusCode === 404 ? 'not_found' : 'validation_failed'),
      );
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(req, reply, new AppError(500, 'internal_error'));
  });
}
