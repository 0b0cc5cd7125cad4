import { CHECK_ORDER, signCms } from '@tereze/pki';
import type { IssuedPair } from '@tereze/pki/test-ca';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { multipartBody, samplePdf } from '../files/test-support';
import { installSignaturePki, type SignaturePki } from '../signatures/test-support';
import { verifySignatureMessagesEn, verifySignatureMessagesKk, verifySignatureMessagesRu } from './messages';
import { VERIFY_SIGNATURE_PER_MINUTE } from './routes';

let t: TestApp;
let pki: SignaturePki;
let head: IssuedPair;
const document = samplePdf('Устав ТОО «Демо Сертификация»');

beforeAll(async () => {
  t = await createTestApp();
  pki = await installSignaturePki(t);
  head = await pki.issue({
    template: 'first-head',
    iin: '760212350620',
    bin: '940140000385',
    org: 'ТОО «Демо Сертификация»',
    surname: 'ЖУМАБЕКОВ',
    firstName: 'НУРЛАН',
    email: 'head@demo.kz',
  });
}, 60_000);
afterAll(() => t?.close());

let address = 0;
/** Each test its own client address, so the per-client rate limit of one test does not touch the others. */
async function verify(parts: Parameters<typeof multipartBody>[0], lang = 'ru', remoteAddress?: string) {
  const c = apiClient(t.app);
  await c.init();
  c.cookies.set('lang', lang);
  const { payload, headers } = multipartBody(parts);
  return c.request({
    method: 'POST',
    url: '/api/v1/public/verify-signature',
    payload,
    headers,
    remoteAddress: remoteAddress ?? `10.0.0.${++address}`,
  });
}

const cmsFile = (cms: Uint8Array | string, filename = 'document.pdf.cms') => ({
  name: 'signature',
  filename,
  contentType: 'application/pkcs7-signature',
  value: typeof cms === 'string' ? cms : cms,
});
const dataFile = (bytes: Uint8Array) => ({
  name: 'data',
  filename: 'document.pdf',
  contentType: 'application/pdf',
  value: bytes,
});
const check = (
  body: { checks: { name: string; ok: boolean; sentence: string; reason?: string }[] },
  name: string,
) => body.checks.find((c) => c.name === name);

