import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../cert';
import { encodePem } from '../der';
import { TestCaError } from '../errors';
import { type KeyPair, keyMatchesCertificate } from '../keys';
import { EKU } from '../oids';
import { readPkcs12 } from '../p12';
import { BINS, IINS, newTestCa, PASSWORD, pooledKeyPair, TEST_BASE_URL } from '../testing/fixtures';
import { OpensslDir } from '../testing/openssl';
import { ISSUING_CN, ROOT_CN, TestCA } from './index';

const work = mkdtempSync(join(tmpdir(), 'tereze-ca-'));
const caDir = join(work, 'ca');
const ossl = new OpensslDir();
let ca: TestCA;
let keyPair: KeyPair;
const person = { surname: 'ТЕСТОВ', firstName: 'ТЕСТ' };

beforeAll(async () => {
  ca = await newTestCa({ dir: caDir, baseUrl: `${TEST_BASE_URL}/` });
  keyPair = await pooledKeyPair(0);
  ossl.write('root.pem', encodePem('CERTIFICATE', ca.root.certificate.der));
  ossl.write('issuing.pem', encodePem('CERTIFICATE', ca.issuing.certificate.der));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  ossl.remove();
});

function opensslVerify(
  leafDer: Uint8Array,
  untrusted: Uint8Array[] = [ca.issuing.certificate.der],
  extra: string[] = [],
) {
  ossl.write('leaf.pem', encodePem('CERTIFICATE', leafDer));
  ossl.write('untrusted.pem', untrusted.map((d) => encodePem('CERTIFICATE', d)).join(''));
  return ossl.run(['verify', '-CAfile', 'root.pem', '-untrusted', 'untrusted.pem', ...extra, 'leaf.pem']);
}

