import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { translate } from '../../server/i18n/messages';
import type { AuditEvent } from '../audit/service';
import type { Account } from '../identity/accounts';
import { requestOrigin } from '../identity/service';
import { PORTAL_ROLES } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Dates without a time are Kazakhstan calendar days (UTC+5 since 2024). */
const KZ_OFFSET = '+05:00';
type PortalRole = (typeof PORTAL_ROLES)[number];

const fullName = (a: Account) => [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || null;

export function userView(a: Account, lockedUntil?: Date) {
  return {
    id: a.id,
    kind: a.kind,
    iin: a.iin,
    bin: a.bin,
    surname: a.surname,
    firstName: a.firstName,
    patronymic: a.patronymic,
    fullName: fullName(a),
    email: a.email,
    status: a.status,
    roles: a.roles,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

function dayStart(value: string, nextDay = false): Date {
  if (value.includes('T')) return new Date(value);
  const d = new Date(`${value}T00:00:00${KZ_OFFSET}`);
  if (nextDay) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * The admin console (issue 5): users (search, block, unlock, portal roles), participant detail and the
 * audit journal. Every route requires role admin; every write is journaled in the transaction that makes it.
 * Reads and writes go through the owning modules' services (identity, organizations, audit).
 */
export function createAdminService(ctx: AppContext) {
  const identity = ctx.identity;
  const accountAdmin = identity.accountAdmin;
  const requireAdmin = (req: FastifyRequest) => identity.requireRole(req, 'admin');

  async function eventViews(events: AuditEvent[]) {
    const actors = await accountAdmin.byIds(events.map((e) => e.actorUserId ?? ''));
    return events.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      result: e.result,
      actorUserId: e.actorUserId,
      actorName: e.actorUserId ? (accountName(actors.get(e.actorUserId)) ?? null) : null,
      organizationId: e.organizationId,
      targetType: e.targetType,
      targetId: e.targetId,
      ip: e.ip,
      userAgent: e.userAgent,
      details: e.details,
    }));
  }
  const accountName = (a: Account | undefined) => (a ? (fullName(a) ?? a.email ?? a.iin) : undefined);

  async function requireAccount(id: string, tx?: Db): Promise<Account> {
    const account = UUID.test(id)
      ? tx
        ? await accountAdmin.lockForUpdate(id, tx)
        : await identity.findAccountById(id)
      : null;
    if (!account) throw new AppError(404, 'not_found');
    return account;
  }

  /** A successful change of account `id` by the administrator, journaled inside its transaction. */
  function journal(
    req: FastifyRequest,
    adminId: string,
    action: string,
    id: string,
    details: Record<string, unknown>,
    tx: Db,
  ) {
    return ctx.audit.record(
      {
        action,
        result: 'success',
        actorUserId: adminId,
        targetType: 'account',
        targetId: id,
        ...requestOrigin(req),
        details,
      },
      tx,
    );
  }

  async function withLock(account: Account) {
    return userView(account, (await accountAdmin.lockedUntil([account])).get(account.id));
  }

  return {
    async listUsers(req: FastifyRequest, q: { q?: string; cursor?: string; limit?: number }) {
      await requireAdmin(req);
      const page = await accountAdmin.search({ q: q.q, after: q.cursor, limit: q.limit });
      const locks = await accountAdmin.lockedUntil(page.accounts);
      return { users: page.accounts.map((a) => userView(a, locks.get(a.id))), nextCursor: page.nextCursor };
    },

    async userDetail(req: FastifyRequest, id: string) {
      await requireAdmin(req);
      const account = await requireAccount(id);
      const memberships = await ctx.organizations.membershipsOf(account.id);
      const events = await ctx.audit.list({ involvingAccountId: account.id, limit: 20 });
      return {
        user: await withLock(account),
        memberships: memberships.map(({ organization: o, membership: m }) => ({
          organizationId: o.id,
          bin: o.bin,
          name: o.nameRu,
          rights: m.rights,
          status: m.status,
        })),
        events: await eventViews(events),
      };
    },

    /** Blocks an account (reason required) and ends its sessions at once; journaled `admin.user.block`. */
    async block(req: FastifyRequest, id: string, reasonInput: string | undefined) {
      const { account: admin } = await requireAdmin(req);
      const reason = reasonInput?.trim();
      if (!reason)
        throw new AppError(
          400,
          'validation_failed',
          {},
          { reason: translate(req.lang, 'admin_block_reason_required') },
        );
      if (!UUID.test(id)) throw new AppError(404, 'not_found');
      if (id === admin.id) throw new AppError(409, 'admin_block_self');
      const blocked = await ctx.database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const account = await requireAccount(id, tx);
        if (account.status === 'blocked') throw new AppError(409, 'admin_user_already_blocked');
        const row = await identity.updateAccount(id, { status: 'blocked' }, tx);
        await identity.revokeSessions(id, undefined, tx);
        await journal(req, admin.id, 'admin.user.block', id, { reason, statusBefore: account.status }, tx);
        return row;
      });
      return withLock(blocked);
    },

    /**
     * Unblocks: the account returns to the status it had when blocked (an unactivated account stays
     * unactivated, so unblocking never skips the email check); journaled `admin.user.unblock`.
     */
    async unblock(req: FastifyRequest, id: string) {
      const { account: admin } = await requireAdmin(req);
      if (!UUID.test(id)) throw new AppError(404, 'not_found');
      // The journal is read before the transaction (the audit service reads outside it).
      const blockEvents = await ctx.audit.list({
        action: 'admin.user.block',
        involvingAccountId: id,
        limit: 50,
      });
      const last = blockEvents.find((e) => e.targetId === id);
      const unblocked = await ctx.database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const account = await requireAccount(id, tx);
        if (account.status !== 'blocked') throw new AppError(409, 'admin_user_not_blocked');
        const status = last?.details.statusBefore === 'pending_activation' ? 'pending_activation' : 'active';
        const row = await identity.updateAccount(id, { status }, tx);
        await journal(req, admin.id, 'admin.user.unblock', id, { status }, tx);
        return row;
      });
      return withLock(unblocked);
    },

    /** Identity's unlock (journaled there as `admin.login.unlock`); 404 for an id that is not an account. */
    async unlock(req: FastifyRequest, id: string) {
      await requireAdmin(req);
      if (!UUID.test(id)) throw new AppError(404, 'not_found');
      return identity.unlockLogin(req, { accountId: id });
    },

    /**
     * Sets the account's portal roles (admin / moderator / operator; other roles such as `user` are kept).
     * An administrator cannot drop their own admin role (409). Journaled `admin.user.roles` when they change.
     */
    async setRoles(req: FastifyRequest, id: string, wanted: PortalRole[]) {
      const { account: admin } = await requireAdmin(req);
      if (!UUID.test(id)) throw new AppError(404, 'not_found');
      if (id === admin.id && !wanted.includes('admin')) throw new AppError(409, 'admin_own_admin_role');
      const updated = await ctx.database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const account = await requireAccount(id, tx);
        const portal: readonly string[] = PORTAL_ROLES;
        const roles = [
          ...account.roles.filter((r) => !portal.includes(r)),
          ...PORTAL_ROLES.filter((r) => wanted.includes(r)),
        ];
        if (roles.join() === account.roles.join()) return account;
        const row = await identity.updateAccount(id, { roles }, tx);
        await journal(req, admin.id, 'admin.user.roles', id, { before: account.roles, after: roles }, tx);
        return row;
      });
      return withLock(updated);
    },

    /** The journal, newest first, 50 a page; actor by id, IIN, BIN or email; organisation by id or BIN. */
    async audit(
      req: FastifyRequest,
      q: {
        actor?: string;
        organization?: string;
        action?: string;
        from?: string;
        to?: string;
        cursor?: number;
        limit?: number;
      },
    ) {
      await requireAdmin(req);
      const fields: Record<string, string> = {};
      let actorUserId: string | undefined;
      const actor = q.actor?.trim();
      if (actor) {
        actorUserId = UUID.test(actor) ? actor : (await identity.findByLogin(actor))?.id;
        if (!actorUserId) fields.actor = translate(req.lang, 'admin_filter_actor_unknown');
      }
      let organizationId: string | undefined;
      const organization = q.organization?.trim();
      if (organization) {
        organizationId = UUID.test(organization)
          ? organization
          : (await ctx.organizations.findByBin(organization.replace(/\s/g, '')))?.id;
        if (!organizationId) fields.organization = translate(req.lang, 'admin_filter_organization_unknown');
      }
      const from = q.from ? dayStart(q.from) : undefined;
      const to = q.to ? dayStart(q.to, true) : undefined;
      if (from && to && to <= from) fields.to = translate(req.lang, 'admin_filter_period');
      if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', {}, fields);
      const limit = q.limit ?? 50;
      const events = await ctx.audit.list({
        actorUserId,
        organizationId,
        actionFamily: q.action?.trim() || undefined,
        from,
        to,
        beforeId: q.cursor,
        limit: limit + 1,
      });
      const page = events.slice(0, limit);
      return {
        events: await eventViews(page),
        nextCursor: events.length > limit ? page[page.length - 1].id : null,
      };
    },

    /** A participant with its members (names from identity), for the organisations page. */
    async organizationDetail(req: FastifyRequest, organizationId: string) {
      await requireAdmin(req);
      const organization = await ctx.organizations.findById(organizationId);
      if (!organization) throw new AppError(404, 'not_found');
      const members = await ctx.organizations.listMembers(organization.id);
      const accounts = await accountAdmin.byIds(members.map((m) => m.accountId));
      return {
        organization: {
          id: organization.id,
          bin: organization.bin,
          kind: organization.kind,
          nameRu: organization.nameRu,
          nameKk: organization.nameKk,
          roles: organization.roles,
          email: organization.email,
          createdAt: organization.createdAt.toISOString(),
        },
        members: members.map((m) => {
          const a = accounts.get(m.accountId);
          return {
            id: m.id,
            accountId: m.accountId,
            name: a ? (fullName(a) ?? null) : null,
            iin: a?.iin ?? null,
            email: a?.email ?? null,
            rights: m.rights,
            status: m.status,
            position: m.position,
          };
        }),
      };
    },
  };
}
