import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originAllowed, startSigner } from './server';
import { type Fixture, makeFixture, RawClient } from './test-fixtures';
import { TLS_CERT_FILE, TLS_KEY_FILE } from './tls';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
});
afterAll(() => fx?.cleanup());

describe('wss with a self-signed certificate', () => {
  it('makes a certificate for 127.0.0.1 on first run, stores it in the keystore folder and reuses it', async () => {
    const first = await startSigner({ keystoreDir: fx.dir, port: 0 });
    expect(first.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/$/);
    expect(existsSync(join(fx.dir, TLS_KEY_FILE))).toBe(true);
    const certPem = readFileSync(join(fx.dir, TLS_CERT_FILE), 'utf8');
    const cert = new X509Certificate(certPem);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.verify(cert.publicKey)).toBe(true);

    // a client that trusts exactly this certificate gets the greeting over TLS; one that does not, fails
    const client = await RawClient.open(first.url, { ca: certPem });
    expect(JSON.parse(await client.next())).toEqual({ result: { version: '1.2' } });
    expect(await client.call({ module: 'kz.gov.pki.knca.commonUtils', method: 'getActiveTokens' })).toEqual({
      code: '200',
      responseObject: [],
    });
    client.close();
    await expect(RawClient.open(first.url)).rejects.toThrow(/self.signed|certificate/i);
    await first.close();

    const second = await startSigner({ keystoreDir: fx.dir, port: 0 });
    expect(readFileSync(join(fx.dir, TLS_CERT_FILE), 'utf8')).toBe(certPem);
    const again = await RawClient.open(second.url, { ca: certPem });
    expect(JSON.parse(await again.next())).toEqual({ result: { version: '1.2' } });
    again.close();
    await second.close();
  });

  it('serves a plain page over https so a browser can accept the certificate', async () => {
    const signer = await startSigner({ keystoreDir: fx.dir, port: 0 });
    const { request } = await import('node:https');
    const body = await new Promise<string>((resolve, reject) => {
      request(
        signer.url.replace('wss:', 'https:'),
        { ca: readFileSync(join(fx.dir, TLS_CERT_FILE)) },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve(text));
        },
      )
        .on('error', reject)
        .end();
    });
    expect(body).toMatch(/NCALayer-compatible/);
    await signer.close();
  });

  it('refuses to start on a port already in use', async () => {
    const a = await startSigner({ keys: [], port: 0, tls: false });
    await expect(startSigner({ keys: [], port: a.port, tls: false })).rejects.toThrow(/EADDRINUSE/);
    await a.close();
  });

  it('answers requests of one connection in order', async () => {
    const signer = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false });
    const client = await RawClient.open(signer.url);
    await client.next();
    const sign = (data: string) =>
      JSON.stringify({
        module: 'kz.gov.pki.knca.commonUtils',
        method: 'createCAdESFromBase64',
        args: ['PKCS12', 'SIGNATURE', Buffer.from(data).toString('base64'), true],
      });
    client.socket.send(sign('first'));
    client.socket.send('{"module":"kz.gov.pki.knca.commonUtils","method":"changeLocale","args":["en"]}');
    const a = JSON.parse(await client.next());
    const b = JSON.parse(await client.next());
    expect(typeof a.responseObject).toBe('string');
    expect(b).toEqual({ code: '200' });
    client.close();
    await signer.close();
  });

  it('lets pages from localhost (and listed origins) connect, and refuses other websites', async () => {
    expect(originAllowed(undefined, [])).toBe(true);
    expect(originAllowed('http://localhost:3000', [])).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', [])).toBe(true);
    expect(originAllowed('https://evil.example', [])).toBe(false);
    expect(originAllowed('http://localhost.evil.example', [])).toBe(false);
    expect(originAllowed('null', [])).toBe(false);
    expect(originAllowed('https://portal.example.kz', ['https://portal.example.kz'])).toBe(true);
    expect(originAllowed('https://any.example', ['*'])).toBe(true);

    const signer = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false });
    await expect(RawClient.open(signer.url, { origin: 'https://evil.example' })).rejects.toThrow(/401/);
    const local = await RawClient.open(signer.url, { origin: 'http://localhost:3000' });
    expect(JSON.parse(await local.next())).toEqual({ result: { version: '1.2' } });
    local.close();
    await signer.close();
  });
});
