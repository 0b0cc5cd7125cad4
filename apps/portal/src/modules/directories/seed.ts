import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loadDirectoryData, searchTextOf } from './data';
import { DIRECTORY_KINDS } from './schema';
import { directorySeedState } from './tables';

/**
 * Loads the data files into directory_entries (docs/reference-data.md). Idempotent and cheap: skipped when the
 * files' digest equals the one last loaded; otherwise one INSERT … ON CONFLICT for every row, which leaves
 * rows an administrator added or edited (source 'admin') as they are.
 */
export async function seedDirectories(db: Db): Promise<{ skipped: boolean; rows: number }> {
  const data = loadDirectoryData();
  const [state] = await db.select().from(directorySeedState);
  if (state?.digest === data.digest) return { skipped: true, rows: 0 };
  const rows = DIRECTORY_KINDS.flatMap((kind) =>
    data.byKind[kind].map((e) => ({
      kind,
      code: e.code,
      parent_code: e.parentCode ?? null,
      name_ru: e.nameRu,
      name_kk: e.nameKk,
      name_en: e.nameEn ?? null,
      attrs: e.attrs ?? {},
      search_text: searchTextOf(e.code, e),
    })),
  );
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await tx.execute(sql`
      INSERT INTO directory_entries (kind, code, parent_code, name_ru, name_kk, name_en, attrs, search_text, source, updated_at)
      SELECT kind, code, parent_code, name_ru, name_kk, name_en, attrs, search_text, 'seed', now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(kind text, code text, parent_code text, name_ru text, name_kk text, name_en text, attrs jsonb, search_text text)
      ON CONFLICT (kind, code) DO UPDATE SET
        parent_code = excluded.parent_code, name_ru = excluded.name_ru, name_kk = excluded.name_kk,
        name_en = excluded.name_en, attrs = excluded.attrs, search_text = excluded.search_text,
        updated_at = excluded.updated_at
      WHERE directory_entries.source = 'seed'`);
    await tx
      .insert(directorySeedState)
      .values({ id: 'directories', digest: data.digest })
      .onConflictDoUpdate({
        target: directorySeedState.id,
        set: { digest: data.digest, seededAt: sql`now()` },
      });
  });
  return { skipped: false, rows: rows.length };
}
