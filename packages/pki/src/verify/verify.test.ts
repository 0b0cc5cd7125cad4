import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSignature, signCms, toPemCms } from '../cms-sign';
import type { KeyBundle } from '../keys';
import { EKU, NCA_POLICY, NCA_ROLE } from '../oids';
import type { VerificationReport } from '../report';
import { createRevocationChecker } from '../revocation';
import type { TestCA } from '../test-ca';
import { BINS, IINS, newTestCa, pooledKeyPair, sharedTestCa } from '../testing/fixtures';
import type { VerifyOptions } from './options';
import { caFetch, resignWithOtherKey, tamperContent, unreachableFetch } from './test-support';
import { verifyCms } from './verify';

const DAY = 86_400_000;
const data = new TextEncoder().encode('tereze: login challenge 6f1c2a');
let ca: TestCA;
let person: { auth: KeyBundle; sign: KeyBundle };
let head: { auth: KeyBundle; sign: KeyBundle };

beforeAll(async () => {
  ca = await sharedTestCa();
  person = await ca.issue({
    template: 'individual',
    iin: IINS[0],
    surname: 'ТЕСТОВ',
    firstName: 'ТЕСТ',
    keyPair: await pooledKeyPair(0),
    notBefore: new Date(Date.now() - 10 * DAY),
  });
  head = await ca.issue({
    template: 'first-head',
    iin: IINS[1],
    bin: BINS[0],
    org: 'ТОО "Тест"',
    surname: 'ИВАНОВ',
    firstName: 'ИВАН',
    keyPair: await pooledKeyPair(1),
  });
});

const base = (over: Partial<VerifyOptions> = {}): VerifyOptions => ({
  trustAnchors: [ca.root.certificate],
  purpose: 'document',
  revocation: 'off',
  ...over,
});

/** Verifies with both engines, asserts they agree, returns the fast report. */
async function verifyBoth(input: Uint8Array | string, opts: VerifyOptions): Promise<VerificationReport> {
  const fast = await verifyCms(input, { ...opts, engine: 'fast' });
  const ref = await verifyCms(input, { ...opts, engine: 'reference' });
  expect(ref.valid).toBe(fast.valid);
  expect(ref.signers.map((s) => s.checks.filter((c) => !c.ok).map((c) => c.name))).toEqual(
    fast.signers.map((s) => s.checks.filter((c) => !c.ok).map((c) => c.name)),
  );
  expect(ref.failedCheck).toBe(fast.failedCheck);
  return fast;
}

function failed(report: VerificationReport, name: string) {
  return report.checks.find((c) => c.name === name && !c.ok);
}

describe('verifyCms: accepted signatures', () => {
  it('attached SIGN signature for a document, as DER, PEM and base64', async () => {
    const cms = await signCms(data, person.sign);
    for (const input of [cms, toPemCms(cms), Buffer.from(cms).toString('base64')]) {
      const r = await verifyBoth(input, base({ expectedContent: data, expectedIin: IINS[0] }));
      expect(r.valid).toBe(true);
      expect(r.failedCheck).toBeUndefined();
      expect(r.signers[0].profile?.iin).toBe(IINS[0]);
      expect(r.signers[0].timeSource).toBe('signing-time');
      expect(r.signers[0].chain).toHaveLength(3);
      expect(r.checks.map((c) => c.name)).toEqual(
        expect.arrayContaining([
          'structure',
          'digest',
          'signature',
          'chain',
          'validity',
          'key_usage',
          'policy',
        ]),
      );
    }
  });

  it('detached AUTH signature for login (time = now)', async () => {
    const cms = await signCms(data, person.auth, { detached: true });
    const r = await verifyBoth(cms, base({ purpose: 'login', data, expectedContent: data }));
    expect(r.valid).toBe(true);
    expect(r.signers[0].timeSource).toBe('now');
  });

  it('two signers (addSignature): both verified, roles and BIN of the head', async () => {
    const cms = await addSignature(await signCms(data, person.sign), head.sign);
    const r = await verifyBoth(cms, base());
    expect(r.valid).toBe(true);
    expect(r.signers).toHaveLength(2);
    expect(r.signers[1].profile?.bin).toBe(BINS[0]);
    const asHead = await verifyBoth(
      await signCms(data, head.sign),
      base({
        expectedBin: BINS[0],
        requiredRoles: ['first_head', 'signing_rights'],
        requiredSubjectKind: 'legal_entity',
      }),
    );
    expect(asHead.valid).toBe(true);
  });
});

