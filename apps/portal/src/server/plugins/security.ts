import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** NCALayer (and the built-in signer) listen here; the web app must be allowed to connect. */
const SIGNER_ORIGINS = 'wss://127.0.0.1:13579 ws://127.0.0.1:13579';

/**
 * `extraConnectSrc`: a DEMO signer on another port than NCALayer's (SIGNER_PORT), e.g. `ws://127.0.0.1:4567`.
 */
export function contentSecurityPolicy(nonce: string, extraConnectSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${[SIGNER_ORIGINS, ...extraConnectSrc].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Security headers (helmet) and a strict Content-Security-Policy: no inline script or style without the
 * per-request nonce, which the HTML pages carry (see web.ts).
 */
export async function registerSecurity(app: FastifyInstance, extraConnectSrc: readonly string[] = []) {
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  app.addHook('onRequest', async (req, reply) => {
    req.cspNonce = randomBytes(16).toString('base64');
    reply.header('content-security-policy', contentSecurityPolicy(req.cspNonce, extraConnectSrc));
  });
}
