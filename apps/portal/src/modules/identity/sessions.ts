import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Account } from './accounts';
import { accounts, sessions } from './tables';

/** In a session start with `claim`: true when the claim returned a row (guard the journal entry with it). */
export const CLAIMED = sql`EXISTS (SELECT 1 FROM claimed)`;

export const SESSION_COOKIE = 'session';
/** last_seen_at / the idle expiry move at most this often, so a busy session is not a write per request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  secureCookies: boolean;
}

export type Session = typeof sessions.$inferSelect;
export interface CurrentSession {
  session: Session;
  account: Account;
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Opaque-token sessions: 32 random bytes in an HttpOnly cookie, only their SHA-256 in the database (shared by
 * every instance). Sessions end after `idleMinutes` unused, `absoluteHours` after sign-in, at logout, or when
 * revoked (password change).
 */
export function createSessions(db: Db, policy: SessionPolicy, now: () => Date) {
  const idleMs = policy.idleMinutes * 60_000;
  const absoluteMs = policy.absoluteHours * 3_600_000;
  // One lookup per request, whoever asks (routes, preHandlers, other modules).
  const resolved = new WeakMap<FastifyRequest, Promise<CurrentSession | null>>();

  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: policy.secureCookies,
  });

  async function lookup(req: FastifyRequest): Promise<CurrentSession | null> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !TOKEN_SHAPE.test(token)) return null;
    const [row] = await db
      .select({ session: sessions, account: accounts })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.id, sessionIdOf(token)), isNull(sessions.revokedAt)))
      .limit(1);
    if (!row) return null;
    const t = now();
    if (row.session.expiresAt <= t || row.session.absoluteExpiresAt <= t) return null;
    if (row.account.status === 'blocked') return null;
    if (t.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      const expiresAt = new Date(Math.min(t.getTime() + idleMs, row.session.absoluteExpiresAt.getTime()));
      await db.update(sessions).set({ lastSeenAt: t, expiresAt }).where(eq(sessions.id, row.session.id));
      row.session = { ...row.session, lastSeenAt: t, expiresAt };
    }
    return row;
  }

  const revokeById = (id: string, tx: Db = db) =>
    tx
      .update(sessions)
      .set({ revokedAt: now() })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));

  return {
    policy,

    /** The request's live session and account, or null (memoised per request). */
    current(req: FastifyRequest): Promise<CurrentSession | null> {
      let p = resolved.get(req);
      if (!p) {
        p = lookup(req);
        resolved.set(req, p);
      }
      return p;
    },

    /**
     * Signs the account in: revokes the session the request carried (rotation, against fixation), stores a
     * new one and sets the cookie. Pass the caller's transaction to commit it with the login's journal entry.
     * With `claim` (a data-modifying statement with RETURNING, e.g. a signing request's single-use claim) it
     * runs in the same statement and everything else happens only if it returned a row (write the journal
     * with the CLAIMED guard): null then, and no cookie.
     */
    async start(
      req: FastifyRequest,
      reply: FastifyReply,
      accountId: string,
      tx: Db = db,
      opts: { clearLoginThrottle?: string; journal?: SQL; claim?: SQL } = {},
    ): Promise<Session | null> {
      const token = randomBytes(32).toString('base64url');
      const t = now();
      const session: Session = {
        id: sessionIdOf(token),
        accountId,
        createdAt: t,
        lastSeenAt: t,
        expiresAt: new Date(t.getTime() + Math.min(idleMs, absoluteMs)),
        absoluteExpiresAt: new Date(t.getTime() + absoluteMs),
        ip: req.ip || null,
        userAgent: req.headers['user-agent']?.slice(0, 512) ?? null,
        revokedAt: null,
      };
      // One atomic statement (a round trip counts on the login hot path): revoke the session the request
      // carried (rotation), clear password login's failure counter, write the journal entry, store the session.
      const ctes: SQL[] = [];
      if (opts.claim) ctes.push(sql`claimed AS (${opts.claim})`);
      const andClaimed = opts.claim ? sql` AND ${CLAIMED}` : sql``;
      const old = req.cookies[SESSION_COOKIE];
      if (old && TOKEN_SHAPE.test(old))
        ctes.push(sql`rotated AS (UPDATE sessions SET revoked_at = ${t.toISOString()}::timestamptz
          WHERE id = ${sessionIdOf(old)} AND revoked_at IS NULL${andClaimed})`);
      if (opts.clearLoginThrottle)
        ctes.push(
          sql`cleared AS (DELETE FROM login_throttle WHERE identifier_hash = ${opts.clearLoginThrottle}${andClaimed})`,
        );
      if (opts.journal) ctes.push(sql`journal AS (${opts.journal})`);
      const prefix = ctes.length ? sql`WITH ${sql.join(ctes, sql`, `)} ` : sql``;
      const values = sql`${session.id}, ${accountId}::uuid, ${t.toISOString()}::timestamptz,
          ${t.toISOString()}::timestamptz, ${session.expiresAt.toISOString()}::timestamptz,
          ${session.absoluteExpiresAt.toISOString()}::timestamptz, ${session.ip}::inet, ${session.userAgent}`;
      const result = await tx.execute(sql`${prefix}INSERT INTO sessions
        (id, account_id, created_at, last_seen_at, expires_at, absolute_expires_at, ip, user_agent)
        ${opts.claim ? sql`SELECT ${values} WHERE ${CLAIMED}` : sql`VALUES (${values})`} RETURNING id`);
      if ((result as unknown as { rows: unknown[] }).rows.length === 0) return null;
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(), maxAge: Math.floor(absoluteMs / 1000) });
      resolved.delete(req);
      return session;
    },

    /** Logout: revokes the request's session (if any) and clears the cookie. */
    async end(req: FastifyRequest, reply: FastifyReply): Promise<Session | null> {
      const token = req.cookies[SESSION_COOKIE];
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      resolved.delete(req);
      if (!token || !TOKEN_SHAPE.test(token)) return null;
      const [row] = await revokeById(sessionIdOf(token)).returning();
      return row ?? null;
    },

    /** Revokes every live session of an account except `exceptSessionId` ("log out everywhere"). */
    async revokeAll(
      accountId: string,
      opts: { exceptSessionId?: string } = {},
      tx: Db = db,
    ): Promise<number> {
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: now() })
        .where(
          and(
            eq(sessions.accountId, accountId),
            isNull(sessions.revokedAt),
            opts.exceptSessionId ? ne(sessions.id, opts.exceptSessionId) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.length;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
