import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePem } from '../der';
import type { KeyBundle } from '../keys';
import { newTestCa, pooledKeyPair } from '../testing/fixtures';
import { OpensslDir } from '../testing/openssl';
import type { TestCA } from './index';

const ossl = new OpensslDir();
let ca: TestCA;
let good: KeyBundle;
let revoked: KeyBundle;
let later: KeyBundle;
const person = { template: 'individual', iin: '871008401427', surname: 'ТЕСТОВ', firstName: 'ТЕСТ' };

function pem(name: string, der: Uint8Array) {
  ossl.write(name, encodePem('CERTIFICATE', der));
}

beforeAll(async () => {
  ca = await newTestCa();
  const keyPair = await pooledKeyPair(0);
  good = (await ca.issue({ ...person, keyPair })).sign;
  revoked = (await ca.issue({ ...person, keyPair })).sign;
  later = (await ca.issue({ ...person, keyPair })).auth;
  ca.revoke(revoked.certificate.serialNumber, 'keyCompromise', new Date(Date.now() - 60_000));
  pem('root.pem', ca.root.certificate.der);
  pem('issuing.pem', ca.issuing.certificate.der);
  ossl.write(
    'chain.pem',
    [ca.issuing.certificate.der, ca.root.certificate.der].map((d) => encodePem('CERTIFICATE', d)).join(''),
  );
  pem('good.pem', good.certificate.der);
  pem('revoked.pem', revoked.certificate.der);
  pem('later.pem', later.certificate.der);
});

afterAll(() => ossl.remove());

const upper = (s: string) => s.toUpperCase();

describe('CRL', () => {
  it('openssl reads the full CRL: issuer, number, AKI, freshest CRL, revoked serial with reason', async () => {
    ossl.write('full.crl', await ca.crl({ which: 'issuing' }));
    const text = ossl.ok(['crl', '-inform', 'DER', '-in', 'full.crl', '-noout', '-text']);
    expect(text).toContain('tereze TEST');
    expect(text).toMatch(/X509v3 CRL Number:\s*\n\s*\d+/);
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain('issuing-delta.crl');
    expect(text).toContain(`Serial Number: ${upper(revoked.certificate.serialNumber)}`);
    expect(text).toContain('Key Compromise');
    expect(text).not.toContain(upper(good.certificate.serialNumber));
    expect(text).toMatch(/Next Update:/);
    // signature by the issuing CA
    const v = ossl.run(['crl', '-inform', 'DER', '-in', 'full.crl', '-noout', '-CAfile', 'chain.pem']);
    expect(v.stderr + v.stdout).toContain('verify OK');
  });

  it('openssl verify -crl_check rejects the revoked certificate and accepts the good one', async () => {
    ossl.write('issuing.crl', await ca.crl({ which: 'issuing' }));
    ossl.ok(['crl', '-inform', 'DER', '-in', 'issuing.crl', '-out', 'issuing.crl.pem']);
    const args = (leaf: string) => [
      'verify',
      '-crl_check',
      '-CAfile',
      'chain.pem',
      '-CRLfile',
      'issuing.crl.pem',
      leaf,
    ];
    expect(ossl.run(args('good.pem')).status).toBe(0);
    const r = ossl.run(args('revoked.pem'));
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('certificate revoked');
  });

  it('increments the CRL number and issues delta CRLs with a critical deltaCRLIndicator', async () => {
    const number = (file: string) =>
      Number(
        /CRL Number:\s*\n\s*(\d+)/.exec(
          ossl.ok(['crl', '-inform', 'DER', '-in', file, '-noout', '-text']),
        )![1],
      );
    ossl.write('a.crl', await ca.crl());
    ossl.write('b.crl', await ca.crl());
    expect(number('b.crl')).toBe(number('a.crl') + 1);
    ca.revoke(later.certificate.serialNumber, 'superseded');
    ossl.write('delta.crl', await ca.crl({ which: 'issuing', delta: true }));
    const text = ossl.ok(['crl', '-inform', 'DER', '-in', 'delta.crl', '-noout', '-text']);
    expect(text).toMatch(/X509v3 Delta CRL Indicator: critical\s*\n\s*(\d+)/);
    expect(Number(/Delta CRL Indicator: critical\s*\n\s*(\d+)/.exec(text)![1])).toBe(number('b.crl'));
    expect(text).toContain(upper(later.certificate.serialNumber));
    expect(text).not.toContain(upper(revoked.certificate.serialNumber)); // already in the base CRL
  });

  it('signs the root CRL with the root key; it lists a revoked CA certificate', async () => {
    const fresh = await newTestCa();
    fresh.revoke(fresh.issuing.certificate.serialNumber, 'cACompromise');
    ossl.write('root.crl', await fresh.crl({ which: 'root' }));
    pem('fresh-root.pem', fresh.root.certificate.der);
    const text = ossl.ok(['crl', '-inform', 'DER', '-in', 'root.crl', '-noout', '-text']);
    expect(text).toContain(upper(fresh.issuing.certificate.serialNumber));
    expect(text).toContain('CA Compromise');
    const v = ossl.run(['crl', '-inform', 'DER', '-in', 'root.crl', '-noout', '-CAfile', 'fresh-root.pem']);
    expect(v.stderr + v.stdout).toContain('verify OK');
  });
});

