/**
 * Test helper: a GOST-profile certificate *structure* (KZ GOST key and signature OIDs, random
 * key and signature bytes). Its signature is not valid — it exists to test parsing and
 * algorithm detection of certificates node cannot verify.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../der';
import { DN, EKU, EXT, GOST, NCA_POLICY } from '../oids';

export interface GostCertOptions {
  variant?: '2004' | '2015-256' | '2015-512';
  iin?: string;
  bin?: string;
  organization?: string;
  surname?: string;
  firstName?: string;
  patronymic?: string;
  email?: string;
  ekus?: string[];
  policies?: string[];
  /** Key usage bits (digitalSignature, nonRepudiation, keyEncipherment by default). */
  keyUsageBits?: number;
}

function rdn(type: string, value: asn1js.BaseBlock): pkijs.AttributeTypeAndValue {
  return new pkijs.AttributeTypeAndValue({ type, value: value as never });
}

function name(attrs: pkijs.AttributeTypeAndValue[]): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({ typesAndValues: attrs });
}

const VARIANTS = {
  '2004': { key: GOST.key2004, sig: GOST.signature2004, keyBytes: 64, params: [GOST.key2004, GOST.hash2004] },
  '2015-256': {
    key: GOST.key2015_256,
    sig: GOST.signature2015_256,
    keyBytes: 64,
    params: [GOST.key2015_256, GOST.hash2015_256],
  },
  '2015-512': {
    key: GOST.key2015_512,
    sig: GOST.signature2015_512,
    keyBytes: 128,
    params: [GOST.curve2015_512A, GOST.hash2015_512],
  },
} as const;

export function buildGostCertificate(opts: GostCertOptions = {}): Uint8Array {
  const v = VARIANTS[opts.variant ?? '2015-512'];
  const surname = opts.surname ?? 'ТЕСТОВ';
  const firstName = opts.firstName ?? 'ТЕСТ';
  const subject: pkijs.AttributeTypeAndValue[] = [
    rdn(DN.commonName, new asn1js.Utf8String({ value: `${surname} ${firstName}` })),
    rdn(DN.surname, new asn1js.Utf8String({ value: surname })),
    rdn(DN.serialNumber, new asn1js.PrintableString({ value: `IIN${opts.iin ?? '871008401427'}` })),
    rdn(DN.country, new asn1js.PrintableString({ value: 'KZ' })),
  ];
  if (opts.organization)
    subject.push(rdn(DN.organization, new asn1js.Utf8String({ value: opts.organization })));
  if (opts.bin)
    subject.push(rdn(DN.organizationalUnit, new asn1js.PrintableString({ value: `BIN${opts.bin}` })));
  if (opts.patronymic) subject.push(rdn(DN.givenName, new asn1js.Utf8String({ value: opts.patronymic })));

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({
    valueHex: toArrayBuffer(Uint8Array.from([0x14, ...randomBytes(15)])),
  });
  cert.signature = new pkijs.AlgorithmIdentifier({ algorithmId: v.sig });
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: v.sig });
  cert.issuer = name([
    rdn(DN.commonName, new asn1js.Utf8String({ value: 'ҰКО 3.0 (GOST TEST) look-alike' })),
    rdn(DN.country, new asn1js.PrintableString({ value: 'KZ' })),
  ]);
  cert.subject = name(subject);
  const now = Date.now();
  cert.notBefore.value = new Date(now - 86_400_000);
  cert.notAfter.value = new Date(now + 365 * 86_400_000);
  cert.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: v.key,
      algorithmParams: new asn1js.Sequence({
        value: v.params.map((p) => new asn1js.ObjectIdentifier({ value: p })),
      }),
    }),
    subjectPublicKey: new asn1js.BitString({
      valueHex: new asn1js.OctetString({ valueHex: toArrayBuffer(randomBytes(v.keyBytes)) }).toBER(),
    }),
  });
  const kuBits = opts.keyUsageBits ?? 0b1110_0000; // digitalSignature, nonRepudiation, keyEncipherment
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({
      extnID: EXT.keyUsage,
      critical: true,
      extnValue: new asn1js.BitString({ valueHex: Uint8Array.of(kuBits).buffer, unusedBits: 5 }).toBER(),
    }),
    new pkijs.Extension({
      extnID: EXT.extKeyUsage,
      extnValue: new pkijs.ExtKeyUsage({ keyPurposes: opts.ekus ?? [EKU.emailProtection] })
        .toSchema()
        .toBER(),
    }),
    new pkijs.Extension({
      extnID: EXT.certificatePolicies,
      extnValue: new pkijs.CertificatePolicies({
        certificatePolicies: (opts.policies ?? [NCA_POLICY.gost2015]).map(
          (policyIdentifier) => new pkijs.PolicyInformation({ policyIdentifier }),
        ),
      })
        .toSchema()
        .toBER(),
    }),
  ];
  if (opts.email) {
    extensions.push(
      new pkijs.Extension({
        extnID: EXT.subjectAltName,
        extnValue: new pkijs.GeneralNames({
          names: [new pkijs.GeneralName({ type: 1, value: opts.email })],
        })
          .toSchema()
          .toBER(),
      }),
    );
  }
  cert.extensions = extensions;
  cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(randomBytes(v.keyBytes)) });
  return new Uint8Array(cert.toSchema(true).toBER());
}
