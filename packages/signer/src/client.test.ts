import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  createSignerClient,
  SignerCancelledError,
  SignerFailedError,
  SignerUnavailableError,
  signerMessages,
  type WebSocketConstructor,
} from './client';
import { type RunningSigner, startSigner } from './server';
import { COMPANY_BIN, type Fixture, makeFixture, opensslVerify, PERSON_IIN } from './test-fixtures';

const WS = WebSocket as unknown as WebSocketConstructor;
let fx: Fixture;
let signer: RunningSigner;

beforeAll(async () => {
  fx = await makeFixture();
  signer = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false });
});
afterAll(async () => {
  await signer?.close();
  fx?.cleanup();
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('createSignerClient against the tereze signer', () => {
  it('connects and reads the version from the greeting', async () => {
    const client = createSignerClient({ url: signer.url, WebSocket: WS, chain: [] });
    expect(await client.connect()).toBe('1.2');
    client.close();
  });

  it('signs a login challenge with an AUTH key (attached, PEM) and a document with a SIGN key (detached)', async () => {
    const client = createSignerClient({ url: signer.url, WebSocket: WS, chain: [] });
    const challenge = new TextEncoder().encode('nonce-123');
    const login = await client.signCms(challenge, { purpose: 'login', iin: PERSON_IIN });
    expect(login).toMatch(/^-----BEGIN CMS-----/);
    const loginCheck = opensslVerify(login, fx.caFile);
    expect(loginCheck.content.toString()).toBe('nonce-123');
    const authCert = new X509Certificate(loginCheck.signerCertPem);
    expect(authCert.keyUsage).toContain('1.3.6.1.5.5.7.3.2');
    expect(authCert.subject).toContain(`IIN${PERSON_IIN}`);

    const doc = Buffer.from('application #7');
    const signed = await client.signCms(doc.toString('base64'), {
      purpose: 'document',
      detached: true,
      bin: COMPANY_BIN,
    });
    const docCheck = opensslVerify(signed, fx.caFile, doc);
    const signCert = new X509Certificate(docCheck.signerCertPem);
    expect(signCert.keyUsage).toContain('1.3.6.1.5.5.7.3.4');
    expect(signCert.subject).toContain(`BIN${COMPANY_BIN}`);
    client.close();
  });

  it('fails with SignerFailedError when no key fits (here: production NCA only by default)', async () => {
    const client = createSignerClient({ url: signer.url, WebSocket: WS });
    const err = await client.signCms('MTEK', { purpose: 'login' }).catch((e) => e);
    expect(err).toBeInstanceOf(SignerFailedError);
    expect(err.code).toBe('INVOCATION_ERROR');
    expect(err.details).toMatch(/No suitable key/);
    expect(err.localized('ru')).toContain('No suitable key');
    client.close();
  });

  it('reports a cancelled dialog as SignerCancelledError, and keeps working afterwards', async () => {
    const client = createSignerClient({ url: signer.url, WebSocket: WS, chain: [] });
    signer.setRule({ pick: 'first', cancel: true });
    try {
      const err = await client.signCms('MTEK', { purpose: 'document' }).catch((e) => e);
      expect(err).toBeInstanceOf(SignerCancelledError);
      expect(err.messageKey).toBe('signer.cancelled');
    } finally {
      signer.setRule({ pick: 'first' });
    }
    await expect(client.signCms('MTEK', { purpose: 'document' })).resolves.toMatch(/BEGIN CMS/);
    client.close();
  });

  it('refuses an unknown purpose', async () => {
    const client = createSignerClient({ url: signer.url, WebSocket: WS, chain: [] });
    await expect(client.signCms('MTEK', { purpose: 'payment' as never })).rejects.toThrow(/purpose/);
    client.close();
  });
});

describe('createSignerClient failures', () => {
  it('SignerUnavailableError when nothing listens, with the install hint in kk/ru/en', async () => {
    const port = await freePort();
    const client = createSignerClient({ url: `ws://127.0.0.1:${port}/`, WebSocket: WS });
    const err = await client.connect().catch((e) => e);
    expect(err).toBeInstanceOf(SignerUnavailableError);
    expect(err.messageKey).toBe('signer.unavailable');
    expect(err.localized('ru')).toMatch(/^NCALayer не запущен\. Установите и запустите NCALayer/);
    expect(err.localized('ru')).toContain('pki.gov.kz');
    expect(err.localized('kk')).toMatch(/NCALayer іске қосылмаған/);
    expect(err.localized('en')).toMatch(/NCALayer is not running/);
    await expect(client.signCms('MTEK', { purpose: 'login' })).rejects.toBeInstanceOf(SignerUnavailableError);
  });

  it('SignerFailedError(protocol) when the peer does not greet like NCALayer', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (s) => s.send('{"hello":"world"}'));
    await new Promise((r) => wss.once('listening', r));
    const { port } = wss.address() as { port: number };
    const client = createSignerClient({ url: `ws://127.0.0.1:${port}/`, WebSocket: WS });
    const err = await client.connect().catch((e) => e);
    expect(err).toBeInstanceOf(SignerFailedError);
    expect(err.messageKey).toBe('signer.protocol');
    await new Promise((r) => wss.close(r));
  });

  it('times out when the answer never comes, then reconnects for the next request', async () => {
    let answered = 0;
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (s) => {
      s.send('{"result":{"version":"1.2"}}');
      s.on('message', () => {
        answered += 1;
        if (answered > 1)
          s.send('{"status":true,"body":{"result":"-----BEGIN CMS-----\\nAA==\\n-----END CMS-----\\n"}}');
      });
    });
    await new Promise((r) => wss.once('listening', r));
    const { port } = wss.address() as { port: number };
    const client = createSignerClient({ url: `ws://127.0.0.1:${port}/`, WebSocket: WS, timeoutMs: 300 });
    const err = await client.signCms('MTEK', { purpose: 'login' }).catch((e) => e);
    expect(err).toBeInstanceOf(SignerFailedError);
    expect(err.code).toBe('TIMEOUT');
    expect(err.messageKey).toBe('signer.timeout');
    await expect(client.signCms('MTEK', { purpose: 'login' })).resolves.toMatch(/BEGIN CMS/);
    client.close();
    for (const c of wss.clients) c.terminate();
    await new Promise((r) => wss.close(r));
  });

  it('SignerUnavailableError when the signer goes away during a request', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (s) => {
      s.send('{"result":{"version":"1.2"}}');
      s.on('message', () => s.terminate());
    });
    await new Promise((r) => wss.once('listening', r));
    const { port } = wss.address() as { port: number };
    const client = createSignerClient({ url: `ws://127.0.0.1:${port}/`, WebSocket: WS });
    await expect(client.signCms('MTEK', { purpose: 'login' })).rejects.toBeInstanceOf(SignerUnavailableError);
    await new Promise((r) => wss.close(r));
  });
});

describe('signerMessages', () => {
  it('has the same keys, non-empty, in kk, ru and en', () => {
    const keys = Object.keys(signerMessages.ru).sort();
    for (const locale of ['kk', 'en'] as const)
      expect(Object.keys(signerMessages[locale]).sort()).toEqual(keys);
    for (const locale of ['kk', 'ru', 'en'] as const) {
      for (const text of Object.values(signerMessages[locale]))
        expect(text.trim().length).toBeGreaterThan(10);
      expect(signerMessages[locale]['signer.failed']).toContain('{{details}}');
    }
  });
});
