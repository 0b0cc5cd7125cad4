import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from './cert';
import { encodePem } from './der';
import type { KeyPair } from './keys';
import { EKU, GOST, NCA_POLICY, NCA_ROLE } from './oids';
import { certificateProfile } from './profile';
import type { TestCA } from './test-ca';
import { BINS, IINS, pooledKeyPair, sharedTestCa } from './testing/fixtures';
import { buildGostCertificate } from './testing/gost';

let ca: TestCA;
let keyPair: KeyPair;

beforeAll(async () => {
  ca = await sharedTestCa();
  keyPair = await pooledKeyPair(0);
});

const person = { surname: 'ЖАНДОСОВ', firstName: 'АЛИХАН', patronymic: 'СЕРІКҰЛЫ' };

describe('certificateProfile on test-CA certificates', () => {
  it('reads an individual AUTH / SIGN pair', async () => {
    const { auth, sign } = await ca.issue({
      template: 'individual',
      iin: IINS[0],
      ...person,
      email: 'alikhan@example.kz',
      locality: 'АСТАНА',
      state: 'АСТАНА',
      keyPair,
    });
    const a = certificateProfile(auth.certificate);
    const s = certificateProfile(encodePem('CERTIFICATE', sign.certificate.der));
    for (const p of [a, s]) {
      expect(p).toMatchObject({
        iin: IINS[0],
        surname: 'ЖАНДОСОВ',
        firstName: 'АЛИХАН',
        patronymic: 'СЕРІКҰЛЫ',
        commonName: 'ЖАНДОСОВ АЛИХАН',
        email: 'alikhan@example.kz',
        country: 'KZ',
        locality: 'АСТАНА',
        state: 'АСТАНА',
        algorithm: 'RSA',
        subjectKind: 'individual',
        roles: [],
      });
      expect(p.bin).toBeUndefined();
      expect(p.organization).toBeUndefined();
    }
    expect(a.purpose).toBe('AUTH');
    expect(a.policies).toEqual([NCA_POLICY.individualAuth]);
    expect(a.ekus).toEqual([EKU.clientAuth, NCA_ROLE.individual]);
    expect(s.purpose).toBe('SIGN');
    expect(s.policies).toEqual([NCA_POLICY.individualSign]);
    expect(s.serialNumber).toBe(sign.certificate.serialNumber);
    expect(s.ski).toBe(sign.certificate.ski);
    expect(s.issuerDn).toContain('tereze TEST ҰКО (RSA)');
  });

  const legal: [string, string][] = [
    ['first-head', 'first_head'],
    ['sign-rights', 'signing_rights'],
    ['finance', 'financial'],
    ['hr', 'hr'],
    ['employee', 'employee'],
    ['treasury-client', 'treasury_client'],
  ];
  it.each(legal)('reads a legal-entity %s certificate', async (template, role) => {
    const { auth, sign } = await ca.issue({
      template,
      iin: IINS[1],
      bin: BINS[0],
      org: 'ТОО "Тест"',
      ...person,
      keyPair,
    });
    for (const [bundle, purpose] of [
      [auth, 'AUTH'],
      [sign, 'SIGN'],
    ] as const) {
      const p = certificateProfile(bundle.certificate.der);
      expect(p).toMatchObject({
        iin: IINS[1],
        bin: BINS[0],
        organization: 'ТОО "Тест"',
        subjectKind: 'legal_entity',
        roles: [role],
        purpose,
      });
      expect(p.ekus).toContain(NCA_ROLE.legalEntity);
      expect(p.policies).toEqual([
        purpose === 'AUTH' ? NCA_POLICY.legalEntityAuth : NCA_POLICY.legalEntitySign,
      ]);
    }
  });

  it('recognises an individual entrepreneur (BIN = IIN)', async () => {
    const { sign } = await ca.issue({
      template: 'individual-entrepreneur',
      iin: IINS[2],
      ...person,
      keyPair,
    });
    const p = certificateProfile(sign.certificate);
    expect(p).toMatchObject({
      iin: IINS[2],
      bin: IINS[2],
      subjectKind: 'individual_entrepreneur',
      roles: ['first_head'],
    });
    expect(p.organization).toBe('ИП ЖАНДОСОВ АЛИХАН');
  });

  it('parses certificates without EKU, policies or names, and with unknown OIDs', async () => {
    const bare = await ca.issueCustom({ keyPair, ekus: null, keyUsage: null, urls: false });
    const p = certificateProfile(bare.certificate);
    expect(p).toMatchObject({
      purpose: 'unknown',
      subjectKind: 'individual',
      roles: [],
      ekus: [],
      policies: [],
    });
    expect(p.iin).toBeUndefined();
    const odd = await ca.issueCustom({
      keyPair,
      subject: { commonName: 'ОДИН', iin: IINS[0] },
      ekus: ['1.2.3.4.5', NCA_ROLE.informationSystem],
      policies: ['1.2.3.4.6'],
      keyUsage: { digitalSignature: true, nonRepudiation: true },
    });
    const q = certificateProfile(odd.certificate);
    expect(q).toMatchObject({
      iin: IINS[0],
      commonName: 'ОДИН',
      purpose: 'SIGN',
      roles: ['information_system'],
    });
    expect(q.firstName).toBeUndefined();
  });

  it('reads e-mail from SubjectAltName when the DN has none', async () => {
    const c = await ca.issueCustom({ keyPair, sanEmails: ['san@example.kz'], ekus: [EKU.clientAuth] });
    expect(certificateProfile(c.certificate)).toMatchObject({ email: 'san@example.kz', purpose: 'AUTH' });
  });
});

describe('GOST certificates', () => {
  it.each([
    ['2004', 'GOST2004'],
    ['2015-256', 'GOST2015-256'],
    ['2015-512', 'GOST2015-512'],
  ] as const)('parses GOST %s without a node key and detects the algorithm', (variant, algorithm) => {
    const der = buildGostCertificate({ variant, email: 'gost@example.kz', patronymic: 'ТЕСТОВИЧ' });
    const cert = parseCertificate(der);
    expect(cert.publicKey).toBeNull();
    expect(cert.signatureAlgorithmOid).toBe(
      { '2004': GOST.signature2004, '2015-256': GOST.signature2015_256, '2015-512': GOST.signature2015_512 }[
        variant
      ],
    );
    const p = certificateProfile(cert);
    expect(p).toMatchObject({
      algorithm,
      iin: '871008401427',
      surname: 'ТЕСТОВ',
      firstName: 'ТЕСТ',
      patronymic: 'ТЕСТОВИЧ',
      email: 'gost@example.kz',
    });
  });

  it('treats the GOST 2015 single key as AUTH_SIGN and reads legal-entity roles', () => {
    const der = buildGostCertificate({
      bin: BINS[1],
      organization: 'АО "ГОСТ"',
      ekus: [EKU.emailProtection, NCA_ROLE.legalEntity, NCA_ROLE.firstHead, NCA_ROLE.financial],
    });
    expect(certificateProfile(der)).toMatchObject({
      purpose: 'AUTH_SIGN',
      subjectKind: 'legal_entity',
      bin: BINS[1],
      roles: ['first_head', 'financial'],
    });
  });
});
