import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client';
import { registerAdminRoutes } from '../modules/admin/routes';
import { createAuditService } from '../modules/audit/service';
import { registerBankingRoutes } from '../modules/banking/routes';
import { registerCatalogRoutes } from '../modules/catalog/routes';
import { registerCertificationRoutes } from '../modules/certification/routes';
import { registerDirectoryRoutes } from '../modules/directories/routes';
import { createDirectoryService } from '../modules/directories/service';
import { createEmailTokenService } from '../modules/email-tokens/service';
import { registerEmployeeRoutes } from '../modules/employees/routes';
import { createEmployeeService } from '../modules/employees/service';
import { createFileService } from '../modules/files/service';
import { registerIdentityRoutes } from '../modules/identity/routes';
import { createIdentityService } from '../modules/identity/service';
import { registerDevOutboxRoutes } from '../modules/notifications/routes';
import { createNotificationService } from '../modules/notifications/service';
import { registerOperatorRoutes } from '../modules/operator/routes';
import { registerOrganizationRoutes } from '../modules/organizations/routes';
import { createOrganizationService } from '../modules/organizations/service';
import { registerOtpRoutes } from '../modules/otp/routes';
import { demoSignerConnectSrc } from '../modules/pki/demo';
import { registerDemoPkiRoutes } from '../modules/pki/routes';
import { registerProfileRoutes } from '../modules/profile/routes';
import { registerRecoveryRoutes } from '../modules/recovery/routes';
import { registerIdentifyRoute } from '../modules/registration/identify';
import { registerRegistrationRoutes } from '../modules/registration/routes';
import { registerRegistryRoutes } from '../modules/registry/routes';
import { createRegistryService } from '../modules/registry/service';
import { registerSignatureLoginRoutes } from '../modules/signature-login/routes';
import { registerSignatureRoutes } from '../modules/signatures/routes';
import { createSignatureService } from '../modules/signatures/service';
import { loadTrustStore } from '../modules/signatures/trust';
import { registerSystemRoutes } from '../modules/system/routes';
import { registerVerifySignatureRoutes } from '../modules/verify-signature/routes';
import type { Config } from './config';
import type { AppContext } from './context';
import { AppError } from './errors';
import { pickLanguage } from './i18n/messages';
import { registerCsrf } from './plugins/csrf';
import { registerErrorHandling, sendError } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { registerSecurity } from './plugins/security';
import { registerWeb, type WebMode } from './web';

export interface BuildAppOptions {
  config: Config;
  database: Database;
  web?: WebMode;
  /** pino options or false; tests pass false. */
  logger?: boolean | Record<string, unknown>;
  /** The clock (tests move it to expire sessions and locks); default: the system clock. */
  now?: () => Date;
}

/** JSON API bodies are small; document uploads (20 MB) get their own limit on their routes. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(
  opts: BuildAppOptions,
): Promise<{ app: FastifyInstance; ctx: AppContext; metrics: ReturnType<typeof registerMetrics> }> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const now = opts.now ?? (() => new Date());

  const ctx: AppContext = {
    config,
    database,
    audit: createAuditService(database.db),
    notifications: createNotificationService(database.db),
    now,
    identity: createIdentityService({ db: database.db, config, audit: createAuditService(database.db), now }),
    emailTokens: createEmailTokenService({
      db: database.db,
      now,
      findAccountById: (id, tx) => ctx.identity.findAccountById(id, tx),
    }),
    registry: createRegistryService(database.db),
    directories: createDirectoryService({ db: database.db, audit: createAuditService(database.db), now }),
    files: createFileService({
      db: database.db,
      audit: createAuditService(database.db),
      now,
      dataDir: config.DATA_DIR,
    }),
    organizations: createOrganizationService({ db: database.db, app: () => ctx }),
    employees: createEmployeeService({ db: database.db, app: () => ctx }),
    signatures: createSignatureService({
      db: database.db,
      config,
      now,
      trust: loadTrustStore(config.TRUSTED_CA_DIR),
      demoCa: () => ctx.demoPki?.ca,
    }),
  };

  app.decorateRequest('lang', 'ru');
  app.decorateRequest('cspNonce', '');
  await app.register(cookie);
  // multipart/form-data for document uploads; each route reads it with readUpload and its own limits (files/upload.ts).
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5, fields: 20, parts: 30 } });
  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLanguage(req.cookies.lang, req.headers['accept-language']);
    reply.header('x-request-id', req.id);
  });
  await registerSecurity(app, config.DEMO ? demoSignerConnectSrc() : []);
  registerErrorHandling(app);
  registerCsrf(app, { secureCookies: config.PUBLIC_URL.startsWith('https:') });
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (req) => req.url === '/healthz' || req.url === '/metrics',
  });
  const metrics = registerMetrics(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'tereze API',
        description:
          'Government e-services with the Kazakhstan digital signature (ЭЦП). Errors: { error: { code, message, fields? } }.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSystemRoutes(app, ctx);
  registerIdentityRoutes(app, ctx);
  registerOtpRoutes(app, ctx);
  registerOperatorRoutes(app, ctx);
  registerDevOutboxRoutes(app, ctx);
  registerRegistryRoutes(app, ctx);
  registerDirectoryRoutes(app, ctx);
  registerSignatureRoutes(app, ctx);
  registerVerifySignatureRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerSignatureLoginRoutes(app, ctx);
  registerRegistrationRoutes(app, ctx);
  registerRecoveryRoutes(app, ctx);
  registerBankingRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerEmployeeRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerIdentifyRoute(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerCertificationRoutes(app, ctx);
  if (config.DEMO) registerDemoPkiRoutes(app, () => ctx.demoPki?.ca);

  const serveIndex = await registerWeb(app, opts.web ?? 'off');
  app.setNotFoundHandler(async (req, reply) => {
    const wantsHtml =
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html');
    if (wantsHtml && (await serveIndex(req, reply))) return reply;
    return sendError(req, reply, new AppError(404, 'not_found'));
  });

  return { app, ctx, metrics };
}
