// Shared by this package's tests (not shipped code): a test CA with an individual's and a legal
// entity head's AUTH/SIGN pairs written as NCA-named .p12 files, a tiny ws client, openssl helpers.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateRsaKeyPair,
  type KeyBundle,
  type ParsedCertificate,
  parseCertificate,
  readPkcs12,
} from '@tereze/pki';
import { TestCA } from '@tereze/pki/test-ca';
import WebSocket from 'ws';

export const PASSWORD = 'Qwerty12';
export const PERSON_IIN = '871008401427';
export const HEAD_IIN = '760212350620';
export const COMPANY_BIN = '940140000385';

export interface Pair {
  auth: KeyBundle;
  sign: KeyBundle;
}

export interface Fixture {
  person: Pair;
  head: Pair;
  root: ParsedCertificate;
  issuing: ParsedCertificate;
  /** Private folder with the four .p12 files and passwords.json {"*": "Qwerty12"}. */
  dir: string;
  /** PEM of the issuing CA and root (CAfile for openssl). */
  caFile: string;
  issuingPem: string;
  rootPem: string;
  cleanup(): void;
}

export function pemOf(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

interface CacheIndex {
  person: { auth: string; sign: string };
  head: { auth: string; sign: string };
}

/** Issues the test keys (RSA key generation makes this the slow part: seconds on a busy machine). */
async function buildCache(dir: string): Promise<void> {
  const ca = await TestCA.create({ baseUrl: 'http://127.0.0.1:9/pki' });
  // distinct AUTH and SIGN keys, as NCA issues them (their SKIs, hence aliases and file names, differ)
  const [k1, k2, k3, k4] = await Promise.all([1, 2, 3, 4].map(() => generateRsaKeyPair(2048)));
  const person = await ca.issue({
    template: 'individual',
    iin: PERSON_IIN,
    surname: 'ТЕСТОВ',
    firstName: 'ТЕСТ',
    patronymic: 'ТЕСТОВИЧ',
    keyPair: k1,
    signKeyPair: k2,
  });
  const head = await ca.issue({
    template: 'first-head',
    iin: HEAD_IIN,
    bin: COMPANY_BIN,
    org: 'ТОО "ТЕСТ"',
    surname: 'БАСШЫ',
    firstName: 'АЛИЯ',
    keyPair: k3,
    signKeyPair: k4,
  });
  const names = (pair: Pair) => {
    const [auth, sign] = ca.p12Files(pair, PASSWORD);
    for (const f of [auth, sign]) writeFileSync(join(dir, f.fileName), f.der);
    return { auth: auth.fileName, sign: sign.fileName };
  };
  const index: CacheIndex = { person: names(person), head: names(head) };
  writeFileSync(join(dir, 'passwords.json'), JSON.stringify({ '*': PASSWORD }));
  writeFileSync(join(dir, 'ca.pem'), pemOf(ca.issuing.certificate.der) + pemOf(ca.root.certificate.der));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
}

/**
 * One set of test keys per test run, shared by every test file (vitest runs files in sibling
 * processes of one parent): the first file builds it, the others wait for it.
 */
async function sharedCache(): Promise<string> {
  const base = join(tmpdir(), 'tereze-signer-fixture-');
  const dir = `${base}${process.ppid}`;
  const ready = join(dir, 'index.json');
  if (existsSync(ready)) return dir;
  try {
    mkdirSync(`${dir}.lock`);
  } catch {
    for (let waited = 0; !existsSync(ready); waited += 100) {
      if (waited > 180_000) throw new Error(`test fixture in ${dir} was never finished`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return dir;
  }
  try {
    for (const old of readdirSync(tmpdir()).filter((n) => n.startsWith('tereze-signer-fixture-'))) {
      const path = join(tmpdir(), old);
      if (path !== dir && path !== `${dir}.lock` && Date.now() - statSync(path).mtimeMs > 3_600_000) {
        rmSync(path, { recursive: true, force: true });
      }
    }
    mkdirSync(dir, { recursive: true });
    await buildCache(dir);
  } finally {
    rmSync(`${dir}.lock`, { recursive: true, force: true });
  }
  return dir;
}

/** A private copy of the shared test keys (tests may write into it, e.g. the TLS certificate). */
export async function makeFixture(): Promise<Fixture> {
  const cache = await sharedCache();
  const dir = mkdtempSync(join(tmpdir(), 'tereze-signer-'));
  for (const name of readdirSync(cache)) {
    if (name !== 'index.json') copyFileSync(join(cache, name), join(dir, name));
  }
  const index = JSON.parse(readFileSync(join(cache, 'index.json'), 'utf8')) as CacheIndex;
  const bundle = (file: string) => readPkcs12(readFileSync(join(dir, file)), PASSWORD)[0];
  const pair = (p: CacheIndex['person']): Pair => ({ auth: bundle(p.auth), sign: bundle(p.sign) });
  const caFile = join(dir, 'ca.pem');
  const [issuingPem, rootPem] = readFileSync(caFile, 'utf8')
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter(Boolean);
  return {
    person: pair(index.person),
    head: pair(index.head),
    issuing: parseCertificate(issuingPem),
    root: parseCertificate(rootPem),
    dir,
    caFile,
    issuingPem,
    rootPem,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A raw protocol client: the greeting, then one answer per sent frame. */
export class RawClient {
  private readonly queue: string[] = [];
  private waiters: ((s: string) => void)[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      const w = this.waiters.shift();
      if (w) w(text);
      else this.queue.push(text);
    });
  }

  static async open(url: string, options?: WebSocket.ClientOptions): Promise<RawClient> {
    const socket = new WebSocket(url, options);
    const client = new RawClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  next(timeoutMs = 15_000): Promise<string> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
      this.waiters.push((s) => {
        clearTimeout(timer);
        resolve(s);
      });
    });
  }

  /** Sends a frame (object → JSON) and returns the parsed answer. */
  async call(frame: unknown): Promise<Record<string, unknown>> {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    return JSON.parse(await this.next());
  }

  close(): void {
    this.socket.close();
  }
}

export interface OpensslVerified {
  content: Buffer;
  signerCertPem: string;
}

/**
 * `openssl cms -verify` against the test CA; returns the signed content and the signer's certificate.
 * Throws when openssl refuses the signature.
 */
export function opensslVerify(
  cms: string | Uint8Array,
  caFile: string,
  detachedContent?: Uint8Array,
): OpensslVerified {
  const dir = mkdtempSync(join(tmpdir(), 'tereze-cms-'));
  try {
    const input = join(dir, 'sig');
    const isPem = typeof cms === 'string' && cms.startsWith('-----BEGIN');
    writeFileSync(input, typeof cms === 'string' && !isPem ? Buffer.from(cms, 'base64') : cms);
    const args = [
      'cms',
      '-verify',
      '-binary',
      '-in',
      input,
      '-inform',
      isPem ? 'PEM' : 'DER',
      '-CAfile',
      caFile,
    ];
    args.push('-purpose', 'any', '-out', join(dir, 'out'), '-signer', join(dir, 'signer.pem'));
    if (detachedContent) {
      writeFileSync(join(dir, 'content'), detachedContent);
      args.push('-content', join(dir, 'content'));
    }
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const content = readFileSync(join(dir, 'out'));
    const signerCertPem = readFileSync(join(dir, 'signer.pem'), 'utf8');
    return { content, signerCertPem };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
