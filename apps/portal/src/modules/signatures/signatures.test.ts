import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { movableClock } from '../identity/test-support';
import { AGREEMENT_TEXT_RU } from './agreement';
import { SIGNING_FORMAT_MAGIC } from './canonical';
import { cmsOf, installSignaturePki, requestSigning, type SignaturePki } from './test-support';

const clock = movableClock();
let t: TestApp;
let pki: SignaturePki;
let person: IssuedPair;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  pki = await installSignaturePki(t);
  person = await pki.issue({
    template: 'individual',
    iin: '871008401427',
    surname: 'АХМЕТОВА',
    firstName: 'АЙГУЛЬ',
  });
}, 60_000);
afterAll(() => t?.close());

async function client() {
  const c = apiClient(t.app);
  await c.init();
  return c;
}

const consumedAt = async (id: string) =>
  (
    await t.database.query<{ consumed_at: Date | null }>(
      'SELECT consumed_at FROM signing_requests WHERE id = $1',
      [id],
    )
  )[0]?.consumed_at ?? null;

/** Verify through the service, as every signed action does; returns the refusal's check and reason. */
async function refusal(input: Parameters<TestApp['ctx']['signatures']['verify']>[0]) {
  try {
    await t.ctx.signatures.verifyAndConsume(input);
  } catch (error) {
    const e = error as { status: number; code: string; params: { check?: string; reason?: string } };
    return { status: e.status, code: e.code, check: e.params.check, reason: e.params.reason };
  }
  throw new Error('the signature was accepted');
}

