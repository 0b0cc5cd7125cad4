/**
 * The DER field reader in cert.ts must agree with @peculiar/x509 (the reference) on every
 * certificate the test CA can make, GOST structures included.
 */
import './reflect';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ParsedCertificate, parseCertificate } from './cert';
import { EKU, NCA_ROLE } from './oids';
import { TEMPLATE_NAMES } from './test-ca';
import { BINS, IINS, pooledKeyPair, sharedTestCa } from './testing/fixtures';
import { buildGostCertificate } from './testing/gost';

function reference(c: x509.X509Certificate) {
  const F = x509.KeyUsageFlags;
  const ku = c.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  const urls = (ext: x509.CRLDistributionPointsExtension | null) =>
    (ext?.distributionPoints ?? []).flatMap((dp) =>
      (dp.distributionPoint?.fullName ?? []).map((g) => g.uniformResourceIdentifier).filter(Boolean),
    );
  const freshest = c.getExtension('2.5.29.46');
  const aia = c.getExtension(x509.AuthorityInfoAccessExtension);
  const san = c.getExtension(x509.SubjectAlternativeNameExtension);
  return {
    subjectDn: c.subject,
    issuerDn: c.issuer,
    serial: c.serialNumber.toLowerCase().replace(/^(00)+(?=..)/, ''),
    notBefore: c.notBefore.getTime(),
    notAfter: c.notAfter.getTime(),
    ski: c.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId.toLowerCase(),
    aki: c.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId?.toLowerCase(),
    isCa: c.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
    pathLength: c.getExtension(x509.BasicConstraintsExtension)?.pathLength,
    keyUsage: [F.digitalSignature, F.nonRepudiation, F.keyEncipherment, F.keyCertSign, F.cRLSign].map(
      (f) => (ku & f) !== 0,
    ),
    ekus: Array.from(c.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [], String),
    policies: [...(c.getExtension(x509.CertificatePolicyExtension)?.policies ?? [])],
    crlUrls: urls(c.getExtension(x509.CRLDistributionPointsExtension)),
    deltaCrlUrls: freshest ? urls(new x509.CRLDistributionPointsExtension(freshest.rawData)) : [],
    ocspUrls: (aia?.ocsp ?? []).map((g) => g.value),
    caIssuersUrls: (aia?.caIssuers ?? []).map((g) => g.value),
    sanEmails: (san?.names.items ?? []).filter((n) => n.type === 'email').map((n) => n.value),
    extensionOids: c.extensions.map((e) => e.type),
    criticalExtensionOids: c.extensions.filter((e) => e.critical).map((e) => e.type),
  };
}

function ours(p: ParsedCertificate) {
  const k = p.keyUsage;
  return {
    subjectDn: p.subjectDn,
    issuerDn: p.issuerDn,
    serial: p.serialNumber,
    notBefore: p.notBefore.getTime(),
    notAfter: p.notAfter.getTime(),
    ski: p.ski,
    aki: p.aki,
    isCa: p.isCa,
    pathLength: p.pathLength,
    keyUsage: [k.digitalSignature, k.nonRepudiation, k.keyEncipherment, k.keyCertSign, k.cRLSign],
    ekus: p.ekus,
    policies: p.policies,
    crlUrls: p.crlUrls,
    deltaCrlUrls: p.deltaCrlUrls,
    ocspUrls: p.ocspUrls,
    caIssuersUrls: p.caIssuersUrls,
    sanEmails: p.sanEmails,
    extensionOids: p.extensionOids,
    criticalExtensionOids: p.criticalExtensionOids,
  };
}

const certs: Uint8Array[] = [];

beforeAll(async () => {
  const ca = await sharedTestCa();
  const keyPair = await pooledKeyPair(0);
  certs.push(ca.root.certificate.der, ca.issuing.certificate.der, ca.ocspResponder.certificate.der);
  for (const template of TEMPLATE_NAMES) {
    const pair = await ca.issue({
      template,
      iin: IINS[0],
      bin: template === 'individual' || template === 'individual-entrepreneur' ? undefined : BINS[0],
      org: 'ТОО "Запятая, плюс+ и <скобки>"',
      surname: 'ҚАСЫМ',
      firstName: 'ӘЛИЯ',
      patronymic: 'НҰРЛАНҚЫЗЫ',
      email: 'a@b.kz',
      locality: ' АЛМАТЫ ',
      keyPair,
    });
    certs.push(pair.auth.certificate.der, pair.sign.certificate.der);
  }
  const odd = await ca.issueCustom({
    keyPair,
    ekus: [EKU.clientAuth, NCA_ROLE.informationSystem, '1.2.3.4.5.6.7.8.9.1000000'],
    sanEmails: ['x@y.kz', 'z@y.kz'],
    basicConstraints: { ca: true, pathLength: 3 },
    keyUsage: { keyCertSign: true },
    omitSki: true,
  });
  certs.push(odd.certificate.der);
  certs.push(
    (await ca.issueCustom({ keyPair, issuer: 'self', ekus: null, keyUsage: null, urls: false })).certificate
      .der,
  );
  for (const variant of ['2004', '2015-256', '2015-512'] as const) {
    certs.push(
      buildGostCertificate({ variant, bin: BINS[1], organization: 'АО', email: 'g@kz', patronymic: 'Ұ' }),
    );
  }
});

describe('parseCertificate agrees with @peculiar/x509', () => {
  it('on every field of every test certificate', () => {
    expect(certs.length).toBeGreaterThan(20);
    for (const der of certs) {
      const parsed = parseCertificate(der);
      expect(ours(parsed)).toEqual(reference(new x509.X509Certificate(der.slice().buffer as ArrayBuffer)));
      expect(parsed.x509.subject).toBe(parsed.subjectDn);
    }
  });

  it('exposes subject attributes in order with decoded values', () => {
    const p = parseCertificate(certs[5]); // first-head AUTH
    expect(p.subjectAttributes.map((a) => a.type)).toEqual([
      '2.5.4.3',
      '2.5.4.4',
      '2.5.4.5',
      '2.5.4.6',
      '2.5.4.7',
      '2.5.4.10',
      '2.5.4.11',
      '2.5.4.42',
      '1.2.840.113549.1.9.1',
    ]);
    expect(p.subjectAttributes[0].value).toBe('ҚАСЫМ ӘЛИЯ');
  });
});
