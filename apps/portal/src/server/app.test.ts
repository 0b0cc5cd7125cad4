import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiClient, createTestApp, type TestApp } from '../test/app';
import { JSON_BODY_LIMIT } from './app';

let t: TestApp;
const written: unknown[] = [];

// A write route standing in for the feature modules' ones.
const echoRoute = (app: FastifyInstance) =>
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/v1/test/echo',
      { schema: { body: z.object({ name: z.string().min(2), email: z.email() }) } },
      async (req) => {
        written.push(req.body);
        return { ok: true };
      },
    );

beforeAll(async () => {
  t = await createTestApp({ extend: echoRoute });
});
afterAll(() => t.close());

describe('health, metrics, OpenAPI', () => {
  it('/healthz answers ok when the database is up', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('/metrics exposes Prometheus metrics including HTTP durations', async () => {
    await t.app.inject('/healthz');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(
      /tereze_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(res.body).toMatch(/tereze_process_cpu_seconds_total/);
  });

  it('/api/openapi.json documents the routes from their zod schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/dev/outbox'].get.responses['200']).toBeDefined();
    expect(
      doc.paths['/api/v1/test/echo'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['name', 'email']);
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('/api/docs serves the API explorer', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger-ui/);
  });
});

describe('errors in the request language', () => {
  it('unknown API route → 404 in the error shape, ru by default', async () => {
    const res = await t.app.inject('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Запрашиваемый ресурс не найден' } });
  });

  it('follows Accept-Language, and the lang cookie over it', async () => {
    const en = await t.app.inject({ url: '/api/v1/nope', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('The requested resource was not found');
    const kk = await t.app.inject({
      url: '/api/v1/nope',
      headers: { 'accept-language': 'en', cookie: 'lang=kk' },
    });
    expect(kk.json().error.message).toBe('Сұралған ресурс табылмады');
  });

  it('a non-API unknown path without a browser Accept also gets the JSON 404', async () => {
    const res = await t.app.inject('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('writes: CSRF, validation, size', () => {
  it('refuses a write without the CSRF token (403) and writes nothing', async () => {
    const before = written.length;
    const noCookie = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: { name: 'Аян', email: 'a@b.kz' },
    });
    expect(noCookie.statusCode).toBe(403);
    expect(noCookie.json().error.code).toBe('csrf_failed');

    const client = apiClient(t.app);
    await client.init();
    const wrong = await client.post(
      '/api/v1/test/echo',
      { name: 'Аян', email: 'a@b.kz' },
      { 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(wrong.statusCode).toBe(403);
    const missingHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: { name: 'Аян', email: 'a@b.kz' },
      headers: { cookie: `csrf_token=${client.cookies.get('csrf_token')}` },
    });
    expect(missingHeader.statusCode).toBe(403);
    expect(written.length).toBe(before);
  });

  it('accepts a write that echoes the cookie', async () => {
    const client = apiClient(t.app);
    const init = await client.init();
    expect(init.json().token).toBe(client.cookies.get('csrf_token'));
    const res = await client.post('/api/v1/test/echo', { name: 'Аян', email: 'a@b.kz' });
    expect(res.statusCode).toBe(200);
    expect(written.at(-1)).toEqual({ name: 'Аян', email: 'a@b.kz' });
  });

  it('malformed JSON → 400 validation_failed', async () => {
    const client = apiClient(t.app);
    await client.init();
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: '{"name": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('schema violations → 400 with a translated message per field', async () => {
    const client = apiClient(t.app);
    await client.init();
    const res = await client.post('/api/v1/test/echo', { name: 'A' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Please check the highlighted fields',
        fields: { name: 'Too short or too small', email: 'Required field' },
      },
    });
  });

  it('an oversized body → 413 and nothing written', async () => {
    const client = apiClient(t.app);
    await client.init();
    const before = written.length;
    const res = await client.post('/api/v1/test/echo', {
      name: 'x'.repeat(JSON_BODY_LIMIT + 10),
      email: 'a@b.kz',
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(written.length).toBe(before);
  });
});

describe('headers', () => {
  it('sends a strict CSP with a fresh nonce, security headers and a request id', async () => {
    const a = await t.app.inject('/healthz');
    const b = await t.app.inject('/healthz');
    const csp = String(a.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toBe(b.headers['content-security-policy']);
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['strict-transport-security']).toBeDefined();
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-42' } });
    expect(traced.headers['x-request-id']).toBe('trace-42');
  });
});

describe('rate limit', () => {
  it('answers 429 in the error shape past the limit', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' }, database: t.database });
    try {
      for (let i = 0; i < 3; i++)
        expect((await limited.app.inject('/api/v1/config/public')).statusCode).toBe(200);
      const res = await limited.app.inject('/api/v1/config/public');
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
      expect(res.json().error.retryAfterSeconds).toBeGreaterThan(0);
      expect((await limited.app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('dev outbox', () => {
  it('lists sent messages newest first in DEMO mode', async () => {
    await t.ctx.notifications.sendEmail({ to: 'a@example.kz', subject: 'Первое', text: '1' });
    await t.ctx.notifications.sendSms({ to: '+77010000000', text: 'Код 1234' });
    const res = await t.app.inject('/api/v1/dev/outbox');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items[0]).toMatchObject({
      channel: 'sms',
      to: '+77010000000',
      body: 'Код 1234',
      status: 'pending',
    });
    expect(items[1]).toMatchObject({ channel: 'email', subject: 'Первое' });
  });

  it('does not exist outside DEMO mode', async () => {
    const prod = await createTestApp({ env: { DEMO: '0' }, database: t.database });
    try {
      const res = await prod.app.inject('/api/v1/dev/outbox');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    } finally {
      await prod.close();
    }
  });
});
