import { and, eq, getTableColumns, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { type LoginIdentifier, normalizeEmail } from './login-identifier';
import { hashPassword } from './passwords';
import { type accountKinds, type accountStatuses, accounts } from './tables';

export type Account = typeof accounts.$inferSelect;
export type AccountKind = (typeof accountKinds)[number];
export type AccountStatus = (typeof accountStatuses)[number];
export type Role = 'user' | 'admin' | 'operator' | (string & {});

export interface NewAccount {
  kind: AccountKind;
  iin: string;
  bin?: string | null;
  organizationId?: string | null;
  email?: string | null;
  /** Set when the email is already known to be the person's (e.g. taken from a verified source). */
  emailVerifiedAt?: Date | null;
  mobilePhone?: string | null;
  workPhone?: string | null;
  surname?: string | null;
  firstName?: string | null;
  patronymic?: string | null;
  /** Plain password (hashed here with argon2id); check it with assertNewPassword first. */
  password?: string | null;
  mustChangePassword?: boolean;
  status?: AccountStatus;
  roles?: Role[];
}

const PG_UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === PG_UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** Account records: creation, lookups and the few updates identity flows need. */
export function createAccountStore(db: Db, now: () => Date) {
  const findOne = async (where: SQL | undefined, tx: Db = db): Promise<Account | null> => {
    const [row] = await tx.select().from(accounts).where(where).limit(1);
    return row ?? null;
  };
  // Signature login's account lookup (a hot path): SQL built once; on PostgreSQL parsed and planned once per
  // pooled connection (a named prepared statement). A caller's transaction uses the builder.
  const individualByIin = db
    .select()
    .from(accounts)
    .where(and(eq(accounts.iin, sql.placeholder('iin')), eq(accounts.kind, 'individual')))
    .limit(1)
    .prepare('account_individual_by_iin');

  return {
    /**
     * Creates an account. A second personal account for an IIN, a second account for a BIN or a used email →
     * 409 already_registered. Inside a caller's transaction on PostgreSQL a unique violation aborts that
     * transaction, so check with findByIin/findByBin/findByEmail first for a clean refusal.
     */
    async create(input: NewAccount, tx: Db = db): Promise<Account> {
      if (input.kind !== 'individual' && !input.bin)
        throw new AppError(400, 'validation_failed', {}, { bin: 'required' });
      const t = now();
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      try {
        const [row] = await tx
          .insert(accounts)
          .values({
            kind: input.kind,
            iin: input.iin,
            bin: input.bin ?? null,
            organizationId: input.organizationId ?? null,
            email: input.email ? normalizeEmail(input.email) : null,
            emailVerifiedAt: input.emailVerifiedAt ?? null,
            mobilePhone: input.mobilePhone ?? null,
            workPhone: input.workPhone ?? null,
            surname: input.surname ?? null,
            firstName: input.firstName ?? null,
            patronymic: input.patronymic ?? null,
            passwordHash,
            mustChangePassword: input.mustChangePassword ?? false,
            status: input.status ?? 'active',
            roles: input.roles ?? ['user'],
            createdAt: t,
            passwordChangedAt: passwordHash ? t : null,
          })
          .returning();
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(409, 'already_registered');
        throw error;
      }
    },

    findById: (id: string, tx?: Db) => findOne(eq(accounts.id, id), tx),
    /** The personal (individual) account of an IIN. */
    findByIin: async (iin: string, tx?: Db): Promise<Account | null> =>
      !tx || tx === db
        ? ((await individualByIin.execute({ iin }))[0] ?? null)
        : findOne(and(eq(accounts.iin, iin), eq(accounts.kind, 'individual')), tx),
    /** The account of a legal entity or certification body. */
    findByBin: (bin: string, tx?: Db) =>
      findOne(and(eq(accounts.bin, bin), ne(accounts.kind, 'individual')), tx),
    findByEmail: (email: string, tx?: Db) => findOne(eq(accounts.email, normalizeEmail(email)), tx),

    /** The account a password login names: IIN → personal account, BIN → organisation account, or email. */
    async findByLogin(id: LoginIdentifier, tx?: Db): Promise<Account | null> {
      if (id.type === 'email') return this.findByEmail(id.value, tx);
      if (id.type === 'iin_bin') return (await this.findByIin(id.value, tx)) ?? this.findByBin(id.value, tx);
      return null;
    },

    async update(
      id: string,
      patch: Partial<Omit<typeof accounts.$inferInsert, 'id' | 'createdAt'>>,
      tx: Db = db,
    ): Promise<Account> {
      if (patch.email) patch = { ...patch, email: normalizeEmail(patch.email) };
      try {
        const [row] = await tx.update(accounts).set(patch).where(eq(accounts.id, id)).returning();
        if (!row) throw new AppError(404, 'not_found');
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(409, 'already_registered');
        throw error;
      }
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;

const accountColumns = Object.entries(getTableColumns(accounts));

/** An account from a raw row (snake_case columns, driver values), for hand-written statements. */
export function accountFromRow(row: Record<string, unknown>): Account {
  const out: Record<string, unknown> = {};
  for (const [key, column] of accountColumns) {
    const value = row[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as Account;
}

/**
 * The statement finding the account a login names (IIN → personal account first, else BIN → organisation,
 * or email), or null when the login cannot name one.
 */
export function accountByLoginQuery(id: LoginIdentifier): SQL | null {
  if (id.type === 'email') return sql`SELECT * FROM accounts WHERE email = ${id.value} LIMIT 1`;
  if (id.type === 'iin_bin')
    return sql`SELECT * FROM accounts
      WHERE (kind = 'individual' AND iin = ${id.value}) OR (kind <> 'individual' AND bin = ${id.value})
      ORDER BY (kind = 'individual') DESC LIMIT 1`;
  return null;
}

/** What /api/v1/me and other modules show of an account (never the hash). */
export function publicUser(a: Account) {
  const fullName = [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || null;
  return {
    id: a.id,
    kind: a.kind,
    iin: a.iin,
    bin: a.bin,
    organizationId: a.organizationId,
    surname: a.surname,
    firstName: a.firstName,
    patronymic: a.patronymic,
    fullName,
    email: a.email,
    emailVerified: a.emailVerifiedAt !== null,
    mobilePhone: a.mobilePhone,
    workPhone: a.workPhone,
    status: a.status,
    roles: a.roles,
    mustChangePassword: a.mustChangePassword,
  };
}

export type PublicUser = ReturnType<typeof publicUser>;
