/**
 * Key helpers: RSA key generation with node's crypto, and the bridge to WebCrypto that
 * @peculiar/x509 needs to sign certificates and CRLs.
 */
import './reflect';
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import * as x509 from '@peculiar/x509';
import type { ParsedCertificate } from './cert';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A private key with its certificate and the chain above it (issuer first, root last). */
export interface KeyBundle {
  privateKey: KeyObject;
  certificate: ParsedCertificate;
  chain: ParsedCertificate[];
  /** PKCS#12 friendlyName; for NCA keys the SKI in lowercase hex. */
  alias: string;
}

let providerReady = false;
/** @peculiar/x509 signs through WebCrypto; point it at node's implementation once. */
export function ensureX509Crypto(): void {
  if (providerReady) return;
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  providerReady = true;
}

/** RSA key pair (e = 65537). 2048 bits takes ~50–150 ms; reuse pairs in tests. */
export async function generateRsaKeyPair(bits: 2048 | 3072 | 4096 = 2048): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: bits });
  return { privateKey, publicKey };
}

const cryptoKeys = new WeakMap<KeyObject, Promise<CryptoKey>>();

/** Imports a node RSA private key as a WebCrypto RSASSA-PKCS1-v1_5/SHA-256 signing key (cached per key). */
export function toRsaSigningCryptoKey(key: KeyObject): Promise<CryptoKey> {
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`expected an RSA key, got ${key.asymmetricKeyType}`);
  let imported = cryptoKeys.get(key);
  if (!imported) {
    const der = key.export({ format: 'der', type: 'pkcs8' });
    imported = webcrypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    ) as unknown as Promise<CryptoKey>;
    cryptoKeys.set(key, imported);
  }
  return imported;
}

export function publicKeyOf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}

export function spkiDer(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return new Uint8Array(pub.export({ format: 'der', type: 'spki' }));
}

export function privateKeyToPem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/** True when the private key belongs to the certificate's public key. */
export function keyMatchesCertificate(privateKey: KeyObject, cert: ParsedCertificate): boolean {
  try {
    return Buffer.from(spkiDer(privateKey)).equals(Buffer.from(cert.spki));
  } catch {
    return false;
  }
}
