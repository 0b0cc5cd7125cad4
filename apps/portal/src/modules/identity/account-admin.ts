import { and, desc, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Account } from './accounts';
import type { Lockout } from './lockout';
import { identifierHash, normalizeEmail } from './login-identifier';
import { accounts, loginThrottle } from './tables';

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The password-login identifiers of an account (what the lockout counts): its IIN or BIN, and its email. */
export function loginHashesOf(a: Pick<Account, 'kind' | 'iin' | 'bin' | 'email'>): string[] {
  const hashes = [
    identifierHash({ type: 'iin_bin', value: a.kind === 'individual' ? a.iin : (a.bin ?? '') }),
  ];
  if (a.email) hashes.push(identifierHash({ type: 'email', value: a.email }));
  return hashes;
}

/**
 * What the admin console needs of identity's tables (admin module calls these, never the tables): account
 * search with keyset pagination, login locks of a page of accounts, and a row lock for read-modify-write.
 */
export function createAccountAdmin(db: Db, lockout: Lockout, now: () => Date) {
  return {
    /**
     * Accounts matching `q` — 1–12 digits: IIN or BIN prefix; with «@»: email prefix; else a part of the name
     * or email — newest first. `after` is the last id of the previous page (keyset: created_at, id).
     */
    async search(opts: { q?: string; after?: string; limit?: number }) {
      const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
      const where: (SQL | undefined)[] = [];
      const q = opts.q?.normalize('NFKC').trim() ?? '';
      if (q) {
        const digits = q.replace(/[\s-]/g, '');
        if (/^\d{1,12}$/.test(digits)) {
          where.push(
            or(sql`${accounts.iin} LIKE ${`${digits}%`}`, sql`${accounts.bin} LIKE ${`${digits}%`}`),
          );
        } else if (q.includes('@')) {
          where.push(sql`${accounts.email} LIKE ${`${escapeLike(normalizeEmail(q))}%`}`);
        } else {
          const pattern = `%${escapeLike(q)}%`;
          where.push(
            or(
              ilike(
                sql`concat_ws(' ', ${accounts.surname}, ${accounts.firstName}, ${accounts.patronymic})`,
                pattern,
              ),
              ilike(accounts.email, pattern),
            ),
          );
        }
      }
      if (opts.after) {
        if (!UUID.test(opts.after)) return { accounts: [] as Account[], nextCursor: null };
        where.push(
          sql`(${accounts.createdAt}, ${accounts.id}) < (SELECT a.created_at, a.id FROM accounts a WHERE a.id = ${opts.after})`,
        );
      }
      const rows = await db
        .select()
        .from(accounts)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(accounts.createdAt), desc(accounts.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return { accounts: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
    },

    /** accountId → until when its password login is locked (only accounts locked now). */
    async lockedUntil(list: Account[]): Promise<Map<string, Date>> {
      const byHash = new Map<string, string>();
      for (const a of list) for (const h of loginHashesOf(a)) byHash.set(h, a.id);
      const out = new Map<string, Date>();
      if (!byHash.size) return out;
      const rows = await db
        .select({ hash: loginThrottle.identifierHash, lockedUntil: loginThrottle.lockedUntil })
        .from(loginThrottle)
        .where(
          and(
            inArray(loginThrottle.identifierHash, [...byHash.keys()]),
            gt(loginThrottle.lockedUntil, now()),
          ),
        );
      for (const r of rows) {
        const id = byHash.get(r.hash)!;
        const prev = out.get(id);
        if (r.lockedUntil && (!prev || r.lockedUntil > prev)) out.set(id, r.lockedUntil);
      }
      return out;
    },

    /** The account, row-locked in `tx` until it commits (null when absent or not a uuid). */
    async lockForUpdate(id: string, tx: Db): Promise<Account | null> {
      if (!UUID.test(id)) return null;
      const [row] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
      return row ?? null;
    },

    /** Accounts by id (unknown ids are left out), for naming actors and members. */
    async byIds(ids: string[]): Promise<Map<string, Account>> {
      const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
      if (!wanted.length) return new Map();
      const rows = await db.select().from(accounts).where(inArray(accounts.id, wanted));
      return new Map(rows.map((a) => [a.id, a]));
    },

    lockout,
  };
}

export type AccountAdmin = ReturnType<typeof createAccountAdmin>;
