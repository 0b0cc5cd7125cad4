import { X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSigner, startSigner } from './server';
import {
  COMPANY_BIN,
  type Fixture,
  HEAD_IIN,
  makeFixture,
  opensslVerify,
  PERSON_IIN,
  RawClient,
} from './test-fixtures';

const BASICS = 'kz.gov.pki.knca.basics';
const UTILS = 'kz.gov.pki.knca.commonUtils';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const LEGAL_ENTITY = '1.2.398.3.3.4.1.2';

let fx: Fixture;
let signer: RunningSigner;
let client: RawClient;

beforeAll(async () => {
  fx = await makeFixture();
  signer = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false });
  client = await RawClient.open(signer.url);
  expect(await client.next()).toBe('{"result":{"version":"1.2"}}');
});
afterAll(async () => {
  client?.close();
  await signer?.close();
  fx?.cleanup();
});
afterEach(() => signer.setRule({ pick: 'first' }));

/** A basics sign request like ncalayer-js-client's basicsSignCMS builds it. */
function basicsSign(args: Record<string, unknown> = {}, signerParams: Record<string, unknown> = {}) {
  return {
    module: BASICS,
    method: 'sign',
    args: {
      allowedStorages: null,
      format: 'cms',
      data: Buffer.from('challenge 42').toString('base64'),
      signingParams: { decode: true, encapsulate: true, digested: false },
      signerParams: { extKeyUsageOids: [], chain: [], ...signerParams },
      locale: 'ru',
      ...args,
    },
  };
}

const resultOf = (answer: Record<string, unknown>) => (answer.body as { result: string | string[] }).result;
const signerCert = (pem: string) => new X509Certificate(pem);

describe('connection', () => {
  it('greets every new connection first with NCALayer version 1.2', async () => {
    const other = await RawClient.open(signer.url);
    expect(JSON.parse(await other.next())).toEqual({ result: { version: '1.2' } });
    other.close();
  });

  it('answers the KAZTOKEN probe with an error (so clients know it is not KAZTOKEN)', async () => {
    const answer = await client.call({ module: 'kz.digiflow.mobile.extensions', method: 'getVersion' });
    expect(answer.code).toBe('500');
    expect(answer).not.toHaveProperty('responseObject');
  });

  it('echoes heartbeats', async () => {
    client.socket.send('--heartbeat--');
    expect(await client.next()).toBe('--heartbeat--');
  });

  it('answers malformed JSON with an error and keeps the connection usable', async () => {
    const bad = await client.call('{"module": "kz.gov.pki.knca.basics", ');
    expect(bad.code).toBe('500');
    expect(String(bad.message)).toMatch(/Malformed request/);
    expect(await client.call([1, 2])).toMatchObject({ code: '500' });
    expect(await client.call({ module: 42 })).toMatchObject({ code: '500' });
    expect(await client.call({ module: UTILS, method: 'getActiveTokens' })).toEqual({
      code: '200',
      responseObject: [],
    });
  });

  it('reports unknown modules and methods', async () => {
    expect(await client.call({ module: 'kz.example.nothing', method: 'x' })).toEqual({
      code: '500',
      message: 'Module not found: kz.example.nothing',
    });
    const basics = await client.call({ module: BASICS, method: 'verify', args: {} });
    expect(basics).toMatchObject({
      status: false,
      code: 'INVOCATION_ERROR',
      message: 'An invoked method threw an exception.',
    });
    const utils = await client.call({ module: UTILS, method: 'nope', args: [] });
    expect(utils.code).toBe('500');
    expect(String(utils.message)).toMatch(/NoSuchMethod/);
  });

  it('echoes a request uuid in the answer', async () => {
    const answer = await client.call({ module: UTILS, method: 'getActiveTokens', uuid: 'abc-1' });
    expect(answer).toEqual({ code: '200', responseObject: [], uuid: 'abc-1' });
  });
});

