import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { fieldMessage, translate } from '../../server/i18n/messages';
import type { Account } from '../identity/accounts';
import { requestOrigin } from '../identity/service';

type Ctx = Pick<
  AppContext,
  'identity' | 'emailTokens' | 'notifications' | 'audit' | 'config' | 'database' | 'now'
>;

/** A second request within this time mails nothing new: the link already sent still works. */
export const CONFIRM_RESEND_COOLDOWN_MS = 60_000;

/** Where the mailed link leads: the web page, which POSTs the token to /api/v1/profile/email/confirm. */
export const emailConfirmLink = (publicUrl: string, token: string) =>
  `${publicUrl}/confirm-email?token=${encodeURIComponent(token)}`;

const fullName = (a: Account) => [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ');

/**
 * «Подтвердить адрес электронной почты» (seed 001): a mailed single-use, expiring link (ctx.emailTokens,
 * purpose email_confirm, bound to the address) turns the email's state to «Подтвержден».
 */
export function createEmailConfirmation(ctx: Ctx) {
  const { identity, emailTokens, notifications, audit, config, now } = ctx;
  const db = ctx.database.db;
  const ttlMs = config.ACTIVATION_LINK_HOURS * 3_600_000;

  return {
    /** Mails a link to the signed-in account's email; 409 email_already_confirmed when there is nothing to do. */
    async request(req: FastifyRequest, account: Account): Promise<string> {
      if (!account.email)
        throw new AppError(400, 'validation_failed', {}, { email: fieldMessage(req.lang, 'invalid_type') });
      if (account.emailVerifiedAt) throw new AppError(409, 'email_already_confirmed');
      const last = await emailTokens.lastIssuedAt(account.id, 'email_confirm');
      if (last && now().getTime() - last.getTime() < CONFIRM_RESEND_COOLDOWN_MS) return account.email;
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const token = await emailTokens.issue(account.id, 'email_confirm', ttlMs, tx);
        await notifications.sendEmail(
          {
            to: account.email!,
            subject: translate(req.lang, 'email_confirm_subject'),
            text: translate(req.lang, 'email_confirm_text', {
              fullName: fullName(account) || account.email,
              link: emailConfirmLink(config.PUBLIC_URL, token),
              hours: config.ACTIVATION_LINK_HOURS,
            }),
          },
          tx,
        );
        await audit.record(
          {
            action: 'profile.email.confirmation_sent',
            result: 'success',
            actorUserId: account.id,
            targetType: 'account',
            targetId: account.id,
            ...requestOrigin(req),
          },
          tx,
        );
      });
      return account.email;
    },

    /** The link was followed (no session needed): the email is «Подтвержден». Refusals are journaled. */
    async confirm(req: FastifyRequest, token: string): Promise<void> {
      const outcome = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const redeemed = await emailTokens.redeem(token, 'email_confirm', tx);
        if ('refused' in redeemed) return redeemed.refused;
        await identity.markEmailActivated(redeemed.accountId, tx);
        await audit.record(
          {
            action: 'profile.email.confirm',
            result: 'success',
            actorUserId: redeemed.accountId,
            targetType: 'account',
            targetId: redeemed.accountId,
            ...requestOrigin(req),
          },
          tx,
        );
        return null;
      });
      if (!outcome) return;
      const code = outcome === 'expired' ? 'email_confirm_link_expired' : 'email_confirm_link_invalid';
      await audit.record({
        action: 'profile.email.confirm',
        result: 'failure',
        ...requestOrigin(req),
        details: { reason: code },
      });
      throw new AppError(400, code);
    },
  };
}
