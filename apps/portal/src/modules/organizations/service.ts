import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { createOrganizationAdmin } from './admin';
import { createLogo } from './logo';
import { createMembers, type Member, type MemberRight } from './members';
import { createProfile } from './profile';
import { createParticipantRegistration } from './registration';
import { organizationMembers, organizations } from './tables';

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export interface OrganizationDeps {
  db: Db;
  /** The other services, read at call time (some are attached to the context after this one is built). */
  app: () => AppContext;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Organisations (participants) and who acts for them. Every organisation-scoped route starts with
 * requireMember: it reads the membership from the database on each call, so a rights change or a block applies
 * on the member's next request. See docs/organizations.md.
 */
export function createOrganizationCore(deps: OrganizationDeps) {
  const { db } = deps;
  const members = createMembers(db);

  async function findById(id: string, tx: Db = db): Promise<Organization | null> {
    if (!UUID.test(id)) return null;
    const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
    return row ?? null;
  }

  async function findByBin(bin: string, tx: Db = db): Promise<Organization | null> {
    const [row] = await tx.select().from(organizations).where(eq(organizations.bin, bin));
    return row ?? null;
  }

  /** Every organisation the account belongs to (any status), oldest membership first. */
  async function membershipsOf(
    accountId: string,
    tx: Db = db,
  ): Promise<{ organization: Organization; membership: Member }[]> {
    const rows = await tx
      .select({ organization: organizations, membership: organizationMembers })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.accountId, accountId))
      .orderBy(asc(organizationMembers.createdAt), asc(organizationMembers.id));
    return rows;
  }

  /**
   * Inserts an organisation and its first member (active, `rights`) in one transaction: the primitive behind
   * participant registration (and test fixtures). 409 org_already_registered when the BIN is taken.
   */
  async function create(
    values: NewOrganization,
    firstMember: { accountId: string; rights: MemberRight[]; position?: string | null },
    tx?: Db,
  ): Promise<{ organization: Organization; membership: Member }> {
    const run = async (t: Db) => {
      const [organization] = await t
        .insert(organizations)
        .values(values)
        .onConflictDoNothing({ target: organizations.bin })
        .returning();
      if (!organization) throw new AppError(409, 'org_already_registered');
      const membership = await members.addMember(
        { organizationId: organization.id, status: 'active', ...firstMember },
        t,
      );
      return { organization, membership };
    };
    return tx ? run(tx) : db.transaction((t) => run(t as unknown as Db));
  }

  return {
    ...members,
    create,
    findById,
    findByBin,
    membershipsOf,

    /**
     * The signed-in caller acting for `organizationId`: 401 unauthenticated; 404 not_found when the
     * organisation does not exist or the caller is not its member (existence is not revealed); 403 forbidden
     * when the membership is blocked or pending, or has none of `anyOfRights` (none listed: any active member).
     */
    async requireMember(req: FastifyRequest, organizationId: string, ...anyOfRights: MemberRight[]) {
      const { session, account } = await deps.app().identity.requireSession(req);
      if (!UUID.test(organizationId)) throw new AppError(404, 'not_found');
      const [row] = await db
        .select({ organization: organizations, membership: organizationMembers })
        .from(organizations)
        .innerJoin(
          organizationMembers,
          and(
            eq(organizationMembers.organizationId, organizations.id),
            eq(organizationMembers.accountId, account.id),
          ),
        )
        .where(eq(organizations.id, organizationId));
      if (!row) throw new AppError(404, 'not_found');
      const { organization, membership } = row;
      if (membership.status !== 'active') throw new AppError(403, 'forbidden');
      if (anyOfRights.length && !anyOfRights.some((r) => membership.rights.includes(r)))
        throw new AppError(403, 'forbidden');
      return { session, account, organization, membership };
    },

    /** The `organizations` list of GET /api/v1/me. */
    async summariesFor(accountId: string) {
      const rows = await membershipsOf(accountId);
      return rows.map(({ organization: o, membership: m }) => ({
        id: o.id,
        bin: o.bin,
        name: o.nameRu,
        kind: o.kind,
        rights: m.rights,
        status: m.status,
      }));
    },
  };
}

export type OrganizationCore = ReturnType<typeof createOrganizationCore>;

export function createOrganizationService(deps: OrganizationDeps) {
  const core = createOrganizationCore(deps);
  return {
    ...core,
    /** Participant registration (seed 001): prefill from the agreement signature, «Подтверждаю данные». */
    registration: createParticipantRegistration(deps.app, core),
    /** «Профиль участника»: view, contacts, attributes, addresses, head. */
    profile: createProfile(deps.app, core),
    /** «Загрузить лого» / «Удалить лого». */
    logo: createLogo(deps.app, core),
    /** The portal administrator: search participants, grant Организатор. */
    admin: createOrganizationAdmin(deps.app),
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
