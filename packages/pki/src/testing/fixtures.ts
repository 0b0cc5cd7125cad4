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
  caPromise ??= TestCA.create({ baseUrl: TEST_BASE_URL });
  return caPromise;
}

export function newTestCa(opts: Partial<TestCaCreateOptions> = {}): Promise<TestCA> {
  return TestCA.create({ baseUrl: TEST_BASE_URL, ...opts });
}

const pool: Promise<KeyPair>[] = [];
/** The n-th pooled key pair (generated on first use, then reused). */
export function pooledKeyPair(n = 0): Promise<KeyPair> {
  pool[n] ??= generateRsaKeyPair(2048);
  return pool[n];
}
