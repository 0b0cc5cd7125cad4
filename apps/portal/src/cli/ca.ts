/**
 * `tereze ca init | issue | revoke | crl`: the built-in test CA from the command line.
 * `ca issue` writes NCA's two files (AUTH_RSA256_<SKI>.p12 and RSA256_<SKI>.p12) into the
 * folder of --out (or --out itself when it is a folder) — see docs/pki.md.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isTemplateName, type RevocationReason, TEMPLATE_NAMES, TestCA } from '@tereze/pki/test-ca';
import type { Command } from 'commander';

export type Log = (line: string) => void;

export const DEFAULT_BASE_URL = 'http://localhost:3000/pki';

const REASONS: RevocationReason[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
];

/** "SURNAME NAME" → surname and first name (the first name may hold several words). */
export function splitName(name: string): { surname: string; firstName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2 || !parts[0]) throw new Error(`--name: expected "SURNAME NAME", got "${name}"`);
  return { surname: parts[0], firstName: parts.slice(1).join(' ') };
}

/** The folder the .p12 files go to: --out itself when it is (or ends like) a folder, else its folder. */
export function outputFolder(out: string): string {
  if (out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory())) return out;
  return dirname(out);
}

function parseDate(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`${flag}: not a date: ${value}`);
  return d;
}

export function registerCaCommands(program: Command, log: Log = console.log): void {
  const ca = program.command('ca').description('Test certification authority (development, tests, demos)');

  ca.command('init')
    .description('Create a test CA (root + issuing CA + OCSP responder) in a folder')
    .requiredOption('--dir <dir>', 'folder for the CA files')
    .option('--base-url <url>', 'URL the portal serves /crl, /ca and /ocsp under', DEFAULT_BASE_URL)
    .option('--key-size <bits>', 'RSA key size of the CA keys: 2048 or 4096', '2048')
    .action(async (opts: { dir: string; baseUrl: string; keySize: string }) => {
      const keySize = Number(opts.keySize);
      if (keySize !== 2048 && keySize !== 4096)
        throw new Error(`--key-size: 2048 or 4096, got ${opts.keySize}`);
      const created = await TestCA.create({ dir: opts.dir, baseUrl: opts.baseUrl, keySize });
      log(`test CA created in ${opts.dir}`);
      log(`  root:    ${created.root.certificate.subjectDn} (${join(opts.dir, 'root.pem')})`);
      log(`  issuing: ${created.issuing.certificate.subjectDn} (${join(opts.dir, 'issuing.pem')})`);
      log(`  CRL ${created.urls.issuingCrl}, OCSP ${created.urls.ocsp}`);
    });

  ca.command('issue')
    .description('Issue an NCA-profile AUTH + SIGN pair as AUTH_RSA256_<SKI>.p12 and RSA256_<SKI>.p12')
    .requiredOption('--dir <dir>', 'CA folder (from ca init)')
    .requiredOption('--template <template>', TEMPLATE_NAMES.join(' | '))
    .requiredOption('--iin <iin>', 'IIN of the holder (12 digits, valid check digit)')
    .option('--bin <bin>', 'BIN of the organisation (legal-entity templates)')
    .option('--org <name>', 'organisation name (legal-entity templates)')
    .option('--name <name>', '"SURNAME NAME" of the holder', 'ТЕСТОВ ТЕСТ')
    .option('--patronymic <patronymic>', 'patronymic (goes into GN)')
    .option('--email <email>', 'e-mail address')
    .option('--locality <locality>', 'locality (L)')
    .option('--not-before <date>', 'validity start (ISO date); for expired / not-yet-valid test keys')
    .option('--not-after <date>', 'validity end (ISO date)')
    .requiredOption(
      '--out <file.p12>',
      'where to write: the two .p12 files go into this folder (or its folder)',
    )
    .requiredOption('--password <password>', 'password of the .p12 files')
    .action(async (opts) => {
      if (!isTemplateName(opts.template)) {
        throw new Error(`--template: unknown "${opts.template}"; use one of ${TEMPLATE_NAMES.join(', ')}`);
      }
      if (!opts.password) throw new Error('--password: must not be empty');
      const testCa = TestCA.load(opts.dir);
      const pair = await testCa.issue({
        template: opts.template,
        iin: opts.iin,
        bin: opts.bin,
        org: opts.org,
        ...splitName(opts.name),
        patronymic: opts.patronymic,
        email: opts.email,
        locality: opts.locality,
        notBefore: parseDate(opts.notBefore, '--not-before'),
        notAfter: parseDate(opts.notAfter, '--not-after'),
      });
      const folder = outputFolder(opts.out);
      mkdirSync(folder, { recursive: true });
      log(
        `issued ${opts.template} for IIN ${opts.iin}${opts.bin ? ` BIN ${opts.bin}` : ''}: two files (AUTH and SIGN)`,
      );
      for (const file of testCa.p12Files(pair, opts.password)) {
        const path = join(folder, file.fileName);
        writeFileSync(path, file.der, { mode: 0o600 });
        const cert = file.purpose === 'AUTH' ? pair.auth.certificate : pair.sign.certificate;
        log(
          `  ${file.purpose.padEnd(4)} ${path} serial ${cert.serialNumber} valid to ${cert.notAfter.toISOString()}`,
        );
      }
    });

  ca.command('revoke')
    .description('Revoke a certificate issued by this CA (CRL and OCSP show it at once)')
    .requiredOption('--dir <dir>', 'CA folder')
    .requiredOption('--serial <hex>', 'serial number (hex, as printed by ca issue)')
    .option('--reason <reason>', REASONS.join(' | '), 'unspecified')
    .action(async (opts: { dir: string; serial: string; reason: string }) => {
      if (!REASONS.includes(opts.reason as RevocationReason)) {
        throw new Error(`--reason: unknown "${opts.reason}"; use one of ${REASONS.join(', ')}`);
      }
      const rec = TestCA.load(opts.dir).revoke(opts.serial, opts.reason as RevocationReason);
      log(`revoked ${rec.serial} (${rec.subjectDn}) at ${rec.revokedAt}, reason ${rec.reason}`);
    });

  ca.command('crl')
    .description('Write a signed CRL (DER) of the issuing CA or the root')
    .requiredOption('--dir <dir>', 'CA folder')
    .requiredOption('--out <file.crl>', 'output file')
    .option('--root', 'the root CA CRL instead of the issuing CA one')
    .option('--delta', 'a delta CRL (changes since the last full CRL)')
    .action(async (opts: { dir: string; out: string; root?: boolean; delta?: boolean }) => {
      const der = await TestCA.load(opts.dir).crl({
        which: opts.root ? 'root' : 'issuing',
        delta: opts.delta === true,
      });
      writeFileSync(opts.out, der);
      log(
        `wrote ${opts.delta ? 'delta ' : ''}CRL of the ${opts.root ? 'root' : 'issuing'} CA to ${opts.out}`,
      );
    });
}
