import { beforeAll, describe, expect, it } from 'vitest';
import { signCms } from '../cms-sign';
import type { KeyBundle } from '../keys';
import { EKU } from '../oids';
import type { VerificationReport } from '../report';
import type { TestCA } from '../test-ca';
import { addTimestampToken, signatureImprint, signerSignature, timestampToken } from '../test-ca/tsa';
import { IINS, newTestCa, pooledKeyPair, sharedTestCa } from '../testing/fixtures';
import type { VerifyOptions } from './options';
import { verifyCms } from './verify';

const DAY = 86_400_000;
const data = new TextEncoder().encode('tereze: document 42');
let ca: TestCA;
let person: { auth: KeyBundle; sign: KeyBundle };

beforeAll(async () => {
  ca = await sharedTestCa();
  person = await ca.issue({
    template: 'individual',
    iin: IINS[2],
    surname: 'УАҚЫТОВ',
    firstName: 'ТЕСТ',
    keyPair: await pooledKeyPair(2),
    notBefore: new Date(Date.now() - 10 * DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
  });
});

const base = (over: Partial<VerifyOptions> = {}): VerifyOptions => ({
  trustAnchors: [ca.root.certificate],
  purpose: 'document',
  revocation: 'off',
  ...over,
});

async function verifyBoth(input: Uint8Array, given: VerifyOptions): Promise<VerificationReport> {
  const opts = { now: new Date(), ...given };
  const fast = await verifyCms(input, { ...opts, engine: 'fast' });
  const ref = await verifyCms(input, { ...opts, engine: 'reference' });
  expect(ref.valid).toBe(fast.valid);
  expect(ref.failedCheck).toBe(fast.failedCheck);
  expect(ref.signers.map((s) => s.checks)).toEqual(fast.signers.map((s) => s.checks));
  expect(ref.signers.map((s) => s.verificationTime)).toEqual(fast.signers.map((s) => s.verificationTime));
  return fast;
}

async function stamped(cms: Uint8Array, genTime?: Date): Promise<Uint8Array> {
  const token = await ca.timestamp(signatureImprint(signerSignature(cms)), { genTime, nonce: 7 });
  return addTimestampToken(cms, token);
}

const timestampCheck = (r: VerificationReport) => r.signers[0].checks.find((c) => c.name === 'timestamp');

describe('RFC 3161 timestamp tokens', () => {
  it('test TSA certificate: issued by the issuing CA, critical EKU timeStamping', async () => {
    const tsa = await ca.tsa();
    expect(tsa.certificate.issuerDn).toBe(ca.issuing.certificate.subjectDn);
    expect(tsa.certificate.ekus).toEqual([EKU.timeStamping]);
    const eku = tsa.certificate.x509.extensions.find((e) => e.type === '2.5.29.37');
    expect(eku?.critical).toBe(true);
  });

  it('a signed and timestamped document verifies at genTime (timeSource timestamp)', async () => {
    const genTime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const cms = await stamped(await signCms(data, person.sign), genTime);
    const r = await verifyBoth(cms, base());
    expect(r.valid).toBe(true);
    expect(r.signers[0].timeSource).toBe('timestamp');
    expect(r.signers[0].verificationTime).toBe(genTime.toISOString());
    expect(timestampCheck(r)).toEqual({ name: 'timestamp', ok: true });
  });

  it('a certificate expired now but valid at genTime is valid thanks to the token; the signing-time claim alone is not enough', async () => {
    // The signer claims a signing-time after expiry (a late, wrong clock); the TSA vouches for a time inside validity.
    const later = new Date(Date.now() + 60 * DAY);
    const cms = await signCms(data, person.sign, { signingTime: later });
    const opts = base({ now: new Date(Date.now() + 90 * DAY) });
    const plain = await verifyBoth(cms, opts);
    expect(plain.valid).toBe(false);
    expect(plain.failedCheck).toBe('validity');
    expect(plain.signers[0].timeSource).toBe('signing-time');
    const withToken = await verifyBoth(await stamped(cms, new Date(Date.now() - 60_000)), opts);
    expect(withToken.valid).toBe(true);
    expect(withToken.signers[0].timeSource).toBe('timestamp');
  });

  it('a token over a different signature fails timestamp', async () => {
    const cms = await signCms(data, person.sign);
    const other = await signCms(new TextEncoder().encode('another document'), person.sign);
    const token = await ca.timestamp(signatureImprint(signerSignature(other)));
    const r = await verifyBoth(addTimestampToken(cms, token), base());
    expect(r.valid).toBe(false);
    expect(r.failedCheck).toBe('timestamp');
    expect(timestampCheck(r)?.reason).toBe('timestamp_imprint_mismatch');
  });

  it('a token from an untrusted TSA fails timestamp', async () => {
    const stranger = await newTestCa();
    const cms = await signCms(data, person.sign);
    const token = await stranger.timestamp(signatureImprint(signerSignature(cms)));
    const r = await verifyBoth(addTimestampToken(cms, token), base());
    expect(r.valid).toBe(false);
    expect(timestampCheck(r)?.reason).toMatch(/^timestamp_tsa_untrusted: /);
  });

  it('a token signed by a trusted certificate without EKU timeStamping fails timestamp', async () => {
    const cms = await signCms(data, person.sign);
    const token = await timestampToken(person.sign, signatureImprint(signerSignature(cms)));
    const r = await verifyBoth(addTimestampToken(cms, token), base());
    expect(timestampCheck(r)?.reason).toBe('timestamp_tsa_lacks_timeStamping_eku');
    expect(r.valid).toBe(false);
  });

  it('a tampered token (genTime changed after signing) fails timestamp', async () => {
    const cms = await signCms(data, person.sign);
    const genTime = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const token = await ca.timestamp(signatureImprint(signerSignature(cms)), { genTime });
    const needle = Buffer.from('20260102030405Z', 'latin1');
    const at = Buffer.from(token).indexOf(needle);
    expect(at).toBeGreaterThan(0);
    const tampered = new Uint8Array(token);
    tampered[at + 3] = '5'.charCodeAt(0); // 2025
    const r = await verifyBoth(addTimestampToken(cms, tampered), base());
    expect(r.valid).toBe(false);
    expect(timestampCheck(r)?.reason).toBe('timestamp_bad_signature');
  });

  it('a token whose genTime is in the future fails; garbage fails as malformed', async () => {
    const cms = await signCms(data, person.sign);
    const future = await stamped(cms, new Date(Date.now() + DAY));
    const r = await verifyBoth(future, base());
    expect(timestampCheck(r)?.reason).toBe('timestamp_in_future');
    const junk = await verifyBoth(
      addTimestampToken(cms, Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)),
      base(),
    );
    expect(junk.valid).toBe(false);
    expect(timestampCheck(junk)?.reason).toMatch(/^timestamp_malformed/);
  });

  it('login: a valid token is checked but the time stays now', async () => {
    const cms = await stamped(await signCms(data, person.auth), new Date(Date.now() - 60_000));
    const r = await verifyBoth(cms, base({ purpose: 'login' }));
    expect(r.valid).toBe(true);
    expect(r.signers[0].timeSource).toBe('now');
    expect(timestampCheck(r)?.reason).toBe('login_is_checked_now');
  });
});
