import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIRECTORY_KINDS, type DirectoryKind } from './schema';

/** One entry as the data files hold it (and as the seed writes it). */
export interface SeedEntry {
  code: string;
  parentCode?: string | null;
  nameRu: string;
  nameKk: string;
  nameEn?: string | null;
  attrs?: Record<string, unknown>;
}

export const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** KATO is large (a CSV: code;parent;ru;kk;en); every other kind is a JSON array of SeedEntry. */
function fileOf(kind: DirectoryKind) {
  return path.join(dataDir, kind === 'kato' ? 'kato.csv' : `${kind}.json`);
}

function parseKatoCsv(text: string): SeedEntry[] {
  const entries: SeedEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [code, parent, nameRu, nameKk, nameEn] = line.replace(/\r$/, '').split(';');
    entries.push({
      code,
      parentCode: parent || null,
      nameRu,
      nameKk: nameKk || nameRu,
      nameEn: nameEn || null,
    });
  }
  return entries;
}

export interface DirectoryData {
  byKind: Record<DirectoryKind, SeedEntry[]>;
  /** SHA-256 over every file: the seed runs again only when a file changed. */
  digest: string;
}

let cached: DirectoryData | undefined;

/** Reads the data files once per process. */
export function loadDirectoryData(): DirectoryData {
  if (cached) return cached;
  const hash = createHash('sha256');
  const byKind = {} as Record<DirectoryKind, SeedEntry[]>;
  for (const kind of DIRECTORY_KINDS) {
    const text = readFileSync(fileOf(kind), 'utf8');
    hash.update(kind).update('\0').update(text).update('\0');
    byKind[kind] = kind === 'kato' ? parseKatoCsv(text) : (JSON.parse(text) as SeedEntry[]);
  }
  cached = { byKind, digest: hash.digest('hex') };
  return cached;
}

/** The lower-cased text the `q` search matches: code, names and, for banks, the BIC and bank code. */
export function searchTextOf(code: string, e: Omit<SeedEntry, 'code'>): string {
  const extra = [e.attrs?.bic, e.attrs?.bankCode, e.attrs?.alpha2, e.attrs?.alpha3].filter(
    (v): v is string => typeof v === 'string',
  );
  return [code, e.nameRu, e.nameKk, e.nameEn ?? '', ...extra].join(' | ').toLowerCase();
}