describe('POST /api/v1/signing-requests', () => {
  it('issues the exact bytes to sign: canonical header, portal, nonce; the agreement for registration', async () => {
    const c = await client();
    const login = await requestSigning(c, 'login');
    expect(login.key).toBe('AUTH');
    const text = Buffer.from(login.dataBase64, 'base64').toString('utf8');
    expect(
      text.startsWith(
        `${SIGNING_FORMAT_MAGIC}\npurpose: login\nid: ${login.id}\nportal: ${t.ctx.config.PUBLIC_URL}\n`,
      ),
    ).toBe(true);
    expect(text).toMatch(/\nnonce: [A-Za-z0-9_-]{43}\n/);
    expect(new Date(login.expiresAt).getTime() - clock.now().getTime()).toBeGreaterThan(4.9 * 60_000);
    const again = await requestSigning(c, 'login');
    expect(again.dataBase64).not.toBe(login.dataBase64);

    const registration = await requestSigning(c, 'registration');
    expect(registration.key).toBe('SIGN');
    expect(Buffer.from(registration.dataBase64, 'base64').toString('utf8').endsWith(AGREEMENT_TEXT_RU)).toBe(
      true,
    );
  });

  it('refuses document purposes without a session and unknown purposes', async () => {
    const c = await client();
    const doc = await c.post('/api/v1/signing-requests', { purpose: 'application', subjectId: 'x' });
    expect(doc.statusCode).toBe(401);
    const bad = await c.post('/api/v1/signing-requests', { purpose: 'anything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('verification of a signing request', () => {
  it('accepts the AUTH signature of a login challenge once, and returns the certificate profile', async () => {
    const c = await client();
    const req = await requestSigning(c, 'login');
    const cms = await cmsOf(req.dataBase64, person.auth);
    const ok = await t.ctx.signatures.verifyAndConsume({ signingRequestId: req.id, cms, purpose: 'login' });
    expect(ok.certificate.iin).toBe('871008401427');
    expect(await consumedAt(req.id)).not.toBeNull();
    // replayed
    expect(await refusal({ signingRequestId: req.id, cms, purpose: 'login' })).toEqual({
      status: 422,
      code: 'signature_invalid',
      check: 'signing_request',
      reason: 'already_used',
    });
  });

  it('refuses unknown, foreign (other purpose) and expired requests, consuming nothing', async () => {
    const c = await client();
    const cms = await cmsOf(Buffer.from('x').toString('base64'), person.auth);
    expect(
      await refusal({ signingRequestId: '00000000-0000-4000-8000-000000000000', cms, purpose: 'login' }),
    ).toMatchObject({
      check: 'signing_request',
      reason: 'unknown',
    });
    expect(await refusal({ signingRequestId: 'not-a-uuid', cms, purpose: 'login' })).toMatchObject({
      reason: 'unknown',
    });

    const registration = await requestSigning(c, 'registration');
    const signedAgreement = await cmsOf(registration.dataBase64, person.sign);
    expect(
      await refusal({ signingRequestId: registration.id, cms: signedAgreement, purpose: 'login' }),
    ).toMatchObject({
      check: 'signing_request',
      reason: 'purpose_mismatch',
    });
    expect(await consumedAt(registration.id)).toBeNull();

    const login = await requestSigning(c, 'login');
    const signed = await cmsOf(login.dataBase64, person.auth);
    clock.advance(5 * 60_000 + 1);
    try {
      expect(await refusal({ signingRequestId: login.id, cms: signed, purpose: 'login' })).toMatchObject({
        check: 'signing_request',
        reason: 'expired',
      });
      // The atomic consume re-checks the expiry on its own too.
      await expect(t.ctx.signatures.consume(login.id)).rejects.toMatchObject({
        params: { reason: 'expired' },
      });
    } finally {
      clock.advance(-(5 * 60_000 + 1));
    }
    expect(await consumedAt(login.id)).toBeNull();
  });

  it('refuses the wrong key for the purpose: SIGN for login, AUTH for the agreement', async () => {
    const c = await client();
    const login = await requestSigning(c, 'login');
    expect(
      await refusal({
        signingRequestId: login.id,
        cms: await cmsOf(login.dataBase64, person.sign),
        purpose: 'login',
      }),
    ).toMatchObject({ check: 'key_usage', reason: expect.stringMatching(/^not_an_auth_certificate/) });
    const agreement = await requestSigning(c, 'registration');
    expect(
      await refusal({
        signingRequestId: agreement.id,
        cms: await cmsOf(agreement.dataBase64, person.auth),
        purpose: 'registration',
      }),
    ).toMatchObject({ check: 'key_usage', reason: expect.stringMatching(/^not_a_signing_certificate/) });
    expect(await consumedAt(login.id)).toBeNull();
    expect(await consumedAt(agreement.id)).toBeNull();
  });

  it('refuses other content, a tampered CMS and an untrusted CA', async () => {
    const c = await client();
    const login = await requestSigning(c, 'login');
    const other = await cmsOf(Buffer.from('something else').toString('base64'), person.auth);
    expect(await refusal({ signingRequestId: login.id, cms: other, purpose: 'login' })).toMatchObject({
      check: 'content',
      reason: 'content_differs_from_expected',
    });

    const der = Buffer.from(await cmsOf(login.dataBase64, person.auth), 'base64');
    der[der.length - 5] ^= 0xff; // inside the RSA signature value, the last field
    expect(
      await refusal({ signingRequestId: login.id, cms: der.toString('base64'), purpose: 'login' }),
    ).toMatchObject({
      check: 'signature',
    });

    const stranger = await (await pki.untrusted()).issue({
      template: 'individual',
      iin: '871008401427',
      surname: 'АХМЕТОВА',
      firstName: 'АЙГУЛЬ',
      keyPair: pki.personKeys,
    });
    expect(
      await refusal({
        signingRequestId: login.id,
        cms: await cmsOf(login.dataBase64, stranger.auth),
        purpose: 'login',
      }),
      // Its CAs have the trusted ones' names but not their keys: no path holds.
    ).toMatchObject({ check: 'chain' });
    expect(await consumedAt(login.id)).toBeNull();
  });

  it('refuses a revoked certificate (OCSP answered by the test CA through the portal, no network)', async () => {
    const c = await client();
    const revoked = await pki.issue({
      template: 'individual',
      iin: '871008401427',
      surname: 'АХМЕТОВА',
      firstName: 'АЙГУЛЬ',
    });
    pki.ca.revoke(revoked.auth.certificate.serialNumber, 'keyCompromise');
    const login = await requestSigning(c, 'login');
    expect(
      await refusal({
        signingRequestId: login.id,
        cms: await cmsOf(login.dataBase64, revoked.auth),
        purpose: 'login',
      }),
    ).toMatchObject({ check: 'revocation', reason: 'revoked (ocsp): keyCompromise' });
  });

  it('checks the IIN / BIN and the roles the action needs', async () => {
    const c = await client();
    const login = await requestSigning(c, 'login');
    const cms = await cmsOf(login.dataBase64, person.auth);
    expect(
      await refusal({ signingRequestId: login.id, cms, purpose: 'login', expectedIin: '760212350620' }),
    ).toMatchObject({
      check: 'identity',
      reason: 'iin_mismatch',
    });
    expect(
      await refusal({
        signingRequestId: login.id,
        cms,
        purpose: 'login',
        requireRoles: ['first_head'],
        requireSubjectKind: 'legal_entity',
      }),
    ).toMatchObject({ check: 'policy' });
  });

  it('answers a refusal over HTTP as 422 signature_invalid with check and reason', async () => {
    const c = await client();
    const login = await requestSigning(c, 'login');
    const res = await c.post('/api/v1/auth/login/signature', {
      signingRequestId: login.id,
      cms: await cmsOf(login.dataBase64, person.sign),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'signature_invalid', check: 'key_usage' });
    // Login claims the request before checking the CMS; a refusal releases the claim.
    expect(await consumedAt(login.id)).toBeNull();
  });
});
