import { createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { type RunningSigner, startSigner } from './server';
import { type Fixture, makeFixture, RawClient } from './test-fixtures';
import { C14N, ENVELOPED, RSA_SHA256, SHA256, XMLDSIG_NS } from './xml-sign';

const BASICS = 'kz.gov.pki.knca.basics';
const UTILS = 'kz.gov.pki.knca.commonUtils';
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const DOC = '<request xmlns="urn:tereze:test"><iin>871008401427</iin><amount>100</amount></request>';

let fx: Fixture;
let signer: RunningSigner;
let client: RawClient;

beforeAll(async () => {
  fx = await makeFixture();
  signer = await startSigner({ keystoreDir: fx.dir, port: 0, tls: false });
  client = await RawClient.open(signer.url);
  await client.next(); // greeting
});
afterAll(async () => {
  client?.close();
  await signer?.close();
  fx?.cleanup();
});
afterEach(() => signer.setRule({ pick: 'first' }));

function basicsXml(data: string | string[], oids: string[] = [EMAIL_PROTECTION]) {
  return {
    module: BASICS,
    method: 'sign',
    args: {
      allowedStorages: null,
      format: 'xml',
      data,
      signingParams: {},
      signerParams: { extKeyUsageOids: oids, chain: [] },
      locale: 'ru',
    },
  };
}

const fingerprint = (cert: X509Certificate) => cert.fingerprint256.replace(/:/g, '').toLowerCase();
/** The KeyInfo certificate is one of the fixture's `purpose` keys, and that key's private key matches it. */
function expectKeyOf(cert: X509Certificate, purpose: 'auth' | 'sign') {
  const bundle = [fx.person[purpose], fx.head[purpose]].find(
    (b) => b.certificate.fingerprint === fingerprint(cert),
  );
  expect(bundle, `certificate ${cert.subject} is not a ${purpose} key of the fixture`).toBeDefined();
  const publicOfPrivate = createPublicKey(bundle?.privateKey as KeyObject).export({
    type: 'spki',
    format: 'der',
  });
  expect(Buffer.compare(publicOfPrivate, cert.publicKey.export({ type: 'spki', format: 'der' }))).toBe(0);
}
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

/** Verifies the ds:Signature with the certificate it carries in KeyInfo; returns that certificate. */
function verify(signedXml: string): { valid: boolean; cert: X509Certificate } {
  const doc = parse(signedXml);
  const signatures = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature');
  expect(signatures.length).toBe(1);
  const sig = new SignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo });
  sig.loadSignature(signatures[0] as unknown as Node);
  const certPem = SignedXml.getCertFromKeyInfo(
    signatures[0].getElementsByTagNameNS(XMLDSIG_NS, 'KeyInfo')[0] as unknown as Node,
  );
  expect(certPem).toBeTruthy();
  let valid: boolean;
  try {
    valid = sig.checkSignature(signedXml);
  } catch {
    valid = false;
  }
  return { valid, cert: new X509Certificate(certPem as string) };
}

const algorithm = (xml: string, tag: string) =>
  Array.from(parse(xml).getElementsByTagNameNS(XMLDSIG_NS, tag)).map((e) => e.getAttribute('Algorithm'));

describe('basics sign, format xml', () => {
  it('signs one document: an enveloped ds:Signature by the SIGN key, verifiable with its KeyInfo certificate', async () => {
    const answer = await client.call(basicsXml(DOC));
    expect(answer.status).toBe(true);
    const result = (answer.body as { result: string[] }).result;
    expect(Array.isArray(result)).toBe(true);
    expect(result).toHaveLength(1);
    const signed = result[0];
    const { valid, cert } = verify(signed);
    expect(valid).toBe(true);
    expectKeyOf(cert, 'sign');

    // NCALayer's algorithms, signature under the root, Reference over the whole document
    expect(algorithm(signed, 'SignatureMethod')).toEqual([RSA_SHA256]);
    expect(algorithm(signed, 'DigestMethod')).toEqual([SHA256]);
    expect(algorithm(signed, 'CanonicalizationMethod')).toEqual([C14N]);
    expect(algorithm(signed, 'Transform')[0]).toBe(ENVELOPED);
    const doc = parse(signed);
    expect(doc.documentElement?.localName).toBe('request');
    expect((doc.documentElement?.lastChild as Element).localName).toBe('Signature');
    expect(doc.getElementsByTagNameNS(XMLDSIG_NS, 'Reference')[0].getAttribute('URI')).toBe('');
  });

  it('signs an array of documents, one result each', async () => {
    const docs = [DOC, '<a><b>second</b></a>'];
    const answer = await client.call(basicsXml(docs, [CLIENT_AUTH]));
    const result = (answer.body as { result: string[] }).result;
    expect(result).toHaveLength(2);
    for (const signed of result) {
      const { valid, cert } = verify(signed);
      expect(valid).toBe(true);
      expectKeyOf(cert, 'auth');
    }
    expect(result[1]).toContain('<b>second</b>');
  });

  it('a tampered document fails verification', async () => {
    const answer = await client.call(basicsXml(DOC));
    const signed = (answer.body as { result: string[] }).result[0];
    expect(verify(signed).valid).toBe(true);
    expect(verify(signed.replace('<amount>100</amount>', '<amount>900</amount>')).valid).toBe(false);
  });

  it('answers malformed XML with an INVOCATION_ERROR naming the problem', async () => {
    const answer = await client.call(basicsXml('<request><unclosed></request>'));
    expect(answer).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
    expect(String(answer.details)).toMatch(/Malformed XML/);
    const empty = await client.call(basicsXml('not xml at all'));
    expect(empty).toMatchObject({ status: false, code: 'INVOCATION_ERROR' });
  });

  it('answers the cancel rule with the cancel shape', async () => {
    signer.setRule({ pick: 'first', cancel: true });
    expect(await client.call(basicsXml(DOC))).toEqual({ status: true, body: {} });
  });
});

