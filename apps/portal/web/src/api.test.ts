import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CSRF_HEADER, createApiClient } from './api';
import { readCookie } from './i18n';
import { sortNewestFirst } from './queries';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A real HTTP server: the client is exercised over the wire, not against a stubbed fetch.
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const json = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.url === '/ok') return json(200, { hello: 'world', echo: body ? JSON.parse(body) : null });
      if (req.url === '/no-content') {
        res.writeHead(204);
        return res.end();
      }
      if (req.url === '/invalid') {
        return json(400, {
          error: {
            code: 'validation_failed',
            message: 'Проверьте поля',
            fields: { email: 'Неверный e-mail' },
          },
        });
      }
      if (req.url === '/locked') {
        return json(423, {
          error: { code: 'login_locked', message: 'Вход временно заблокирован', retryAfterSeconds: 840 },
        });
      }
      if (req.url === '/html-error') {
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<h1>Bad gateway</h1>');
      }
      json(404, { error: { code: 'not_found', message: 'Not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// null: no csrf_token cookie.
const client = (csrf: string | null = 'token-123', language = 'kk') =>
  createApiClient({ baseUrl, language: () => language, csrfToken: () => csrf ?? undefined });

describe('api client', () => {
  it('GET: JSON, Accept-Language of the UI, no CSRF header on safe methods', async () => {
    const result = await client()<{ hello: string }>('/ok');
    expect(result.hello).toBe('world');
    const request = seen.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.headers['accept-language']).toBe('kk');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers[CSRF_HEADER]).toBeUndefined();
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('POST: sends the csrf_token cookie value as x-csrf-token and the body as JSON', async () => {
    const result = await client('abc.def', 'en')<{ echo: unknown }>('/ok', {
      method: 'post',
      body: { a: 1 },
    });
    expect(result.echo).toEqual({ a: 1 });
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers[CSRF_HEADER]).toBe('abc.def');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['accept-language']).toBe('en');
  });

  it('POST with FormData: multipart/form-data with its boundary, the CSRF header, the parts as sent', async () => {
    const form = new FormData();
    form.append('note', 'устав');
    form.append('signature', new Blob([new Uint8Array([1, 2, 3])]), 'doc.cms');
    await client('abc.def')('/no-content', { method: 'POST', body: form });
    const request = seen.at(-1)!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers[CSRF_HEADER]).toBe('abc.def');
    expect(request.body).toContain('name="note"');
    expect(request.body).toContain('устав');
    expect(request.body).toContain('filename="doc.cms"');
  });

  it('POST without a body sends no Content-Type (Fastify refuses empty JSON bodies)', async () => {
    await client()('/no-content', { method: 'POST' });
    expect(seen.at(-1)!.headers['content-type']).toBeUndefined();
    expect(seen.at(-1)!.headers[CSRF_HEADER]).toBe('token-123');
  });

  it('omits the CSRF header when there is no cookie (the server then answers 403)', async () => {
    await client(null)('/no-content', { method: 'DELETE' });
    expect(seen.at(-1)!.headers[CSRF_HEADER]).toBeUndefined();
  });

  it('turns the error shape into a typed ApiError with code, message and fields', async () => {
    const error = await client()('/invalid', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Проверьте поля',
      fields: { email: 'Неверный e-mail' },
    });
  });

  it('keeps the extras of an error (retryAfterSeconds of 423 login_locked)', async () => {
    const error = (await client()('/locked', { method: 'POST' }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(423);
    expect(error.retryAfterSeconds).toBe(840);
    expect(error.body.retryAfterSeconds).toBe(840);
    const other = (await client()('/invalid', { method: 'POST' }).catch((e: unknown) => e)) as ApiError;
    expect(other.retryAfterSeconds).toBeUndefined();
  });

  it('a non-JSON error still becomes an ApiError (code http_<status>)', async () => {
    await expect(client()('/html-error')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('404 keeps the server code (the outbox page relies on it)', async () => {
    await expect(client()('/api/v1/dev/outbox')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('a refused connection is an ApiError with status 0', async () => {
    const dead = createApiClient({
      baseUrl: 'http://127.0.0.1:1',
      language: () => 'ru',
      csrfToken: () => undefined,
    });
    await expect(dead('/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('helpers', () => {
  it('readCookie finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; csrf_token=x%2By; lang=kk', 'csrf_token')).toBe('x+y');
    expect(readCookie('a=1; lang=kk', 'lang')).toBe('kk');
    expect(readCookie('xlang=en', 'lang')).toBeUndefined();
    expect(readCookie('', 'lang')).toBeUndefined();
    expect(readCookie('lang=%E0%A4%A', 'lang')).toBeUndefined(); // malformed escape: ignored, not thrown
  });

  it('sortNewestFirst orders outbox items by createdAt, newest first', () => {
    const item = (id: string, createdAt: string) => ({
      id,
      channel: 'email' as const,
      to: 'a@b.kz',
      subject: null,
      body: '',
      status: 'sent',
      createdAt,
      sentAt: null,
    });
    const sorted = sortNewestFirst([
      item('old', '2026-01-01T10:00:00Z'),
      item('new', '2026-01-03T10:00:00Z'),
      item('mid', '2026-01-02T10:00:00Z'),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['new', 'mid', 'old']);
  });
});
