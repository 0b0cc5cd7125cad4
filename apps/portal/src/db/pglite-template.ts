import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

// PGlite's initdb costs ~7 s on this 2-core machine, loading a dumped empty cluster ~1 s. `npm install` makes
// the dump once (postinstall → prepare-pglite.ts) so the first `npm start` answers within seconds. The dump
// depends only on the PGlite version, never on our migrations (they run after loading).

const require = createRequire(import.meta.url);

/** PGlite does not export its package.json: walk up from its entry point to read the version. */
function pgliteVersion(): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist')
    dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export const baseTemplatePath = path.join(
  repoRoot,
  'node_modules',
  '.cache',
  'tereze',
  `pglite-${pgliteVersion()}-empty.tar`,
);

/** The dumped empty cluster, when `npm install` (or an earlier start) made one. */
export function readBaseTemplate(): Blob | undefined {
  return existsSync(baseTemplatePath) ? new Blob([readFileSync(baseTemplatePath)]) : undefined;
}

/** Runs initdb in memory once and keeps the result for the next fresh data directory. */
export async function writeBaseTemplate(): Promise<void> {
  const pg = await PGlite.create('memory://');
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  mkdirSync(path.dirname(baseTemplatePath), { recursive: true });
  const partial = `${baseTemplatePath}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, baseTemplatePath);
}

/** A data directory PGlite has not initialised yet (no PG_VERSION file). */
export const isFreshDataDir = (dataDir: string) => !existsSync(path.join(dataDir, 'PG_VERSION'));
