import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import type { Account } from '../identity/accounts';
import { requestOrigin } from '../identity/service';
import { type Member, type MemberRight, normalizeRights } from '../organizations/members';
import type { Organization } from '../organizations/service';
import { createInvitations, type Journal } from './invitations';
import type { employeeRow } from './schema';

type EmployeeRow = z.infer<typeof employeeRow>;

export interface EmployeeDeps {
  db: Db;
  /** The other services, read at call time (the context is still being built when this one is). */
  app: () => AppContext;
}

export interface EmployeeUpdate {
  rights?: MemberRight[];
  blocked?: boolean;
  blockReason?: string;
}

export const fullNameOf = (a: Pick<Account, 'surname' | 'firstName' | 'patronymic' | 'email'>) =>
  [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || a.email || '';

/** 400 validation_failed naming one field, its message in the request's language. */
export const fieldError = (lang: Language, field: string, code: string) =>
  new AppError(400, 'validation_failed', {}, { [field]: translate(lang, code) });

/**
 * «Сотрудники организации» (seed 001) and «Я являюсь сотрудником» (seed 000): the members list, rights, blocking,
 * activation of pending members, and invitations (invitations.ts). Only an active Администратор организации
 * changes anything; every check reads the database (ctx.organizations.requireMember), so a change applies on the
 * employee's next request. The «Организатор» right is granted by a portal administrator only.
 */
export function createEmployeeService(deps: EmployeeDeps) {
  const { db } = deps;
  const app = deps.app;

  const journal: Journal = (req, entry, tx) =>
    app().audit.record(
      {
        action: entry.action,
        result: entry.result ?? 'success',
        actorUserId: entry.actorUserId,
        organizationId: entry.organizationId,
        targetType: entry.targetType ?? 'organization_member',
        targetId: entry.targetId ?? null,
        ...(req ? requestOrigin(req) : {}),
        details: entry.details ?? {},
      },
      tx,
    );

  /** Runs `fn`; an AppError it throws is journaled as a refusal of `action` (outside any rolled-back work). */
  async function refusalsJournaled<T>(
    req: FastifyRequest,
    entry: { action: string; actorUserId: string; organizationId: string; targetId?: string | null },
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof AppError)
        await journal(req, { ...entry, result: 'failure', details: { reason: error.code, ...error.params } });
      throw error;
    }
  }

  /** The «Организатор» right changes only by a portal administrator's hand. */
  function assertOrganizerUnchanged(actor: Account, before: readonly string[], after: readonly string[]) {
    if (before.includes('organizer') !== after.includes('organizer') && !actor.roles.includes('admin'))
      throw new AppError(403, 'org_organizer_admin_only');
  }

  async function requireMemberOf(organizationId: string, memberId: string, tx?: Db): Promise<Member> {
    const member = await app().organizations.findMember(organizationId, memberId, tx);
    if (!member) throw new AppError(404, 'not_found');
    return member;
  }

  /** Rows of the list: members with their accounts, and the head named at registration if not a member. */
  async function rowsFor(
    organization: Organization,
    members: Member[],
    viewerId: string,
  ): Promise<EmployeeRow[]> {
    const { identity } = app();
    const accounts = await Promise.all(members.map((m) => identity.findAccountById(m.accountId)));
    const rows = members.map((m, i) => memberRow(m, accounts[i], viewerId));
    const head = organization.headIin;
    if (head && organization.headSurname && !accounts.some((a) => a?.iin === head)) {
      rows.unshift({
        id: null,
        accountId: null,
        fullName: [organization.headSurname, organization.headFirstName, organization.headPatronymic]
          .filter(Boolean)
          .join(' '),
        iin: head,
        email: null,
        position: organization.headPosition,
        addedAt: organization.createdAt.toISOString(),
        systemStatus: 'not_registered',
        status: 'active',
        blockReason: null,
        rights: [],
        self: false,
      });
    }
    return rows;
  }

  function memberRow(m: Member, account: Account | null, viewerId: string): EmployeeRow {
    return {
      id: m.id,
      accountId: m.accountId,
      fullName: account ? fullNameOf(account) : '',
      iin: account?.iin ?? null,
      email: account?.email ?? null,
      position: m.position,
      addedAt: m.createdAt.toISOString(),
      // Registered: the account exists and its registration was completed (email activated).
      systemStatus: account && account.status !== 'pending_activation' ? 'registered' : 'not_registered',
      status: m.status,
      blockReason: m.blockReason,
      rights: normalizeRights(m.rights),
      self: m.accountId === viewerId,
    };
  }

  /** Mails the organisation's active administrators that a person awaits activation (seed 004: they activate). */
  async function notifyAdmins(
    organization: Organization,
    candidate: Account,
    lang: Language,
    tx: Db,
  ): Promise<void> {
    const { organizations, identity, notifications, config } = app();
    const admins = (await organizations.listMembers(organization.id, tx)).filter(
      (m) => m.status === 'active' && m.rights.includes('org_admin'),
    );
    for (const admin of admins) {
      const account = await identity.findAccountById(admin.accountId, tx);
      if (!account?.email) continue;
      await notifications.sendEmail(
        {
          to: account.email,
          subject: translate(lang, 'employee_pending_email_subject', { organization: organization.nameRu }),
          text: translate(lang, 'employee_pending_email_text', {
            organization: organization.nameRu,
            fullName: fullNameOf(candidate),
            iin: candidate.iin,
            link: `${config.PUBLIC_URL}/cabinet/employees`,
          }),
        },
        tx,
      );
    }
  }

  const rowOf = async (member: Member, viewerId: string) =>
    memberRow(member, await app().identity.findAccountById(member.accountId), viewerId);

  const service = {
    /** GET …/employees: for the administrator and the head. */
    async list(req: FastifyRequest, organizationId: string) {
      const { organizations } = app();
      const { account, organization } = await organizations.requireMember(
        req,
        organizationId,
        'org_admin',
        'head',
      );
      return rowsFor(organization, await organizations.listMembers(organizationId), account.id);
    },

    /**
     * «Изменение прав сотрудника»: rights, block with a required reason, unblock — one transaction. Refusals:
     * 400 (no reason / no right), 403 organizer_admin_only, 409 employee_pending / last_org_admin.
     */
    async update(req: FastifyRequest, organizationId: string, memberId: string, input: EmployeeUpdate) {
      const { organizations } = app();
      const { account: actor } = await organizations.requireMember(req, organizationId, 'org_admin');
      const member = await requireMemberOf(organizationId, memberId);
      const entry = {
        action: 'org.employee.update',
        actorUserId: actor.id,
        organizationId,
        targetId: memberId,
      };
      const updated = await refusalsJournaled(req, entry, async () => {
        const reason = input.blockReason?.trim();
        if (input.rights && input.rights.length === 0)
          throw fieldError(req.lang, 'rights', 'employee_rights_required');
        if (input.blocked && !reason) throw fieldError(req.lang, 'blockReason', 'block_reason_required');
        if (input.blocked !== undefined && member.status === 'pending')
          throw new AppError(409, 'employee_pending');
        const rights = input.rights ? normalizeRights(input.rights) : null;
        if (rights) assertOrganizerUnchanged(actor, member.rights, rights);

        return db.transaction(async (t) => {
          const tx = t as unknown as Db;
          let current = member;
          const changed = (a: readonly string[], b: readonly string[]) => a.join() !== b.join();
          if (rights && changed(normalizeRights(member.rights), rights)) {
            current = await organizations.setRights(organizationId, memberId, rights, tx);
            await journal(
              req,
              {
                ...entry,
                action: 'org.employee.rights',
                details: { before: normalizeRights(member.rights), after: rights },
              },
              tx,
            );
          }
          if (input.blocked && (member.status !== 'blocked' || member.blockReason !== reason)) {
            current = await organizations.setStatus(organizationId, memberId, 'blocked', reason, tx);
            await journal(req, { ...entry, action: 'org.employee.block', details: { reason } }, tx);
          } else if (input.blocked === false && member.status === 'blocked') {
            current = await organizations.setStatus(organizationId, memberId, 'active', null, tx);
            await journal(req, { ...entry, action: 'org.employee.unblock' }, tx);
          }
          return current;
        });
      });
      return rowOf(updated, actor.id);
    },

    /** A pending member (accepted invitation or «Я являюсь сотрудником» request) becomes active; mailed. */
    async activate(req: FastifyRequest, organizationId: string, memberId: string) {
      const { organizations, identity, notifications } = app();
      const { account: actor, organization } = await organizations.requireMember(
        req,
        organizationId,
        'org_admin',
      );
      const member = await requireMemberOf(organizationId, memberId);
      const entry = {
        action: 'org.employee.activate',
        actorUserId: actor.id,
        organizationId,
        targetId: memberId,
      };
      const updated = await refusalsJournaled(req, entry, async () => {
        if (member.status !== 'pending') throw new AppError(409, 'employee_not_pending');
        const account = await identity.findAccountById(member.accountId);
        return db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const row = await organizations.setStatus(organizationId, memberId, 'active', null, tx);
          if (account?.email)
            await notifications.sendEmail(
              {
                to: account.email,
                subject: translate(req.lang, 'employee_activated_email_subject', {
                  organization: organization.nameRu,
                }),
                text: translate(req.lang, 'employee_activated_email_text', {
                  organization: organization.nameRu,
                  fullName: fullNameOf(account),
                }),
              },
              tx,
            );
          await journal(req, { ...entry, details: { rights: row.rights } }, tx);
          return row;
        });
      });
      return rowOf(updated, actor.id);
    },

    /** A pending member is declined: the membership request is removed. */
    async decline(req: FastifyRequest, organizationId: string, memberId: string) {
      const { organizations } = app();
      const { account: actor } = await organizations.requireMember(req, organizationId, 'org_admin');
      const member = await requireMemberOf(organizationId, memberId);
      const entry = {
        action: 'org.employee.decline',
        actorUserId: actor.id,
        organizationId,
        targetId: memberId,
      };
      await refusalsJournaled(req, entry, async () => {
        if (member.status !== 'pending') throw new AppError(409, 'employee_not_pending');
        await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          await organizations.removePendingMember(organizationId, memberId, tx);
          await journal(req, { ...entry, details: { accountId: member.accountId } }, tx);
        });
      });
    },

    /** Admin console: grants or withdraws «Организатор» (the one right an organisation's admin cannot give). */
    async setOrganizer(req: FastifyRequest, organizationId: string, memberId: string, granted: boolean) {
      const { identity, organizations } = app();
      const { account: admin } = await identity.requireRole(req, 'admin');
      if (!(await organizations.findById(organizationId))) throw new AppError(404, 'not_found');
      const member = await requireMemberOf(organizationId, memberId);
      const rights = normalizeRights(
        granted ? [...member.rights, 'organizer'] : member.rights.filter((r) => r !== 'organizer'),
      );
      const updated = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const row = await organizations.setRights(organizationId, memberId, rights, tx);
        await journal(
          req,
          {
            action: 'admin.org.employee.organizer',
            actorUserId: admin.id,
            organizationId,
            targetId: memberId,
            details: { granted, before: normalizeRights(member.rights), after: rights },
          },
          tx,
        );
        return row;
      });
      return rowOf(updated, admin.id);
    },

    /** The portal-registered organisation of a BIN, else 404 employer_not_registered. */
    async employerByBin(bin: string, tx?: Db): Promise<Organization> {
      const organization = await app().organizations.findByBin(bin, tx);
      if (!organization) throw new AppError(404, 'employer_not_registered');
      return organization;
    },

    /**
     * «Я являюсь сотрудником»: a pending membership (right Сотрудник) the organisation's administrator activates
     * or declines. 403 employee_individual_only for an organisation's account; 409 already_member.
     */
    async requestMembership(
      req: FastifyRequest | null,
      account: Account,
      organization: Organization,
      opts: { position?: string | null; via: 'registration' | 'cabinet' },
      tx: Db = db,
    ): Promise<Member> {
      const { organizations } = app();
      if (account.kind !== 'individual') throw new AppError(403, 'employee_individual_only');
      if (await organizations.membershipOf(organization.id, account.id, tx))
        throw new AppError(409, 'already_member');
      const member = await organizations.addMember(
        {
          organizationId: organization.id,
          accountId: account.id,
          rights: ['employee'],
          status: 'pending',
          position: opts.position ?? null,
        },
        tx,
      );
      await notifyAdmins(organization, account, req?.lang ?? 'ru', tx);
      await journal(
        req,
        {
          action: 'org.employee.request',
          actorUserId: account.id,
          organizationId: organization.id,
          targetId: member.id,
          details: { via: opts.via },
        },
        tx,
      );
      return member;
    },

    /** POST /me/employment-requests: the signed-in person asks to join the organisation of a BIN. */
    async requestFromCabinet(req: FastifyRequest, input: { bin: string; position?: string }) {
      const { account } = await app().identity.requireSession(req);
      const attempt = async () => {
        if (account.kind !== 'individual') throw new AppError(403, 'employee_individual_only');
        const organization = await service.employerByBin(input.bin);
        return db.transaction((t) =>
          service.requestMembership(
            req,
            account,
            organization,
            { position: input.position, via: 'cabinet' },
            t as unknown as Db,
          ),
        );
      };
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof AppError)
          await app().audit.record({
            action: 'org.employee.request',
            result: 'failure',
            actorUserId: account.id,
            ...requestOrigin(req),
            details: { reason: error.code, bin: input.bin },
          });
        throw error;
      }
    },
  };

  return {
    ...service,
    invitations: createInvitations({ db, app, journal, assertOrganizerUnchanged, notifyAdmins }),
  };
}

export type EmployeeService = ReturnType<typeof createEmployeeService>;
