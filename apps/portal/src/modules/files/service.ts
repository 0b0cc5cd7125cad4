import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../server/errors';
import type { AuditService } from '../audit/service';
import { reencodeImage } from './image';
import { DEFAULT_MAX_FILE_BYTES, EXTENSIONS, type FileKind, MEDIA_TYPES, sniffKind } from './kinds';
import { createFsFileStore, type FileStore } from './store';
import { storedFiles } from './tables';
import { fileTooLarge, readUpload } from './upload';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export interface StoreFileInput {
  bytes: Uint8Array;
  /** The client's name; sanitised, and its extension set to the detected kind's. */
  filename: string;
  /** What the file is for ('application_document', 'certificate_pdf', …). */
  purpose: string;
  /** The kinds this upload accepts; anything else → 400 file_type_not_allowed. */
  allowed: readonly FileKind[];
  /** Default 20 MB; more → 413 file_too_large. */
  maxBytes?: number;
  ownerAccountId: string | null;
  organizationId?: string | null;
}

export interface StoredFileInfo {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  kind: FileKind;
  purpose: string;
  ownerAccountId: string | null;
  organizationId: string | null;
  createdAt: Date;
}

const ALLOWED_LABELS: Record<FileKind, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  xlsx: 'XLSX',
  jpeg: 'JPEG',
  png: 'PNG',
};

/**
 * The kind of `bytes` if it is within `maxBytes` and of an allowed kind (by content); throws 413 file_too_large or
 * 400 file_type_not_allowed otherwise. Pure: use it to check before doing anything with a file.
 */
export function checkFile(
  bytes: Uint8Array,
  opts: { allowed: readonly FileKind[]; maxBytes?: number },
): FileKind {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) throw fileTooLarge(maxBytes);
  const kind = sniffKind(bytes);
  if (!kind || !opts.allowed.includes(kind))
    throw new AppError(400, 'file_type_not_allowed', {
      allowed: opts.allowed.map((k) => ALLOWED_LABELS[k]).join(', '),
    });
  return kind;
}

/** A file name safe to show and to put in Content-Disposition: no path, no control characters, ≤ 200 chars. */
export function safeFilename(name: string, kind: FileKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 190) || 'file';
  return `${stem}.${EXTENSIONS[kind]}`;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface FileServiceDeps {
  db: Db;
  audit: AuditService;
  now: () => Date;
  /** Default: the filesystem store under DATA_DIR/files. */
  store?: FileStore;
  dataDir?: string;
}

/**
 * Stored files (docs/files.md): checks type by content and size, keeps the bytes in the FileStore by SHA-256
 * and a stored_files row. It does not authorise reads: the module owning the file (by `purpose`) decides who
 * may read it before calling `read`.
 */