describe('OCSP responder', () => {
  /**
   * openssl makes the request, our responder answers, openssl checks it twice: against the
   * request (signature, nonce) and against the certificate (status line). With -reqin,
   * openssl must not be given -cert (it would add a second request and a new nonce).
   */
  async function ask(cert: string, extra: string[] = [], issuer = 'issuing.pem') {
    ossl.ok(['ocsp', ...extra, '-issuer', issuer, '-cert', cert, '-reqout', 'req.der']);
    ossl.write('resp.der', await ca.handleOcsp(ossl.read('req.der')));
    const trust = ['-CAfile', 'root.pem', '-VAfile', 'chain.pem'];
    const withReq = ossl.run(['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', ...trust, '-resp_text']);
    const withCert = ossl.run([
      'ocsp',
      ...extra,
      '-respin',
      'resp.der',
      '-issuer',
      issuer,
      '-cert',
      cert,
      '-no_nonce',
      ...trust,
    ]);
    return {
      status: withReq.status || withCert.status,
      stdout: withReq.stdout + withCert.stdout,
      stderr: withReq.stderr + withCert.stderr,
    };
  }

  it('answers good, signed by the delegated responder, with the nonce echoed', async () => {
    const r = await ask('good.pem');
    expect(r.stderr).toContain('Response verify OK');
    expect(r.stdout).toContain('good.pem: good');
    expect(r.stdout).toContain('OCSP Nonce');
    expect(r.stdout).toContain('Next Update');
    expect(r.stdout).toContain('tereze TEST OCSP (RSA)');
    expect(r.stderr + r.stdout).not.toMatch(/nonce verify error/i);
    expect(r.status).toBe(0);
  });

  it('verifies with the issuing CA as trust anchor too (responder authorised by the CA)', async () => {
    ossl.ok(['ocsp', '-issuer', 'issuing.pem', '-cert', 'good.pem', '-reqout', 'req.der']);
    ossl.write('resp.der', await ca.handleOcsp(ossl.read('req.der')));
    const r = ossl.run([
      'ocsp',
      '-respin',
      'resp.der',
      '-issuer',
      'issuing.pem',
      '-CAfile',
      'chain.pem',
      '-resp_text',
      '-no_nonce',
      '-cert',
      'good.pem',
    ]);
    expect(r.stderr).toContain('Response verify OK');
    expect(r.stdout).toContain('good.pem: good');
  });

  it('answers revoked with time and reason', async () => {
    const r = await ask('revoked.pem');
    expect(r.stderr).toContain('Response verify OK');
    expect(r.stdout).toContain('revoked.pem: revoked');
    expect(r.stdout).toContain('Reason: keyCompromise');
  });

  it('answers with SHA-256 CertIDs and without a nonce', async () => {
    const r = await ask('good.pem', ['-sha256', '-no_nonce']);
    expect(r.stderr).toContain('Response verify OK');
    expect(r.stdout).toContain('good.pem: good');
    expect(r.stdout).not.toContain('OCSP Nonce');
  });

  it('answers unknown for a serial this CA never issued', async () => {
    const stranger = await ca.issueCustom({
      keyPair: await pooledKeyPair(0),
      issuer: ca.issuing,
      subject: { commonName: 'X' },
    });
    pem('stranger.pem', stranger.certificate.der);
    const r = await ask('stranger.pem');
    expect(r.stdout).toContain('stranger.pem: unknown');
  });

  it('answers for the issuing CA certificate itself, signed by the root', async () => {
    const r = await ask('issuing.pem', [], 'root.pem');
    expect(r.stderr).toContain('Response verify OK');
    expect(r.stdout).toContain('issuing.pem: good');
  });

  it('refuses garbage with malformedRequest and foreign CAs with unauthorized', async () => {
    const garbage = await ca.handleOcsp(new Uint8Array([0x30, 0x03, 0x01, 0x02]));
    ossl.write('bad.der', garbage);
    expect(ossl.run(['ocsp', '-respin', 'bad.der', '-resp_text', '-noverify']).stdout).toMatch(
      /malformedrequest/i,
    );
    expect(Buffer.from(garbage).toString('hex')).toBe('30030a0101');
    const other = await newTestCa(); // own keys: a CA this responder knows nothing of
    pem('other-issuing.pem', other.issuing.certificate.der);
    ossl.ok(['ocsp', '-issuer', 'other-issuing.pem', '-serial', '0x1234', '-reqout', 'foreign.der']);
    const resp = await ca.handleOcsp(ossl.read('foreign.der'));
    expect(Buffer.from(resp).toString('hex')).toBe('30030a0106');
  });
});
