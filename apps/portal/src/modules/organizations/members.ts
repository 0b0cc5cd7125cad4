import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { memberRights, type memberStatuses, organizationMembers, organizations } from './tables';

export type MemberRight = (typeof memberRights)[number];
export type MemberStatus = (typeof memberStatuses)[number];
export type Member = typeof organizationMembers.$inferSelect;

export interface NewMember {
  organizationId: string;
  accountId: string;
  rights: MemberRight[];
  status: MemberStatus;
  position?: string | null;
}

/** Rights stored once each, in the canonical order; 400 validation_failed on an unknown right. */
export function normalizeRights(rights: readonly string[]): MemberRight[] {
  const unknown = rights.filter((r) => !(memberRights as readonly string[]).includes(r));
  if (unknown.length) throw new AppError(400, 'validation_failed', {}, { rights: 'org_right_unknown' });
  return memberRights.filter((r) => rights.includes(r));
}

const isActiveAdmin = (m: Pick<Member, 'status' | 'rights'>) =>
  m.status === 'active' && m.rights.includes('org_admin');

/**
 * Membership primitives (contracts.md) other modules build on: invitations and rights (employees module),
 * the profile's head choice. Writes that could leave an organisation without an active Администратор
 * организации lock the organisation row first, so two concurrent demotions cannot both pass the check.
 */
export function createMembers(db: Db) {
  /** Runs `fn` in the caller's transaction, or in a new one. */
  const inTx = <T>(tx: Db | undefined, fn: (tx: Db) => Promise<T>): Promise<T> =>
    tx ? fn(tx) : db.transaction((t) => fn(t as unknown as Db));

  async function findMember(organizationId: string, memberId: string, tx: Db = db): Promise<Member | null> {
    const [row] = await tx
      .select()
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.id, memberId)),
      );
    return row ?? null;
  }

  /** Locks the organisation, applies `change` to the member and refuses (409 last_org_admin) an admin-less result. */
  async function changeMember(
    organizationId: string,
    memberId: string,
    change: Partial<Pick<Member, 'rights' | 'status' | 'blockReason'>>,
    tx?: Db,
  ): Promise<Member> {
    return inTx(tx, async (t) => {
      await t.execute(sql`SELECT id FROM ${organizations} WHERE id = ${organizationId} FOR UPDATE`);
      const member = await findMember(organizationId, memberId, t);
      if (!member) throw new AppError(404, 'not_found');
      const after = { ...member, ...change };
      if (isActiveAdmin(member) && !isActiveAdmin(after)) {
        const admins = await t
          .select({
            id: organizationMembers.id,
            rights: organizationMembers.rights,
            status: organizationMembers.status,
          })
          .from(organizationMembers)
          .where(
            and(
              eq(organizationMembers.organizationId, organizationId),
              eq(organizationMembers.status, 'active'),
            ),
          );
        if (!admins.some((m) => m.id !== memberId && isActiveAdmin(m)))
          throw new AppError(409, 'last_org_admin');
      }
      const [row] = await t
        .update(organizationMembers)
        .set(change)
        .where(eq(organizationMembers.id, memberId))
        .returning();
      return row;
    });
  }

  return {
    findMember,

    async addMember(input: NewMember, tx: Db = db): Promise<Member> {
      const [row] = await tx
        .insert(organizationMembers)
        .values({
          organizationId: input.organizationId,
          accountId: input.accountId,
          rights: normalizeRights(input.rights),
          status: input.status,
          position: input.position ?? null,
        })
        .returning();
      return row;
    },

    /** Members in the order they joined. */
    listMembers: (organizationId: string, tx: Db = db): Promise<Member[]> =>
      tx
        .select()
        .from(organizationMembers)
        .where(eq(organizationMembers.organizationId, organizationId))
        .orderBy(asc(organizationMembers.createdAt), asc(organizationMembers.id)),

    /** The member of `accountId` in the organisation, or null. */
    async membershipOf(organizationId: string, accountId: string, tx: Db = db): Promise<Member | null> {
      const [row] = await tx
        .select()
        .from(organizationMembers)
        .where(
          and(
            eq(organizationMembers.organizationId, organizationId),
            eq(organizationMembers.accountId, accountId),
          ),
        );
      return row ?? null;
    },

    setRights: async (organizationId: string, memberId: string, rights: readonly string[], tx?: Db) =>
      changeMember(organizationId, memberId, { rights: normalizeRights(rights) }, tx),

    /** Blocking keeps the reason; activating clears it. */
    setStatus: (
      organizationId: string,
      memberId: string,
      status: MemberStatus,
      reason?: string | null,
      tx?: Db,
    ) =>
      changeMember(
        organizationId,
        memberId,
        { status, blockReason: status === 'blocked' ? (reason ?? null) : null },
        tx,
      ),

    /** Deletes a membership that is still pending (a declined request or accepted invitation); else 404. */
    async removePendingMember(organizationId: string, memberId: string, tx: Db = db): Promise<void> {
      const removed = await tx
        .delete(organizationMembers)
        .where(
          and(
            eq(organizationMembers.organizationId, organizationId),
            eq(organizationMembers.id, memberId),
            eq(organizationMembers.status, 'pending'),
          ),
        )
        .returning({ id: organizationMembers.id });
      if (!removed.length) throw new AppError(404, 'not_found');
    },
  };
}

export type Members = ReturnType<typeof createMembers>;
