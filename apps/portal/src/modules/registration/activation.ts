import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import { requestOrigin } from '../identity/service';

type Ctx = Pick<
  AppContext,
  'identity' | 'notifications' | 'audit' | 'config' | 'database' | 'now' | 'emailTokens'
>;
type Account = NonNullable<Awaited<ReturnType<AppContext['identity']['findAccountById']>>>;

/** A second resend within this time sends nothing (the route is rate-limited per client too). */
export const RESEND_COOLDOWN_MS = 60_000;

/** Where the activation link leads: the web app's page, which POSTs the token to /api/v1/auth/activate. */
export const activationLink = (publicUrl: string, token: string) =>
  `${publicUrl}/activate?token=${encodeURIComponent(token)}`;

const fullName = (a: Account) => [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ');

/** Email activation (seed 001): single-use links, expiring, stored hashed; resend without revealing accounts. */
export function createActivation(ctx: Ctx) {
  const { identity, notifications, audit, config, now, emailTokens } = ctx;
  const db = ctx.database.db;
  const ttlMs = config.ACTIVATION_LINK_HOURS * 3_600_000;

  const service = {
    /** Issues a new link for the account's email (earlier ones stop working) and mails it (outbox, in `tx`). */
    async send(account: Account, lang: Language, tx: Db = db): Promise<void> {
      if (!account.email) return;
      const token = await emailTokens.issue(account.id, 'activation', ttlMs, tx);
      await notifications.sendEmail(
        {
          to: account.email,
          subject: translate(lang, 'activation_email_subject'),
          text: translate(lang, 'activation_email_text', {
            fullName: fullName(account) || account.email,
            link: activationLink(config.PUBLIC_URL, token),
            hours: config.ACTIVATION_LINK_HOURS,
          }),
        },
        tx,
      );
    },

    /** POST /auth/activate: the link's token → the account's email is verified and the account active. */
    async activate(req: FastifyRequest, token: string): Promise<Account> {
      const refuse = async (code: 'activation_link_invalid' | 'activation_link_expired') => {
        await audit.record({
          action: 'account.email.activate',
          result: 'failure',
          ...requestOrigin(req),
          details: { reason: code },
        });
        return new AppError(400, code);
      };
      const outcome = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const redeemed = await emailTokens.redeem(token, 'activation', tx);
        if ('refused' in redeemed)
          return redeemed.refused === 'expired' ? 'activation_link_expired' : 'activation_link_invalid';
        const account = await identity.findAccountById(redeemed.accountId, tx);
        if (!account) return 'activation_link_invalid';
        const activated = await identity.markEmailActivated(account.id, tx);
        await audit.record(
          {
            action: 'account.email.activate',
            result: 'success',
            actorUserId: account.id,
            targetType: 'account',
            targetId: account.id,
            ...requestOrigin(req),
          },
          tx,
        );
        return activated;
      });
      if (typeof outcome === 'string') throw await refuse(outcome);
      return outcome;
    },

    /**
     * POST /auth/activation/resend {login}: a new link when the login (IIN, BIN or email) names an account
     * waiting for activation; the answer is the same whatever the login, so it reveals nothing.
     */
    async resend(req: FastifyRequest, login: string): Promise<void> {
      const account = await identity.findByLogin(login);
      if (!account?.email || account.emailVerifiedAt || account.status === 'blocked') return;
      const last = await emailTokens.lastIssuedAt(account.id, 'activation');
      if (last && now().getTime() - last.getTime() < RESEND_COOLDOWN_MS) return;
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        // send() issues a new token: the newest link is the only one that works.
        await service.send(account, req.lang, tx);
        await audit.record(
          {
            action: 'account.email.activation_resent',
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
  };
  return service;
}

export type Activation = ReturnType<typeof createActivation>;
