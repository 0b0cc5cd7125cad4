// Interop with the public `ncalayer-js-client` package, unmodified, in real Chromium: a page uses its
// NCALayerClient against the tereze signer and gets CMS signatures that openssl (and tereze) verify.
// Independent of the portal: this spec starts its own static server and signer.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { type RunningSigner, startSigner } from '@tereze/signer';
import { type Fixture, makeFixture, PERSON_IIN } from '../packages/signer/src/test-fixtures';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const CLIENT_JS = join(ROOT, 'node_modules/ncalayer-js-client/ncalayer-client.js');
const PAGE = join(HERE, 'fixtures/signer/index.html');

let fx: Fixture;
let signer: RunningSigner;
let web: Server;
let pageUrl: string;

test.beforeAll(async () => {
  fx = await makeFixture();
  signer = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false });
  web = createServer((req, res) => {
    if (req.url === '/ncalayer-client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(CLIENT_JS));
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(PAGE));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await signer?.close();
  await new Promise((resolve) => web?.close(resolve));
  fx?.cleanup();
});

test.afterEach(() => signer.setRule({ pick: 'first' }));

/** openssl cms -verify against the test CA; returns the signed content and the signer's subject. */
function opensslVerify(cms: string, detached?: Buffer): { content: string; subject: string } {
  const dir = fx.dir;
  const isPem = cms.startsWith('-----BEGIN CMS-----');
  writeFileSync(join(dir, 'sig'), isPem ? cms : Buffer.from(cms, 'base64'));
  const args = ['cms', '-verify', '-binary', '-purpose', 'any', '-inform', isPem ? 'PEM' : 'DER'];
  args.push(
    '-in',
    join(dir, 'sig'),
    '-CAfile',
    fx.caFile,
    '-out',
    join(dir, 'out'),
    '-signer',
    join(dir, 'signer.pem'),
  );
  if (detached) {
    writeFileSync(join(dir, 'content'), detached);
    args.push('-content', join(dir, 'content'));
  }
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const subject = execFileSync('openssl', [
    'x509',
    '-in',
    join(dir, 'signer.pem'),
    '-noout',
    '-subject',
    '-nameopt',
    'RFC2253',
  ])
    .toString()
    .trim();
  return { content: readFileSync(join(dir, 'out'), 'utf8'), subject };
}

/** tereze's own verifier, when @tereze/pki exports it. */
async function terezeVerify(cms: string, purpose: 'login' | 'document', data?: Buffer) {
  const pki = (await import('@tereze/pki')) as Record<string, unknown>;
  const verifyCms = pki.verifyCms as
    | ((input: string, opts: Record<string, unknown>) => Promise<{ valid: boolean; failedCheck?: string }>)
    | undefined;
  if (!verifyCms) {
    test.info().annotations.push({
      type: 'note',
      description: '@tereze/pki does not export verifyCms yet: openssl only',
    });
    return null;
  }
  return verifyCms(cms, {
    trustAnchors: [fx.root],
    intermediates: [fx.issuing],
    purpose,
    data: data ? new Uint8Array(data) : undefined,
    revocation: 'off',
  });
}