describe('verifyCms: refusals name the failing check', () => {
  it('expired and not-yet-valid certificates → validity', async () => {
    const expired = await ca.issue({
      template: 'individual',
      iin: IINS[2],
      surname: 'A',
      firstName: 'B',
      keyPair: await pooledKeyPair(2),
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - 30 * DAY),
    });
    const r1 = await verifyBoth(await signCms(data, expired.auth), base({ purpose: 'login' }));
    expect(r1.valid).toBe(false);
    expect(r1.failedCheck).toBe('validity');
    const future = await ca.issue({
      template: 'individual',
      iin: IINS[2],
      surname: 'A',
      firstName: 'B',
      keyPair: await pooledKeyPair(2),
      notBefore: new Date(Date.now() + 30 * DAY),
    });
    const r2 = await verifyBoth(await signCms(data, future.auth), base({ purpose: 'login' }));
    expect(r2.failedCheck).toBe('validity');
    expect(failed(r2, 'validity')?.reason).toMatch(/not_yet_valid/);
  });

  it('a document is judged at its signing time; a signing time in the future fails', async () => {
    const past = new Date(Date.now() - 2 * DAY);
    const r = await verifyBoth(await signCms(data, person.sign, { signingTime: past }), base());
    expect(r.valid).toBe(true);
    expect(r.signers[0].verificationTime).toBe(
      new Date(Math.floor(past.getTime() / 1000) * 1000).toISOString(),
    );
    const ahead = await verifyBoth(
      await signCms(data, person.sign, { signingTime: new Date(Date.now() + DAY) }),
      base(),
    );
    expect(ahead.failedCheck).toBe('validity');
    expect(failed(ahead, 'validity')?.reason).toBe('signing_time_in_future');
  });

  it('unknown CA → chain', async () => {
    const other = await newTestCa();
    const stranger = await other.issue({
      template: 'individual',
      iin: IINS[0],
      surname: 'A',
      firstName: 'B',
      keyPair: await pooledKeyPair(0),
    });
    const r = await verifyBoth(await signCms(data, stranger.sign), base());
    expect(r.failedCheck).toBe('chain');
  });

  it('a self-signed look-alike with the issuing CA DN does not chain', async () => {
    const lookAlike = await ca.issueCustom({
      subject: ca.issuing.certificate.subjectDer,
      issuer: 'self',
      basicConstraints: { ca: true },
      keyUsage: { digitalSignature: true, keyCertSign: true, cRLSign: true },
      keyPair: await pooledKeyPair(3),
    });
    expect(lookAlike.certificate.subjectDn).toBe(ca.issuing.certificate.subjectDn);
    const leaf = await ca.issueCustom({
      subject: { commonName: 'ПОДДЕЛКА ИМЯ', surname: 'ПОДДЕЛКА', iin: IINS[0] },
      issuer: lookAlike,
      keyUsage: { digitalSignature: true, nonRepudiation: true },
      ekus: [EKU.emailProtection, NCA_ROLE.individual],
      policies: [NCA_POLICY.individualSign],
      keyPair: await pooledKeyPair(4),
    });
    const r = await verifyBoth(await signCms(data, leaf), base());
    expect(r.failedCheck).toBe('chain');
    // even with the look-alike offered as an intermediate
    const r2 = await verifyBoth(await signCms(data, leaf), base({ intermediates: [lookAlike.certificate] }));
    expect(r2.failedCheck).toBe('chain');
  });

  it('an intermediate without CA rights → chain', async () => {
    const notCa = await ca.issueCustom({
      subject: { commonName: 'NOT A CA', surname: 'X', iin: IINS[1] },
      keyUsage: { digitalSignature: true, keyCertSign: true },
      keyPair: await pooledKeyPair(3),
    });
    const leaf = await ca.issueCustom({
      subject: { commonName: 'ЛИСТ ИМЯ', surname: 'ЛИСТ', iin: IINS[0] },
      issuer: notCa,
      keyUsage: { digitalSignature: true, nonRepudiation: true },
      ekus: [EKU.emailProtection],
      keyPair: await pooledKeyPair(4),
    });
    const r = await verifyBoth(await signCms(data, leaf), base());
    expect(r.failedCheck).toBe('chain');
    expect(failed(r, 'chain')?.reason).toBe('issuer_not_ca');
  });

  it('wrong key for the purpose → key_usage', async () => {
    const signForLogin = await verifyBoth(await signCms(data, person.sign), base({ purpose: 'login' }));
    expect(signForLogin.failedCheck).toBe('key_usage');
    const authForDocument = await verifyBoth(await signCms(data, person.auth), base({ purpose: 'document' }));
    expect(authForDocument.failedCheck).toBe('key_usage');
  });

  it('tampered content and differing detached data → digest', async () => {
    const r = await verifyBoth(tamperContent(await signCms(data, person.sign)), base());
    expect(r.failedCheck).toBe('digest');
    const detached = await signCms(data, person.sign, { detached: true });
    const other = new TextEncoder().encode('tereze: another challenge');
    const r2 = await verifyBoth(detached, base({ data: other }));
    expect(r2.failedCheck).toBe('digest');
    const r3 = await verifyBoth(detached, base());
    expect(r3.valid).toBe(false);
    expect(failed(r3, 'content')?.reason).toBe('detached_data_missing');
  });

  it('a signature made by another key than the certificate → signature', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const r = await verifyBoth(resignWithOtherKey(await signCms(data, person.sign), privateKey), base());
    expect(r.failedCheck).toBe('signature');
  });

  it('truncated and garbage input → structure, never an exception', async () => {
    const cms = await signCms(data, person.sign);
    for (const input of [
      cms.subarray(0, cms.length - 1),
      cms.subarray(0, 100),
      new Uint8Array(0),
      new Uint8Array([0x30, 0x80]),
      '-----BEGIN CMS-----\n!!!\n-----END CMS-----',
      'not base64 at all ✗',
      new Uint8Array(500).fill(0x30),
    ]) {
      const r = await verifyBoth(input, base());
      expect(r.valid).toBe(false);
      expect(r.failedCheck).toBe('structure');
    }
  });

  it('wrong expected content / IIN / BIN / role / subject kind', async () => {
    const cms = await signCms(data, person.sign);
    const r1 = await verifyBoth(cms, base({ expectedContent: new TextEncoder().encode('other') }));
    expect(r1.failedCheck).toBe('content');
    const r2 = await verifyBoth(cms, base({ expectedIin: IINS[1] }));
    expect(r2.failedCheck).toBe('identity');
    const r3 = await verifyBoth(cms, base({ expectedBin: BINS[0] }));
    expect(r3.failedCheck).toBe('identity');
    const r4 = await verifyBoth(cms, base({ requiredRoles: ['first_head'] }));
    expect(r4.failedCheck).toBe('policy');
    const r5 = await verifyBoth(cms, base({ requiredSubjectKind: 'legal_entity' }));
    expect(r5.failedCheck).toBe('policy');
  });
});

