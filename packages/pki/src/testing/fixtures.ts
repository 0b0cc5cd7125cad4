/**
 * Shared test fixtures: one test CA and a small pool of RSA keys per test process (RSA
 * key generation costs ~50–150 ms, a CA ~1–2 s), so test files stay fast.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRsaKeyPair, type KeyPair, privateKeyToPem } from '../keys';
import { TestCA, type TestCaCreateOptions } from '../test-ca';

export const TEST_BASE_URL = 'http://pki.test/pki';
export const PASSWORD = 'Qwerty12';
/** Valid identifiers from shared/NCA.md. */
export const IINS = ['871008401427', '760212350620', '800416300257'] as const;
export const BINS = ['940140000385', '950341000052', '961141000023'] as const;

let caPromise: Promise<TestCA> | undefined;
/** The process-wide in-memory test CA. */
export function sharedTestCa(): Promise<TestCA> {
  caPromise ??= newTestCa({}, 0);
  return caPromise;
}

/**
 * A fresh CA (own certificates, index and CRL numbers) on pooled keys: cheap to make.
 * Every call gets keys of its own (so two CAs never share keys or verify each other's
 * certificates) unless `keySlot` is given: CAs of the same slot share keys AND DNs.
 */
export async function newTestCa(opts: Partial<TestCaCreateOptions> = {}, keySlot?: number): Promise<TestCA> {
  const slot = keySlot ?? nextSlot++;
  const base = 100 + slot * 3;
  const [root, issuing, ocsp] = await Promise.all([
    pooledKeyPair(base),
    pooledKeyPair(base + 1),
    pooledKeyPair(base + 2),
  ]);
  return TestCA.create({ baseUrl: TEST_BASE_URL, keys: { root, issuing, ocsp }, ...opts });
}
let nextSlot = 1;

const pool: Promise<KeyPair>[] = [];
const KEY_CACHE_DIR = join(tmpdir(), 'tereze-test-keys-v1');

/**
 * The n-th pooled RSA-2048 key pair: generated once, then reused — within the process, and
 * across test processes through a cache of throw-away PEM files in the temp directory.
 */
export function pooledKeyPair(n = 0): Promise<KeyPair> {
  pool[n] ??= loadOrGenerate(n);
  return pool[n];
}

async function loadOrGenerate(n: number): Promise<KeyPair> {
  const file = join(KEY_CACHE_DIR, `rsa2048-${n}.pem`);
  try {
    const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    const pair = await generateRsaKeyPair(2048);
    mkdirSync(KEY_CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, privateKeyToPem(pair.privateKey), { mode: 0o600 });
    renameSync(tmp, file); // atomic: a parallel process reads a whole file or none
    return pair;
  }
}
