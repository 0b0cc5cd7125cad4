import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import { normalizeLogin } from '../identity/login-identifier';
import { checkPassword, generatePassword, hashPassword } from '../identity/passwords';
import { maskLogin, requestOrigin } from '../identity/service';
import { findAccountForCertificate } from '../signature-login/account-for-certificate';
import { countRecoveryAttempt, recoveryIdentifierHash } from './throttle';

/** How long a recovery link works (single use). */
export const RECOVERY_LINK_MINUTES = 60;

type Ctx = Pick<
  AppContext,
  | 'identity'
  | 'notifications'
  | 'audit'
  | 'config'
  | 'database'
  | 'now'
  | 'registry'
  | 'signatures'
  | 'emailTokens'
>;
type Account = NonNullable<Awaited<ReturnType<AppContext['identity']['findAccountById']>>>;
export type RecoveryMethod = 'link' | 'link_confirm' | 'email' | 'document' | 'signature';

/** Where the recovery link leads: the web page, which POSTs the token to /api/v1/auth/recovery/link/confirm. */
export const recoveryLink = (publicUrl: string, token: string) =>
  `${publicUrl}/password/reset?token=${encodeURIComponent(token)}`;

const fullName = (a: Account) => [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || a.email!;

/** Email paths need an account that can receive mail and is not blocked; anything else is "no account". */
const reachable = (a: Account | null): a is Account & { email: string } =>
  !!a?.email && a.status !== 'blocked';

export type DocumentRecoveryInput =
  | { kind: 'individual'; iin: string; documentNumber: string; issueDate: string }
  | { kind: 'legal_entity'; bin: string; registrationNumber: string };

/**
 * The four password recovery paths (issue 4). Every answer for an unknown account equals the answer for a
 * known one; every path is limited per identifier in the database (and per client by the routes); every
 * attempt, success or failure, is journaled as `account.password.recovery`.
 */
export function createRecovery(ctx: Ctx) {
  const { identity, notifications, audit, config, now, registry, signatures, emailTokens } = ctx;
  const db = ctx.database.db;

  /** A generated password the configured policy accepts (the generator satisfies all three; checked anyway). */
  const newPassword = () => {
    for (;;) {
      const p = generatePassword();
      if (checkPassword(identity.passwordPolicy, p).length === 0) return p;
    }
  };

  const journal = (
    req: FastifyRequest,
    method: RecoveryMethod,
    result: 'success' | 'failure',
    details: Record<string, unknown>,
    accountId: string | null = null,
    tx?: Db,
  ) =>
    audit.record(
      {
        action: 'account.password.recovery',
        result,
        actorUserId: accountId,
        targetType: accountId ? 'account' : undefined,
        targetId: accountId ?? undefined,
        ...requestOrigin(req),
        details: { method, ...details },
      },
      tx,
    );

  /** Generates, stores and mails a new password (seed 000 / seed 002 email path), all sessions ended. */
  async function resetAndMail(
    req: FastifyRequest,
    account: Account & { email: string },
    method: RecoveryMethod,
    opts: { mustChange: boolean; lang: Language },
    details: Record<string, unknown>,
  ) {
    const password = newPassword();
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await identity.setPassword(
        account.id,
        password,
        { mustChange: opts.mustChange, revokeSessions: {} },
        tx,
      );
      const [subject, text] = opts.mustChange
        ? ['recovery_temporary_email_subject', 'recovery_temporary_email_text']
        : ['recovery_new_password_email_subject', 'recovery_new_password_email_text'];
      await notifications.sendEmail(
        {
          to: account.email,
          subject: translate(opts.lang, subject),
          text: translate(opts.lang, text, { fullName: fullName(account), password }),
        },
        tx,
      );
      await journal(req, method, 'success', details, account.id, tx);
    });
  }

  /** The same work an unknown account would have cost (one argon2id hash), so timing tells nothing. */
  const equalWork = () => hashPassword(generatePassword());

  /** Throttles by the login as typed (normalised), for known and unknown logins alike. */
  const throttle = (value: string) => countRecoveryAttempt(db, recoveryIdentifierHash(value), now());

  return {
    /** Path 2, step 1 (seed 001): a single-use link mailed to the account of the login (IIN, BIN or email). */
    async requestLink(req: FastifyRequest, login: string): Promise<void> {
      const id = normalizeLogin(login);
      const masked = maskLogin(id);
      await throttle(id.value);
      const account = await identity.findByLogin(login);
      if (!reachable(account)) {
        await journal(req, 'link', 'failure', { reason: 'unknown_account', login: masked });
        return;
      }
      await db.transaction(async (tr) => {
        const tx = tr as unknown as Db;
        // Issuing retires the account's earlier recovery links: only the newest works.
        const token = await emailTokens.issue(account.id, 'recovery', RECOVERY_LINK_MINUTES * 60_000, tx);
        await notifications.sendEmail(
          {
            to: account.email,
            subject: translate(req.lang, 'recovery_link_email_subject'),
            text: translate(req.lang, 'recovery_link_email_text', {
              fullName: fullName(account),
              link: recoveryLink(config.PUBLIC_URL, token),
              minutes: RECOVERY_LINK_MINUTES,
            }),
          },
          tx,
        );
        await journal(req, 'link', 'success', { login: masked }, account.id, tx);
      });
    },

    /** Path 2, step 2: following the link mails a temporary password, which must be changed at next login. */
    async confirmLink(req: FastifyRequest, token: string): Promise<void> {
      const refuse = async (code: 'recovery_link_invalid' | 'recovery_link_expired') => {
        await journal(req, 'link_confirm', 'failure', { reason: code });
        return new AppError(400, code);
      };
      // Claimed first (single use even under concurrency; bound to the address it was sent to); the password is
      // set after.
      const redeemed = await emailTokens.redeem(token, 'recovery');
      if ('refused' in redeemed)
        throw await refuse(
          redeemed.refused === 'expired' ? 'recovery_link_expired' : 'recovery_link_invalid',
        );
      const account = await identity.findAccountById(redeemed.accountId);
      // Not for a blocked account.
      if (!reachable(account)) throw await refuse('recovery_link_invalid');
      await resetAndMail(req, account, 'link_confirm', { mustChange: true, lang: req.lang }, {});
    },

    /** Path 1 (seed 000): a new password generated and mailed to the account of the login. */
    async mailNewPassword(req: FastifyRequest, login: string): Promise<void> {
      const id = normalizeLogin(login);
      const masked = maskLogin(id);
      await throttle(id.value);
      const account = await identity.findByLogin(login);
      if (!reachable(account)) {
        await equalWork();
        await journal(req, 'email', 'failure', { reason: 'unknown_account', login: masked });
        return;
      }
      await resetAndMail(req, account, 'email', { mustChange: false, lang: req.lang }, { login: masked });
    },

    /**
     * Path 3 (seed 002, by e-mail): IIN + identity document number + issue date, or BIN + registration
     * certificate number, checked against the account and the state registry → a new password mailed.
     * An unknown IIN/BIN answers exactly as wrong data for a known one: 400 recovery_data_mismatch.
     */
    async byDocument(req: FastifyRequest, input: DocumentRecoveryInput): Promise<void> {
      const identifier = input.kind === 'individual' ? input.iin : input.bin;
      const masked = maskLogin({ type: 'iin_bin', value: identifier });
      await throttle(identifier);
      const account =
        input.kind === 'individual'
          ? await identity.findByIin(input.iin)
          : await identity.findByBin(input.bin);
      const matches =
        input.kind === 'individual'
          ? await registry.checkPersonDocument(input.iin, input.documentNumber.trim(), input.issueDate)
          : await registry.checkLegalEntityCertificate(input.bin, input.registrationNumber.trim());
      const details = { kind: input.kind, login: masked };
      if (!reachable(account) || !matches) {
        await equalWork();
        const reason = !reachable(account) ? 'unknown_account' : 'data_mismatch';
        await journal(req, 'document', 'failure', { ...details, reason }, account?.id ?? null);
        throw new AppError(400, 'recovery_data_mismatch');
      }
      await resetAndMail(req, account, 'document', { mustChange: false, lang: req.lang }, details);
    },

    /**
     * Path 4 (seed 002, by ЭЦП): a recovery request signed with the AUTH key (decision 0003) whose IIN/BIN owns
     * the account → the new password (under the policy) is set and every session ended.
     */
    async bySignature(
      req: FastifyRequest,
      input: { signingRequestId: string; cms: string; newPassword: string; newPasswordRepeat: string },
    ): Promise<void> {
      // The password first: a weak one costs the person no signing request.
      identity.assertNewPassword(req, input.newPassword, {
        field: 'newPassword',
        repeat: input.newPasswordRepeat,
        repeatField: 'newPasswordRepeat',
      });
      let verified: Awaited<ReturnType<typeof signatures.claimAndVerify>>;
      try {
        verified = await signatures.claimAndVerify({
          signingRequestId: input.signingRequestId,
          cms: input.cms,
          purpose: 'recovery',
        });
      } catch (error) {
        if (error instanceof AppError)
          await journal(req, 'signature', 'failure', {
            reason: error.code,
            check: error.params.check,
            checkReason: error.params.reason,
          });
        throw error;
      }
      const cert = verified.certificate;
      const identifier = cert.bin && cert.subjectKind !== 'individual' ? cert.bin : (cert.iin ?? '');
      const masked = identifier ? maskLogin({ type: 'iin_bin', value: identifier }) : null;
      await throttle(identifier);
      const account = await findAccountForCertificate(identity, cert);
      if (!account || account.status === 'blocked') {
        await journal(req, 'signature', 'failure', {
          reason: 'account_not_found',
          login: masked,
          serial: cert.serialNumber,
        });
        throw new AppError(404, 'account_not_found');
      }
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await identity.setPassword(account.id, input.newPassword, { revokeSessions: {} }, tx);
        await journal(
          req,
          'signature',
          'success',
          { login: masked, serial: cert.serialNumber },
          account.id,
          tx,
        );
      });
    },
  };
}

export type Recovery = ReturnType<typeof createRecovery>;
