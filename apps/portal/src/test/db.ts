import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrationsFolder, openDatabase, runMigrations } from '../db/client';
import { loadDirectoryData } from '../modules/directories/data';

/**
 * An isolated, migrated database for one test file: fresh in-memory PGlite, or — when DATABASE_URL is set —
 * a fresh database created on that PostgreSQL server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await migratedTemplate() });
    await runMigrations(database); // a no-op on the template; kept so a stale template can never mislead
    return database;
  }
  const name = `tereze_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await runMigrations(database);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await withAdmin(adminUrl, async (c) => {
        // pool.end() resolves before the server has seen every connection go; dropping WITH (FORCE) at once
        // would terminate them mid-goodbye (FATAL 57P01 surfacing as unhandled errors). Wait for them first.
        for (let i = 0; i < 100; i++) {
          const { rows } = await c.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * PGlite's initdb costs seconds per test file; a migrated data directory dumped once (per migration set)
 * into the temp folder and loaded by every test file costs a fraction of that.
 */
async function migratedTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const f of readdirSync(migrationsFolder)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    hash.update(f).update(readFileSync(path.join(migrationsFolder, f)));
  }
  // The template holds the seeded reference data too: changed data files make a new template, not a reseed per file.
  hash.update(loadDirectoryData().digest);
  const file = path.join(os.tmpdir(), `tereze-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({ dataDir: 'memory://' });
  await runMigrations(database);
  const dump = await database.dumpDataDir!();
  await database.close();
  // Write then rename: test files starting together never read a half-written template.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}