describe('commonUtils signXml / signXmls', () => {
  it('signXml returns the signed document as a string', async () => {
    const answer = await client.call({
      module: UTILS,
      method: 'signXml',
      args: ['PKCS12', 'SIGNATURE', DOC, '', ''],
    });
    expect(answer.code).toBe('200');
    const signed = answer.responseObject as string;
    expect(typeof signed).toBe('string');
    const { valid, cert } = verify(signed);
    expect(valid).toBe(true);
    expectKeyOf(cert, 'sign');
  });

  it('signXml signs the element at tbsElementXPath and places the signature under signatureParentElementXPath', async () => {
    const xml = '<root><data><v>1</v></data><signatures/></root>';
    const answer = await client.call({
      module: UTILS,
      method: 'signXml',
      args: ['PKCS12', 'SIGNATURE', xml, '/root/data', '/root/signatures'],
    });
    expect(answer.code).toBe('200');
    const signed = answer.responseObject as string;
    expect(verify(signed).valid).toBe(true);
    const doc = parse(signed);
    const signature = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature')[0];
    expect((signature.parentNode as Element).localName).toBe('signatures');
    const uri = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Reference')[0].getAttribute('URI');
    expect(uri).toMatch(/^#.+/);
    // the signed element changed → invalid; a change outside it does not matter
    expect(verify(signed.replace('<v>1</v>', '<v>2</v>')).valid).toBe(false);
  });

  it('signXmls returns an array of signed documents', async () => {
    const answer = await client.call({
      module: UTILS,
      method: 'signXmls',
      args: ['PKCS12', 'AUTHENTICATION', [DOC, '<x/>'], '', ''],
    });
    expect(answer.code).toBe('200');
    const signed = answer.responseObject as string[];
    expect(signed).toHaveLength(2);
    for (const s of signed) {
      const { valid, cert } = verify(s);
      expect(valid).toBe(true);
      expectKeyOf(cert, 'auth');
    }
  });

  it('answers malformed XML and an XPath that selects nothing with code 500', async () => {
    const bad = await client.call({
      module: UTILS,
      method: 'signXml',
      args: ['PKCS12', 'SIGNATURE', '<a><b></a>', '', ''],
    });
    expect(bad.code).toBe('500');
    expect(String(bad.message)).toMatch(/Malformed XML/);
    const many = await client.call({
      module: UTILS,
      method: 'signXmls',
      args: ['PKCS12', 'SIGNATURE', ['<a/>', '<a'], '', ''],
    });
    expect(many.code).toBe('500');
    const nowhere = await client.call({
      module: UTILS,
      method: 'signXml',
      args: ['PKCS12', 'SIGNATURE', '<a/>', '', '/nope'],
    });
    expect(nowhere.code).toBe('500');
    expect(nowhere).not.toHaveProperty('responseObject');
  });

  it('answers the cancel rule with action.canceled', async () => {
    signer.setRule({ pick: 'first', cancel: true });
    expect(
      await client.call({ module: UTILS, method: 'signXml', args: ['PKCS12', 'SIGNATURE', DOC, '', ''] }),
    ).toEqual({ code: '500', message: 'action.canceled' });
    expect(
      await client.call({ module: UTILS, method: 'signXmls', args: ['PKCS12', 'SIGNATURE', [DOC], '', ''] }),
    ).toEqual({ code: '500', message: 'action.canceled' });
  });
});
