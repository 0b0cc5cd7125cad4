import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { translate } from '../../server/i18n/messages';
import type { Account } from '../identity/accounts';
import { normalizeLogin } from '../identity/login-identifier';
import { maskLogin, requestOrigin } from '../identity/service';
import { generateOtpCode, hashOtpCode } from './codes';

/** Seed 003: the SMS code is valid 120 seconds. */
export const OTP_TTL_SECONDS = 120;
/** Wrong codes allowed per issued code; the next attempt finds it invalid. */
export const OTP_MAX_ATTEMPTS = 3;
/** A new code (and SMS) at most this often per account; earlier requests get the same answer and no SMS. */
export const OTP_RESEND_COOLDOWN_SECONDS = 60;

/** The same for every login, known or not, so the answer reveals nothing. */
export const otpRequestAnswer = {
  expiresInSeconds: OTP_TTL_SECONDS,
  resendAfterSeconds: OTP_RESEND_COOLDOWN_SECONDS,
} as const;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const iso = (d: Date) => d.toISOString();

type OtpDeps = Pick<AppContext, 'identity' | 'audit' | 'notifications' | 'now'> & { db: Db };

/** One-time SMS password login (docs/otp.md). Not counted by, nor blocked by, the password lockout. */
export function createOtpService(deps: OtpDeps) {
  const { db, identity, audit, notifications, now } = deps;

  async function accountFor(login: string): Promise<Account | null> {
    const id = normalizeLogin(login);
    if (id.type !== 'iin_bin') throw new AppError(400, 'validation_failed', {}, { login: 'iin_bin' });
    return identity.findByLogin(id.value);
  }

  const journal = (
    req: FastifyRequest,
    action: string,
    result: 'success' | 'failure',
    login: string,
    details: Record<string, unknown>,
    actorUserId: string | null,
    tx: Db = db,
  ) =>
    audit.record(
      {
        action,
        result,
        actorUserId,
        ...requestOrigin(req),
        details: { login: maskLogin(normalizeLogin(login)), ...details },
      },
      tx,
    );

  return {
    /**
     * Issues a code and queues its SMS to the account's registered mobile when the login (IIN/BIN) has an
     * account with a mobile that may sign in and no code was sent within the cooldown. Answers the same in
     * every case.
     */
    async request(req: FastifyRequest, login: string): Promise<typeof otpRequestAnswer> {
      const account = await accountFor(login);
      const refusal = !account
        ? 'unknown_login'
        : !account.mobilePhone
          ? 'no_mobile'
          : account.status === 'blocked'
            ? 'account_blocked'
            : null;
      if (!account || refusal) {
        await journal(req, 'auth.otp.request', 'failure', login, { reason: refusal }, account?.id ?? null);
        return otpRequestAnswer;
      }
      const mobile = account.mobilePhone as string;
      const issuedAt = now();
      const code = generateOtpCode();
      const codeHash = hashOtpCode(account.id, issuedAt, code);
      const cooldownStart = new Date(issuedAt.getTime() - OTP_RESEND_COOLDOWN_SECONDS * 1000);
      const expiresAt = new Date(issuedAt.getTime() + OTP_TTL_SECONDS * 1000);

      await db.transaction(async (tx) => {
        // One atomic upsert: replaces the account's code unless a live one was issued within the cooldown, so
        // parallel requests send one SMS.
        const issued = rowsOf<{ account_id: string }>(
          await tx.execute(sql`
            INSERT INTO otp_codes AS o (account_id, code_hash, created_at, expires_at, attempts, consumed_at)
            VALUES (${account.id}, ${codeHash}, ${iso(issuedAt)}::timestamptz, ${iso(expiresAt)}::timestamptz, 0, NULL)
            ON CONFLICT (account_id) DO UPDATE SET
              code_hash = EXCLUDED.code_hash, created_at = EXCLUDED.created_at,
              expires_at = EXCLUDED.expires_at, attempts = 0, consumed_at = NULL
            WHERE o.created_at <= ${iso(cooldownStart)}::timestamptz OR o.consumed_at IS NOT NULL
            RETURNING account_id`),
        );
        if (!issued.length) {
          await journal(req, 'auth.otp.request', 'failure', login, { reason: 'cooldown' }, account.id, tx);
          return;
        }
        await notifications.sendSms(
          { to: mobile, text: translate(req.lang, 'otp_sms', { code, seconds: OTP_TTL_SECONDS }) },
          tx,
        );
        await journal(req, 'auth.otp.request', 'success', login, {}, account.id, tx);
      });
      return otpRequestAnswer;
    },

    /**
     * Checks the code and signs in. Every refusal — unknown login, no code, wrong, expired, used, too many
     * attempts — is one 401 otp_invalid (the journal keeps the reason), so guessing learns nothing.
     */
    async verify(req: FastifyRequest, reply: FastifyReply, login: string, code: string): Promise<Account> {
      const account = await accountFor(login);
      const fail = async (reason: string): Promise<never> => {
        await journal(req, 'auth.otp.verify', 'failure', login, { reason }, account?.id ?? null);
        throw new AppError(401, 'otp_invalid');
      };
      if (!account) return fail('unknown_login');

      const t = now();
      const [live] = rowsOf<{
        created_at: string | Date;
        expires_at: string | Date;
        attempts: number;
        consumed_at: unknown;
      }>(
        await db.execute(
          sql`SELECT created_at, expires_at, attempts, consumed_at FROM otp_codes WHERE account_id = ${account.id}`,
        ),
      );
      if (!live) return fail('no_code');
      if (live.consumed_at) return fail('used');
      if (new Date(live.expires_at) <= t) return fail('expired');
      if (live.attempts >= OTP_MAX_ATTEMPTS) return fail('too_many_attempts');

      // Counts the attempt and, when the code matches, consumes it — in one statement guarded by the state
      // just read, so parallel attempts cannot exceed the limit or use a code twice.
      const issuedAt = new Date(live.created_at);
      const codeHash = hashOtpCode(account.id, issuedAt, code);
      const [checked] = rowsOf<{ matched: boolean }>(
        await db.execute(sql`
          UPDATE otp_codes SET
            attempts = attempts + 1,
            consumed_at = CASE WHEN code_hash = ${codeHash} THEN ${iso(t)}::timestamptz ELSE NULL END
          WHERE account_id = ${account.id} AND created_at = ${iso(issuedAt)}::timestamptz
            AND consumed_at IS NULL AND expires_at > ${iso(t)}::timestamptz AND attempts < ${OTP_MAX_ATTEMPTS}
          RETURNING code_hash = ${codeHash} AS matched`),
      );
      if (!checked) return fail('raced');
      if (!checked.matched) return fail('wrong_code');

      identity.assertCanSignIn(account);
      await identity.startSession(req, reply, account.id, { method: 'otp' });
      return account;
    },
  };
}

export type OtpService = ReturnType<typeof createOtpService>;
