import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCertificate } from './cert';
import { addSignature, appendSignatures, decodeCmsInput, signCms, toPemCms } from './cms-sign';
import { encodePem, toArrayBuffer } from './der';
import { CmsError } from './errors';
import type { KeyBundle } from './keys';
import { CMS, GOST } from './oids';
import { BINS, IINS, pooledKeyPair, sharedTestCa } from './testing/fixtures';
import { OpensslDir } from './testing/openssl';

let signer: KeyBundle;
let second: KeyBundle;
const data = new TextEncoder().encode('Договор № 1: tereze test document\n');
const dir = new OpensslDir();

beforeAll(async () => {
  const ca = await sharedTestCa();
  signer = (
    await ca.issue({
      template: 'individual',
      iin: IINS[0],
      surname: 'ТЕСТОВ',
      firstName: 'ТЕСТ',
      keyPair: await pooledKeyPair(0),
    })
  ).sign;
  second = (
    await ca.issue({
      template: 'first-head',
      iin: IINS[1],
      bin: BINS[0],
      org: 'ТОО "Тест"',
      surname: 'ИВАНОВ',
      firstName: 'ИВАН',
      keyPair: await pooledKeyPair(1),
    })
  ).sign;
  dir.write('root.pem', encodePem('CERTIFICATE', ca.root.certificate.der));
  dir.write('data.txt', data);
});

afterAll(() => dir.remove());

function opensslVerify(cms: Uint8Array, detached = false) {
  dir.write('sig.cms', cms);
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    'sig.cms',
    '-CAfile',
    'root.pem',
    '-out',
    'out.bin',
  ];
  if (detached) args.push('-content', 'data.txt');
  return dir.run(args);
}

function signerInfos(cms: Uint8Array): pkijs.SignerInfo[] {
  const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
  return new pkijs.SignedData({ schema: ci.content }).signerInfos;
}

