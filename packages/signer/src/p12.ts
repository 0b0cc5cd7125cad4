import { X509Certificate } from 'node:crypto';
import { type KeyBundle, readPkcs12, signCms } from '@tereze/pki';
import { binOf, extendedKeyUsages, iinOf, purposeOf } from './cert-info';
import type { SignerKey } from './types';

/** A @tereze/pki key bundle as a signer key: signing goes through @tereze/pki's signCms. */
export function keyFromBundle(bundle: KeyBundle, file: string): SignerKey {
  const certificate = new X509Certificate(Buffer.from(bundle.certificate.der));
  return {
    alias: bundle.alias,
    file,
    storage: 'PKCS12',
    privateKey: bundle.privateKey,
    certificate,
    chain: bundle.chain.map((c) => new X509Certificate(Buffer.from(c.der))),
    ekus: extendedKeyUsages(certificate),
    purpose: purposeOf(certificate),
    iin: iinOf(certificate),
    bin: binOf(certificate),
    signCms: async (data, { detached }) => signCms(data, bundle, { detached }),
  };
}

/** Loads every key of one .p12 file (the keystore's default loader). */
export function loadP12(der: Uint8Array, password: string, file: string): SignerKey[] {
  return readPkcs12(der, password).map((bundle) => keyFromBundle(bundle, file));
}
