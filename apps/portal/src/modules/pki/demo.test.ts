import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { certificateProfile, readPkcs12 } from '@tereze/pki';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../../test/app';
import { DEMO_REGISTRY_BINS, DEMO_REGISTRY_IINS } from '../registry/demo-data';
import { DEMO_SIGNER_PEOPLE, type DemoPki, startDemoPki } from './demo';
import { DEMO_KEY_PASSWORD, DEMO_PEOPLE } from './demo-people';

let dir: string;
let demo: DemoPki;
let t: TestApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tereze-demo-pki-'));
  demo = await startDemoPki({ dataDir: dir, pkiBaseUrl: 'http://portal.test/pki', signerPort: 0 });
  t = await createTestApp();
  t.ctx.demoPki = demo;
}, 120_000);

afterAll(async () => {
  await demo?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const openssl = (args: string[], input?: Buffer) =>
  execFileSync('openssl', args, { input, encoding: 'utf8' });

describe('demo PKI', () => {
  it('issues an AUTH and a SIGN key per demo person, NCA file names, password Qwerty12', () => {
    const files = readdirSync(demo.keystoreDir).filter((f) => f.endsWith('.p12'));
    expect(files).toHaveLength(DEMO_SIGNER_PEOPLE.length * 2);
    expect(files.filter((f) => /^AUTH_RSA256_[0-9a-f]+\.p12$/.test(f))).toHaveLength(
      DEMO_SIGNER_PEOPLE.length,
    );
    const iins = files.map((f) => {
      const [bundle] = readPkcs12(
        new Uint8Array(readFileSync(path.join(demo.keystoreDir, f))),
        DEMO_KEY_PASSWORD,
      );
      return certificateProfile(bundle.certificate).iin;
    });
    expect(new Set(iins)).toEqual(new Set(DEMO_SIGNER_PEOPLE.map((p) => p.iin)));
    // A certification body can register in the demo: its registry head holds a first-head key of its BIN.
    const opsHead = files
      .map(
        (f) => readPkcs12(new Uint8Array(readFileSync(path.join(demo.keystoreDir, f))), DEMO_KEY_PASSWORD)[0],
      )
      .map((b) => certificateProfile(b.certificate))
      .find((p) => p.bin === DEMO_REGISTRY_BINS.certificationBody);
    expect(opsHead?.iin).toBe(DEMO_REGISTRY_IINS.certificationBodyHead);
    expect(opsHead?.roles).toContain('first_head');
  });

  it('holds two SIGN keys of ТОО «Демо Сертификация» that may sign for it: first head and signing rights', () => {
    const profiles = readdirSync(demo.keystoreDir)
      .filter((f) => f.startsWith('RSA256_'))
      .map(
        (f) => readPkcs12(new Uint8Array(readFileSync(path.join(demo.keystoreDir, f))), DEMO_KEY_PASSWORD)[0],
      )
      .map((b) => certificateProfile(b.certificate))
      .filter((p) => p.bin === DEMO_REGISTRY_BINS.demoCertification);
    const signers = profiles.filter(
      (p) => p.roles.includes('first_head') || p.roles.includes('signing_rights'),
    );
    expect(signers.map((p) => [p.iin, p.roles])).toEqual(
      expect.arrayContaining([
        [DEMO_REGISTRY_IINS.head, expect.arrayContaining(['first_head'])],
        [DEMO_REGISTRY_IINS.signingRights, expect.arrayContaining(['signing_rights'])],
      ]),
    );
    expect(signers).toHaveLength(2);
    // ОМАРОВ's key is an employee key: it cannot sign for the organisation.
    const employee = profiles.find((p) => p.iin === DEMO_REGISTRY_IINS.employee);
    expect(employee?.roles).toEqual(['employee']);
  });

  it('reuses the CA and keys on the next start', async () => {
    const again = await startDemoPki({
      dataDir: dir,
      pkiBaseUrl: 'http://portal.test/pki',
      signerPort: null,
    });
    expect(again.ca.root.certificate.fingerprint).toBe(demo.ca.root.certificate.fingerprint);
    expect(readdirSync(again.keystoreDir).filter((f) => f.endsWith('.p12'))).toHaveLength(
      DEMO_SIGNER_PEOPLE.length * 2,
    );
  });

  it('runs the built-in signer, which greets like NCALayer', async () => {
    const ws = new WebSocket(demo.signer!.url);
    const greeting = await new Promise<unknown>((resolve, reject) => {
      ws.once('message', (m) => resolve(JSON.parse(String(m))));
      ws.once('error', reject);
    });
    ws.close();
    expect(greeting).toEqual({ result: { version: expect.any(String) } });
  });

  it('serves the CRL and CA certificates under /pki', async () => {
    const crl = await t.app.inject('/pki/crl/issuing.crl');
    expect(crl.statusCode).toBe(200);
    expect(crl.headers['content-type']).toBe('application/pkix-crl');
    expect(openssl(['crl', '-inform', 'DER', '-noout', '-issuer'], crl.rawPayload)).toMatch(/tereze TEST/);
    const root = await t.app.inject('/pki/ca/root.cer');
    expect(openssl(['x509', '-inform', 'DER', '-noout', '-subject'], root.rawPayload)).toMatch(
      /tereze TEST ROOT/,
    );
    expect((await t.app.inject('/pki/crl/other.crl')).statusCode).toBe(404);
  });

  it('answers OCSP requests: good, then revoked', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'tereze-ocsp-'));
    try {
      const leaf = (await demo.ca.issue({ ...DEMO_PEOPLE[0], email: undefined })).sign.certificate;
      writeFileSync(path.join(work, 'issuer.pem'), demo.ca.issuing.certificate.x509.toString('pem'));
      writeFileSync(path.join(work, 'leaf.pem'), leaf.x509.toString('pem'));
      writeFileSync(path.join(work, 'root.pem'), demo.ca.root.certificate.x509.toString('pem'));
      const ask = async () => {
        openssl([
          'ocsp',
          '-issuer',
          path.join(work, 'issuer.pem'),
          '-cert',
          path.join(work, 'leaf.pem'),
          '-reqout',
          path.join(work, 'req.der'),
        ]);
        const res = await t.app.inject({
          method: 'POST',
          url: '/pki/ocsp',
          headers: { 'content-type': 'application/ocsp-request' },
          payload: readFileSync(path.join(work, 'req.der')),
        });
        expect(res.headers['content-type']).toBe('application/ocsp-response');
        writeFileSync(path.join(work, 'resp.der'), res.rawPayload);
        const check = spawnSync(
          'openssl',
          [
            'ocsp',
            '-reqin',
            path.join(work, 'req.der'),
            '-respin',
            path.join(work, 'resp.der'),
            '-CAfile',
            path.join(work, 'root.pem'),
            '-verify_other',
            path.join(work, 'issuer.pem'),
            '-resp_text',
          ],
          { encoding: 'utf8' },
        );
        expect(check.stderr).toMatch(/Response verify OK/);
        return check.stdout;
      };
      expect(await ask()).toMatch(/Cert Status: good/);
      demo.ca.revoke(leaf.serialNumber, 'keyCompromise');
      expect(await ask()).toMatch(/Cert Status: revoked/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
