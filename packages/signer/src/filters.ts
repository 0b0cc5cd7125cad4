import { X509Certificate } from 'node:crypto';
import { canAuthenticate, canSign, serialHex } from './cert-info';
import type { SignerKey } from './types';

/** What a request asks of the key, merged from basics' signerParams or commonUtils' keyType. */
export interface KeyFilter {
  /** The key must carry every one of these EKU OIDs. */
  extKeyUsageOids?: string[];
  iin?: string;
  bin?: string;
  /** Certificate serial number, hex (case and leading zeros ignored). */
  serialNumber?: string;
  /**
   * PEM certificates the key must chain to. `[]` = no check; `undefined` = NCALayer's default,
   * production NCA only (here: the `ncaRoots` the signer was started with, none by default).
   */
  chain?: string[];
  /** commonUtils keyType: SIGNATURE, AUTHENTICATION, anything else = any key. */
  keyType?: string;
  /** basics allowedStorages: null/absent = any; otherwise must list PKCS12 for our file keys. */
  allowedStorages?: string[] | null;
}

export class FilterError extends Error {
  override name = 'FilterError';
}

function normaliseSerial(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s:]/g, '')
    .replace(/^0+(?=.)/, '');
}

export function parsePemCertificates(pems: string[]): X509Certificate[] {
  return pems.map((pem, i) => {
    if (typeof pem !== 'string') throw new FilterError(`signerParams.chain[${i}] is not a string`);
    try {
      return new X509Certificate(pem);
    } catch {
      throw new FilterError(`signerParams.chain[${i}] is not a PEM certificate`);
    }
  });
}

/**
 * True when `cert` chains to one of `anchors`, using the anchors and the key's own PKCS#12
 * certificates as issuers; every link's signature is checked.
 */
export function chainsTo(
  cert: X509Certificate,
  anchors: X509Certificate[],
  intermediates: X509Certificate[],
): boolean {
  const isAnchor = (c: X509Certificate) => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  let current = cert;
  const seen = new Set<string>();
  for (let depth = 0; depth < 8; depth++) {
    if (isAnchor(current)) return true;
    if (seen.has(current.fingerprint256)) return false;
    seen.add(current.fingerprint256);
    const issuedBy = (c: X509Certificate) => current.checkIssued(c) && current.verify(c.publicKey);
    if (anchors.some(issuedBy)) return true;
    const next = intermediates.find(issuedBy);
    if (!next) return false;
    current = next;
  }
  return false;
}

/**
 * Anchors a request's key must chain to: `chain` absent = NCALayer's default, production NCA only
 * (the `ncaRoots` the signer was started with; none by default, so no key fits); `[]` = no check (null).
 */
export function anchorsFor(filter: KeyFilter, ncaRoots: X509Certificate[]): X509Certificate[] | null {
  if (filter.chain === undefined) return ncaRoots;
  if (!Array.isArray(filter.chain)) throw new FilterError('signerParams.chain is not an array');
  return filter.chain.length === 0 ? null : parsePemCertificates(filter.chain);
}

/** Why the key does not fit, or null when it does. `anchors` null = no chain check. */
export function mismatch(
  key: SignerKey,
  filter: KeyFilter,
  anchors: X509Certificate[] | null,
): string | null {
  if (filter.allowedStorages && !filter.allowedStorages.includes(key.storage)) return 'storage not allowed';
  for (const oid of filter.extKeyUsageOids ?? []) {
    if (!key.ekus.includes(oid)) return `no EKU ${oid}`;
  }
  if (filter.iin && key.iin !== filter.iin) return 'IIN differs';
  if (filter.bin && key.bin !== filter.bin) return 'BIN differs';
  if (filter.serialNumber && normaliseSerial(filter.serialNumber) !== serialHex(key.certificate)) {
    return 'serial number differs';
  }
  if (filter.keyType === 'SIGNATURE' && !canSign(key.certificate)) return 'not a signing key';
  if (filter.keyType === 'AUTHENTICATION' && !canAuthenticate(key.certificate))
    return 'not an authentication key';
  if (anchors && !chainsTo(key.certificate, anchors, key.chain)) return 'does not chain to the required CA';
  return null;
}