export function createFileService(deps: FileServiceDeps) {
  const { db, audit, now } = deps;
  const store = deps.store ?? createFsFileStore(join(deps.dataDir ?? './data', 'files'));

  const info = (row: StoredFileRow): StoredFileInfo => ({
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.mediaType,
    filename: row.filename,
    kind: (Object.entries(MEDIA_TYPES).find(([, m]) => m === row.mediaType)?.[0] ?? 'pdf') as FileKind,
    purpose: row.purpose,
    ownerAccountId: row.ownerAccountId,
    organizationId: row.organizationId,
    createdAt: row.createdAt,
  });

  /**
   * Serialises writers of one content (one blob) until their transaction ends: a store's row becomes visible
   * before a remove of the same content decides the blob is unreferenced, so it never unlinks a blob that a
   * concurrent store has just reused.
   */
  const lockContent = (tx: Db, sha256: string) =>
    tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`stored_files:${sha256}`}))`);

  const service = {
    checkFile,
    /** Multipart request → its files and fields, each file cut at maxBytes (upload.ts). */
    readUpload,
    /** JPEG/PNG → re-encoded pixels only (image.ts). */
    reencodeImage,

    /** Stores a file after checking it (nothing is written on refusal). The row and its journal entry go in `tx`. */
    async store(input: StoreFileInput, tx?: Db): Promise<StoredFileInfo> {
      if (tx) return storeImpl(input, tx);
      return db.transaction(async (t) => storeImpl(input, t as unknown as Db));
    },

    /** The metadata, or null. */
    async find(id: string, tx: Db = db): Promise<StoredFileInfo | null> {
      if (!UUID.test(id)) return null;
      const [row] = await tx.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
      return row ? info(row) : null;
    },

    /** Metadata and bytes (404 not_found when absent); the bytes are checked against the recorded SHA-256. */
    async read(id: string, tx: Db = db): Promise<{ meta: StoredFileInfo; bytes: Uint8Array }> {
      if (!UUID.test(id)) throw notFound();
      const [row] = await tx.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
      if (!row) throw notFound();
      const bytes = await store.get(row.sha256);
      if (!bytes || sha256Hex(bytes) !== row.sha256)
        throw new Error(`stored file ${row.id}: content ${bytes ? 'differs from its SHA-256' : 'missing'}`);
      return { meta: info(row), bytes };
    },

    /**
     * Deletes the row (journaled) and, when no other row shares the content, the blob. Inside a caller's `tx`
     * the blob stays (that transaction may still roll back): an unreferenced blob is harmless and is reused
     * when the same content is stored again.
     */
    async remove(id: string, opts: { actorAccountId?: string | null } = {}, tx?: Db): Promise<void> {
      if (!UUID.test(id)) throw notFound();
      const removeRow = async (t: Db) => {
        const [row] = await t.delete(storedFiles).where(eq(storedFiles.id, id)).returning();
        if (!row) throw notFound();
        await audit.record(
          {
            action: 'file.remove',
            result: 'success',
            actorUserId: opts.actorAccountId ?? null,
            organizationId: row.organizationId,
            targetType: 'file',
            targetId: row.id,
            details: { sha256: row.sha256, purpose: row.purpose },
          },
          t,
        );
        return row;
      };
      if (tx) {
        await removeRow(tx);
        return;
      }
      await db.transaction(async (t) => {
        const own = t as unknown as Db;
        const row = await removeRow(own);
        await lockContent(own, row.sha256);
        const [other] = await own
          .select({ id: storedFiles.id })
          .from(storedFiles)
          .where(eq(storedFiles.sha256, row.sha256))
          .limit(1);
        if (!other) await store.delete(row.sha256);
      });
    },

    /**
     * Deletes blobs no row refers to — left by a store whose transaction rolled back, or a remove inside a
     * caller's transaction — once they are older than `olderThanMs` (default a day). Each under the content
     * lock, re-checked there, so a store in progress keeps its blob. Returns how many were removed.
     */
    async sweepUnreferenced(opts: { olderThanMs?: number } = {}): Promise<number> {
      // File times are the real clock's, not the app's (tests move the app clock).
      const cutoff = Date.now() - (opts.olderThanMs ?? 24 * 3_600_000);
      let removed = 0;
      for await (const blob of store.list()) {
        if (blob.modifiedAt.getTime() > cutoff) continue;
        const gone = await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          await lockContent(tx, blob.sha256);
          const [row] = await tx
            .select({ id: storedFiles.id })
            .from(storedFiles)
            .where(eq(storedFiles.sha256, blob.sha256))
            .limit(1);
          if (row) return false;
          await store.delete(blob.sha256);
          return true;
        });
        if (gone) removed++;
      }
      return removed;
    },
  };

  async function storeImpl(input: StoreFileInput, tx: Db = db): Promise<StoredFileInfo> {
    const kind = checkFile(input.bytes, input);
    const sha256 = sha256Hex(input.bytes);
    await lockContent(tx, sha256);
    await store.put(sha256, input.bytes);
    const [row] = await tx
      .insert(storedFiles)
      .values({
        sha256,
        size: input.bytes.length,
        mediaType: MEDIA_TYPES[kind],
        filename: safeFilename(input.filename, kind),
        ownerAccountId: input.ownerAccountId,
        organizationId: input.organizationId ?? null,
        purpose: input.purpose,
        createdAt: now(),
      })
      .returning();
    await audit.record(
      {
        action: 'file.store',
        result: 'success',
        actorUserId: input.ownerAccountId,
        organizationId: input.organizationId ?? null,
        targetType: 'file',
        targetId: row.id,
        details: { sha256, size: row.size, mediaType: row.mediaType, purpose: row.purpose },
      },
      tx,
    );
    return info(row);
  }

  return service;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FileService = ReturnType<typeof createFileService>;
