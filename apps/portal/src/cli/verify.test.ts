import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePem, generateRsaKeyPair, type KeyBundle, signCms, toPemCms } from '@tereze/pki';
import { TestCA } from '@tereze/pki/test-ca';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerVerifyCommand } from './verify';

const work = mkdtempSync(join(tmpdir(), 'tereze-verify-cli-'));
const data = new TextEncoder().encode('tereze CLI verify');
let ca: TestCA;
let pair: { auth: KeyBundle; sign: KeyBundle };
let out: string[] = [];

async function cli(...args: string[]) {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
  registerVerifyCommand(program, (line) => out.push(line));
  out = [];
  await program.parseAsync(['node', 'tereze', 'verify', ...args]);
  return JSON.parse(out.join('\n'));
}

beforeAll(async () => {
  ca = await TestCA.create({ baseUrl: 'http://pki.test/pki' });
  pair = await ca.issue({
    template: 'first-head',
    iin: '871008401427',
    bin: '940140000385',
    org: 'ТОО "CLI"',
    surname: 'КЛИ',
    firstName: 'ТЕСТ',
    keyPair: await generateRsaKeyPair(2048),
  });
  writeFileSync(join(work, 'root.pem'), encodePem('CERTIFICATE', ca.root.certificate.der));
  writeFileSync(join(work, 'data.txt'), data);
  writeFileSync(join(work, 'other.txt'), 'something else');
  writeFileSync(join(work, 'sig.cms'), toPemCms(await signCms(data, pair.sign)));
  writeFileSync(join(work, 'det.cms'), await signCms(data, pair.sign, { detached: true }));
  writeFileSync(join(work, 'auth.cms'), await signCms(data, pair.auth));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

const f = (name: string) => join(work, name);

describe('tereze verify', () => {
  it('prints a JSON report with the signer and exits 0 when valid', async () => {
    const report = await cli('--in', f('sig.cms'), '--trust', f('root.pem'), '--revocation', 'off');
    expect(report.valid).toBe(true);
    expect(process.exitCode).toBe(0);
    expect(report.signers[0]).toMatchObject({ iin: '871008401427', bin: '940140000385', name: 'КЛИ ТЕСТ' });
    expect(report.signers[0].policies).toContain('1.2.398.3.3.2.1');
    expect(report.checks.map((c: { name: string }) => c.name)).toContain('chain');
  });

  it('detached data: valid with the right file, digest failure with another', async () => {
    const ok = await cli(
      '--in',
      f('det.cms'),
      '--data',
      f('data.txt'),
      '--trust',
      f('root.pem'),
      '--revocation',
      'off',
    );
    expect(ok.valid).toBe(true);
    const bad = await cli(
      '--in',
      f('det.cms'),
      '--data',
      f('other.txt'),
      '--trust',
      f('root.pem'),
      '--revocation',
      'off',
    );
    expect(bad.valid).toBe(false);
    expect(bad.failedCheck).toBe('digest');
    expect(process.exitCode).toBe(1);
  });

  it('exit code 1 with the failing check named: untrusted, wrong purpose, unreachable revocation', async () => {
    const untrusted = await cli('--in', f('sig.cms'), '--revocation', 'off');
    expect(untrusted.failedCheck).toBe('chain');
    expect(process.exitCode).toBe(1);
    const login = await cli(
      '--in',
      f('sig.cms'),
      '--trust',
      f('root.pem'),
      '--purpose',
      'login',
      '--revocation',
      'off',
    );
    expect(login.failedCheck).toBe('key_usage');
    const authLogin = await cli(
      '--in',
      f('auth.cms'),
      '--trust',
      f('root.pem'),
      '--purpose',
      'login',
      '--revocation',
      'off',
    );
    expect(authLogin.valid).toBe(true);
    // pki.test does not resolve: hard-fail refuses, --soft-fail accepts and says so
    const hard = await cli('--in', f('sig.cms'), '--trust', f('root.pem'), '--revocation', 'ocsp');
    expect(hard.failedCheck).toBe('revocation');
    const soft = await cli(
      '--in',
      f('sig.cms'),
      '--trust',
      f('root.pem'),
      '--revocation',
      'ocsp',
      '--soft-fail',
    );
    expect(soft.valid).toBe(true);
    expect(process.exitCode).toBe(0);
  });
});
