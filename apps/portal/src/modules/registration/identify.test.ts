import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { cmsOf, installSignaturePki, requestSigning, signedFor } from '../signatures/test-support';

let t: TestApp;
let person: IssuedPair;
let head: IssuedPair;

beforeAll(async () => {
  t = await createTestApp();
  const pki = await installSignaturePki(t);
  [person, head] = await Promise.all([
    pki.issue({
      template: 'individual',
      iin: '871008401427',
      surname: 'АХМЕТОВА',
      firstName: 'АЙГУЛЬ',
      patronymic: 'САПАРОВНА',
      email: 'aigul@example.kz',
    }),
    pki.issue({
      template: 'first-head',
      iin: '760212350620',
      bin: '940140000385',
      org: 'ТОО «Демо Сертификация»',
      surname: 'ЖУМАБЕКОВ',
      firstName: 'НУРЛАН',
    }),
  ]);
}, 60_000);
afterAll(() => t?.close());

const client = async () => {
  const c = apiClient(t.app);
  await c.init();
  return c;
};

describe('POST /api/v1/registrations/identify', () => {
  it("answers with the AUTH certificate's IIN, e-mail, full name and validity", async () => {
    const c = await client();
    const res = await c.post('/api/v1/registrations/identify', await signedFor(c, 'identify', person.auth));
    expect(res.statusCode).toBe(200);
    const { certificate } = res.json();
    expect(certificate).toMatchObject({
      iin: '871008401427',
      bin: null,
      fullName: 'АХМЕТОВА АЙГУЛЬ САПАРОВНА',
      email: 'aigul@example.kz',
      subjectKind: 'individual',
    });
    expect(Date.parse(certificate.validTo)).toBeGreaterThan(Date.parse(certificate.validFrom));
  });

  it('gives the organisation and role of a legal-entity key', async () => {
    const c = await client();
    const res = await c.post('/api/v1/registrations/identify', await signedFor(c, 'identify', head.auth));
    expect(res.statusCode).toBe(200);
    expect(res.json().certificate).toMatchObject({
      iin: '760212350620',
      bin: '940140000385',
      organization: 'ТОО «Демо Сертификация»',
      subjectKind: 'legal_entity',
    });
    expect(res.json().certificate.roles).toContain('first_head');
  });

  it('refuses the SIGN key, a used request and a request of another purpose', async () => {
    const c = await client();
    const sign = await c.post('/api/v1/registrations/identify', await signedFor(c, 'identify', person.sign));
    expect(sign.statusCode).toBe(422);
    expect(sign.json().error.code).toBe('signature_invalid');

    const signed = await signedFor(c, 'identify', person.auth);
    expect((await c.post('/api/v1/registrations/identify', signed)).statusCode).toBe(200);
    const replay = await c.post('/api/v1/registrations/identify', signed);
    expect(replay.statusCode).toBe(422);
    expect(replay.json().error).toMatchObject({ check: 'signing_request', reason: 'already_used' });

    const login = await requestSigning(c, 'login');
    const other = await c.post('/api/v1/registrations/identify', {
      signingRequestId: login.id,
      cms: await cmsOf(login.dataBase64, person.auth),
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ check: 'signing_request', reason: 'purpose_mismatch' });
  });

  it('refuses a malformed body with validation_failed', async () => {
    const c = await client();
    const res = await c.post('/api/v1/registrations/identify', { signingRequestId: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
