import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Double-submit CSRF protection for the API: every write must echo the `csrf_token` cookie in the
 * `x-csrf-token` header. Another site can make the browser send our cookies, but cannot read them.
 * The cookie is issued on any response that lacks it; `GET /api/v1/csrf` hands it to API clients.
 */
export function registerCsrf(app: FastifyInstance, opts: { secureCookies: boolean }) {
  const issue = (req: FastifyRequest) => {
    const existing = req.cookies[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const token = randomBytes(32).toString('base64url');
    req.cookies[CSRF_COOKIE] = token;
    return token;
  };

  app.addHook('onRequest', async (req, reply) => {
    const hadCookie = req.cookies[CSRF_COOKIE];
    const token = issue(req);
    if (token !== hadCookie) {
      reply.setCookie(CSRF_COOKIE, token, {
        path: '/',
        sameSite: 'strict',
        secure: opts.secureCookies,
        httpOnly: false,
      });
    }
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    const header = req.headers[CSRF_HEADER];
    if (!hadCookie || typeof header !== 'string' || !sameToken(header, hadCookie)) {
      throw new AppError(403, 'csrf_failed');
    }
  });
}
