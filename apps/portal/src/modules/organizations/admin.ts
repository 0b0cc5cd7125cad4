import { asc, eq, ilike, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { requestOrigin } from '../identity/service';
import type { Organization } from './service';
import { organizations, participantRoles } from './tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The portal administrator's view of participants (issue 5, admin console): search by BIN or name, and the
 * Организатор participant role, which a participant cannot choose itself (seed 001: only the single distributor).
 */
export function createOrganizationAdmin(app: () => AppContext) {
  const db = () => app().database.db;
  return {
    async list(req: FastifyRequest, q?: string): Promise<Organization[]> {
      await app().identity.requireRole(req, 'admin');
      const text = q?.trim();
      const query = db().select().from(organizations);
      const filtered = text
        ? query.where(
            or(
              ilike(organizations.bin, `${escapeLike(text)}%`),
              ilike(organizations.nameRu, `%${escapeLike(text)}%`),
              ilike(organizations.fullNameRu, `%${escapeLike(text)}%`),
            ),
          )
        : query;
      return filtered.orderBy(asc(organizations.nameRu)).limit(100);
    },

    /** Grants or withdraws the Организатор participant role; journaled `org.organizer.grant` / `.revoke`. */
    async setOrganizer(req: FastifyRequest, organizationId: string, granted: boolean): Promise<Organization> {
      const { account } = await app().identity.requireRole(req, 'admin');
      if (!UUID.test(organizationId)) throw new AppError(404, 'not_found');
      return db().transaction(async (t) => {
        const tx = t as unknown as Db;
        const [current] = await tx
          .select()
          .from(organizations)
          .where(eq(organizations.id, organizationId))
          .for('update');
        if (!current) throw new AppError(404, 'not_found');
        const roles = participantRoles.filter((r) =>
          r === 'organizer' ? granted : current.roles.includes(r),
        );
        const [row] = await tx
          .update(organizations)
          .set({ roles, updatedAt: app().now() })
          .where(eq(organizations.id, organizationId))
          .returning();
        await app().audit.record(
          {
            action: granted ? 'org.organizer.grant' : 'org.organizer.revoke',
            result: 'success',
            actorUserId: account.id,
            organizationId,
            targetType: 'organization',
            targetId: organizationId,
            ...requestOrigin(req),
            details: { before: current.roles, after: roles },
          },
          tx,
        );
        return row;
      });
    },
  };
}
