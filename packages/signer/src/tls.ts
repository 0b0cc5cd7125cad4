import { webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toPem } from './pem';

export interface TlsMaterial {
  key: string;
  cert: string;
}

export const TLS_KEY_FILE = 'signer-tls.key.pem';
export const TLS_CERT_FILE = 'signer-tls.cert.pem';

const VALID_DAYS = 825;

/**
 * A self-signed ECDSA P-256 server certificate for 127.0.0.1 (and localhost), like NCALayer's own.
 * Browsers trust it once the user opens https://127.0.0.1:<port>/ and accepts it.
 */
export async function makeSelfSignedCertificate(host = '127.0.0.1'): Promise<TlsMaterial> {
  const subtle = webcrypto.subtle;
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({
    valueHex: webcrypto.getRandomValues(new Uint8Array(16)).map((b, i) => (i === 0 ? b & 0x7f : b)),
  });
  const name = new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: host }) }),
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.10',
        value: new asn1js.Utf8String({ value: 'tereze signer' }),
      }),
    ],
  });
  cert.subject = name;
  cert.issuer = name;
  const now = Date.now();
  cert.notBefore.value = new Date(now - 60_000);
  cert.notAfter.value = new Date(now + VALID_DAYS * 86_400_000);

  const altNames = new pkijs.GeneralNames({
    names: [
      new pkijs.GeneralName({
        type: 7,
        value: new asn1js.OctetString({ valueHex: new Uint8Array([127, 0, 0, 1]) }),
      }),
      new pkijs.GeneralName({ type: 2, value: 'localhost' }),
    ],
  });
  const ext = (extnID: string, critical: boolean, value: asn1js.BaseBlock) =>
    new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
  cert.extensions = [
    ext('2.5.29.19', true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    ext('2.5.29.17', false, altNames.toSchema()),
    ext('2.5.29.37', false, new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.1'] }).toSchema()),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, 'SHA-256');

  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey));
  return {
    key: toPem(pkcs8, 'PRIVATE KEY'),
    cert: toPem(new Uint8Array(cert.toSchema().toBER(false)), 'CERTIFICATE'),
  };
}

function stillValid(certPem: string): boolean {
  try {
    return Date.parse(new X509Certificate(certPem).validTo) > Date.now() + 86_400_000;
  } catch {
    return false;
  }
}

/** The stored certificate from `dir`, or a new one written there on first run (and when it expires). */
export async function loadOrCreateTls(dir: string | undefined): Promise<TlsMaterial> {
  if (!dir) return makeSelfSignedCertificate();
  const keyPath = join(dir, TLS_KEY_FILE);
  const certPath = join(dir, TLS_CERT_FILE);
  if (existsSync(keyPath) && existsSync(certPath)) {
    const stored = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
    if (stillValid(stored.cert)) return stored;
  }
  const made = await makeSelfSignedCertificate();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, made.key, { mode: 0o600 });
  writeFileSync(certPath, made.cert);
  return made;
}
