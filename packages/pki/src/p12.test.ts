import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePem } from './der';
import { Pkcs12Error, PkiError } from './errors';
import type { KeyBundle } from './keys';
import { readPkcs12, writePkcs12 } from './p12';
import { IINS, PASSWORD, pooledKeyPair, sharedTestCa } from './testing/fixtures';
import { OpensslDir } from './testing/openssl';

let bundle: KeyBundle;
const dir = new OpensslDir();

beforeAll(async () => {
  const ca = await sharedTestCa();
  const pair = await ca.issue({
    template: 'individual',
    iin: IINS[0],
    surname: 'ТЕСТОВ',
    firstName: 'ТЕСТ',
    keyPair: await pooledKeyPair(0),
  });
  bundle = pair.sign;
  dir.write('key.pem', bundle.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  dir.write('cert.pem', encodePem('CERTIFICATE', bundle.certificate.der));
  dir.write('chain.pem', bundle.chain.map((c) => encodePem('CERTIFICATE', c.der)).join(''));
});

afterAll(() => dir.remove());

function expectSameKey(read: KeyBundle) {
  expect(read.certificate.fingerprint).toBe(bundle.certificate.fingerprint);
  expect(read.privateKey.export({ format: 'der', type: 'pkcs8' })).toEqual(
    bundle.privateKey.export({ format: 'der', type: 'pkcs8' }),
  );
}

function opensslExport(name: string, extra: string[]): Uint8Array {
  dir.ok([
    'pkcs12',
    '-export',
    '-inkey',
    'key.pem',
    '-in',
    'cert.pem',
    '-certfile',
    'chain.pem',
    '-name',
    bundle.alias,
    '-passout',
    `pass:${PASSWORD}`,
    '-out',
    name,
    ...extra,
  ]);
  return dir.read(name);
}

describe('writePkcs12 / readPkcs12', () => {
  it('round-trips key, certificate, chain (issuer first) and alias = SKI', () => {
    const der = writePkcs12(bundle, PASSWORD);
    const [read, ...more] = readPkcs12(der, PASSWORD);
    expect(more).toHaveLength(0);
    expectSameKey(read);
    expect(read.alias).toBe(bundle.certificate.ski);
    expect(read.chain.map((c) => c.fingerprint)).toEqual(bundle.chain.map((c) => c.fingerprint));
  });

  it('writes AES-256 (PBES2) too, and can leave the chain out', () => {
    const der = writePkcs12(bundle, PASSWORD, { algorithm: 'aes256', includeChain: false });
    const [read] = readPkcs12(der, PASSWORD);
    expectSameKey(read);
    expect(read.chain).toHaveLength(0);
  });

  it('writes a file openssl pkcs12 reads with the password (3DES key bag)', () => {
    dir.write('ours.p12', writePkcs12(bundle, PASSWORD));
    const out = dir.ok(['pkcs12', '-info', '-nodes', '-in', 'ours.p12', '-passin', `pass:${PASSWORD}`]);
    expect(out).toContain('-----BEGIN PRIVATE KEY-----');
    expect(out).toContain(`friendlyName: ${bundle.alias}`);
    expect((out.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length).toBe(3);
    const bad = dir.run(['pkcs12', '-info', '-nodes', '-in', 'ours.p12', '-passin', 'pass:wrong']);
    expect(bad.status).not.toBe(0);
  });

  it('reads openssl -legacy files (RC2-40 certificates, 3DES key)', () => {
    const [read] = readPkcs12(opensslExport('legacy.p12', ['-legacy']), PASSWORD);
    expectSameKey(read);
    expect(read.alias).toBe(bundle.alias);
    expect(read.chain).toHaveLength(2);
  });

  it('reads PBE-SHA1-3DES for key and certificates', () => {
    const der = opensslExport('3des.p12', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES']);
    expectSameKey(readPkcs12(der, PASSWORD)[0]);
  });

  it("reads OpenSSL 3's default (PBES2 AES-256-CBC, HMAC-SHA256 MAC)", () => {
    const der = opensslExport('aes.p12', []);
    const info = dir.run(['pkcs12', '-info', '-noout', '-in', 'aes.p12', '-passin', `pass:${PASSWORD}`]);
    expect(info.stderr).toMatch(/AES-256-CBC/); // openssl prints -info details on stderr
    expectSameKey(readPkcs12(der, PASSWORD)[0]);
  });

  it('refuses a wrong password with Pkcs12Error bad_password', () => {
    const der = writePkcs12(bundle, PASSWORD);
    const err = (() => {
      try {
        readPkcs12(der, 'Qwerty13');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(Pkcs12Error);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as Pkcs12Error).code).toBe('bad_password');
  });

  it('refuses a wrong password on an AES file too', () => {
    const der = writePkcs12(bundle, PASSWORD, { algorithm: 'aes256' });
    expect(() => readPkcs12(der, '')).toThrow(expect.objectContaining({ code: 'bad_password' }));
  });

  it('refuses garbage and truncated files with bad_pkcs12', () => {
    expect(() => readPkcs12(new Uint8Array([1, 2, 3, 4]), PASSWORD)).toThrow(
      expect.objectContaining({ code: 'bad_pkcs12' }),
    );
    const der = writePkcs12(bundle, PASSWORD);
    expect(() => readPkcs12(der.subarray(0, der.length / 2), PASSWORD)).toThrow(Pkcs12Error);
    expect(() => readPkcs12(bundle.certificate.der, PASSWORD)).toThrow(Pkcs12Error);
  });

  it('refuses a keystore without a private key (no_private_key)', () => {
    dir.ok([
      'pkcs12',
      '-export',
      '-nokeys',
      '-in',
      'cert.pem',
      '-passout',
      `pass:${PASSWORD}`,
      '-out',
      'nokey.p12',
    ]);
    expect(() => readPkcs12(dir.read('nokey.p12'), PASSWORD)).toThrow(
      expect.objectContaining({ code: 'no_private_key' }),
    );
  });
});
