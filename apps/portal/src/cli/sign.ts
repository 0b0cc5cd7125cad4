/** `tereze sign --p12 F --password P --in DATA [--detached] --out SIG.cms`: CMS signature with a .p12 key. */
import { readFileSync, writeFileSync } from 'node:fs';
import { EKU, type KeyBundle, readPkcs12, signCms, toPemCms } from '@tereze/pki';
import type { Command } from 'commander';

export type Log = (line: string) => void;

/** The key to sign with: --alias, else the only key, else the first SIGN (emailProtection) key. */
export function chooseKey(bundles: KeyBundle[], alias?: string): KeyBundle {
  if (alias) {
    const hit = bundles.find((b) => b.alias.toLowerCase() === alias.toLowerCase());
    if (!hit) throw new Error(`--alias: no key "${alias}" (have ${bundles.map((b) => b.alias).join(', ')})`);
    return hit;
  }
  if (bundles.length === 1) return bundles[0];
  return bundles.find((b) => b.certificate.ekus.includes(EKU.emailProtection)) ?? bundles[0];
}

export function registerSignCommand(program: Command, log: Log = console.log): void {
  program
    .command('sign')
    .description('Sign a file as CMS (SHA-256, signingTime, ESSCertIDv2) with a key from a .p12')
    .requiredOption('--p12 <file>', 'PKCS#12 keystore (e.g. RSA256_<SKI>.p12)')
    .requiredOption('--password <password>', 'keystore password')
    .requiredOption('--in <file>', 'data to sign')
    .requiredOption('--out <file>', 'signature file to write (DER; PEM with --pem)')
    .option('--detached', 'leave the data out of the CMS')
    .option('--pem', 'write PEM (-----BEGIN CMS-----) as NCALayer returns it')
    .option('--alias <alias>', 'key alias (SKI) when the .p12 holds several keys')
    .action(
      async (opts: {
        p12: string;
        password: string;
        in: string;
        out: string;
        detached?: boolean;
        pem?: boolean;
        alias?: string;
      }) => {
        const bundles = readPkcs12(new Uint8Array(readFileSync(opts.p12)), opts.password);
        const key = chooseKey(bundles, opts.alias);
        const data = new Uint8Array(readFileSync(opts.in));
        const cms = await signCms(data, key, { detached: opts.detached === true });
        writeFileSync(opts.out, opts.pem ? toPemCms(cms) : cms);
        log(
          `signed ${opts.in} (${data.length} bytes, ${opts.detached ? 'detached' : 'attached'}) with ${key.certificate.subjectDn} → ${opts.out}`,
        );
      },
    );
}
