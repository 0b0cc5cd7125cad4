import { and, asc, eq, getTableColumns, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { fieldMessage, type Language, translate } from '../../server/i18n/messages';
import type { AuditService } from '../audit/service';
import { searchTextOf } from './data';
import {
  attrsSchemas,
  codePatterns,
  type DirectoryKind,
  type EntryInput,
  type EntryUpdate,
  entryInput,
  isDirectoryKind,
} from './schema';
import { directoryEntries } from './tables';

export type DirectoryEntry = typeof directoryEntries.$inferSelect & { hasChildren?: boolean };

/** Who changes a directory: journaled, and the language field errors are written in. */
export interface DirectoryActor {
  accountId: string;
  lang: Language;
  ip?: string | null;
  userAgent?: string | null;
}

export interface ListOptions {
  q?: string;
  /** Children of this code (KATO tree). */
  parent?: string;
  /** Only entries without a parent (KATO regions). */
  roots?: boolean;
  limit?: number;
  includeInactive?: boolean;
  /** Countries are sorted by their name in this language; other kinds by code. */
  lang?: Language;
}

export const DEFAULT_LIST_LIMIT = 300;

/** The name to show in a language: en falls back to ru (not every entry has an English name). */
export function displayName(e: Pick<DirectoryEntry, 'nameRu' | 'nameKk' | 'nameEn'>, lang: Language): string {
  return lang === 'kk' ? e.nameKk : lang === 'en' ? (e.nameEn ?? e.nameRu) : e.nameRu;
}

function requireKind(kind: string): DirectoryKind {
  if (!isDirectoryKind(kind)) throw new AppError(404, 'directory_unknown', { kind });
  return kind;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Reference data (docs/reference-data.md): lists and look-ups for every module, and the administrator's
 * add/edit (journaled). Authorisation of admin writes is the routes' requireRole plus the actor passed here.
 */
export function createDirectoryService(deps: { db: Db; audit: AuditService; now: () => Date }) {
  const { db, audit, now } = deps;

  async function get(kind: string, code: string, tx: Db = db): Promise<DirectoryEntry | null> {
    if (!isDirectoryKind(kind)) return null;
    const [row] = await tx
      .select()
      .from(directoryEntries)
      .where(and(eq(directoryEntries.kind, kind), eq(directoryEntries.code, code)));
    return row ?? null;
  }

  /** Every field error at once (400 validation_failed), nothing written. */
  async function validate(
    kind: DirectoryKind,
    entry: { code: string; parentCode?: string | null; attrs: Record<string, unknown> },
    lang: Language,
    tx: Db,
  ) {
    const fields: Record<string, string> = {};
    if (!codePatterns[kind].test(entry.code)) fields.code = fieldMessage(lang, 'invalid_format');
    if (kind === 'banks' && entry.attrs.bic !== entry.code)
      fields['attrs.bic'] = translate(lang, 'directory_bic_mismatch');
    const attrs = attrsSchemas[kind].safeParse(entry.attrs);
    if (!attrs.success)
      for (const issue of attrs.error.issues) {
        const key = ['attrs', ...issue.path.map(String)].join('.');
        fields[key] ??= fieldMessage(lang, issue.code, (issue as { input?: unknown }).input);
      }
    if (entry.parentCode) {
      if (entry.parentCode === entry.code) fields.parentCode = fieldMessage(lang, 'invalid');
      else if (!(await get(kind, entry.parentCode, tx)))
        fields.parentCode = translate(lang, 'directory_parent_unknown');
    } else if (kind === 'kato' && !entry.code.endsWith('0000000')) {
      fields.parentCode = fieldMessage(lang, 'required');
    }
    if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', {}, fields);
  }

  /** Banks are keyed by their BIC: a missing attrs.bic is the code, upper-cased. */
  function normalise<T extends { code?: string; attrs?: Record<string, unknown> }>(
    kind: DirectoryKind,
    e: T,
  ): T {
    if (kind !== 'banks') return e;
    const code = e.code?.toUpperCase();
    const bic = typeof e.attrs?.bic === 'string' ? e.attrs.bic.toUpperCase() : code;
    return { ...e, ...(code ? { code } : {}), attrs: { ...e.attrs, bic } };
  }

  async function write(
    mode: 'create' | 'update' | 'upsert',
    kindName: string,
    raw: EntryInput,
    actor: DirectoryActor,
    tx: Db,
  ): Promise<DirectoryEntry> {
    const kind = requireKind(kindName);
    const parsed = entryInput.safeParse(raw);
    if (!parsed.success) {
      // Callers other than the routes (e.g. a bank request approval) get the same 400 as the API.
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fields[issue.path.map(String).join('.') || '_'] ??= fieldMessage(
          actor.lang,
          issue.code,
          (issue as { input?: unknown }).input,
        );
      throw new AppError(400, 'validation_failed', {}, fields);
    }
    const input = normalise(kind, parsed.data);
    const before = await get(kind, input.code, tx);
    if (mode === 'create' && before) throw new AppError(409, 'directory_code_taken', { code: input.code });
    if (mode === 'update' && !before) throw new AppError(404, 'not_found');
    await validate(kind, input, actor.lang, tx);
    const values = {
      parentCode: input.parentCode ?? null,
      nameRu: input.nameRu,
      nameKk: input.nameKk,
      nameEn: input.nameEn ?? null,
      attrs: input.attrs,
      active: input.active,
      searchText: searchTextOf(input.code, input),
      source: 'admin' as const,
      updatedAt: now(),
      updatedBy: actor.accountId,
    };
    const [row] = await tx
      .insert(directoryEntries)
      .values({ kind, code: input.code, ...values })
      .onConflictDoUpdate({ target: [directoryEntries.kind, directoryEntries.code], set: values })
      .returning();
    await audit.record(
      {
        action: before ? 'directory.entry.update' : 'directory.entry.create',
        result: 'success',
        actorUserId: actor.accountId,
        targetType: `directory:${kind}`,
        targetId: input.code,
        ip: actor.ip ?? null,
        userAgent: actor.userAgent ?? null,
        details: before ? { before: pick(before), after: pick(row) } : { after: pick(row) },
      },
      tx,
    );
    return row;
  }

  const inTx = <T>(tx: Db | undefined, fn: (tx: Db) => Promise<T>) =>
    tx ? fn(tx) : db.transaction((t) => fn(t as unknown as Db));

  const service = {
    async list(kindName: string, opts: ListOptions = {}): Promise<DirectoryEntry[]> {
      const kind = requireKind(kindName);
      const e = directoryEntries;
      const where = [eq(e.kind, kind)];
      if (!opts.includeInactive) where.push(eq(e.active, true));
      if (opts.parent) where.push(eq(e.parentCode, opts.parent));
      else if (opts.roots) where.push(isNull(e.parentCode));
      const q = opts.q?.trim().toLowerCase();
      if (q) where.push(like(e.searchText, `%${escapeLike(q)}%`));
      const rows = await db
        .select({
          ...getTableColumns(e),
          // Outer columns spelled out: drizzle leaves them unqualified, which the inner alias would capture.
          hasChildren: sql<boolean>`exists (select 1 from directory_entries c
            where c.kind = directory_entries.kind and c.parent_code = directory_entries.code and c.active)`,
        })
        .from(e)
        .where(and(...where))
        .orderBy(asc(e.code))
        .limit(Math.min(opts.limit ?? DEFAULT_LIST_LIMIT, 1000));
      if (kind === 'countries') {
        const lang = opts.lang ?? 'ru';
        const collator = new Intl.Collator(lang);
        rows.sort((a, b) => collator.compare(displayName(a, lang), displayName(b, lang)));
      }
      return rows;
    },

    get,

    /** The entry, or 400 validation_failed naming `field` when the code is not in the directory (or inactive). */
    async require(kind: DirectoryKind, code: string, field: string, lang: Language, tx?: Db) {
      const entry = await get(kind, code, tx);
      if (!entry?.active)
        throw new AppError(
          400,
          'validation_failed',
          {},
          { [field]: translate(lang, 'directory_code_unknown') },
        );
      return entry;
    },

    /** Admin: a new entry (409 directory_code_taken when the code exists). */
    create: (kind: string, entry: EntryInput, actor: DirectoryActor, tx?: Db) =>
      inTx(tx, (t) => write('create', kind, entry, actor, t)),

    /** Admin: edit an existing entry (404 when absent); the row becomes source 'admin', kept by later seeds. */
    update: (kind: string, code: string, entry: EntryUpdate, actor: DirectoryActor, tx?: Db) =>
      inTx(tx, (t) => write('update', kind, { ...entry, code }, actor, t)),

    /** Add or edit (e.g. a bank request approved). */
    upsert: (kind: string, entry: EntryInput, actor: DirectoryActor, tx?: Db) =>
      inTx(tx, (t) => write('upsert', kind, entry, actor, t)),
  };
  return service;
}

function pick(r: DirectoryEntry) {
  return {
    parentCode: r.parentCode,
    nameRu: r.nameRu,
    nameKk: r.nameKk,
    nameEn: r.nameEn,
    attrs: r.attrs,
    active: r.active,
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
