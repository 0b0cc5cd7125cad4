/**
 * Shared test fixtures: one test CA and a small pool of RSA keys per test process (RSA
 * key generation costs ~50–150 ms, a CA ~1–2 s), so test files stay fast.
 */
import { generateRsaKeyPair, type KeyPair } from '../keys';
import { TestCA, type TestCaCreateOptions } from '../test-ca';

export const TEST_BASE_URL = 'http://pki.test/pki';
export const PASSWORD = 'Qwerty12';
/** Valid identifiers from shared/NCA.md. */
export const IINS = ['871008401427', '760212350620', '800416300257'] as const;
export const BINS = ['940140000385', '950341000052', '961141000023'] as const;

let caPromise: Promise<TestCA> | undefined;
/** The process-wide in-memory test CA. */
export function sharedTestCa(): Promise<TestCA> {
  caPromise ??= newTestCa();
  return caPromise;
}

/**
 * A fresh CA (own certificates, index and CRL numbers) on pooled keys: cheap to make.
 * CAs made with the same `keySlot` share keys AND DNs, so CertIDs and signatures match across
 * them — for an "unknown CA" use another slot.
 */
export async function newTestCa(opts: Partial<TestCaCreateOptions> = {}, keySlot = 0): Promise<TestCA> {
  const base = 100 + keySlot * 3;
  const [root, issuing, ocsp] = await Promise.all([
    pooledKeyPair(base),
    pooledKeyPair(base + 1),
    pooledKeyPair(base + 2),
  ]);
  return TestCA.create({ baseUrl: TEST_BASE_URL, keys: { root, issuing, ocsp }, ...opts });
}

const pool: Promise<KeyPair>[] = [];
/** The n-th pooled key pair (generated on first use, then reused). */
export function pooledKeyPair(n = 0): Promise<KeyPair> {
  pool[n] ??= generateRsaKeyPair(2048);
  return pool[n];
}
