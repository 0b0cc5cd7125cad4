import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client';
import { buildApp } from '../server/app';
import { type Config, loadConfig } from '../server/config';
import type { AppContext } from '../server/context';
import { createTestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

/** A portal on an isolated database, without the web app and without logs. */
export async function createTestApp(
  opts: {
    env?: Record<string, string>;
    database?: Database;
    extend?: (app: FastifyInstance) => void;
    /** The app's clock (move it to expire sessions and locks without waiting). */
    now?: () => Date;
  } = {},
): Promise<TestApp> {
  const { database } = opts;
  const db = database ?? (await createTestDatabase());
  const config: Config = loadConfig({ NODE_ENV: 'test', DEMO: '1', ...opts.env });
  const { app, ctx } = await buildApp({ config, database: db, logger: false, now: opts.now });
  opts.extend?.(app);
  await app.ready();
  return {
    app,
    ctx,
    database: db,
    close: async () => {
      await app.close();
      if (!database) await db.close();
    },
  };
}

/** A browser-like API client: keeps cookies and echoes the CSRF token on writes. */
export function apiClient(app: FastifyInstance) {
  const cookies = new Map<string, string>();
  const request = async (opts: InjectOptions): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.method && opts.method !== 'GET' && cookies.has('csrf_token') && !('x-csrf-token' in headers)) {
      headers['x-csrf-token'] = cookies.get('csrf_token')!;
    }
    const res = await app.inject({ ...opts, headers });
    for (const c of res.cookies) {
      if (c.maxAge === 0 || c.value === '') cookies.delete(c.name);
      else cookies.set(c.name, c.value);
    }
    return res;
  };
  return {
    cookies,
    request,
    /** Fetches the CSRF cookie, as the web app's first page load does. */
    init: () => request({ method: 'GET', url: '/api/v1/csrf' }),
    get: (url: string, headers?: Record<string, string>) => request({ method: 'GET', url, headers }),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers }),
  };
}
