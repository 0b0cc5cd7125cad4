import { existsSync, readFileSync, statSync } from 'node:fs';
import { type RunningSigner, startSigner } from './server';
import type { KeyRule } from './types';

export interface SignerCliOptions {
  keystores: string;
  port?: number | string;
  host?: string;
  insecure?: boolean;
  password?: string;
  /** Alias of the key to pick instead of the first suitable one. */
  alias?: string;
  /** Answer every request as if the user pressed Cancel. */
  cancel?: boolean;
  /** Web origins allowed besides localhost pages ('*' = any). */
  origin?: string[];
  /** PEM files standing for NCALayer's production NCA trust (requests without signerParams.chain). */
  ncaRoot?: string[];
}

export type Log = (line: string) => void;

export function parsePort(value: number | string | undefined): number {
  if (value === undefined) return 13579;
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a TCP port: ${value}`);
  return port;
}

/** Starts the signer for `tereze signer` and prints what it loaded. */
export async function runSignerCli(
  options: SignerCliOptions,
  log: Log = console.log,
): Promise<RunningSigner> {
  const dir = options.keystores;
  if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`--keystores: not a folder: ${dir}`);
  }
  const rule: KeyRule = {
    pick: options.alias ? { alias: options.alias } : 'first',
    cancel: options.cancel ?? false,
  };
  const signer = await startSigner({
    keystoreDir: dir,
    password: options.password,
    port: parsePort(options.port),
    host: options.host ?? '127.0.0.1',
    tls: options.insecure ? false : 'self-signed',
    rule,
    allowedOrigins: options.origin,
    ncaRoots: (options.ncaRoot ?? []).map((file) => readFileSync(file, 'utf8')),
    onRequest: ({ module, method, outcome }) =>
      log(`${new Date().toISOString()} ${module}.${method}: ${outcome}`),
  });
  log(`tereze signer listening on ${signer.url}`);
  for (const key of signer.keystore.keys) {
    log(
      `  key ${key.alias} ${key.purpose} ${key.iin ? `IIN ${key.iin}` : ''}${key.bin ? ` BIN ${key.bin}` : ''} (${key.file})`,
    );
  }
  for (const p of signer.keystore.problems) log(`  skipped ${p.file}: ${p.message}`);
  if (signer.keystore.keys.length === 0) log('  warning: no keys loaded');
  if (!options.insecure) {
    log(`  first use in a browser: open ${signer.url.replace('wss:', 'https:')} and accept the certificate`);
  }
  return signer;
}
