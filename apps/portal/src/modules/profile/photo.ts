import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { requestOrigin } from '../identity/service';
import { profiles } from './tables';

type Ctx = Pick<AppContext, 'files' | 'audit' | 'database' | 'now'>;

/** «Загрузить фото» (seed 001 shows a 300x200 frame): JPEG or PNG, at most 2 MB. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_PURPOSE = 'profile_photo';

/**
 * The user's photo: uploaded as JPEG/PNG ≤ 2 MB, decoded and re-encoded (metadata such as GPS EXIF dropped,
 * non-images refused), stored through ctx.files; one photo per account, the previous one removed.
 */
export function createPhoto(ctx: Ctx) {
  const { files, audit, now } = ctx;
  const db = ctx.database.db;

  async function currentId(accountId: string, tx: Db = db): Promise<string | null> {
    const [row] = await tx
      .select({ photoFileId: profiles.photoFileId })
      .from(profiles)
      .where(eq(profiles.accountId, accountId));
    return row?.photoFileId ?? null;
  }

  const journal = (req: FastifyRequest, action: string, accountId: string, details: object, tx: Db) =>
    audit.record(
      {
        action,
        result: 'success',
        actorUserId: accountId,
        targetType: 'account',
        targetId: accountId,
        ...requestOrigin(req),
        details: { ...details },
      },
      tx,
    );

  return {
    /** 413 file_too_large over 2 MB, 400 file_type_not_allowed for anything but a decodable JPEG/PNG. */
    async upload(req: FastifyRequest, accountId: string): Promise<void> {
      const upload = await files.readUpload(req, { maxBytes: PHOTO_MAX_BYTES });
      // Everything is checked before anything is written: a refused file leaves the old photo in place.
      const image = files.reencodeImage(upload.bytes, { maxBytes: PHOTO_MAX_BYTES });
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const previous = await currentId(accountId, tx);
        const stored = await files.store(
          {
            bytes: image.bytes,
            filename: upload.filename || 'photo',
            purpose: PHOTO_PURPOSE,
            allowed: ['jpeg', 'png'],
            maxBytes: PHOTO_MAX_BYTES,
            ownerAccountId: accountId,
          },
          tx,
        );
        await tx
          .insert(profiles)
          .values({ accountId, photoFileId: stored.id, updatedAt: now() })
          .onConflictDoUpdate({
            target: profiles.accountId,
            set: { photoFileId: stored.id, updatedAt: now() },
          });
        if (previous) await files.remove(previous, { actorAccountId: accountId }, tx);
        await journal(req, 'profile.photo.upload', accountId, { fileId: stored.id, size: stored.size }, tx);
      });
    },

    /** 404 when there is no photo. */
    async remove(req: FastifyRequest, accountId: string): Promise<void> {
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const previous = await currentId(accountId, tx);
        if (!previous) throw new AppError(404, 'not_found');
        await tx
          .update(profiles)
          .set({ photoFileId: null, updatedAt: now() })
          .where(eq(profiles.accountId, accountId));
        await files.remove(previous, { actorAccountId: accountId }, tx);
        await journal(req, 'profile.photo.delete', accountId, { fileId: previous }, tx);
      });
    },

    /** The account's own photo only (there is no route to anyone else's); 404 when there is none. */
    async read(accountId: string): Promise<{ bytes: Uint8Array; mediaType: string }> {
      const id = await currentId(accountId);
      if (!id) throw new AppError(404, 'not_found');
      const { meta, bytes } = await files.read(id);
      return { bytes, mediaType: meta.mediaType };
    },
  };
}
