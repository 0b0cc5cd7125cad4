import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import { attrString, bankAddress, entryName } from './directory-names';
import { accountNumberProblem, deriveKbe, normalizeAccountNumber } from './iban';
import type { BankAccountInput, BankAccountPatch, BankAccountView } from './schema';
import { bankAccounts } from './tables';

export type BankAccount = typeof bankAccounts.$inferSelect;

type Organization = { id: string; resident: boolean; kse: string | null };

const PG_UNIQUE_VIOLATION = '23505';
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === PG_UNIQUE_VIOLATION) return true;
  }
  return false;
}

const fieldError = (lang: Language, field: string, code: string, status = 400) =>
  new AppError(status, 'validation_failed', {}, { [field]: translate(lang, code) });

/**
 * Bank accounts of an organisation (seed 001 «Банковские счета»). Any active member reads; writes need the
 * Администратор организации right. Exactly one default account while any exists: the first account becomes
 * the default, choosing another unsets the old one in the same transaction, deleting the default promotes the
 * oldest remaining one. Writes of one organisation are serialised by a transaction-scoped advisory lock.
 */
export function createBankAccountService(ctx: AppContext) {
  const db = ctx.database.db;

  const inOrgTx = <T>(organizationId: string, fn: (tx: Db) => Promise<T>) =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`bank_accounts:${organizationId}`}))`);
      return fn(tx);
    });

  /** КБе for the organisation now: residency digit + the sector digit of its КСЕ. */
  async function kbeOf(org: Organization, tx?: Db) {
    const kse = org.kse ? await ctx.directories.get('kse', org.kse, tx) : null;
    return { kbe: deriveKbe(org.resident, attrString(kse, 'sectorDigit')), kse };
  }

  async function view(row: BankAccount, lang: Language): Promise<BankAccountView> {
    const [bank, type] = await Promise.all([
      ctx.directories.get('banks', row.bankCode),
      ctx.directories.get('account_types', row.accountType),
    ]);
    return {
      id: row.id,
      number: row.number,
      oldFormat: row.oldFormat,
      bankCode: row.bankCode,
      bankName: entryName(bank, lang),
      bankAddress: bankAddress(bank, lang),
      bic: row.bic,
      kbe: row.kbe,
      accountType: row.accountType,
      accountTypeName: entryName(type, lang),
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      guaranteeDeposit: row.guaranteeDeposit,
      isDefault: row.isDefault,
      source: row.source,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function findRow(organizationId: string, id: string, tx: Db = db): Promise<BankAccount> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(404, 'not_found');
    const [row] = await tx
      .select()
      .from(bankAccounts)
      .where(and(eq(bankAccounts.organizationId, organizationId), eq(bankAccounts.id, id)));
    if (!row) throw new AppError(404, 'not_found');
    return row;
  }

  /** An active directory entry, else 400 naming the field (read in the caller's transaction). */
  async function requireEntry(
    kind: string,
    code: string,
    field: string,
    message: string,
    lang: Language,
    tx?: Db,
  ) {
    const entry = await ctx.directories.get(kind, code, tx);
    if (!entry || entry.active === false) throw fieldError(lang, field, message);
    return entry;
  }

  /** Checks the number (IBAN rules), dates and directory codes; returns the normalised values to store. */
  async function checked(
    lang: Language,
    input: Pick<BankAccountInput, 'number' | 'oldFormat' | 'bankCode' | 'accountType'> & {
      openedOn?: string | null;
      closedOn?: string | null;
    },
    tx?: Db,
  ) {
    const problem = accountNumberProblem(input.number, input.oldFormat);
    if (problem) throw fieldError(lang, 'number', problem);
    if (input.openedOn && input.closedOn && input.closedOn < input.openedOn)
      throw fieldError(lang, 'closedOn', 'bank_account_closed_before_opened');
    const bank = await requireEntry('banks', input.bankCode, 'bankCode', 'bank_unknown', lang, tx);
    await requireEntry('account_types', input.accountType, 'accountType', 'account_type_unknown', lang, tx);
    const number = normalizeAccountNumber(input.number);
    // Characters 5–7 of a KZ IBAN are the bank's code: an IBAN of another bank is a typing mistake.
    const bankCode = attrString(bank, 'bankCode');
    if (!input.oldFormat && number.startsWith('KZ') && bankCode && number.slice(4, 7) !== bankCode)
      throw fieldError(lang, 'number', 'iban_bank_mismatch');
    return { number, bic: attrString(bank, 'bic') };
  }

  /** One account number once per organisation (409 on the number field otherwise). */
  async function assertNumberFree(tx: Db, lang: Language, organizationId: string, number: string) {
    const [clash] = await tx
      .select({ id: bankAccounts.id })
      .from(bankAccounts)
      .where(and(eq(bankAccounts.organizationId, organizationId), eq(bankAccounts.number, number)));
    if (clash)
      throw new AppError(
        409,
        'bank_account_duplicate',
        {},
        { number: translate(lang, 'bank_account_duplicate') },
      );
  }

  function journal(
    req: FastifyRequest,
    action: string,
    actorUserId: string,
    organizationId: string,
    targetId: string,
    details: Record<string, unknown>,
    tx: Db,
  ) {
    return ctx.audit.record(
      {
        action,
        result: 'success',
        actorUserId,
        organizationId,
        targetType: 'bank_account',
        targetId,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        details,
      },
      tx,
    );
  }

  async function unsetOtherDefaults(tx: Db, organizationId: string, keepId: string) {
    await tx
      .update(bankAccounts)
      .set({ isDefault: false, updatedAt: ctx.now() })
      .where(
        and(
          eq(bankAccounts.organizationId, organizationId),
          eq(bankAccounts.isDefault, true),
          ne(bankAccounts.id, keepId),
        ),
      );
  }

  return {
    async list(req: FastifyRequest, organizationId: string) {
      const { organization } = await ctx.organizations.requireMember(req, organizationId);
      const rows = await db
        .select()
        .from(bankAccounts)
        .where(eq(bankAccounts.organizationId, organizationId))
        .orderBy(asc(bankAccounts.createdAt), asc(bankAccounts.id));
      const { kbe, kse } = await kbeOf(organization);
      return {
        items: await Promise.all(rows.map((row) => view(row, req.lang))),
        kbe,
        kbeName: entryName(kse, req.lang),
      };
    },

    async get(req: FastifyRequest, organizationId: string, id: string) {
      await ctx.organizations.requireMember(req, organizationId);
      return view(await findRow(organizationId, id), req.lang);
    },

    async add(req: FastifyRequest, organizationId: string, input: BankAccountInput) {
      const { account, organization } = await ctx.organizations.requireMember(
        req,
        organizationId,
        'org_admin',
      );
      const { number, bic } = await checked(req.lang, input);
      const { kbe } = await kbeOf(organization);
      if (!kbe) throw fieldError(req.lang, 'kbe', 'kbe_unknown');
      const row = await inOrgTx(organizationId, async (tx) => {
        await assertNumberFree(tx, req.lang, organizationId, number);
        const [{ count }] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(bankAccounts)
          .where(eq(bankAccounts.organizationId, organizationId));
        const isDefault = count === 0 || input.isDefault;
        const [created] = await tx
          .insert(bankAccounts)
          .values({
            organizationId,
            number,
            oldFormat: input.oldFormat,
            bankCode: input.bankCode,
            bic,
            kbe,
            accountType: input.accountType,
            openedOn: input.openedOn ?? ctx.now().toISOString().slice(0, 10),
            closedOn: input.closedOn ?? null,
            guaranteeDeposit: input.guaranteeDeposit,
            isDefault: false,
            source: 'manual',
            createdBy: account.id,
          })
          .returning();
        let result = created;
        if (isDefault) {
          await unsetOtherDefaults(tx, organizationId, created.id);
          [result] = await tx
            .update(bankAccounts)
            .set({ isDefault: true })
            .where(eq(bankAccounts.id, created.id))
            .returning();
        }
        await journal(
          req,
          'org.bank_account.create',
          account.id,
          organizationId,
          created.id,
          { number, bankCode: input.bankCode, bic, kbe, isDefault },
          tx,
        );
        return result;
      }).catch((error) => {
        if (isUniqueViolation(error)) throw new AppError(409, 'bank_account_duplicate');
        throw error;
      });
      return view(row, req.lang);
    },

    async update(req: FastifyRequest, organizationId: string, id: string, patch: BankAccountPatch) {
      const { account, organization } = await ctx.organizations.requireMember(
        req,
        organizationId,
        'org_admin',
      );
      const row = await inOrgTx(organizationId, async (tx) => {
        const current = await findRow(organizationId, id, tx);
        const detailsChange =
          (patch.number !== undefined && normalizeAccountNumber(patch.number) !== current.number) ||
          (patch.bankCode !== undefined && patch.bankCode !== current.bankCode) ||
          (patch.oldFormat !== undefined && patch.oldFormat !== current.oldFormat);
        if (detailsChange && current.source !== 'manual') throw new AppError(409, 'bank_account_not_manual');
        if (patch.isDefault === false && current.isDefault)
          throw new AppError(409, 'bank_account_default_required');
        const next = {
          number: patch.number ?? current.number,
          oldFormat: patch.oldFormat ?? current.oldFormat,
          bankCode: patch.bankCode ?? current.bankCode,
          accountType: patch.accountType ?? current.accountType,
          openedOn: patch.openedOn === undefined ? current.openedOn : patch.openedOn,
          closedOn: patch.closedOn === undefined ? current.closedOn : patch.closedOn,
        };
        const { number, bic } = await checked(req.lang, next, tx);
        if (number !== current.number) await assertNumberFree(tx, req.lang, organizationId, number);
        // КБе follows the organisation's current residency and КСЕ when the account is saved again.
        const { kbe } = await kbeOf(organization, tx);
        if (patch.isDefault) await unsetOtherDefaults(tx, organizationId, id);
        const [updated] = await tx
          .update(bankAccounts)
          .set({
            ...next,
            number,
            bic,
            kbe: kbe ?? current.kbe,
            guaranteeDeposit: patch.guaranteeDeposit ?? current.guaranteeDeposit,
            isDefault: patch.isDefault ?? current.isDefault,
            updatedAt: ctx.now(),
          })
          .where(eq(bankAccounts.id, id))
          .returning();
        const changed = Object.keys(patch).filter(
          (k) => (patch as Record<string, unknown>)[k] !== (current as Record<string, unknown>)[k],
        );
        await journal(
          req,
          'org.bank_account.update',
          account.id,
          organizationId,
          id,
          { changed, number },
          tx,
        );
        return updated;
      });
      return view(row, req.lang);
    },

    async remove(req: FastifyRequest, organizationId: string, id: string) {
      const { account } = await ctx.organizations.requireMember(req, organizationId, 'org_admin');
      await inOrgTx(organizationId, async (tx) => {
        const current = await findRow(organizationId, id, tx);
        if (current.source !== 'manual') throw new AppError(409, 'bank_account_not_manual');
        await tx.delete(bankAccounts).where(eq(bankAccounts.id, id));
        let promoted: string | null = null;
        if (current.isDefault) {
          const [next] = await tx
            .select({ id: bankAccounts.id })
            .from(bankAccounts)
            .where(eq(bankAccounts.organizationId, organizationId))
            .orderBy(asc(bankAccounts.createdAt), asc(bankAccounts.id))
            .limit(1);
          if (next) {
            await tx.update(bankAccounts).set({ isDefault: true }).where(eq(bankAccounts.id, next.id));
            promoted = next.id;
          }
        }
        await journal(
          req,
          'org.bank_account.delete',
          account.id,
          organizationId,
          id,
          { number: current.number, promotedDefault: promoted },
          tx,
        );
      });
    },
  };
}

export type BankAccountService = ReturnType<typeof createBankAccountService>;
