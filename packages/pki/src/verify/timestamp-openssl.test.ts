import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCms } from '../cms-sign';
import { encodePem, toHex } from '../der';
import type { TestCA } from '../test-ca';
import { signatureImprint, signerSignature } from '../test-ca/tsa';
import { IINS, pooledKeyPair, sharedTestCa } from '../testing/fixtures';
import { OpensslDir } from '../testing/openssl';

const dir = new OpensslDir();
let ca: TestCA;

beforeAll(async () => {
  ca = await sharedTestCa();
  dir.write('ca.pem', encodePem('CERTIFICATE', ca.issuing.certificate.der));
  dir.write('root.pem', encodePem('CERTIFICATE', ca.root.certificate.der));
});
afterAll(() => dir.remove());

describe('test TSA tokens ↔ openssl ts', () => {
  it('openssl ts -verify accepts our token over a signature value and refuses another imprint', async () => {
    const { sign } = await ca.issue({
      template: 'individual',
      iin: IINS[0],
      surname: 'ТАЙМ',
      firstName: 'СТЕМП',
      keyPair: await pooledKeyPair(0),
    });
    const cms = await signCms(new TextEncoder().encode('openssl ts'), sign);
    const imprint = signatureImprint(signerSignature(cms));
    dir.write('token.der', await ca.timestamp(imprint, { nonce: 42 }));
    const base = ['ts', '-verify', '-token_in', '-in', dir.file('token.der')];
    const trust = ['-CAfile', dir.file('root.pem'), '-untrusted', dir.file('ca.pem')];
    const ok = dir.run([...base, '-digest', toHex(imprint), ...trust]);
    expect(ok.status).toBe(0);
    expect(ok.stdout + ok.stderr).toContain('Verification: OK');
    const other = new Uint8Array(imprint);
    other[0] ^= 1;
    const bad = dir.run([...base, '-digest', toHex(other), ...trust]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).not.toContain('Verification: OK');
    const text = dir.ok(['ts', '-reply', '-token_in', '-in', dir.file('token.der'), '-token_out', '-text']);
    expect(text).toContain('Hash Algorithm: sha256');
    expect(text).toContain(toHex(imprint).slice(0, 2));
    expect(text).toMatch(/Nonce: 0x2A/);
  });
});
