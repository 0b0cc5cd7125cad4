import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Reference data (docs/reference-data.md): every directory in one table, keyed by kind and code. Rows come
 * from the files in data/ (source 'seed', refreshed when the files change) or from an administrator
 * (source 'admin', never overwritten by the seed).
 */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    /** KATO (and ОКЭД) tree: the parent's code in the same kind. */
    parentCode: text('parent_code'),
    nameRu: text('name_ru').notNull(),
    nameKk: text('name_kk').notNull(),
    nameEn: text('name_en'),
    /** Kind-specific fields (banks: bic, bankCode, addresses, flags; КСЕ: sectorDigit; countries: alpha2…). */
    attrs: jsonb('attrs').$type<Record<string, unknown>>().notNull().default({}),
    /** Lower-cased code + names (+ BIC), built in JS: case-insensitive Cyrillic search under any DB locale. */
    searchText: text('search_text').notNull().default(''),
    active: boolean('active').notNull().default(true),
    source: text('source', { enum: ['seed', 'admin'] })
      .notNull()
      .default('seed'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.code] }),
    index('directory_entries_parent_idx').on(t.kind, t.parentCode),
  ],
);

/** The digest of the data files last loaded: a start with unchanged files skips the seed (one SELECT). */
export const directorySeedState = pgTable('directory_seed_state', {
  id: text('id').primaryKey().default(sql`'directories'`),
  digest: text('digest').notNull(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});
