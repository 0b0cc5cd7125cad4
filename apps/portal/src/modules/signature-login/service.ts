import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { identifierHash, normalizeLogin } from '../identity/login-identifier';
import { maskLogin, requestOrigin } from '../identity/service';
import { certificateSummary, fullNameOf } from '../signatures/certificate-summary';
import { signatureInvalid } from '../signatures/service';
import { findAccountForCertificate } from './account-for-certificate';
import { signaturePendingLogins } from './tables';

/** The password step of certificate + password login must follow within this time. */
export const PENDING_LOGIN_TTL_MS = 5 * 60_000;

const tokenHash = (token: string) =>
  createHash('sha256').update(`tereze/pending-login/v1\0${token}`).digest('hex');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type Ctx = Pick<AppContext, 'identity' | 'signatures' | 'audit' | 'config' | 'database' | 'now'>;
type Account = NonNullable<Awaited<ReturnType<AppContext['identity']['findAccountById']>>>;

export type SignatureLoginResult =
  | { result: 'signed_in'; account: Account }
  | {
      result: 'password_required';
      pendingLoginId: string;
      expiresAt: string;
      greeting: { fullName: string | null; organization: string | null };
    };

/**
 * Login by ЭЦП (DESIGN.md key route) and certificate + password (seed 001). Signature login is not subject to
 * the password lockout (seed 002: a locked IIN may still sign in with its key); the password step of
 * certificate + password is.
 */
