import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where file bytes live, addressed by their SHA-256 (hex). Shaped like an object store (put / get / delete by
 * key) so an S3-compatible implementation can replace the filesystem one without touching the callers.
 */
export interface FileStore {
  /** Stores the bytes under their hash; a no-op when that content is already there. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when absent. */
  get(sha256: string): Promise<Uint8Array | null>;
  delete(sha256: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** Every stored blob with its last write time (for the sweep of unreferenced blobs). */
  list(): AsyncIterable<{ sha256: string; modifiedAt: Date }>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function checkKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`file store: not a SHA-256 hex key: ${sha256.slice(0, 80)}`);
  return sha256;
}

/**
 * The filesystem store: `<root>/<aa>/<bb>/<sha256>`. A write goes to `<root>/tmp/` first, is flushed, then
 * renamed into place — a reader never sees half a file. A failed write removes its temp file; one a crash left
 * is removed (when over an hour old) before the process's first write. Same-volume rename is atomic, which is
 * why tmp/ lives under the root.
 */
/** Temp files older than this are leftovers of a crashed write (a write takes seconds at most). */
export const STALE_TEMP_MS = 60 * 60_000;

export function createFsFileStore(root: string, opts: { now?: () => number } = {}): FileStore {
  const now = opts.now ?? Date.now;
  let swept = false;
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), checkKey(sha256));
  const tmpDir = join(root, 'tmp');

  const exists = async (path: string) => {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  };

  /** Once per process, before the first write: remove temp files a crash left behind. */
  async function sweepStaleTemp() {
    swept = true;
    let names: string[];
    try {
      names = await readdir(tmpDir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    }
  }

  return {
    async put(sha256, bytes) {
      const target = pathOf(sha256);
      if (!swept) await sweepStaleTemp();
      if (await exists(target)) return;
      await mkdir(tmpDir, { recursive: true });
      await mkdir(join(target, '..'), { recursive: true });
      const tmp = join(tmpDir, `${sha256}.${randomBytes(8).toString('hex')}.part`);
      try {
        const handle = await open(tmp, 'wx', 0o640);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    async get(sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    has: (sha256) => exists(pathOf(sha256)),
    async *list() {
      const dirs = async (dir: string) =>
        (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{2}$/.test(n));
      for (const a of await dirs(root))
        for (const b of await dirs(join(root, a)))
          for (const name of await readdir(join(root, a, b)).catch(() => [] as string[])) {
            if (!SHA256_HEX.test(name)) continue;
            const info = await stat(join(root, a, b, name)).catch(() => null);
            if (info?.isFile()) yield { sha256: name, modifiedAt: info.mtime };
          }
    },
  };
}
