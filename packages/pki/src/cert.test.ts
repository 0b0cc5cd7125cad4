import { createVerify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateDer, clearCertificateCache, normalizeSerial, parseCertificate } from './cert';
import { encodePem } from './der';
import { CertificateError } from './errors';
import type { KeyBundle } from './keys';
import { EXT } from './oids';
import { IINS, pooledKeyPair, sharedTestCa, TEST_BASE_URL } from './testing/fixtures';
import { OpensslDir } from './testing/openssl';

let leaf: KeyBundle;

beforeAll(async () => {
  const ca = await sharedTestCa();
  leaf = (
    await ca.issue({
      template: 'individual',
      iin: IINS[0],
      surname: 'А',
      firstName: 'Б',
      keyPair: await pooledKeyPair(0),
    })
  ).auth;
});

describe('parseCertificate', () => {
  it('reads fields matching openssl', () => {
    const dir = new OpensslDir();
    try {
      dir.write('c.pem', encodePem('CERTIFICATE', leaf.certificate.der));
      const serial = dir.ok(['x509', '-in', 'c.pem', '-noout', '-serial']).trim().split('=')[1];
      const fp = dir.ok(['x509', '-in', 'c.pem', '-noout', '-fingerprint', '-sha256']).trim().split('=')[1];
      const c = leaf.certificate;
      expect(c.serialNumber).toBe(normalizeSerial(serial));
      expect(c.fingerprint).toBe(fp.replace(/:/g, '').toLowerCase());
    } finally {
      dir.remove();
    }
  });

  it('exposes tbs, signatureValue and a node public key that verify against the issuer', async () => {
    const ca = await sharedTestCa();
    const c = leaf.certificate;
    const issuerKey = ca.issuing.certificate.publicKey!;
    expect(createVerify('sha256').update(c.tbs).verify(issuerKey, c.signatureValue)).toBe(true);
    expect(c.signatureAlgorithmOid).toBe('1.2.840.113549.1.1.11');
    expect(c.publicKey?.asymmetricKeyType).toBe('rsa');
    expect(c.aki).toBe(ca.issuing.certificate.ski);
    expect(Buffer.from(c.issuerDer).equals(Buffer.from(ca.issuing.certificate.subjectDer))).toBe(true);
  });

  it('reads extensions: key usage, EKU, policies, CDP, delta CDP, AIA', async () => {
    const c = leaf.certificate;
    expect(c.isCa).toBe(false);
    expect(c.keyUsage).toMatchObject({
      digitalSignature: true,
      keyEncipherment: true,
      nonRepudiation: false,
    });
    expect(c.crlUrls).toEqual([`${TEST_BASE_URL}/crl/issuing.crl`]);
    expect(c.deltaCrlUrls).toEqual([`${TEST_BASE_URL}/crl/issuing-delta.crl`]);
    expect(c.ocspUrls).toEqual([`${TEST_BASE_URL}/ocsp`]);
    expect(c.caIssuersUrls).toEqual([`${TEST_BASE_URL}/ca/issuing.cer`]);
    expect(c.extensionOids).toContain(EXT.certificatePolicies);
    const ca = await sharedTestCa();
    expect(ca.issuing.certificate).toMatchObject({ isCa: true, pathLength: 0 });
    expect(ca.issuing.certificate.keyUsage).toMatchObject({ keyCertSign: true, cRLSign: true });
  });

  it('accepts DER, PEM, base64 and PEM bytes, and caches by fingerprint', () => {
    const der = leaf.certificate.der;
    const pem = encodePem('CERTIFICATE', der);
    const a = parseCertificate(der);
    expect(parseCertificate(pem)).toBe(a);
    expect(parseCertificate(Buffer.from(der).toString('base64'))).toBe(a);
    expect(parseCertificate(new TextEncoder().encode(pem))).toBe(a);
    clearCertificateCache();
    expect(parseCertificate(der)).not.toBe(a);
    expect(certificateDer(pem)).toEqual(der);
  });

  it('refuses garbage, truncated and trailing-byte input with CertificateError', () => {
    const der = leaf.certificate.der;
    for (const bad of [
      new Uint8Array(0),
      new Uint8Array([0x30, 0x82, 0xff]),
      der.subarray(0, der.length - 10),
      new Uint8Array([...der, 0]),
      'definitely not a certificate',
      new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]),
    ]) {
      expect(() => parseCertificate(bad)).toThrow(CertificateError);
    }
  });

  it('normalises serial numbers', () => {
    expect(normalizeSerial('00AB:CD')).toBe('abcd');
    expect(normalizeSerial('0x0abc')).toBe('0abc');
    expect(normalizeSerial('000000')).toBe('00');
    expect(normalizeSerial('f')).toBe('0f');
  });
});

describe('parseCertificate strictness', () => {
  it('refuses duplicate extensions and malformed critical flags, and types lazy x509 failures', async () => {
    const der = leaf.certificate.der;
    // a copy whose SubjectKeyIdentifier OID (2.5.29.14) is changed into KeyUsage (2.5.29.15): duplicate
    const hex = Buffer.from(der).toString('hex');
    const ski = hex.indexOf('0603551d0e');
    expect(ski).toBeGreaterThan(0);
    const dup = Buffer.from(`${hex.slice(0, ski)}0603551d0f${hex.slice(ski + 10)}`, 'hex');
    expect(() => parseCertificate(new Uint8Array(dup))).toThrow(CertificateError);
    expect(leaf.certificate.criticalExtensionOids).toEqual(expect.arrayContaining(['2.5.29.15']));
  });
});
