import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, lte } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import type { Account } from '../identity/accounts';
import { normalizeEmail } from '../identity/login-identifier';
import { requestOrigin } from '../identity/service';
import { type MemberRight, normalizeRights } from '../organizations/members';
import type { Organization } from '../organizations/service';
import { employeeInvitations } from './tables';

/** How long an invitation link works (single use). */
export const INVITATION_DAYS = 7;
/** Invitations one organisation may send in 24 hours (each is an email to an address of its choosing). */
export const INVITATIONS_PER_DAY = 50;

type Invitation = typeof employeeInvitations.$inferSelect;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) =>
  createHash('sha256').update(`tereze/employee-invitation/v1\0${token}`).digest('hex');

/** The web page the mailed link opens; it shows the invitation and POSTs the token to /invitations/accept. */
export const invitationLink = (publicUrl: string, token: string) =>
  `${publicUrl}/invitation?token=${encodeURIComponent(token)}`;

const PG_UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown): boolean => {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === PG_UNIQUE_VIOLATION) return true;
  return false;
};

/** An employees-module audit entry (service.ts fills in the defaults and the request origin). */
export interface JournalEntry {
  action: string;
  result?: 'success' | 'failure';
  actorUserId: string | null;
  organizationId: string;
  targetType?: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export type Journal = (req: FastifyRequest | null, entry: JournalEntry, tx?: Db) => Promise<unknown>;

export interface InvitationDeps {
  db: Db;
  app: () => AppContext;
  journal: Journal;
  assertOrganizerUnchanged: (actor: Account, before: readonly string[], after: readonly string[]) => void;
  notifyAdmins: (organization: Organization, candidate: Account, lang: Language, tx: Db) => Promise<void>;
}

/**
 * Invitations (seed 004: «Пригласить пользователя»): the administrator invites an address with preset rights;
 * the mailed link (hashed, single use, expiring) lets the invitee — once registered and signed in — accept,
 * which makes a pending membership the administrator then activates. One pending invitation per address and
 * organisation; revocable while pending.
 */
export function createInvitations(deps: InvitationDeps) {
  const { db, app, journal } = deps;

  const statusOf = (row: Invitation, now: Date) =>
    row.status === 'pending' && row.expiresAt <= now ? ('expired' as const) : row.status;

  const rowOf = (row: Invitation, now: Date) => ({
    id: row.id,
    email: row.email,
    rights: normalizeRights(row.rights),
    position: row.position,
    status: statusOf(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  });

  /** The pending, unexpired invitation of a token, or the reason it is none. */
  async function findUsable(token: string, tx: Db = db): Promise<Invitation> {
    if (!TOKEN_SHAPE.test(token)) throw new AppError(400, 'invitation_invalid');
    const [row] = await tx
      .select()
      .from(employeeInvitations)
      .where(eq(employeeInvitations.tokenHash, hashToken(token)));
    if (row?.status !== 'pending') throw new AppError(400, 'invitation_invalid');
    if (row.expiresAt <= app().now()) throw new AppError(400, 'invitation_expired');
    return row;
  }

  return {
    /** POST …/invitations: 409 employee_invitation_pending / already_member; 403 organizer_admin_only. */
    async invite(
      req: FastifyRequest,
      organizationId: string,
      input: { email: string; rights: MemberRight[]; position?: string },
    ) {
      const { organizations, identity, notifications, config, now } = app();
      const { account: actor, organization } = await organizations.requireMember(
        req,
        organizationId,
        'org_admin',
      );
      const email = normalizeEmail(input.email);
      const entry = { action: 'org.invitation.create', actorUserId: actor.id, organizationId };
      try {
        const rights = normalizeRights(input.rights);
        if (!rights.length)
          throw new AppError(
            400,
            'validation_failed',
            {},
            { rights: translate(req.lang, 'employee_rights_required') },
          );
        deps.assertOrganizerUnchanged(actor, [], rights);
        const existing = await identity.findByEmail(email);
        if (existing && (await organizations.membershipOf(organizationId, existing.id)))
          throw new AppError(409, 'already_member');

        const token = randomBytes(32).toString('base64url');
        const time = now();
        const expiresAt = new Date(time.getTime() + INVITATION_DAYS * 86_400_000);
        const row = await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const sameAddress = and(
            eq(employeeInvitations.organizationId, organizationId),
            eq(employeeInvitations.email, email),
            eq(employeeInvitations.status, 'pending'),
          );
          // A lapsed invitation no longer counts as pending (the unique index then admits the new one).
          await tx
            .update(employeeInvitations)
            .set({ status: 'expired' })
            .where(and(sameAddress, lte(employeeInvitations.expiresAt, time)));
          const [pending] = await tx
            .select({ id: employeeInvitations.id })
            .from(employeeInvitations)
            .where(sameAddress);
          if (pending) throw new AppError(409, 'employee_invitation_pending');
          const [{ sent }] = await tx
            .select({ sent: count() })
            .from(employeeInvitations)
            .where(
              and(
                eq(employeeInvitations.organizationId, organizationId),
                gt(employeeInvitations.createdAt, new Date(time.getTime() - 86_400_000)),
              ),
            );
          if (sent >= INVITATIONS_PER_DAY)
            throw new AppError(429, 'invitation_rate_limited', { limit: INVITATIONS_PER_DAY });
          const [created] = await tx
            .insert(employeeInvitations)
            .values({
              organizationId,
              email,
              rights,
              position: input.position ?? null,
              tokenHash: hashToken(token),
              invitedByAccountId: actor.id,
              createdAt: time,
              expiresAt,
            })
            .returning();
          await notifications.sendEmail(
            {
              to: email,
              subject: translate(req.lang, 'invitation_email_subject', { organization: organization.nameRu }),
              text: translate(req.lang, 'invitation_email_text', {
                inviter: [actor.surname, actor.firstName, actor.patronymic].filter(Boolean).join(' '),
                organization: organization.nameRu,
                bin: organization.bin,
                link: invitationLink(config.PUBLIC_URL, token),
                expires: `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
              }),
            },
            tx,
          );
          await journal(
            req,
            {
              ...entry,
              targetType: 'employee_invitation',
              targetId: created.id,
              details: { email, rights, position: input.position ?? null },
            },
            tx,
          );
          return created;
        });
        return rowOf(row, time);
      } catch (error) {
        const refusal = isUniqueViolation(error) ? new AppError(409, 'employee_invitation_pending') : error;
        if (refusal instanceof AppError)
          await journal(req, {
            ...entry,
            result: 'failure',
            targetType: 'employee_invitation',
            details: { reason: refusal.code, email },
          });
        throw refusal;
      }
    },

    /** GET …/invitations: newest first, each with its status (pending / accepted / revoked / expired). */
    async list(req: FastifyRequest, organizationId: string) {
      const { organizations, now } = app();
      await organizations.requireMember(req, organizationId, 'org_admin');
      const rows = await db
        .select()
        .from(employeeInvitations)
        .where(eq(employeeInvitations.organizationId, organizationId))
        .orderBy(desc(employeeInvitations.createdAt))
        .limit(500);
      const time = now();
      return rows.map((r) => rowOf(r, time));
    },

    /** POST …/invitations/:id/revoke: only a pending, unexpired one (409 invitation_not_pending). */
    async revoke(req: FastifyRequest, organizationId: string, invitationId: string) {
      const { organizations, now } = app();
      const { account: actor } = await organizations.requireMember(req, organizationId, 'org_admin');
      const ofOrg = and(
        eq(employeeInvitations.id, invitationId),
        eq(employeeInvitations.organizationId, organizationId),
      );
      const [found] = await db.select().from(employeeInvitations).where(ofOrg);
      if (!found) throw new AppError(404, 'not_found');
      const time = now();
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx
          .update(employeeInvitations)
          .set({ status: 'revoked', revokedAt: time, revokedByAccountId: actor.id })
          .where(
            and(ofOrg, eq(employeeInvitations.status, 'pending'), gt(employeeInvitations.expiresAt, time)),
          )
          .returning();
        if (!row) throw new AppError(409, 'invitation_not_pending');
        await journal(
          req,
          {
            action: 'org.invitation.revoke',
            actorUserId: actor.id,
            organizationId,
            targetType: 'employee_invitation',
            targetId: row.id,
            details: { email: row.email },
          },
          tx,
        );
        return rowOf(row, time);
      });
    },

    /** POST /invitations/preview: what the token offers (no sign-in needed); 400 invitation_invalid / _expired. */
    async preview(token: string) {
      const row = await findUsable(token);
      const organization = await app().organizations.findById(row.organizationId);
      if (!organization) throw new AppError(400, 'invitation_invalid');
      return {
        organization: { id: organization.id, bin: organization.bin, name: organization.nameRu },
        email: row.email,
        rights: normalizeRights(row.rights),
        position: row.position,
        expiresAt: row.expiresAt.toISOString(),
      };
    },

    /**
     * POST /invitations/accept (signed in): the invitation is claimed once (an UPDATE, so two tabs cannot both
     * use it) and the caller becomes a pending member with the preset rights. 403 employee_individual_only;
     * 409 already_member (the invitation stays usable); 400 invitation_invalid / invitation_expired.
     */
    async accept(req: FastifyRequest, token: string) {
      const { identity, organizations, now, audit } = app();
      const { account } = await identity.requireSession(req);
      try {
        if (account.kind !== 'individual') throw new AppError(403, 'employee_individual_only');
        return await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const usable = await findUsable(token, tx);
          const time = now();
          const [claimed] = await tx
            .update(employeeInvitations)
            .set({ status: 'accepted', acceptedAt: time, acceptedByAccountId: account.id })
            .where(
              and(
                eq(employeeInvitations.id, usable.id),
                eq(employeeInvitations.status, 'pending'),
                gt(employeeInvitations.expiresAt, time),
              ),
            )
            .returning();
          if (!claimed) throw new AppError(400, 'invitation_invalid');
          if (await organizations.membershipOf(claimed.organizationId, account.id, tx))
            throw new AppError(409, 'already_member');
          const member = await organizations.addMember(
            {
              organizationId: claimed.organizationId,
              accountId: account.id,
              rights: normalizeRights(claimed.rights),
              status: 'pending',
              position: claimed.position,
            },
            tx,
          );
          await tx
            .update(employeeInvitations)
            .set({ memberId: member.id })
            .where(eq(employeeInvitations.id, claimed.id));
          const organization = await organizations.findById(claimed.organizationId, tx);
          if (organization) await deps.notifyAdmins(organization, account, req.lang, tx);
          await journal(
            req,
            {
              action: 'org.invitation.accept',
              actorUserId: account.id,
              organizationId: claimed.organizationId,
              targetType: 'employee_invitation',
              targetId: claimed.id,
              details: { memberId: member.id, invitedEmail: claimed.email, accountEmail: account.email },
            },
            tx,
          );
          return member;
        });
      } catch (error) {
        if (error instanceof AppError)
          await audit.record({
            action: 'org.invitation.accept',
            result: 'failure',
            actorUserId: account.id,
            targetType: 'employee_invitation',
            ...requestOrigin(req),
            details: { reason: error.code },
          });
        throw error;
      }
    },
  };
}
