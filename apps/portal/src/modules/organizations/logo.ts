import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { requestOrigin } from '../identity/service';
import type { OrganizationCore } from './service';
import { organizations } from './tables';

/** «Загрузить лого» (seed 001: a 300x200 frame): JPEG or PNG, at most 2 MB, re-encoded. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_PURPOSE = 'organization_logo';

/**
 * The participant's logo, stored through ctx.files after decoding and re-encoding (metadata dropped, non-images
 * refused); one per organisation, the previous file removed. Any member reads it; the administrator changes it.
 */
export function createLogo(app: () => AppContext, core: Pick<OrganizationCore, 'requireMember'>) {
  const journal = (
    req: FastifyRequest,
    action: string,
    actor: { account: { id: string }; organization: { id: string } },
    details: object,
    tx: Db,
  ) =>
    app().audit.record(
      {
        action,
        result: 'success',
        actorUserId: actor.account.id,
        organizationId: actor.organization.id,
        targetType: 'organization',
        targetId: actor.organization.id,
        ...requestOrigin(req),
        details: { ...details },
      },
      tx,
    );

  const setLogo = (tx: Db, organizationId: string, logoFileId: string | null) =>
    tx
      .update(organizations)
      .set({ logoFileId, updatedAt: app().now() })
      .where(eq(organizations.id, organizationId));

  return {
    /** 413 file_too_large over 2 MB, 400 file_type_not_allowed for anything but a decodable JPEG/PNG. */
    async upload(req: FastifyRequest, organizationId: string): Promise<void> {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      const { files, database } = app();
      const upload = await files.readUpload(req, { maxBytes: LOGO_MAX_BYTES });
      // Checked before anything is written: a refused file leaves the old logo in place.
      const image = files.reencodeImage(upload.bytes, { maxBytes: LOGO_MAX_BYTES });
      await database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const previous = actor.organization.logoFileId;
        const stored = await files.store(
          {
            bytes: image.bytes,
            filename: upload.filename || 'logo',
            purpose: LOGO_PURPOSE,
            allowed: ['jpeg', 'png'],
            maxBytes: LOGO_MAX_BYTES,
            ownerAccountId: actor.account.id,
            organizationId,
          },
          tx,
        );
        await setLogo(tx, organizationId, stored.id);
        if (previous) await files.remove(previous, { actorAccountId: actor.account.id }, tx);
        await journal(req, 'org.logo.upload', actor, { fileId: stored.id, size: stored.size }, tx);
      });
    },

    /** «Удалить лого»; 404 when there is none. */
    async remove(req: FastifyRequest, organizationId: string): Promise<void> {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      const previous = actor.organization.logoFileId;
      if (!previous) throw new AppError(404, 'not_found');
      const { files, database } = app();
      await database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await setLogo(tx, organizationId, null);
        await files.remove(previous, { actorAccountId: actor.account.id }, tx);
        await journal(req, 'org.logo.delete', actor, { fileId: previous }, tx);
      });
    },

    /** The logo of an organisation the caller is an active member of; 404 when there is none. */
    async read(req: FastifyRequest, organizationId: string) {
      const { organization } = await core.requireMember(req, organizationId);
      if (!organization.logoFileId) throw new AppError(404, 'not_found');
      const { meta, bytes } = await app().files.read(organization.logoFileId);
      return { bytes, mediaType: meta.mediaType };
    },
  };
}
