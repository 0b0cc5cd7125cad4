/**
 * On-disk layout of a test CA directory:
 *   root.pem, root.key        root certificate, PKCS#8 key (PEM)
 *   issuing.pem, issuing.key  issuing CA
 *   ocsp.pem, ocsp.key        delegated OCSP responder
 *   index.json                settings, CRL counters and every issued certificate (with PEM)
 * Writes go to a temporary file renamed over the old one, so a reader never sees half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type IssuerRef = 'root' | 'issuing';
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'privilegeWithdrawn';

export interface IssuedRecord {
  /** Normalised lowercase hex serial. */
  serial: string;
  /** Template name, or 'ca' / 'ocsp' / 'custom'. */
  template: string;
  purpose?: 'AUTH' | 'SIGN';
  issuer: IssuerRef;
  subjectDn: string;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
  status: 'good' | 'revoked';
  /** Revocation time (as published; may be backdated). */
  revokedAt?: string;
  /** When the revocation was recorded (decides what a delta CRL lists). */
  recordedAt?: string;
  reason?: RevocationReason;
  pem: string;
}

export interface CrlCounter {
  /** Last CRL number used (full and delta share one sequence, RFC 5280 §5.2.3). */
  number: number;
  /** Number and thisUpdate of the last full CRL (the base of delta CRLs). */
  lastFullNumber?: number;
  lastFullAt?: string;
}

export interface CaIndex {
  version: 1;
  baseUrl: string;
  keySize: number;
  createdAt: string;
  crl: Record<IssuerRef, CrlCounter>;
  issued: IssuedRecord[];
}

export const FILES = {
  rootCert: 'root.pem',
  rootKey: 'root.key',
  issuingCert: 'issuing.pem',
  issuingKey: 'issuing.key',
  ocspCert: 'ocsp.pem',
  ocspKey: 'ocsp.key',
  index: 'index.json',
} as const;

export function writeAtomic(path: string, content: string, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, path);
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

export function readText(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

export function indexMtime(dir: string): number {
  try {
    return statSync(join(dir, FILES.index)).mtimeMs;
  } catch {
    return 0;
  }
}

export function hasCa(dir: string): boolean {
  return existsSync(join(dir, FILES.index));
}

export function readIndex(dir: string): CaIndex {
  const idx = JSON.parse(readText(dir, FILES.index)) as CaIndex;
  if (idx.version !== 1 || !Array.isArray(idx.issued)) throw new Error('unsupported index.json');
  return idx;
}

export function writeIndex(dir: string, index: CaIndex): void {
  writeAtomic(join(dir, FILES.index), `${JSON.stringify(index, null, 2)}\n`);
}