export function createSignatureLogin(ctx: Ctx) {
  const { identity, signatures, audit, config, now } = ctx;
  const db = ctx.database.db;

  const journalFailure = (
    req: FastifyRequest,
    method: 'signature' | 'certificate_password',
    reason: string,
    extra: Record<string, unknown> = {},
    accountId: string | null = null,
  ) =>
    audit.record({
      action: 'auth.login',
      result: 'failure',
      actorUserId: accountId,
      ...requestOrigin(req),
      details: { method, reason, ...extra },
    });

  const journalVerifyFailure = (req: FastifyRequest, error: AppError) =>
    journalFailure(req, 'signature', error.code, {
      check: error.params.check,
      checkReason: error.params.reason,
    });

  /** The account's IIN (personal) or BIN (organisation): the lockout counter of the password step. */
  const loginOf = (account: Account) => (account.kind === 'individual' ? account.iin : account.bin!);

  return {
    /** POST /auth/login/signature: verify the AUTH signature of a login challenge, find the account, sign in. */
    async signIn(
      req: FastifyRequest,
      reply: FastifyReply,
      input: { signingRequestId: string; cms: string },
    ): Promise<SignatureLoginResult> {
      // Hot path (bench:login): the request is read and the CMS verified without writing; then ONE statement
      // claims the request (single use), stores the session and writes the journal. A refused signature
      // writes nothing but its failure entry.
      let verified: Awaited<ReturnType<typeof signatures.verify>>;
      try {
        verified = await signatures.verify({ ...input, purpose: 'login' });
      } catch (error) {
        if (error instanceof AppError) await journalVerifyFailure(req, error);
        throw error;
      }
      const requestId = verified.request.id;
      const cert = verified.certificate;
      const certFacts = {
        iin: cert.iin ? maskLogin({ type: 'iin_bin', value: cert.iin }) : null,
        bin: cert.bin ?? null,
        serial: cert.serialNumber,
      };
      const account = await findAccountForCertificate(identity, cert);
      // A verified signature is used up whatever follows (as if the request had been claimed first).
      if (!account) {
        await signatures.consume(requestId);
        await journalFailure(req, 'signature', 'account_not_found', certFacts);
        throw new AppError(404, 'account_not_found', { certificate: certificateSummary(cert) });
      }
      if (account.status === 'blocked') {
        await signatures.consume(requestId);
        await journalFailure(req, 'signature', 'account_blocked', certFacts, account.id);
        throw new AppError(403, 'account_blocked');
      }

      if (config.LOGIN_CERT_REQUIRES_PASSWORD && account.passwordHash) {
        await signatures.consume(requestId);
        const token = randomBytes(32).toString('base64url');
        const t = now();
        const expiresAt = new Date(t.getTime() + PENDING_LOGIN_TTL_MS);
        await db.insert(signaturePendingLogins).values({
          id: tokenHash(token),
          accountId: account.id,
          login: loginOf(account),
          certificateSerial: cert.serialNumber,
          createdAt: t,
          expiresAt,
        });
        // Old pending logins are worthless: drop them on the way.
        await db.delete(signaturePendingLogins).where(lt(signaturePendingLogins.expiresAt, t));
        return {
          result: 'password_required',
          pendingLoginId: token,
          expiresAt: expiresAt.toISOString(),
          greeting: {
            fullName: fullNameOf(cert),
            organization: account.kind === 'individual' ? null : (cert.organization ?? null),
          },
        };
      }

      try {
        identity.assertCanSignIn(account);
      } catch (error) {
        await signatures.consume(requestId);
        await journalFailure(req, 'signature', (error as AppError).code, certFacts, account.id);
        throw error;
      }
      const session = await identity.startSession(req, reply, account.id, {
        method: 'signature',
        claim: signatures.claimStatement(requestId),
      });
      if (!session) {
        // Used (a concurrent submission won) or expired since it was read: verify names which.
        const error = await signatures.verify({ ...input, purpose: 'login' }).then(
          () => signatureInvalid('signing_request', 'already_used'),
          (e: unknown) => e,
        );
        if (error instanceof AppError) await journalVerifyFailure(req, error);
        throw error;
      }
      return { result: 'signed_in', account };
    },

    /** POST /auth/login/certificate-password: the password step, under the password lockout. */
    async completeWithPassword(
      req: FastifyRequest,
      reply: FastifyReply,
      input: { pendingLoginId: string; password: string },
    ): Promise<Account> {
      const invalid = async () => {
        await journalFailure(req, 'certificate_password', 'pending_login_invalid');
        return new AppError(400, 'pending_login_invalid');
      };
      if (!TOKEN_SHAPE.test(input.pendingLoginId)) throw await invalid();
      const id = tokenHash(input.pendingLoginId);
      const [pending] = await db
        .select()
        .from(signaturePendingLogins)
        .where(
          and(
            eq(signaturePendingLogins.id, id),
            isNull(signaturePendingLogins.consumedAt),
            gt(signaturePendingLogins.expiresAt, now()),
          ),
        )
        .limit(1);
      if (!pending) throw await invalid();
      const account = await identity.findAccountById(pending.accountId);
      if (!account) throw await invalid();

      const login = normalizeLogin(pending.login);
      const hash = identifierHash(login);
      const facts = { login: maskLogin(login), identifierHash: hash };
      const reservation = await identity.lockout.reserve(hash);
      if (!reservation.allowed) {
        await journalFailure(req, 'certificate_password', 'locked', facts, account.id);
        throw new AppError(423, 'login_locked', { retryAfterSeconds: reservation.retryAfterSeconds });
      }
      if (!(await identity.verifyPassword(account.passwordHash, input.password))) {
        const failed = await identity.lockout.failed(hash);
        await journalFailure(req, 'certificate_password', 'wrong_password', facts, account.id);
        if (failed.lockedNow) {
          await audit.record({
            action: 'auth.login.locked',
            result: 'failure',
            actorUserId: account.id,
            ...requestOrigin(req),
            details: {
              ...facts,
              failures: identity.lockout.policy.maxFailures,
              minutes: identity.lockout.policy.minutes,
            },
          });
          throw new AppError(423, 'login_locked', { retryAfterSeconds: failed.retryAfterSeconds });
        }
        throw new AppError(401, 'wrong_password');
      }
      await identity.lockout.clear(hash);
      try {
        identity.assertCanSignIn(account);
      } catch (error) {
        await journalFailure(req, 'certificate_password', (error as AppError).code, facts, account.id);
        throw error;
      }
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const used = await tx
          .update(signaturePendingLogins)
          .set({ consumedAt: now() })
          .where(and(eq(signaturePendingLogins.id, id), isNull(signaturePendingLogins.consumedAt)))
          .returning({ id: signaturePendingLogins.id });
        if (used.length === 0) throw new AppError(400, 'pending_login_invalid');
        await identity.startSession(req, reply, account.id, { method: 'certificate_password' }, tx);
      });
      return account;
    },
  };
}

export type SignatureLogin = ReturnType<typeof createSignatureLogin>;