describe('TestCA.create / load', () => {
  it('makes a root and an issuing CA with CA rights and linked key identifiers', () => {
    const { root, issuing } = ca;
    expect(root.certificate.subjectDn).toContain(ROOT_CN);
    expect(issuing.certificate.subjectDn).toContain(ISSUING_CN);
    expect(root.certificate.subjectDer).toEqual(root.certificate.issuerDer);
    for (const c of [root.certificate, issuing.certificate]) {
      expect(c.isCa).toBe(true);
      expect(c.keyUsage).toMatchObject({ keyCertSign: true, cRLSign: true });
      expect(c.ski).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(issuing.certificate.aki).toBe(root.certificate.ski);
    expect(issuing.certificate.crlUrls).toEqual([`${TEST_BASE_URL}/crl/root.crl`]);
    expect(issuing.certificate.caIssuersUrls).toEqual([`${TEST_BASE_URL}/ca/root.cer`]);
    expect(ca.baseUrl).toBe(TEST_BASE_URL);
    const text = ossl.ok(['x509', '-in', 'issuing.pem', '-noout', '-text']);
    expect(text).toMatch(/CA:TRUE/);
    expect(text).toMatch(/Certificate Sign, CRL Sign/);
  });

  it('has a delegated OCSP responder with id-kp-OCSPSigning and ocsp-nocheck', () => {
    const o = ca.ocspResponder.certificate;
    expect(o.ekus).toEqual([EKU.ocspSigning]);
    expect(o.isCa).toBe(false);
    expect(o.aki).toBe(ca.issuing.certificate.ski);
    expect(o.extensionOids).toContain('1.3.6.1.5.5.7.48.1.5');
  });

  it('persists PEM certificates, PKCS#8 keys (mode 600) and index.json, and loads them back', () => {
    for (const f of [
      'root.pem',
      'root.key',
      'issuing.pem',
      'issuing.key',
      'ocsp.pem',
      'ocsp.key',
      'index.json',
    ]) {
      expect(existsSync(join(caDir, f))).toBe(true);
    }
    expect(readFileSync(join(caDir, 'root.key'), 'utf8')).toContain('BEGIN PRIVATE KEY');
    const loaded = TestCA.load(caDir);
    expect(loaded.root.certificate.fingerprint).toBe(ca.root.certificate.fingerprint);
    expect(loaded.issuing.certificate.fingerprint).toBe(ca.issuing.certificate.fingerprint);
    expect(keyMatchesCertificate(loaded.issuing.privateKey, loaded.issuing.certificate)).toBe(true);
    expect(loaded.baseUrl).toBe(TEST_BASE_URL);
  });

  it('refuses to create over an existing CA and to load an empty directory', async () => {
    await expect(TestCA.create({ dir: caDir, baseUrl: TEST_BASE_URL })).rejects.toMatchObject({
      code: 'ca_state',
    });
    expect(() => TestCA.load(join(work, 'nothing'))).toThrow(TestCaError);
    await expect(TestCA.create({ baseUrl: 'ftp://x' })).rejects.toMatchObject({ code: 'bad_input' });
  });
});

describe('issue', () => {
  it('issues AUTH and SIGN certificates that openssl verifies to the root', async () => {
    const { auth, sign } = await ca.issue({ template: 'individual', iin: IINS[0], ...person, keyPair });
    expect(opensslVerify(auth.certificate.der).stdout).toContain('leaf.pem: OK');
    expect(opensslVerify(sign.certificate.der, undefined, ['-purpose', 'smimesign']).status).toBe(0);
    expect(opensslVerify(auth.certificate.der, undefined, ['-purpose', 'sslclient']).status).toBe(0);
    expect(auth.chain.map((c) => c.fingerprint)).toEqual([
      ca.issuing.certificate.fingerprint,
      ca.root.certificate.fingerprint,
    ]);
    expect(auth.alias).toBe(auth.certificate.ski);
    const text = (() => {
      ossl.write('s.pem', encodePem('CERTIFICATE', sign.certificate.der));
      return ossl.ok(['x509', '-in', 's.pem', '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb']);
    })();
    expect(text).toContain('serialNumber=IIN871008401427');
    expect(text).toContain('Digital Signature, Non Repudiation');
    expect(text).toContain('1.2.398.3.3.2.3');
    expect(text).toContain(`URI:${TEST_BASE_URL}/ocsp`);
  });

  it('records issued certificates in index.json with template and purpose', async () => {
    const { sign } = await ca.issue({
      template: 'hr',
      iin: IINS[1],
      bin: BINS[0],
      org: 'ТОО "Кадры"',
      ...person,
      keyPair,
    });
    const rec = ca.findRecord(sign.certificate.serialNumber.toUpperCase());
    expect(rec).toMatchObject({ template: 'hr', purpose: 'SIGN', issuer: 'issuing', status: 'good' });
    const onDisk = JSON.parse(readFileSync(join(caDir, 'index.json'), 'utf8'));
    expect(onDisk.issued.some((r: { serial: string }) => r.serial === sign.certificate.serialNumber)).toBe(
      true,
    );
  });

  it('writes NCA-named p12 files holding the right key', async () => {
    const pair = await ca.issue({
      template: 'individual',
      iin: IINS[2],
      ...person,
      keyPair: await pooledKeyPair(1),
      signKeyPair: keyPair,
    });
    const files = ca.p12Files(pair, PASSWORD);
    expect(files.map((f) => f.fileName)).toEqual([
      `AUTH_RSA256_${pair.auth.certificate.ski}.p12`,
      `RSA256_${pair.sign.certificate.ski}.p12`,
    ]);
    const [auth] = readPkcs12(files[0].der, PASSWORD);
    expect(auth.certificate.fingerprint).toBe(pair.auth.certificate.fingerprint);
    expect(auth.alias).toBe(pair.auth.certificate.ski);
    expect(auth.chain).toHaveLength(2);
  });

  it('issues expired and not-yet-valid certificates on request', async () => {
    const expired = await ca.issueExpired({ template: 'individual', iin: IINS[0], ...person, keyPair }, 35);
    expect(expired.sign.certificate.notAfter.getTime()).toBeLessThan(Date.now() - 34 * 86_400_000);
    const e = opensslVerify(expired.sign.certificate.der);
    expect(e.status).not.toBe(0);
    expect(e.stdout + e.stderr).toMatch(/certificate has expired/);
    const future = await ca.issueNotYetValid(
      { template: 'individual', iin: IINS[0], ...person, keyPair },
      10,
    );
    const r = opensslVerify(future.auth.certificate.der);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/not yet valid/);
    expect(future.auth.certificate.notAfter.getTime()).toBeGreaterThan(
      future.auth.certificate.notBefore.getTime(),
    );
    // explicit dates work too
    const at = new Date(Date.now() - 400 * 86_400_000);
    const custom = await ca.issue({
      template: 'individual',
      iin: IINS[0],
      ...person,
      keyPair,
      notBefore: at,
      notAfter: new Date(at.getTime() + 86_400_000),
    });
    expect(custom.auth.certificate.notBefore.getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
  });

  it('refuses unknown templates, invalid IIN/BIN and missing fields with typed errors', async () => {
    const base = { iin: IINS[0], ...person, keyPair };
    const cases: [object, string][] = [
      [{ ...base, template: 'president' }, 'unknown_template'],
      [{ ...base, template: 'individual', iin: '871008401428' }, 'invalid_identifier'],
      [{ ...base, template: 'individual', iin: '123456789011' }, 'invalid_identifier'],
      [{ ...base, template: 'first-head', bin: '940140000386', org: 'X' }, 'invalid_identifier'],
      [{ ...base, template: 'first-head', bin: IINS[1], org: 'X' }, 'invalid_identifier'],
      [{ ...base, template: 'first-head', org: 'X' }, 'bad_input'],
      [{ ...base, template: 'first-head', bin: BINS[0] }, 'bad_input'],
      [{ ...base, template: 'individual', bin: BINS[0] }, 'bad_input'],
      [{ ...base, template: 'individual', surname: ' ' }, 'bad_input'],
    ];
    for (const [opts, code] of cases) {
      await expect(ca.issue(opts as never)).rejects.toMatchObject({ name: 'TestCaError', code });
    }
  });
});

describe('issueCustom (odd certificates for refusal tests)', () => {
  it('issues a certificate without EKU', async () => {
    const c = await ca.issueCustom({ keyPair, ekus: null, subject: { commonName: 'NO EKU', iin: IINS[0] } });
    expect(c.certificate.ekus).toEqual([]);
    expect(c.certificate.extensionOids).not.toContain('2.5.29.37');
    expect(opensslVerify(c.certificate.der).status).toBe(0);
  });

  it('lets an end-entity "intermediate" without CA rights sign a leaf, which openssl refuses', async () => {
    const fakeCa = await ca.issueCustom({
      keyPair,
      basicConstraints: { ca: false },
      subject: { commonName: 'NOT A CA' },
    });
    const leaf = await ca.issueCustom({
      keyPair: await pooledKeyPair(1),
      issuer: fakeCa,
      subject: { commonName: 'LEAF' },
    });
    expect(leaf.certificate.issuerDer).toEqual(fakeCa.certificate.subjectDer);
    expect(leaf.certificate.aki).toBe(fakeCa.certificate.ski);
    expect(leaf.chain.map((c) => c.fingerprint)).toEqual([
      fakeCa.certificate.fingerprint,
      ca.issuing.certificate.fingerprint,
      ca.root.certificate.fingerprint,
    ]);
    const r = opensslVerify(leaf.certificate.der, [fakeCa.certificate.der, ca.issuing.certificate.der]);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/invalid CA certificate/);
  });

  it('makes a self-signed look-alike with the same DN as the issuing CA', async () => {
    const fake = await ca.issueCustom({
      keyPair,
      issuer: 'self',
      subject: ca.issuing.certificate.subjectDer,
      basicConstraints: { ca: true },
      keyUsage: { keyCertSign: true, cRLSign: true, digitalSignature: true },
    });
    expect(fake.certificate.subjectDer).toEqual(ca.issuing.certificate.subjectDer);
    expect(fake.certificate.issuerDer).toEqual(ca.issuing.certificate.subjectDer);
    expect(fake.chain).toEqual([]);
    const leaf = await ca.issueCustom({
      keyPair: await pooledKeyPair(1),
      issuer: fake,
      subject: { commonName: 'VICTIM' },
    });
    expect(opensslVerify(leaf.certificate.der, [fake.certificate.der]).status).not.toBe(0);
    expect(ca.findRecord(fake.certificate.serialNumber)).toBeUndefined();
  });
});