describe('kz.gov.pki.knca.basics sign', () => {
  it('signs attached CMS (PEM) that openssl verifies, content included', async () => {
    const answer = await client.call(basicsSign());
    expect(answer.status).toBe(true);
    const pem = resultOf(answer) as string;
    expect(pem).toMatch(/^-----BEGIN CMS-----\n[A-Za-z0-9+/=\n]+\n-----END CMS-----\n$/);
    expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    const { content } = opensslVerify(pem, fx.caFile);
    expect(content.toString()).toBe('challenge 42');
  });

  it('signs detached when encapsulate is false; verifies only with the same data', async () => {
    const data = Buffer.from('agreement text');
    const answer = await client.call(
      basicsSign({ data: data.toString('base64'), signingParams: { decode: true, encapsulate: false } }),
    );
    const pem = resultOf(answer) as string;
    expect(opensslVerify(pem, fx.caFile, data).content.toString()).toBe('agreement text');
    expect(() => opensslVerify(pem, fx.caFile, Buffer.from('agreement texT'))).toThrow();
  });

  it('signs the UTF-8 text itself when decode is false (NCALayer default)', async () => {
    const answer = await client.call(basicsSign({ data: 'Қазақ мәтіні', signingParams: {} }));
    expect(opensslVerify(resultOf(answer) as string, fx.caFile).content.toString()).toBe('Қазақ мәтіні');
  });

  it('answers an array of PEMs for an array of data, in order', async () => {
    const docs = ['one', 'two', 'three'].map((s) => Buffer.from(s).toString('base64'));
    const answer = await client.call(basicsSign({ data: docs }));
    const result = resultOf(answer) as string[];
    expect(result).toHaveLength(3);
    expect(result.map((pem) => opensslVerify(pem, fx.caFile).content.toString())).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('refuses data that is not base64 when decode is true', async () => {
    const answer = await client.call(basicsSign({ data: 'not base64!' }));
    expect(answer).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
    expect(String(answer.details)).toMatch(/Base64/);
  });

  it('answers a malformed signingParams with the exact NCALayer error', async () => {
    const answer = await client.call(basicsSign({ signingParams: 555 }));
    expect(answer).toEqual({
      status: false,
      code: 'INVOCATION_ERROR',
      message: 'An invoked method threw an exception.',
      details: 'org.json.JSONException: JSONObject["signingParams"] is not a JSONObject.',
    });
  });

  it('requires signerParams.extKeyUsageOids and a data field', async () => {
    const noEku = await client.call({ ...basicsSign(), args: { ...basicsSign().args, signerParams: {} } });
    expect(noEku).toMatchObject({
      status: false,
      details: 'org.json.JSONException: JSONObject["extKeyUsageOids"] not found.',
    });
    const noData = await client.call(basicsSign({ data: undefined }));
    expect(noData).toMatchObject({
      status: false,
      details: 'org.json.JSONException: JSONObject["data"] not found.',
    });
    const raw = await client.call(basicsSign({ format: 'raw' }));
    expect(raw).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
  });

  it('answers cancel as NCALayer does: status true with an empty body', async () => {
    signer.setRule({ pick: 'first', cancel: true });
    expect(await client.call(basicsSign())).toEqual({ status: true, body: {} });
  });

  it('refuses digested (hash) signing with an error rather than a wrong signature', async () => {
    const answer = await client.call(
      basicsSign({ signingParams: { decode: true, encapsulate: false, digested: true } }),
    );
    expect(answer).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
  });
});

describe('signerParams filters', () => {
  it('picks an AUTH key for clientAuth and a SIGN key for emailProtection', async () => {
    const auth = opensslVerify(
      resultOf(await client.call(basicsSign({}, { extKeyUsageOids: [CLIENT_AUTH] }))) as string,
      fx.caFile,
    );
    expect(signerCert(auth.signerCertPem).keyUsage).toContain(CLIENT_AUTH);
    const sign = opensslVerify(
      resultOf(await client.call(basicsSign({}, { extKeyUsageOids: [EMAIL_PROTECTION] }))) as string,
      fx.caFile,
    );
    expect(signerCert(sign.signerCertPem).keyUsage).toContain(EMAIL_PROTECTION);
    expect(signerCert(sign.signerCertPem).keyUsage).not.toContain(CLIENT_AUTH);
  });

  it('requires every listed EKU (role OIDs too)', async () => {
    const answer = await client.call(basicsSign({}, { extKeyUsageOids: [EMAIL_PROTECTION, LEGAL_ENTITY] }));
    const cert = signerCert(opensslVerify(resultOf(answer) as string, fx.caFile).signerCertPem);
    expect(cert.subject).toContain(`IIN${HEAD_IIN}`);
    const none = await client.call(
      basicsSign({}, { extKeyUsageOids: [EMAIL_PROTECTION, '1.2.398.3.3.4.1.2.5'] }),
    );
    expect(none).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
    expect(String(none.details)).toMatch(/No suitable key/);
  });

  it('filters by IIN and by BIN', async () => {
    const person = await client.call(basicsSign({}, { extKeyUsageOids: [CLIENT_AUTH], iin: PERSON_IIN }));
    expect(signerCert(opensslVerify(resultOf(person) as string, fx.caFile).signerCertPem).subject).toContain(
      `IIN${PERSON_IIN}`,
    );
    const company = await client.call(basicsSign({}, { extKeyUsageOids: [CLIENT_AUTH], bin: COMPANY_BIN }));
    expect(signerCert(opensslVerify(resultOf(company) as string, fx.caFile).signerCertPem).subject).toContain(
      `BIN${COMPANY_BIN}`,
    );
    const stranger = await client.call(basicsSign({}, { iin: '800416300257' }));
    expect(stranger).toMatchObject({ status: false });
    const personWithBin = await client.call(basicsSign({}, { iin: PERSON_IIN, bin: COMPANY_BIN }));
    expect(personWithBin).toMatchObject({ status: false });
  });

  it('filters by certificate serial number', async () => {
    const serial = fx.person.sign.certificate.serialNumber;
    const answer = await client.call(basicsSign({}, { serialNumber: serial.toUpperCase() }));
    const cert = signerCert(opensslVerify(resultOf(answer) as string, fx.caFile).signerCertPem);
    expect(cert.serialNumber.toLowerCase().replace(/^0+/, '')).toBe(serial.replace(/^0+/, ''));
    expect(await client.call(basicsSign({}, { serialNumber: 'abcdef' }))).toMatchObject({ status: false });
  });

  it('checks signerParams.chain: the issuing CA or the root pass, another CA does not', async () => {
    expect(await client.call(basicsSign({}, { chain: [fx.issuingPem] }))).toMatchObject({ status: true });
    expect(await client.call(basicsSign({}, { chain: [fx.rootPem] }))).toMatchObject({ status: true });
    const otherCa = (await import('./tls')).makeSelfSignedCertificate('10.0.0.1');
    const foreign = await client.call(basicsSign({}, { chain: [(await otherCa).cert] }));
    expect(foreign).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
    const garbage = await client.call(
      basicsSign({}, { chain: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'] }),
    );
    expect(garbage).toMatchObject({ status: false });
    expect(String(garbage.details)).toMatch(/chain\[0\]/);
  });

  it('without signerParams.chain only production NCA keys fit, so test keys are refused', async () => {
    const answer = await client.call(basicsSign({}, { chain: undefined }));
    expect(answer).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
    expect(String(answer.details)).toMatch(/No suitable key/);
  });

  it('accepts keys for a configured production trust list when chain is absent', async () => {
    const trusting = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false, ncaRoots: [fx.rootPem] });
    const c = await RawClient.open(trusting.url);
    await c.next();
    expect(await c.call(basicsSign({}, { chain: undefined }))).toMatchObject({ status: true });
    c.close();
    await trusting.close();
  });

  it('honours allowedStorages (PKCS12 yes, hardware tokens no)', async () => {
    expect(await client.call(basicsSign({ allowedStorages: ['PKCS12'] }))).toMatchObject({ status: true });
    expect(await client.call(basicsSign({ allowedStorages: ['AKKaztokenStore'] }))).toMatchObject({
      status: false,
    });
  });

  it('picks a named alias when the rule says so', async () => {
    signer.setRule({ pick: { alias: fx.person.sign.alias } });
    const answer = await client.call(basicsSign());
    const cert = signerCert(opensslVerify(resultOf(answer) as string, fx.caFile).signerCertPem);
    expect(cert.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(fx.person.sign.certificate.fingerprint);
    signer.setRule({ pick: { alias: 'ffff' } });
    expect(await client.call(basicsSign())).toMatchObject({ status: false });
    // an alias that exists but does not pass the filters is not offered either
    signer.setRule({ pick: { alias: fx.person.sign.alias } });
    expect(await client.call(basicsSign({}, { extKeyUsageOids: [CLIENT_AUTH] }))).toMatchObject({
      status: false,
    });
  });
});

describe('kz.gov.pki.knca.commonUtils', () => {
  it('getActiveTokens lists no hardware tokens', async () => {
    expect(await client.call({ module: UTILS, method: 'getActiveTokens' })).toEqual({
      code: '200',
      responseObject: [],
    });
  });

  it('getKeyInfo describes the chosen key', async () => {
    signer.setRule({ pick: { alias: fx.person.auth.alias } });
    const answer = await client.call({ module: UTILS, method: 'getKeyInfo', args: ['PKCS12'] });
    expect(answer.code).toBe('200');
    const info = answer.responseObject as Record<string, string>;
    const cert = fx.person.auth.certificate;
    expect(info).toMatchObject({
      alias: fx.person.auth.alias,
      keyId: fx.person.auth.alias,
      algorithm: 'RSA',
      subjectCn: 'ТЕСТОВ ТЕСТ',
      issuerCn: 'tereze TEST ҰКО (RSA)',
      serialNumber: cert.serialNumber.replace(/^0+(?=.)/, ''),
      certNotBefore: String(cert.notBefore.getTime()),
      certNotAfter: String(cert.notAfter.getTime()),
      authorityKeyIdentifier: cert.aki,
    });
    expect(info.subjectDn).toMatch(/^CN=ТЕСТОВ ТЕСТ,SURNAME=ТЕСТОВ,SERIALNUMBER=IIN871008401427,C=KZ/);
    expect(new X509Certificate(info.pem).fingerprint256.replace(/:/g, '').toLowerCase()).toBe(
      cert.fingerprint,
    );
  });

  it('getKeyInfo refuses wrong argument types with NCALayer message, and cancels', async () => {
    for (const args of [[null], [1]]) {
      expect(await client.call({ module: UTILS, method: 'getKeyInfo', args })).toEqual({
        code: '500',
        message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: getKeyInfo',
      });
    }
    signer.setRule({ pick: 'first', cancel: true });
    expect(await client.call({ module: UTILS, method: 'getKeyInfo', args: ['PKCS12'] })).toEqual({
      code: '500',
      message: 'action.canceled',
    });
  });

  it('createCAdESFromBase64 returns base64 DER, detached unless attach is true', async () => {
    const data = Buffer.from('hello NCALayer');
    const detached = await client.call({
      module: UTILS,
      method: 'createCAdESFromBase64',
      args: ['PKCS12', 'SIGNATURE', data.toString('base64'), false],
    });
    expect(detached.code).toBe('200');
    const b64 = detached.responseObject as string;
    expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const verified = opensslVerify(b64, fx.caFile, data);
    expect(signerCert(verified.signerCertPem).keyUsage).toContain(EMAIL_PROTECTION);
    expect(() => opensslVerify(b64, fx.caFile)).toThrow(); // no content inside

    const attached = await client.call({
      module: UTILS,
      method: 'createCAdESFromBase64',
      args: ['PKCS12', 'AUTHENTICATION', data.toString('base64'), true],
    });
    const fromAttached = opensslVerify(attached.responseObject as string, fx.caFile);
    expect(fromAttached.content.toString()).toBe('hello NCALayer');
    expect(signerCert(fromAttached.signerCertPem).keyUsage).toContain(CLIENT_AUTH);
  });

  it('createCMSSignatureFromBase64 (deprecated) works the same way', async () => {
    const answer = await client.call({
      module: UTILS,
      method: 'createCMSSignatureFromBase64',
      args: ['PKCS12', 'SIGNATURE', 'MTEK', true],
    });
    expect(opensslVerify(answer.responseObject as string, fx.caFile).content.toString()).toBe('11\n');
  });

  it('createCAdESFromBase64 refuses wrong types, bad base64 and other storages; cancels', async () => {
    const mismatch = {
      code: '500',
      message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: createCAdESFromBase64',
    };
    expect(
      await client.call({
        module: UTILS,
        method: 'createCAdESFromBase64',
        args: ['PKCS12', 123, 'MTEK', false],
      }),
    ).toEqual(mismatch);
    expect(
      await client.call({
        module: UTILS,
        method: 'createCAdESFromBase64',
        args: ['PKCS12', 'SIGNATURE', 'MTEK', 'yes'],
      }),
    ).toEqual(mismatch);
    const bad = await client.call({
      module: UTILS,
      method: 'createCAdESFromBase64',
      args: ['PKCS12', 'SIGNATURE', '%%%', false],
    });
    expect(bad.code).toBe('500');
    const token = await client.call({
      module: UTILS,
      method: 'createCAdESFromBase64',
      args: ['AKKaztokenStore', 'SIGNATURE', 'MTEK', false],
    });
    expect(token.code).toBe('500');
    signer.setRule({ pick: 'first', cancel: true });
    expect(
      await client.call({
        module: UTILS,
        method: 'createCAdESFromBase64',
        args: ['PKCS12', 'SIGNATURE', 'MTEK', false],
      }),
    ).toEqual({ code: '500', message: 'action.canceled' });
  });

  it('createCAdESFromBase64Hash answers an error (hash signing is not supported)', async () => {
    const answer = await client.call({
      module: UTILS,
      method: 'createCAdESFromBase64Hash',
      args: ['PKCS12', 'SIGNATURE', Buffer.alloc(32, 7).toString('base64')],
    });
    expect(answer.code).toBe('500');
    expect(
      await client.call({ module: UTILS, method: 'createCAdESFromBase64Hash', args: ['PKCS12', '123', ''] }),
    ).toMatchObject({
      code: '500',
    });
  });

  it('changeLocale accepts a string and refuses anything else', async () => {
    expect(await client.call({ module: UTILS, method: 'changeLocale', args: ['kk'] })).toEqual({
      code: '200',
    });
    expect(await client.call({ module: UTILS, method: 'changeLocale', args: [2] })).toEqual({
      code: '500',
      message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: changeLocale',
    });
  });

  it('signXml / signXmls refuse wrong argument types', async () => {
    expect(
      await client.call({ module: UTILS, method: 'signXml', args: ['PKCS12', 'SIGNATURE', 555, '', ''] }),
    ).toEqual({
      code: '500',
      message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: signXml',
    });
    expect(
      await client.call({ module: UTILS, method: 'signXmls', args: ['PKCS12', 'SIGNATURE', '<a/>', '', ''] }),
    ).toEqual({
      code: '500',
      message: 'java.lang.IllegalArgumentException: argument type mismatch. Method: signXmls',
    });
  });
});
