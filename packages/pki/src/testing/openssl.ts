/** Test helpers: run Debian's /usr/bin/openssl in a temporary directory. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OPENSSL = '/usr/bin/openssl';

export interface OpensslResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A scratch directory with helpers to write inputs, run openssl and read outputs. */
export class OpensslDir {
  readonly path = mkdtempSync(join(tmpdir(), 'tereze-openssl-'));

  write(name: string, data: Uint8Array | string): string {
    const p = join(this.path, name);
    writeFileSync(p, data);
    return p;
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(join(this.path, name)));
  }

  file(name: string): string {
    return join(this.path, name);
  }

  /** Runs openssl with the directory as cwd; never throws on a non-zero exit. */
  run(args: string[], input?: Uint8Array | string): OpensslResult {
    const r = spawnSync(OPENSSL, args, { cwd: this.path, input, encoding: 'buffer', timeout: 20_000 });
    return { status: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
  }

  /** Runs openssl and throws with its stderr on failure. */
  ok(args: string[], input?: Uint8Array | string): string {
    const r = this.run(args, input);
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export function opensslVersion(): string {
  return execFileSync(OPENSSL, ['version']).toString().trim();
}
