import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateProfile, readPkcs12 } from '@tereze/pki';
import { TestCA } from '@tereze/pki/test-ca';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCaCommands, splitName } from './ca';
import { registerSignCommand } from './sign';

const work = mkdtempSync(join(tmpdir(), 'tereze-cli-'));
const caDir = join(work, 'ca');
const keysDir = join(work, 'keys');
let lines: string[] = [];

function cli(...args: string[]) {
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  const log = (line: string) => lines.push(line);
  registerCaCommands(program, log);
  registerSignCommand(program, log);
  lines = [];
  return program.parseAsync(['node', 'tereze', ...args]);
}

function openssl(args: string[]) {
  return spawnSync('/usr/bin/openssl', args, { cwd: work, encoding: 'utf8' });
}

beforeAll(async () => {
  await cli('ca', 'init', '--dir', caDir, '--base-url', 'http://localhost:3000/pki');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tereze ca', () => {
  it('init writes the CA files and says where', () => {
    for (const f of ['root.pem', 'issuing.pem', 'ocsp.pem', 'index.json'])
      expect(existsSync(join(caDir, f))).toBe(true);
    expect(TestCA.load(caDir).baseUrl).toBe('http://localhost:3000/pki');
  });

  it('issue writes AUTH_RSA256_<SKI>.p12 and RSA256_<SKI>.p12 into the folder of --out', async () => {
    await cli(
      'ca',
      'issue',
      '--dir',
      caDir,
      '--template',
      'first-head',
      '--iin',
      '871008401427',
      '--bin',
      '940140000385',
      '--org',
      'ТОО "Тест"',
      '--name',
      'ИВАНОВ ИВАН',
      '--patronymic',
      'ИВАНОВИЧ',
      '--email',
      'ivan@example.kz',
      '--out',
      join(keysDir, 'ivanov.p12'),
      '--password',
      'Qwerty12',
    );
    const files = readdirSync(keysDir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^AUTH_RSA256_[0-9a-f]{40}\.p12$/);
    expect(files[1]).toMatch(/^RSA256_[0-9a-f]{40}\.p12$/);
    expect(lines.join('\n')).toContain(join(keysDir, files[0]));
    const [sign] = readPkcs12(readFileSync(join(keysDir, files[1])), 'Qwerty12');
    expect(files[1]).toBe(`RSA256_${sign.alias}.p12`);
    expect(certificateProfile(sign.certificate)).toMatchObject({
      iin: '871008401427',
      bin: '940140000385',
      surname: 'ИВАНОВ',
      firstName: 'ИВАН',
      patronymic: 'ИВАНОВИЧ',
      organization: 'ТОО "Тест"',
      purpose: 'SIGN',
      roles: ['first_head'],
    });
  });

  it('sign + openssl cms -verify, then revoke shows up in the CRL', async () => {
    const signFile = readdirSync(keysDir).find((f) => f.startsWith('RSA256_'))!;
    writeFileSync(join(work, 'doc.txt'), 'документ');
    await cli(
      'sign',
      '--p12',
      join(keysDir, signFile),
      '--password',
      'Qwerty12',
      '--in',
      join(work, 'doc.txt'),
      '--out',
      join(work, 'doc.cms'),
    );
    expect(lines[0]).toContain('attached');
    const v = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'doc.cms',
      '-CAfile',
      join(caDir, 'root.pem'),
      '-out',
      'doc.out',
    ]);
    expect(v.stderr).toContain('Verification successful');
    expect(readFileSync(join(work, 'doc.out'), 'utf8')).toBe('документ');

    await cli(
      'sign',
      '--p12',
      join(keysDir, signFile),
      '--password',
      'Qwerty12',
      '--in',
      join(work, 'doc.txt'),
      '--out',
      join(work, 'doc.pem'),
      '--detached',
      '--pem',
    );
    expect(readFileSync(join(work, 'doc.pem'), 'utf8')).toMatch(/^-----BEGIN CMS-----\n/);
    const d = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'PEM',
      '-in',
      'doc.pem',
      '-content',
      'doc.txt',
      '-CAfile',
      join(caDir, 'root.pem'),
      '-out',
      '/dev/null',
    ]);
    expect(d.status).toBe(0);

    const serial = readPkcs12(readFileSync(join(keysDir, signFile)), 'Qwerty12')[0].certificate.serialNumber;
    await cli('ca', 'revoke', '--dir', caDir, '--serial', serial.toUpperCase(), '--reason', 'keyCompromise');
    expect(lines[0]).toContain(`revoked ${serial}`);
    await cli('ca', 'crl', '--dir', caDir, '--out', join(work, 'issuing.crl'));
    const crl = openssl(['crl', '-inform', 'DER', '-in', 'issuing.crl', '-noout', '-text']);
    expect(crl.stdout).toContain(serial.toUpperCase());
  });

  it('refuses bad input with messages naming the problem', async () => {
    const base = [
      'ca',
      'issue',
      '--dir',
      caDir,
      '--iin',
      '871008401427',
      '--out',
      join(work, 'x', 'k.p12'),
      '--password',
      'p',
    ];
    await expect(cli(...base, '--template', 'president')).rejects.toThrow(/--template: unknown "president"/);
    await expect(
      cli(
        'ca',
        'issue',
        '--dir',
        caDir,
        '--template',
        'individual',
        '--iin',
        '871008401428',
        '--out',
        join(work, 'x', 'k.p12'),
        '--password',
        'p',
      ),
    ).rejects.toThrow(/invalid IIN/);
    await expect(cli(...base, '--template', 'hr', '--bin', '940140000386', '--org', 'X')).rejects.toThrow(
      /invalid BIN/,
    );
    await expect(cli(...base, '--template', 'individual', '--name', 'ОДНОСЛОВО')).rejects.toThrow(/--name/);
    await expect(
      cli(
        'ca',
        'issue',
        '--dir',
        join(work, 'none'),
        '--template',
        'individual',
        '--iin',
        '871008401427',
        '--out',
        'k.p12',
        '--password',
        'p',
      ),
    ).rejects.toThrow(/no test CA/);
    await expect(cli('ca', 'revoke', '--dir', caDir, '--serial', 'abcdef')).rejects.toThrow(
      /no certificate with serial/,
    );
    await expect(
      cli('ca', 'revoke', '--dir', caDir, '--serial', '01', '--reason', 'boredom'),
    ).rejects.toThrow(/--reason/);
    await expect(cli('ca', 'init', '--dir', caDir)).rejects.toThrow(/already exists/);
    await expect(cli('ca', 'init', '--dir', join(work, 'ca2'), '--key-size', '1024')).rejects.toThrow(
      /--key-size/,
    );
    expect(existsSync(join(work, 'x'))).toBe(false);
    const p12 = join(keysDir, readdirSync(keysDir)[0]);
    await expect(
      cli(
        'sign',
        '--p12',
        p12,
        '--password',
        'wrong',
        '--in',
        join(work, 'doc.txt'),
        '--out',
        join(work, 'bad.cms'),
      ),
    ).rejects.toMatchObject({ code: 'bad_password' });
    await expect(
      cli(
        'sign',
        '--p12',
        p12,
        '--password',
        'Qwerty12',
        '--in',
        join(work, 'doc.txt'),
        '--out',
        join(work, 'bad.cms'),
        '--alias',
        'nope',
      ),
    ).rejects.toThrow(/--alias/);
    expect(existsSync(join(work, 'bad.cms'))).toBe(false);
  });

  it('splits "SURNAME NAME"', () => {
    expect(splitName(' ТЕСТОВ  ТЕСТ ')).toEqual({ surname: 'ТЕСТОВ', firstName: 'ТЕСТ' });
    expect(splitName('ӘБДІ ӘЛІ ХАН')).toEqual({ surname: 'ӘБДІ', firstName: 'ӘЛІ ХАН' });
  });
});
