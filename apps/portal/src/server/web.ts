import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import middie from '@fastify/middie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const portalRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webSourceDir = path.join(portalRoot, 'web');
export const webDistDir = path.join(portalRoot, 'dist/web');
const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;

/** Top-level paths the web app routes; anything else gets the app's 404 page with status 404. */
const SPA_PREFIXES = [
  '/login',
  '/register',
  '/invitation',
  '/cabinet',
  '/dev/outbox',
  '/services',
  '/password',
  '/activate',
  '/confirm-email',
  '/verify',
  // the e-certification section, where the catalogue's «Сертификация соответствия системы менеджмента» leads
  '/certification',
  // the public «Реестр сертификатов СМ» (/registry/certificates)
  '/registry',
  // the service-centre slip page (operator module), opened from the workstation's signed answer
  '/operator',
];
const isSpaPath = (p: string) => p === '/' || SPA_PREFIXES.some((x) => p === x || p.startsWith(`${x}/`));

export type WebMode = 'vite' | 'dist' | 'off';

/**
 * Serves the React app: through Vite's middleware in development (no build step, so `npm start` is quick),
 * from the built files in production. HTML gets the request's CSP nonce in place of __CSP_NONCE__.
 */
export async function registerWeb(
  app: FastifyInstance,
  mode: WebMode,
): Promise<(req: FastifyRequest, reply: FastifyReply) => Promise<unknown> | undefined> {
  if (mode === 'off') return () => undefined;
  let renderIndex: (url: string) => Promise<string>;

  if (mode === 'vite') {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.join(portalRoot, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: { server: app.server } },
      appType: 'custom',
      logLevel: 'warn',
    });
    await app.register(middie);
    app.use(vite.middlewares);
    app.addHook('onClose', () => vite.close());
    renderIndex = async (url) =>
      vite.transformIndexHtml(url, await readFile(path.join(webSourceDir, 'index.html'), 'utf8'));
  } else {
    if (!existsSync(path.join(webDistDir, 'index.html'))) {
      throw new Error(`The web app is not built (${webDistDir}): run "npm run build" first`);
    }
    await app.register(fastifyStatic, { root: webDistDir, index: false, wildcard: false, maxAge: '1h' });
    const html = await readFile(path.join(webDistDir, 'index.html'), 'utf8');
    renderIndex = async () => html;
  }

  // Called by the not-found handler for browser navigations (GET, accepts HTML, not the API); true = answered.
  return async (req, reply) => {
    const html = (await renderIndex(req.url)).replace(NONCE_PLACEHOLDER, req.cspNonce);
    const pathname = req.url.split('?')[0];
    reply
      .code(isSpaPath(pathname) ? 200 : 404)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
    return true;
  };
}
