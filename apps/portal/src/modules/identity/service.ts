import type { SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Config } from '../../server/config';
import { AppError } from '../../server/errors';
import { translate } from '../../server/i18n/messages';
import type { AuditService } from '../audit/service';
import { auditInsertStatement } from '../audit/statement';
import { createAccountAdmin } from './account-admin';
import {
  type Account,
  accountByLoginQuery,
  accountFromRow,
  createAccountStore,
  type NewAccount,
  publicUser,
  type Role,
} from './accounts';
import { createLockout } from './lockout';
import { identifierHash, type LoginIdentifier, normalizeLogin } from './login-identifier';
import { assertNewPassword, hashPassword, type PasswordPolicy, verifyPassword } from './passwords';
import { CLAIMED, type CurrentSession, createSessions } from './sessions';

export interface IdentityDeps {
  db: Db;
  config: Pick<
    Config,
    | 'PASSWORD_POLICY'
    | 'LOCKOUT_MAX_FAILURES'
    | 'LOCKOUT_MINUTES'
    | 'SESSION_IDLE_MINUTES'
    | 'SESSION_ABSOLUTE_HOURS'
    | 'PUBLIC_URL'
  >;
  audit: AuditService;
  now: () => Date;
}

export type LoginMethod = 'password' | 'signature' | 'certificate_password' | 'otp' | (string & {});

/** IP and user agent for journal entries. */
export const requestOrigin = (req: FastifyRequest) => ({
  ip: req.ip || null,
  userAgent: req.headers['user-agent'] ?? null,
});

/** Enough of a login to recognise it in the journal without storing it whole. */
export function maskLogin(id: LoginIdentifier): string {
  const v = id.value;
  if (id.type === 'email') {
    const [local, domain] = v.split('@');
    return `${local.slice(0, 2)}***@${domain ?? ''}`;
  }
  if (v.length <= 4) return '***';
  return `${v.slice(0, 4)}${'*'.repeat(Math.max(0, v.length - 8))}${v.slice(-4)}`;
}

/**
 * The identity core other modules build on (signature login, registration, recovery, OTP, admin): accounts,
 * passwords, sessions and the password-login lockout. See docs/identity.md for the contract.
 */