describe('revoke', () => {
  it('marks the record revoked (persisted) and is idempotent', async () => {
    const { auth } = await ca.issue({ template: 'individual', iin: IINS[0], ...person, keyPair });
    const when = new Date('2026-01-02T03:04:05Z');
    const rec = ca.revoke(auth.certificate.serialNumber, 'keyCompromise', when);
    expect(rec).toMatchObject({ status: 'revoked', reason: 'keyCompromise', revokedAt: when.toISOString() });
    expect(ca.revoke(auth.certificate.serialNumber, 'superseded').reason).toBe('keyCompromise');
    // another process (the CLI) sees it, and this instance sees that process's changes
    const other = TestCA.load(caDir);
    expect(other.findRecord(auth.certificate.serialNumber)?.status).toBe('revoked');
    const { sign } = await ca.issue({ template: 'individual', iin: IINS[0], ...person, keyPair });
    await new Promise((r) => setTimeout(r, 20));
    other.revoke(sign.certificate.serialNumber);
    expect(ca.findRecord(sign.certificate.serialNumber)?.status).toBe('revoked');
  });

  it('refuses unknown and malformed serials', () => {
    expect(() => ca.revoke('0123456789')).toThrow(expect.objectContaining({ code: 'unknown_serial' }));
    expect(() => ca.revoke('xyz')).toThrow(expect.objectContaining({ code: 'bad_input' }));
  });

  it('parses its own certificates from index PEM', () => {
    for (const r of ca.records()) expect(parseCertificate(r.pem).serialNumber).toBe(r.serial);
  });
});