describe('signCms', () => {
  it('makes an attached CMS that openssl cms -verify accepts (chain to the root, smime purpose)', async () => {
    const cms = await signCms(data, signer);
    const r = opensslVerify(cms);
    expect(r.stderr).toContain('Verification successful');
    expect(r.status).toBe(0);
    expect(dir.read('out.bin')).toEqual(data);
  });

  it('makes a detached CMS that verifies against the data only', async () => {
    const cms = await signCms(data, signer, { detached: true });
    expect(opensslVerify(cms, true).status).toBe(0);
    dir.write('data.txt', new TextEncoder().encode('tampered'));
    expect(opensslVerify(cms, true).status).not.toBe(0);
    dir.write('data.txt', data);
  });

  it('carries contentType, messageDigest, signingTime and signingCertificateV2', async () => {
    const when = new Date('2026-03-01T10:00:00Z');
    const [si] = signerInfos(await signCms(data, signer, { signingTime: when }));
    const attrs = new Map(si.signedAttrs!.attributes.map((a) => [a.type, a.values[0]]));
    expect([...attrs.keys()].sort()).toEqual(
      [CMS.contentType, CMS.messageDigest, CMS.signingTime, CMS.signingCertificateV2].sort(),
    );
    const digest = new Uint8Array(
      (attrs.get(CMS.messageDigest) as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView,
    );
    expect(Buffer.from(digest).toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    expect((attrs.get(CMS.signingTime) as { toDate(): Date }).toDate().toISOString()).toBe(
      when.toISOString(),
    );
    const v2 = new Uint8Array(attrs.get(CMS.signingCertificateV2)!.toBER());
    const certHash = createHash('sha256').update(signer.certificate.der).digest();
    expect(Buffer.from(v2).includes(certHash)).toBe(true);
    expect(si.signatureAlgorithm.algorithmId).toBe('1.2.840.113549.1.1.11');
  });

  it('includes the chain by default and only the signer certificate on request', async () => {
    const count = (cms: Uint8Array) => {
      const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
      return new pkijs.SignedData({ schema: ci.content }).certificates?.length;
    };
    expect(count(await signCms(data, signer))).toBe(3);
    expect(count(await signCms(data, signer, { includeChain: false }))).toBe(1);
  });

  it('refuses GOST signers with unsupported_algorithm', async () => {
    const gostCert: ParsedCertificate = { ...signer.certificate, publicKeyAlgorithmOid: GOST.key2015_512 };
    await expect(signCms(data, { ...signer, certificate: gostCert })).rejects.toMatchObject({
      code: 'unsupported_algorithm',
    });
  });

  it('refuses a key that does not belong to the certificate', async () => {
    await expect(signCms(data, { ...signer, privateKey: second.privateKey })).rejects.toBeInstanceOf(
      CmsError,
    );
  });
});

describe('appendSignatures', () => {
  it('joins two single-signer CMS over the same content into one; openssl verifies both signers', async () => {
    const a = await signCms(data, signer);
    const b = await signCms(data, second);
    const both = appendSignatures(a, toPemCms(b));
    expect(signerInfos(both)).toHaveLength(2);
    expect(Buffer.from(both).includes(Buffer.from(signerInfos(b)[0].toSchema().toBER()))).toBe(true);
    expect(opensslVerify(both).status).toBe(0);
  });

  it('refuses CMS over different content', async () => {
    const a = await signCms(data, signer);
    const b = await signCms(new Uint8Array([1, 2, 3]), second);
    expect(() => appendSignatures(a, b)).toThrow(CmsError);
  });
});

describe('addSignature', () => {
  it('adds a second signer to an attached CMS; both verify and the first SignerInfo is byte-identical', async () => {
    const first = await signCms(data, signer);
    const both = await addSignature(first, second);
    const infos = signerInfos(both);
    expect(infos).toHaveLength(2);
    const before = Buffer.from(signerInfos(first)[0].toSchema().toBER());
    expect(Buffer.from(infos[0].toSchema().toBER()).equals(before)).toBe(true);
    expect(Buffer.from(both).includes(before)).toBe(true);
    expect(opensslVerify(both).status).toBe(0);
    expect(dir.read('out.bin')).toEqual(data);
    // openssl checks every signer: a corrupted first signature must fail the whole CMS
    const tampered = new Uint8Array(both);
    const at = Buffer.from(tampered).indexOf(before) + before.length - 5;
    tampered[at] ^= 0xff;
    expect(opensslVerify(tampered).status).not.toBe(0);
  });

  it('adds to a detached CMS given the data, and refuses without it', async () => {
    const first = await signCms(data, signer, { detached: true });
    await expect(addSignature(first, second)).rejects.toMatchObject({ code: 'bad_input' });
    const both = await addSignature(first, second, { data });
    expect(signerInfos(both)).toHaveLength(2);
    expect(opensslVerify(both, true).status).toBe(0);
  });

  it('refuses data that differs from the embedded content', async () => {
    const first = await signCms(data, signer);
    await expect(addSignature(first, second, { data: new Uint8Array([1]) })).rejects.toMatchObject({
      code: 'bad_input',
    });
  });

  it('accepts PEM input and does not duplicate certificates already present', async () => {
    const first = await signCms(data, signer);
    const both = await addSignature(new TextEncoder().encode(toPemCms(first)), signer);
    const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(both));
    const sd = new pkijs.SignedData({ schema: ci.content });
    expect(sd.certificates).toHaveLength(3);
    expect(sd.signerInfos).toHaveLength(2);
    expect(sd.digestAlgorithms).toHaveLength(1);
  });

  it('signs a CMS made by openssl cms -sign', async () => {
    dir.write('key.pem', second.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    dir.write('cert.pem', encodePem('CERTIFICATE', second.certificate.der));
    dir.ok([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-in',
      'data.txt',
      '-signer',
      'cert.pem',
      '-inkey',
      'key.pem',
      '-outform',
      'DER',
      '-out',
      'os.cms',
    ]);
    const both = await addSignature(dir.read('os.cms'), signer);
    expect(signerInfos(both)).toHaveLength(2);
    expect(opensslVerify(both).status).toBe(0);
  });
});

describe('toPemCms / decodeCmsInput', () => {
  let der: Uint8Array;
  beforeAll(async () => {
    der = await signCms(data, signer);
  });

  it('writes NCALayer-style PEM', () => {
    const pem = toPemCms(der);
    expect(pem.startsWith('-----BEGIN CMS-----\n')).toBe(true);
    expect(pem.endsWith('-----END CMS-----\n')).toBe(true);
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
  });

  it('accepts PEM CMS, PKCS7 PEM, base64, raw DER, and bytes of text', () => {
    const b64 = Buffer.from(der).toString('base64');
    expect(decodeCmsInput(toPemCms(der))).toEqual(der);
    expect(decodeCmsInput(`-----BEGIN PKCS7-----\n${b64}\n-----END PKCS7-----\n`)).toEqual(der);
    expect(decodeCmsInput(b64)).toEqual(der);
    expect(decodeCmsInput(`  ${b64.replace(/(.{76})/g, '$1\r\n')}\n`)).toEqual(der);
    expect(decodeCmsInput(der)).toEqual(der);
    expect(decodeCmsInput(new TextEncoder().encode(toPemCms(der)))).toEqual(der);
  });

  it('refuses truncated, padded, garbage and non-SignedData input with malformed_cms', () => {
    const bad: (Uint8Array | string)[] = [
      der.subarray(0, der.length - 1),
      der.subarray(0, 40),
      new Uint8Array([...der, 0]),
      '',
      'not base64 at all!',
      Buffer.from('hello world').toString('base64'),
      new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]),
      signer.certificate.der,
      '-----BEGIN CMS-----\n!!!!\n-----END CMS-----',
    ];
    for (const input of bad) {
      expect(() => decodeCmsInput(input)).toThrow(expect.objectContaining({ code: 'malformed_cms' }));
    }
  });
});
