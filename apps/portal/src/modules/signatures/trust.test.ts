import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateRsaKeyPair } from '@tereze/pki';
import { TestCA } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from './trust';

let dir: string;
let ca: TestCA;

beforeAll(async () => {
  const [root, issuing, ocsp] = await Promise.all([
    generateRsaKeyPair(2048),
    generateRsaKeyPair(2048),
    generateRsaKeyPair(2048),
  ]);
  ca = await TestCA.create({ baseUrl: 'http://trust.test/pki', keys: { root, issuing, ocsp } });
  dir = mkdtempSync(path.join(os.tmpdir(), 'tereze-trust-'));
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TRUSTED_CA_DIR', () => {
  it('reads PEM bundles and DER files: self-signed roots are anchors, the rest intermediates', () => {
    const pem = (c: typeof ca.root) => c.certificate.x509.toString('pem');
    writeFileSync(path.join(dir, 'bundle.pem'), `${pem(ca.root)}\n${pem(ca.issuing)}\n`);
    writeFileSync(path.join(dir, 'issuing.cer'), ca.issuing.certificate.der);
    writeFileSync(path.join(dir, 'README.txt'), 'not a certificate, not read');
    const store = loadTrustStore(dir);
    expect(store.anchors.map((c) => c.fingerprint)).toEqual([ca.root.certificate.fingerprint]);
    expect(store.intermediates.map((c) => c.fingerprint)).toEqual([
      ca.issuing.certificate.fingerprint,
      ca.issuing.certificate.fingerprint,
    ]);
    expect(store.files).toHaveLength(2);
  });

  it('is empty when unset, and stops the start naming a bad file or a missing folder', () => {
    expect(loadTrustStore(undefined)).toEqual({ anchors: [], intermediates: [], files: [] });
    writeFileSync(path.join(dir, 'broken.pem'), 'garbage');
    expect(() => loadTrustStore(dir)).toThrow(/broken\.pem is not a PEM or DER certificate/);
    expect(() => loadTrustStore(path.join(dir, 'missing'))).toThrow(/TRUSTED_CA_DIR .*missing/);
  });
});
