import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { emailTokens } from './tables';

export const EMAIL_TOKEN_PURPOSES = ['activation', 'recovery', 'email_confirm'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** Why a token did nothing: never issued / used / for another purpose or address, or past its expiry. */
export type EmailTokenRefusal = 'invalid' | 'expired';

/** 32 random bytes, base64url: the only shape issue() makes, so anything else is refused without a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

// The purpose is part of the hash: a token of one purpose is not even found under another.
const hashToken = (purpose: EmailTokenPurpose, token: string) =>
  createHash('sha256').update(`tereze/email-token/v1\0${purpose}\0${token}`).digest('hex');

/**
 * Single-use, expiring tokens for links sent by email, hashed at rest (docs/identity.md). Issuing a token
 * retires the account's earlier unused tokens of the same purpose (only the newest link works); a token is
 * bound to the address the account had when it was issued.
 */
export function createEmailTokenService(deps: {
  db: Db;
  now: () => Date;
  /** The account's current email (ctx.identity; a function, since the context is still being built). */
  findAccountById: AppContext['identity']['findAccountById'];
}) {
  const { db, now, findAccountById } = deps;

  /** Claims the token (one UPDATE, so single use holds under concurrency) and checks its address. */
  async function redeem(
    token: string,
    purpose: EmailTokenPurpose,
    tx: Db = db,
  ): Promise<{ accountId: string } | { refused: EmailTokenRefusal }> {
    if (!TOKEN_SHAPE.test(token)) return { refused: 'invalid' };
    const tokenHash = hashToken(purpose, token);
    const time = now();
    const [row] = await tx
      .update(emailTokens)
      .set({ consumedAt: time })
      .where(
        and(
          eq(emailTokens.tokenHash, tokenHash),
          eq(emailTokens.purpose, purpose),
          isNull(emailTokens.consumedAt),
          gt(emailTokens.expiresAt, time),
        ),
      )
      .returning({ accountId: emailTokens.accountId, email: emailTokens.email });
    if (!row) {
      const [left] = await tx
        .select({ consumedAt: emailTokens.consumedAt })
        .from(emailTokens)
        .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose)));
      return { refused: left && !left.consumedAt ? 'expired' : 'invalid' };
    }
    const account = await findAccountById(row.accountId, tx);
    if (!account || account.email !== row.email) return { refused: 'invalid' };
    return { accountId: row.accountId };
  }

  return {
    /** A new token for the account's current email, valid `ttlMs`; earlier unused ones of `purpose` stop working. */
    async issue(accountId: string, purpose: EmailTokenPurpose, ttlMs: number, tx: Db = db): Promise<string> {
      const account = await findAccountById(accountId, tx);
      if (!account?.email) throw new Error(`email token: account ${accountId} has no email`);
      const token = randomBytes(32).toString('base64url');
      const time = now();
      await tx
        .update(emailTokens)
        .set({ consumedAt: time })
        .where(
          and(
            eq(emailTokens.accountId, accountId),
            eq(emailTokens.purpose, purpose),
            isNull(emailTokens.consumedAt),
          ),
        );
      await tx.insert(emailTokens).values({
        tokenHash: hashToken(purpose, token),
        accountId,
        purpose,
        email: account.email,
        createdAt: time,
        expiresAt: new Date(time.getTime() + ttlMs),
      });
      return token;
    },

    /** The account the token was issued to, once; null when unknown, used, expired, foreign or re-addressed. */
    async consume(token: string, purpose: EmailTokenPurpose, tx?: Db): Promise<string | null> {
      const outcome = await redeem(token, purpose, tx);
      return 'accountId' in outcome ? outcome.accountId : null;
    },

    /** As consume(), but says why a token did nothing (pages tell an expired link from a wrong one). */
    redeem,

    /** When the newest token of `purpose` was issued to the account (resend cooldowns), or null. */
    async lastIssuedAt(accountId: string, purpose: EmailTokenPurpose, tx: Db = db): Promise<Date | null> {
      const [last] = await tx
        .select({ createdAt: emailTokens.createdAt })
        .from(emailTokens)
        .where(and(eq(emailTokens.accountId, accountId), eq(emailTokens.purpose, purpose)))
        .orderBy(desc(emailTokens.createdAt))
        .limit(1);
      return last?.createdAt ?? null;
    },
  };
}

export type EmailTokenService = ReturnType<typeof createEmailTokenService>;
