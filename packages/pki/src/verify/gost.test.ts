import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../cert';
import { toArrayBuffer } from '../der';
import { CMS, GOST } from '../oids';
import { buildGostCertificate } from '../testing/gost';
import { verifyCms } from './verify';

/** A GOST 2015-512 CMS structure (random signature: tereze cannot verify GOST yet). */
function gostCms(certDer: Uint8Array, data: Uint8Array): Uint8Array {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(certDer));
  const attrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: CMS.contentType,
        values: [new asn1js.ObjectIdentifier({ value: CMS.data })],
      }),
      new pkijs.Attribute({
        type: CMS.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(randomBytes(64))) })],
      }),
    ],
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: GOST.hash2015_512 }),
    signedAttrs: attrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: GOST.signature2015_512 }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(randomBytes(128))) }),
  });
  const sd = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: GOST.hash2015_512 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: CMS.data,
      eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(data) }),
    }),
    certificates: [cert],
    signerInfos: [signerInfo],
  });
  const ci = new pkijs.ContentInfo({ contentType: CMS.signedData, content: sd.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER());
}

describe('GOST', () => {
  it('a GOST 2015 CMS parses and fails the algorithm check with unsupported_algorithm, in both engines', async () => {
    const certDer = buildGostCertificate({ variant: '2015-512' });
    const cms = gostCms(certDer, new TextEncoder().encode('ГОСТ'));
    const anchor = parseCertificate(certDer);
    for (const engine of ['fast', 'reference'] as const) {
      for (const purpose of ['login', 'document'] as const) {
        const r = await verifyCms(cms, { trustAnchors: [anchor], purpose, revocation: 'off', engine });
        expect(r.valid).toBe(false);
        expect(r.failedCheck).toBe('algorithm');
        expect(r.checks.find((c) => c.name === 'algorithm')?.reason).toMatch(/^unsupported_algorithm/);
        // the GOST 2015 AUTH_SIGN key fits both purposes
        expect(r.checks.find((c) => c.name === 'key_usage')?.ok).toBe(true);
        expect(r.signers[0].profile?.algorithm).toBe('GOST2015-512');
      }
    }
  });
});