describe('verifyCms: revocation', () => {
  it('good by OCSP, by CRL (with delta), and cached', async () => {
    const log = { urls: [] as string[] };
    const fetch = caFetch(ca, log);
    const cms = await signCms(data, person.sign);
    for (const policy of ['ocsp', 'crl', 'ocsp+crl'] as const) {
      const revocation = createRevocationChecker({ policy, failMode: 'hard', fetch });
      const r = await verifyBoth(cms, base({ revocation }));
      expect(r.valid).toBe(true);
      const before = log.urls.length;
      await verifyCms(cms, base({ revocation }));
      expect(log.urls.length).toBe(before); // answered from the cache
    }
    expect(log.urls).toContain(ca.urls.issuingDeltaCrl);
  });

  it('revoked → revocation, by OCSP and by CRL', async () => {
    const victim = await ca.issue({
      template: 'individual',
      iin: IINS[2],
      surname: 'A',
      firstName: 'B',
      keyPair: await pooledKeyPair(2),
    });
    const cms = await signCms(data, victim.sign);
    ca.revoke(victim.sign.certificate.serialNumber, 'keyCompromise');
    for (const policy of ['ocsp', 'crl'] as const) {
      const revocation = createRevocationChecker({ policy, failMode: 'hard', fetch: caFetch(ca) });
      const r = await verifyBoth(cms, base({ revocation }));
      expect(r.failedCheck).toBe('revocation');
      expect(failed(r, 'revocation')?.reason).toMatch(new RegExp(`revoked \\(${policy}\\)`));
    }
  });

  it('unreachable sources: hard-fail refuses, soft-fail accepts and says so', async () => {
    const cms = await signCms(data, person.sign);
    const hard = createRevocationChecker({ policy: 'ocsp+crl', failMode: 'hard', fetch: unreachableFetch });
    const r1 = await verifyBoth(cms, base({ revocation: hard }));
    expect(r1.failedCheck).toBe('revocation');
    expect(failed(r1, 'revocation')?.reason).toMatch(/^unreachable/);
    const soft = createRevocationChecker({ policy: 'ocsp', failMode: 'soft', fetch: unreachableFetch });
    const r2 = await verifyBoth(cms, base({ revocation: soft }));
    expect(r2.valid).toBe(true);
    expect(r2.checks.find((c) => c.name === 'revocation')?.reason).toMatch(/^unreachable \(soft-fail\)/);
  });
});

describe('verifyCms: chain sources', () => {
  it('fetches a missing intermediate through AIA only when allowed', async () => {
    const cms = await signCms(data, person.sign, { includeChain: false });
    const r1 = await verifyBoth(cms, base());
    expect(r1.failedCheck).toBe('chain');
    const r2 = await verifyBoth(cms, base({ fetchAia: true, fetch: caFetch(ca) }));
    expect(r2.valid).toBe(true);
    const r3 = await verifyBoth(cms, base({ intermediates: [ca.issuing.certificate] }));
    expect(r3.valid).toBe(true);
  });
});
