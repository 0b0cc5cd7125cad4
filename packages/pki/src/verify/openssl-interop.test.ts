import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCms } from '../cms-sign';
import { encodePem } from '../der';
import { type KeyBundle, privateKeyToPem } from '../keys';
import type { TestCA } from '../test-ca';
import { IINS, pooledKeyPair, sharedTestCa } from '../testing/fixtures';
import { OpensslDir } from '../testing/openssl';
import type { VerifyOptions } from './options';
import { verifyCms } from './verify';

const dir = new OpensslDir();
const data = new TextEncoder().encode('tereze ↔ openssl interop\n');
let ca: TestCA;
let signer: KeyBundle;

beforeAll(async () => {
  ca = await sharedTestCa();
  signer = (
    await ca.issue({
      template: 'individual',
      iin: IINS[0],
      surname: 'ОПЕН',
      firstName: 'ССЛ',
      keyPair: await pooledKeyPair(0),
    })
  ).sign;
  dir.write('leaf.pem', encodePem('CERTIFICATE', signer.certificate.der));
  dir.write('key.pem', privateKeyToPem(signer.privateKey));
  dir.write('ca.pem', encodePem('CERTIFICATE', ca.issuing.certificate.der));
  dir.write('root.pem', encodePem('CERTIFICATE', ca.root.certificate.der));
  dir.write('data.txt', data);
});
afterAll(() => dir.remove());

const opts = (over: Partial<VerifyOptions> = {}): VerifyOptions => ({
  trustAnchors: [ca.root.certificate],
  purpose: 'document',
  revocation: 'off',
  expectedContent: data,
  ...over,
});

describe('OpenSSL interop', () => {
  it('a CMS made by openssl cms -sign verifies in tereze (both engines)', async () => {
    dir.ok([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-md',
      'sha256',
      '-in',
      'data.txt',
      '-signer',
      'leaf.pem',
      '-inkey',
      'key.pem',
      '-certfile',
      'ca.pem',
      '-outform',
      'DER',
      '-out',
      'o.cms',
    ]);
    const cms = dir.read('o.cms');
    for (const engine of ['fast', 'reference'] as const) {
      const r = await verifyCms(cms, opts({ engine }));
      expect(r.valid, JSON.stringify(r.checks)).toBe(true);
      expect(r.engine).toBe(engine);
    }
    // tampered → digest, in tereze as in openssl
    const tampered = new Uint8Array(cms);
    tampered[Buffer.from(cms).indexOf(Buffer.from('interop'))] ^= 1;
    expect((await verifyCms(tampered, opts({ expectedContent: undefined }))).failedCheck).toBe('digest');
  });

  it('an openssl streaming (BER, indefinite length) CMS and a detached PEM one verify', async () => {
    dir.ok([
      'cms',
      '-sign',
      '-binary',
      '-stream',
      '-nodetach',
      '-md',
      'sha256',
      '-in',
      'data.txt',
      '-signer',
      'leaf.pem',
      '-inkey',
      'key.pem',
      '-certfile',
      'ca.pem',
      '-outform',
      'DER',
      '-out',
      'ber.cms',
    ]);
    const ber = await verifyCms(dir.read('ber.cms'), opts());
    expect(ber.valid, JSON.stringify(ber.checks)).toBe(true);
    expect(ber.engine).toBe('reference'); // the fast reader hands BER to pkijs
    expect(ber.fallbackReason).toBeDefined();
    dir.ok([
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-in',
      'data.txt',
      '-signer',
      'leaf.pem',
      '-inkey',
      'key.pem',
      '-certfile',
      'ca.pem',
      '-outform',
      'PEM',
      '-out',
      'det.pem',
    ]);
    const pem = Buffer.from(dir.read('det.pem')).toString('utf8');
    const det = await verifyCms(pem, opts({ data }));
    expect(det.valid, JSON.stringify(det.checks)).toBe(true);
  });

  it('a tereze CMS verifies with openssl cms -verify', async () => {
    dir.write('t.cms', await signCms(data, signer));
    const r = dir.run([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      't.cms',
      '-CAfile',
      'root.pem',
      '-purpose',
      'any',
      '-out',
      'out.txt',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(dir.read('out.txt')).toEqual(data);
    // openssl, like tereze, refuses it when the trusted file holds only an intermediate
    const bad = dir.run([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      't.cms',
      '-CAfile',
      'ca.pem',
      '-purpose',
      'any',
      '-out',
      'x.txt',
    ]);
    expect(bad.status).not.toBe(0);
    expect((await verifyCms(dir.read('t.cms'), opts({ trustAnchors: [] }))).failedCheck).toBe('chain');
  });
});