export function createIdentityService(deps: IdentityDeps) {
  const { db, config, audit, now } = deps;
  const accountStore = createAccountStore(db, now);
  const lockout = createLockout(
    db,
    { maxFailures: config.LOCKOUT_MAX_FAILURES, minutes: config.LOCKOUT_MINUTES },
    now,
  );
  const sessions = createSessions(
    db,
    {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
      secureCookies: config.PUBLIC_URL.startsWith('https:'),
    },
    now,
  );
  const policy: PasswordPolicy = config.PASSWORD_POLICY;

  const service = {
    passwordPolicy: policy,
    lockout,
    sessions,
    now,

    // ── accounts ───────────────────────────────────────────────────────────────────────────────────────
    createAccount: (input: NewAccount, tx?: Db) => accountStore.create(input, tx),
    findAccountById: (id: string, tx?: Db) => accountStore.findById(id, tx),
    findByIin: (iin: string, tx?: Db) => accountStore.findByIin(iin, tx),
    findByBin: (bin: string, tx?: Db) => accountStore.findByBin(bin, tx),
    findByEmail: (email: string, tx?: Db) => accountStore.findByEmail(email, tx),
    findByLogin: (login: string, tx?: Db) => accountStore.findByLogin(normalizeLogin(login), tx),
    updateAccount: accountStore.update,
    publicUser,
    /** The admin console's account search, login locks and row lock (modules/admin). */
    accountAdmin: createAccountAdmin(db, lockout, now),

    /** The email link was followed: marks the email verified and a pending account active. */
    async markEmailActivated(accountId: string, tx: Db = db): Promise<Account> {
      const account = await accountStore.findById(accountId, tx);
      if (!account) throw new AppError(404, 'not_found');
      return accountStore.update(
        accountId,
        {
          emailVerifiedAt: account.emailVerifiedAt ?? now(),
          status: account.status === 'pending_activation' ? 'active' : account.status,
        },
        tx,
      );
    },

    setStatus: (accountId: string, status: Account['status'], tx?: Db) =>
      accountStore.update(accountId, { status }, tx),

    // ── passwords ──────────────────────────────────────────────────────────────────────────────────────
    /**
     * Throws 400 validation_failed listing every rule of the configured policy the password breaks (in the
     * request's language) and a mismatch of the repetition. Call before writing anything.
     */
    assertNewPassword(
      req: FastifyRequest,
      password: string,
      opts?: { field?: string; repeat?: string; repeatField?: string },
    ) {
      assertNewPassword(policy, req.lang, password, opts);
    },

    /**
     * Stores a new password (argon2id). `mustChange` marks a temporary password; `revokeSessions` ends the
     * account's sessions (all, or all but one). Does not check the policy: generated passwords satisfy it, and
     * user-chosen ones go through assertNewPassword first.
     */
    async setPassword(
      accountId: string,
      password: string,
      opts: { mustChange?: boolean; revokeSessions?: false | { exceptSessionId?: string } } = {},
      tx: Db = db,
    ): Promise<void> {
      const passwordHash = await hashPassword(password);
      await accountStore.update(
        accountId,
        { passwordHash, mustChangePassword: opts.mustChange ?? false, passwordChangedAt: now() },
        tx,
      );
      if (opts.revokeSessions) await sessions.revokeAll(accountId, opts.revokeSessions, tx);
    },

    verifyPassword,

    // ── sessions ───────────────────────────────────────────────────────────────────────────────────────
    /**
     * Signs `accountId` in by any method: rotates the session, sets the cookie and journals `auth.login`.
     * Blocked or unactivated accounts must be refused by the caller before (see assertCanSignIn).
     */
    async startSession(
      req: FastifyRequest,
      reply: FastifyReply,
      accountId: string,
      opts: { method: LoginMethod; clearLoginThrottle?: string; claim?: SQL },
      tx?: Db,
    ) {
      // The session, the journal entry, (password login) the counter reset and (signature login) the signing
      // request's single-use claim commit as one statement; with a claim, only if the claim succeeds (else null).
      const journal = auditInsertStatement(
        {
          action: 'auth.login',
          result: 'success',
          actorUserId: accountId,
          ...requestOrigin(req),
          details: { method: opts.method },
        },
        opts.claim ? CLAIMED : undefined,
      );
      return sessions.start(req, reply, accountId, tx ?? db, {
        clearLoginThrottle: opts.clearLoginThrottle,
        journal,
        claim: opts.claim,
      });
    },

    /** 403 account_blocked / email_not_activated for accounts that may not sign in yet (any method). */
    assertCanSignIn(account: Account) {
      if (account.status === 'blocked') throw new AppError(403, 'account_blocked');
      if (account.status === 'pending_activation') throw new AppError(403, 'email_not_activated');
    },

    currentSession: (req: FastifyRequest): Promise<CurrentSession | null> => sessions.current(req),

    /**
     * The signed-in account, else 401 unauthenticated. An account with a temporary password gets 403
     * password_change_required unless `allowPasswordChangePending` (the routes that let it change it).
     */
    async requireSession(
      req: FastifyRequest,
      opts: { allowPasswordChangePending?: boolean } = {},
    ): Promise<CurrentSession> {
      const current = await sessions.current(req);
      if (!current) throw new AppError(401, 'unauthenticated');
      if (current.account.mustChangePassword && !opts.allowPasswordChangePending)
        throw new AppError(403, 'password_change_required');
      return current;
    },

    /** requireSession, then 403 forbidden unless the account has one of the roles. */
    async requireRole(req: FastifyRequest, ...roles: Role[]): Promise<CurrentSession> {
      const current = await service.requireSession(req);
      if (!roles.some((r) => current.account.roles.includes(r))) throw new AppError(403, 'forbidden');
      return current;
    },

    endSession: (req: FastifyRequest, reply: FastifyReply) => sessions.end(req, reply),
    revokeSessions: (accountId: string, opts?: { exceptSessionId?: string }, tx?: Db) =>
      sessions.revokeAll(accountId, opts, tx),

    // ── flows ──────────────────────────────────────────────────────────────────────────────────────────
    /** POST /auth/login/password: lockout, argon2id check, status checks, session. */
    async passwordLogin(
      req: FastifyRequest,
      reply: FastifyReply,
      login: string,
      password: string,
    ): Promise<Account> {
      const id = normalizeLogin(login);
      const hash = identifierHash(id);
      const origin = requestOrigin(req);
      const journalFailure = (reason: string, account: Account | null, extra: Record<string, unknown> = {}) =>
        audit.record({
          action: 'auth.login',
          result: 'failure',
          actorUserId: account?.id ?? null,
          ...origin,
          details: { method: 'password', reason, login: maskLogin(id), identifierHash: hash, ...extra },
        });

      // One statement: take a failure slot (or learn the login is locked) and find the account.
      const { reservation, row } = await lockout.reserveAndFind(hash, accountByLoginQuery(id));
      if (!reservation.allowed) {
        await journalFailure('locked', null, { retryAfterSeconds: reservation.retryAfterSeconds });
        throw new AppError(423, 'login_locked', { retryAfterSeconds: reservation.retryAfterSeconds });
      }
      const account = row ? accountFromRow(row) : null;
      if (!(await verifyPassword(account?.passwordHash, password))) {
        const failed = await lockout.failed(hash);
        await journalFailure(account ? 'wrong_password' : 'unknown_login', account);
        if (failed.lockedNow) {
          await audit.record({
            action: 'auth.login.locked',
            result: 'failure',
            actorUserId: account?.id ?? null,
            ...origin,
            details: {
              login: maskLogin(id),
              identifierHash: hash,
              failures: lockout.policy.maxFailures,
              minutes: lockout.policy.minutes,
            },
          });
          throw new AppError(423, 'login_locked', { retryAfterSeconds: failed.retryAfterSeconds });
        }
        throw new AppError(401, 'invalid_credentials');
      }
      const found = account!; // verifyPassword is false without an account
      try {
        service.assertCanSignIn(found);
      } catch (error) {
        // The password was right: the count starts again whatever the account's state.
        await lockout.clear(hash);
        await journalFailure((error as AppError).code, found);
        throw error;
      }
      // The count starts again, in the statement that stores the session.
      await service.startSession(req, reply, found.id, { method: 'password', clearLoginThrottle: hash });
      return found;
    },

    /** POST /me/password: current password, new one under the policy (repeated); other sessions end. */
    async changePassword(
      req: FastifyRequest,
      input: { currentPassword: string; newPassword: string; newPasswordRepeat: string },
    ): Promise<void> {
      const { session, account } = await service.requireSession(req, { allowPasswordChangePending: true });
      assertNewPassword(policy, req.lang, input.newPassword, {
        field: 'newPassword',
        repeat: input.newPasswordRepeat,
        repeatField: 'newPasswordRepeat',
      });
      if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
        await audit.record({
          action: 'account.password.change',
          result: 'failure',
          actorUserId: account.id,
          ...requestOrigin(req),
          details: { reason: 'wrong_current_password' },
        });
        throw new AppError(
          400,
          'validation_failed',
          {},
          { currentPassword: translate(req.lang, 'current_password_wrong') },
        );
      }
      if (input.newPassword === input.currentPassword)
        throw new AppError(
          400,
          'validation_failed',
          {},
          { newPassword: translate(req.lang, 'password_same_as_current') },
        );
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await service.setPassword(
          account.id,
          input.newPassword,
          { revokeSessions: { exceptSessionId: session.id } },
          tx,
        );
        await audit.record(
          {
            action: 'account.password.change',
            result: 'success',
            actorUserId: account.id,
            targetType: 'account',
            targetId: account.id,
            ...requestOrigin(req),
          },
          tx,
        );
      });
    },

    /**
     * Lifts the password-login lock of an account (its IIN or BIN, and its email) or of any login.
     * Returns whether a counter was cleared. Journaled as `admin.login.unlock`.
     */
    async unlockLogin(
      req: FastifyRequest,
      target: { accountId: string } | { login: string },
    ): Promise<{ cleared: boolean }> {
      const { account: admin } = await service.requireRole(req, 'admin');
      let ids: LoginIdentifier[];
      let account: Account | null = null;
      if ('accountId' in target) {
        account = await accountStore.findById(target.accountId);
        if (!account) throw new AppError(404, 'not_found');
        ids = [{ type: 'iin_bin', value: account.kind === 'individual' ? account.iin : account.bin! }];
        if (account.email) ids.push({ type: 'email', value: account.email });
      } else {
        ids = [normalizeLogin(target.login)];
      }
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        let cleared = false;
        for (const id of ids) cleared = (await lockout.clear(identifierHash(id), tx)) || cleared;
        await audit.record(
          {
            action: 'admin.login.unlock',
            result: 'success',
            actorUserId: admin.id,
            targetType: account ? 'account' : 'login',
            targetId: account?.id ?? null,
            ...requestOrigin(req),
            details: { logins: ids.map(maskLogin), cleared },
          },
          tx,
        );
        return { cleared };
      });
    },
  };
  return service;
}

export type IdentityService = ReturnType<typeof createIdentityService>;
