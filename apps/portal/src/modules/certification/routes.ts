import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/context';
import { registerApplicantRoutes } from './routes-applicant';
import { registerBodyRoutes } from './routes-body';
import { routeKit } from './routes-kit';
import { registerModeratorRoutes } from './routes-moderator';
import { registerPublicAndAdminRoutes } from './routes-public';
import { type CertificationService, createCertificationService } from './service';

/** The certification e-service API (docs/certification.md). */
export function registerCertificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const svc: CertificationService = createCertificationService(ctx);
  ctx.signatures.registerBody('certification_application', (id, accountId, tx) =>
    svc.signingContent(id, accountId, tx),
  );
  ctx.signatures.registerBody('certification_certificate', (id, accountId, tx) =>
    svc.certificateSigningContent(id, accountId, tx),
  );
  if (ctx.config.DEMO) app.addHook('onReady', async () => svc.seedDemo());
  const kit = routeKit(app, ctx, svc);
  registerPublicAndAdminRoutes(kit);
  registerApplicantRoutes(kit);
  registerBodyRoutes(kit);
  registerModeratorRoutes(kit);
}