describe('POST /api/v1/public/verify-signature', () => {
  it('an attached CMS (no login): valid, the signer, certificate and each check in words', async () => {
    const cms = await signCms(document, head.sign);
    const res = await verify([cmsFile(cms)]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      valid: true,
      verdict: 'Подпись действительна',
      failedCheck: null,
      data: null,
    });
    expect(body.signers).toHaveLength(1);
    expect(body.signers[0]).toMatchObject({
      valid: true,
      name: 'ЖУМАБЕКОВ НУРЛАН',
      iin: '760212350620',
      bin: '940140000385',
      organization: 'ТОО «Демо Сертификация»',
      subjectKind: 'legal_entity',
      roles: ['first_head'],
      timeSource: 'signing-time',
    });
    const cert = body.signers[0].certificate;
    expect(cert.issuer).toBe(pki.ca.issuing.certificate.subjectDn.match(/CN=([^,]+)/)?.[1]);
    expect(new Date(cert.validTo).getTime()).toBe(head.sign.certificate.notAfter.getTime());
    expect(body.signers[0].signingTime).toEqual(expect.any(String));
    expect(check(body, 'digest')).toMatchObject({
      ok: true,
      title: 'Целостность документа',
      sentence: 'Документ не изменялся после подписания',
    });
    expect(check(body, 'chain')).toMatchObject({
      ok: true,
      sentence: 'Сертификат выдан доверенным удостоверяющим центром',
    });
    expect(check(body, 'revocation')).toMatchObject({ ok: true, sentence: 'Сертификат не отозван' });
    expect(body.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it('a detached CMS with its file: valid, the file named with its SHA-256; in English when asked', async () => {
    const cms = await signCms(document, head.sign, { detached: true });
    const res = await verify(
      [cmsFile(Buffer.from(cms).toString('base64'), 'document.p7s'), dataFile(document)],
      'en',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ valid: true, verdict: 'The signature is valid' });
    expect(body.data).toMatchObject({ filename: 'document.pdf', size: document.length });
    expect(body.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(check(body, 'digest')?.sentence).toBe('The document has not been changed since it was signed');
  });

  it('the file changed after signing: the digest check fails, in plain words', async () => {
    const cms = await signCms(document, head.sign, { detached: true });
    const changed = samplePdf('Устав ТОО «Демо Сертификация» (изменен)');
    const res = await verify([cmsFile(cms), dataFile(changed)], 'kk');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(false);
    expect(body.failedCheck).toBe('digest');
    expect(check(body, 'digest')).toMatchObject({
      ok: false,
      reason: 'message_digest_mismatch',
      sentence: 'Құжат қол қойылғаннан кейін өзгертілген немесе қолтаңба басқа файлға тиесілі',
    });
    expect(body.verdict).toBe(
      'Қолтаңба жарамсыз: Құжат қол қойылғаннан кейін өзгертілген немесе қолтаңба басқа файлға тиесілі',
    );
    // The signer is still shown: who signed is known even when the document differs.
    expect(body.signers[0].iin).toBe('760212350620');
  });

  it('a certificate from an untrusted authority: the chain check fails, later checks are "not checked"', async () => {
    const other = await pki.untrusted();
    const stranger = await other.issue({
      template: 'individual',
      iin: '871008401427',
      surname: 'АХМЕТОВА',
      firstName: 'АЙГУЛЬ',
      keyPair: pki.personKeys,
    });
    const res = await verify([cmsFile(await signCms(document, stranger.sign))]);
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ valid: false, failedCheck: 'chain' });
    // The look-alike CA has the trusted CA's names, so the path fails at its key: a forged chain, not a missing one.
    expect(check(body, 'chain')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^(no_path_to_trust_anchor|bad_certificate_signature)/),
    });
    expect(check(body, 'chain')?.sentence).toMatch(/которому портал не доверяет/);
    expect(check(body, 'revocation')).toMatchObject({
      ok: false,
      sentence: 'Не проверялось: предыдущая проверка не пройдена',
    });
  });

  it('a login (AUTH) key signing a document: the key purpose check fails', async () => {
    const res = await verify([cmsFile(await signCms(document, head.auth))]);
    const body = res.json();
    expect(body).toMatchObject({ valid: false, failedCheck: 'key_usage' });
    expect(check(body, 'key_usage')?.sentence).toBe(
      'Ключ не предназначен для подписания документов (например, это ключ для входа — AUTH)',
    );
  });

  it('garbage, a missing signature and a detached CMS without its file: clear 400s', async () => {
    const garbage = await verify([cmsFile(new TextEncoder().encode('this is not a signature'), 'x.cms')]);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toMatchObject({
      code: 'signature_unreadable',
      message: expect.stringContaining('ожидается подпись CMS (PKCS#7)'),
    });
    const pdfAsSignature = await verify([cmsFile(document, 'document.pdf')], 'en');
    expect(pdfAsSignature.statusCode).toBe(400);
    expect(pdfAsSignature.json().error.message).toMatch(/^The signature file was not recognised/);
    const nothing = await verify([{ name: 'note', value: 'x' }]);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.code).toBe('file_missing');
    const detached = await signCms(document, head.sign, { detached: true });
    const alone = await verify([cmsFile(detached)]);
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error).toMatchObject({
      code: 'signature_detached_data_missing',
      message: 'Подпись открепленная: загрузите вместе с ней подписанный файл',
    });
  });

  it('a pasted PEM/base64 signature in a text field works too', async () => {
    const cms = await signCms(document, head.sign);
    const res = await verify([{ name: 'signature', value: Buffer.from(cms).toString('base64') }]);
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(true);
  });

  it(`is size-limited (20 MB per file → 413) and rate-limited (${VERIFY_SIGNATURE_PER_MINUTE} a minute per client)`, async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    const tooBig = await verify([cmsFile(new Uint8Array([0x30])), dataFile(big)]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('file_too_large');

    const statuses: number[] = [];
    for (let i = 0; i <= VERIFY_SIGNATURE_PER_MINUTE; i++)
      statuses.push((await verify([cmsFile(new Uint8Array([1, 2, 3]))], 'ru', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, VERIFY_SIGNATURE_PER_MINUTE).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('a signature value that does not verify with the certificate key: the signature check fails', async () => {
    // An RSA SignerInfo without unsigned attributes ends with its signature value: change its last byte.
    const forged = Buffer.from(await signCms(document, head.sign));
    forged[forged.length - 1] ^= 0xff;
    const body = (await verify([cmsFile(new Uint8Array(forged))])).json();
    expect(body).toMatchObject({ valid: false, failedCheck: 'signature' });
    expect(check(body, 'signature')?.sentence).toBe('Подпись не соответствует ключу сертификата');
  });
});

describe('report texts', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  it('every text in kk, ru and en with the same placeholders; a title, ok and fail sentence for every check', () => {
    const ru: Record<string, string> = verifySignatureMessagesRu;
    for (const other of [verifySignatureMessagesKk, verifySignatureMessagesEn] as Record<string, string>[]) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(ru).sort());
      for (const key of Object.keys(ru)) {
        expect(other[key].trim(), key).not.toBe('');
        expect(placeholders(other[key]), key).toEqual(placeholders(ru[key]));
      }
    }
    for (const name of CHECK_ORDER)
      for (const part of ['title', 'ok', 'fail'])
        expect(ru[`vs_${name}_${part}`], `vs_${name}_${part}`).toBeTruthy();
  });
});