test('NCALayerClient connects, signs with basicsSignCMS and createCAdESFromBase64', async ({ page }) => {
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.push(`> ${f.payload}`));
    ws.on('framereceived', (f) => frames.push(`< ${String(f.payload).slice(0, 80)}`));
  });
  await page.goto(pageUrl);
  await expect(page.locator('#status')).toHaveText('ready');

  // connect: greeting, then the KAZTOKEN probe, which must be answered with an error the client tolerates
  const version = await page.evaluate((url) => window.interop.connect(url), signer.url);
  expect(version).toBe('1.2');
  await expect(page.locator('#status')).toHaveText('connected 1.2');
  expect(frames[0]).toBe('< {"result":{"version":"1.2"}}');
  expect(frames[1]).toBe('> {"module":"kz.digiflow.mobile.extensions","method":"getVersion"}');
  expect(frames[2]).toMatch(/^< \{"code":"500"/);

  expect(await page.evaluate(() => window.interop.getActiveTokens())).toEqual([]);

  // basicsSignCMS, attached, AUTH key (login)
  const challenge = Buffer.from('login challenge 5f1c');
  const loginCms = await page.evaluate(
    ([data]) => window.interop.basicsSignCMS(data, false, ['1.3.6.1.5.5.7.3.2']),
    [challenge.toString('base64')],
  );
  expect(loginCms).toMatch(/^-----BEGIN CMS-----\n/);
  const login = opensslVerify(loginCms);
  expect(login.content).toBe('login challenge 5f1c');
  const loginReport = await terezeVerify(loginCms, 'login');
  if (loginReport) expect(loginReport).toMatchObject({ valid: true });

  // basicsSignCMS, detached, SIGN key (document)
  const doc = Buffer.from('{"application":7,"sha256":"…"}');
  const docCms = await page.evaluate(
    ([data]) => window.interop.basicsSignCMS(data, true, ['1.3.6.1.5.5.7.3.4']),
    [doc.toString('base64')],
  );
  expect(opensslVerify(docCms, doc).content).toBe(doc.toString());
  expect(() => opensslVerify(docCms, Buffer.from('another document'))).toThrow();
  const docReport = await terezeVerify(docCms, 'document', doc);
  if (docReport) expect(docReport).toMatchObject({ valid: true });

  // several documents at once
  const many = await page.evaluate(
    (docs) => window.interop.basicsSignCMSMany(docs),
    ['a', 'b'].map((s) => Buffer.from(s).toString('base64')),
  );
  expect(Array.isArray(many) && many.map((cms: string) => opensslVerify(cms).content)).toEqual(['a', 'b']);

  // createCAdESFromBase64: base64 DER, detached by default, SIGN key for keyType SIGNATURE
  const bytes = [...Buffer.from('document bytes')];
  const cades = await page.evaluate(
    ([b]) => window.interop.createCAdESFromBase64(b, 'SIGNATURE', false),
    [bytes],
  );
  expect(cades).toMatch(/^[A-Za-z0-9+/]+=*$/);
  expect(opensslVerify(cades, Buffer.from(bytes)).content).toBe('document bytes');
  const cadesReport = await terezeVerify(cades, 'document', Buffer.from(bytes));
  if (cadesReport) expect(cadesReport).toMatchObject({ valid: true });

  const cadesAuth = await page.evaluate(
    ([b]) => window.interop.createCAdESFromBase64(b, 'AUTHENTICATION', true),
    [bytes],
  );
  expect(opensslVerify(cadesAuth).content).toBe('document bytes');

  // getKeyInfo of the first key
  signer.setRule({ pick: { alias: fx.person.auth.alias } });
  const info = await page.evaluate(() => window.interop.getKeyInfo());
  expect(info).toMatchObject({ alias: fx.person.auth.alias, algorithm: 'RSA' });
  expect(info.subjectDn).toContain(`SERIALNUMBER=IIN${PERSON_IIN}`);
});

test('NCALayerClient sees cancel and errors as NCALayer reports them', async ({ page }) => {
  await page.goto(pageUrl);
  await page.evaluate((url) => window.interop.connect(url), signer.url);

  signer.setRule({ pick: 'first', cancel: true });
  const cancelled = await page.evaluate(() =>
    window.interop.expectError(() => window.interop.basicsSignCMS('MTEK', false, [])),
  );
  expect(cancelled).toEqual({ name: 'NCALayerError', message: 'cancelled by user', canceledByUser: true });
  const cancelledUtils = await page.evaluate(() =>
    window.interop.expectError(() => window.interop.createCAdESFromBase64([1, 2, 3], 'SIGNATURE', false)),
  );
  expect(cancelledUtils).toMatchObject({ message: '500: action.canceled' });

  signer.setRule({ pick: 'first' });
  const noKey = await page.evaluate(() =>
    window.interop.expectError(() => window.interop.basicsSignCMS('MTEK', false, ['1.2.398.3.3.4.1.2.5'])),
  );
  expect(noKey?.message).toMatch(
    /^INVOCATION_ERROR: An invoked method threw an exception\. \(No suitable key/,
  );
  expect(noKey?.canceledByUser).toBe(false);

  // the connection is still usable after errors
  const ok = await page.evaluate(() => window.interop.basicsSignCMS('MTEK', false, []));
  expect(opensslVerify(ok).content).toBe('11\n');
});

declare global {
  interface Window {
    // biome-ignore lint/suspicious/noExplicitAny: the fixture page's helper object
    interop: any;
  }
}
