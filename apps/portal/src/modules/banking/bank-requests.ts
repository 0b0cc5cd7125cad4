import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, languages, translate } from '../../server/i18n/messages';
import { isBic } from './iban';
import type { BankRequestInput } from './schema';
import { bankRegistrationRequests, type bankRequestStatuses } from './tables';

export type BankRequest = typeof bankRegistrationRequests.$inferSelect;
export type BankRequestStatus = (typeof bankRequestStatuses)[number];

const PG_UNIQUE_VIOLATION = '23505';
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === PG_UNIQUE_VIOLATION) return true;
  }
  return false;
}

const fieldError = (lang: Language, field: string, code: string) =>
  new AppError(400, 'validation_failed', {}, { [field]: translate(lang, code) });

export function requestView(row: BankRequest) {
  return {
    id: row.id,
    nameKk: row.nameKk,
    nameRu: row.nameRu,
    bankCode: row.bankCode,
    bic: row.bic,
    countryCode: row.countryCode,
    kato: row.kato,
    addressKk: row.addressKk,
    addressRu: row.addressRu,
    confirmationInfo: row.confirmationInfo,
    headOffice: row.headOffice,
    resident: row.resident,
    status: row.status,
    rejectReason: row.rejectReason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/**
 * «Добавление банка» requests (seed 001): a signed-in user sends a bank missing from the directory
 * (status «На утверждении»); an administrator approves it — the bank enters the `banks` directory (keyed by BIC)
 * in the same transaction — or rejects it with a reason. Either way the requester is emailed in the language
 * the request was sent in. A BIC already in the directory or pending is refused with 409.
 */
export function createBankRequestService(ctx: AppContext) {
  const db = ctx.database.db;

  /** The directory bank with this BIC (the banks directory is keyed by BIC). */
  const directoryBankByBic = (bic: string, tx?: Db) => ctx.directories.get('banks', bic, tx);

  async function pendingWithBic(bic: string, tx: Db = db) {
    const [row] = await tx
      .select({ id: bankRegistrationRequests.id })
      .from(bankRegistrationRequests)
      .where(and(eq(bankRegistrationRequests.bic, bic), eq(bankRegistrationRequests.status, 'pending')));
    return row ?? null;
  }

  async function lockPending(id: string, tx: Db): Promise<BankRequest> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(404, 'not_found');
    const [row] = await tx
      .select()
      .from(bankRegistrationRequests)
      .where(eq(bankRegistrationRequests.id, id))
      .for('update');
    if (!row) throw new AppError(404, 'not_found');
    if (row.status !== 'pending') throw new AppError(409, 'bank_request_decided');
    return row;
  }

  /** The decision email to the requester, in the request's language (ru when unknown). */
  async function emailRequester(row: BankRequest, tx: Db) {
    const requester = await ctx.identity.findAccountById(row.requesterAccountId, tx);
    if (!requester?.email) return;
    const lang: Language = (languages as readonly string[]).includes(row.language)
      ? (row.language as Language)
      : 'ru';
    const kind = row.status === 'approved' ? 'approved' : 'rejected';
    const params = {
      bankName: lang === 'kk' ? row.nameKk : row.nameRu,
      bic: row.bic,
      reason: row.rejectReason ?? '',
    };
    await ctx.notifications.sendEmail(
      {
        to: requester.email,
        subject: translate(lang, `bank_request_${kind}_subject`, params),
        text: translate(lang, `bank_request_${kind}_text`, params),
      },
      tx,
    );
  }

  function journal(req: FastifyRequest, action: string, actorUserId: string, row: BankRequest, tx: Db) {
    return ctx.audit.record(
      {
        action,
        result: 'success',
        actorUserId,
        organizationId: row.organizationId,
        targetType: 'bank_registration_request',
        targetId: row.id,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        details: { bic: row.bic, bankCode: row.bankCode, nameRu: row.nameRu, reason: row.rejectReason },
      },
      tx,
    );
  }

  return {
    async submit(req: FastifyRequest, input: BankRequestInput) {
      const { account } = input.organizationId
        ? await ctx.organizations.requireMember(req, input.organizationId)
        : await ctx.identity.requireSession(req);
      const lang = req.lang;
      const bic = input.bic.trim().toUpperCase();
      const bankCode = input.bankCode.trim().toUpperCase();
      if (!isBic(bic)) throw fieldError(lang, 'bic', 'bic_invalid');
      if (!/^\d{3}$/.test(bankCode)) throw fieldError(lang, 'bankCode', 'bank_code_invalid');
      await ctx.directories.require('countries', input.countryCode, 'countryCode', lang);
      if (input.kato) await ctx.directories.require('kato', input.kato, 'kato', lang);
      if (await directoryBankByBic(bic))
        throw new AppError(409, 'bank_bic_exists', {}, { bic: translate(lang, 'bank_bic_exists') });
      if (await pendingWithBic(bic))
        throw new AppError(
          409,
          'bank_request_pending_bic',
          {},
          { bic: translate(lang, 'bank_request_pending_bic') },
        );
      try {
        const row = await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const [created] = await tx
            .insert(bankRegistrationRequests)
            .values({
              requesterAccountId: account.id,
              organizationId: input.organizationId ?? null,
              nameKk: input.nameKk,
              nameRu: input.nameRu,
              bankCode,
              bic,
              countryCode: input.countryCode,
              kato: input.kato ?? null,
              addressKk: input.addressKk,
              addressRu: input.addressRu,
              confirmationInfo: input.confirmationInfo,
              headOffice: input.headOffice,
              resident: input.resident,
              language: lang,
            })
            .returning();
          await journal(req, 'bank_request.create', account.id, created, tx);
          return created;
        });
        return { request: requestView(row), message: translate(lang, 'bank_request_sent') };
      } catch (error) {
        // Two requests for one BIC at the same moment: the partial unique index lets only one through.
        if (isUniqueViolation(error)) throw new AppError(409, 'bank_request_pending_bic');
        throw error;
      }
    },

    /** «Мои заявки на регистрацию банка»: the caller's requests, newest first. */
    async mine(req: FastifyRequest) {
      const { account } = await ctx.identity.requireSession(req);
      const rows = await db
        .select()
        .from(bankRegistrationRequests)
        .where(eq(bankRegistrationRequests.requesterAccountId, account.id))
        .orderBy(desc(bankRegistrationRequests.createdAt));
      return rows.map(requestView);
    },

    /** The administrator's queue (pending by default), newest first. */
    async queue(req: FastifyRequest, status?: BankRequestStatus) {
      await ctx.identity.requireRole(req, 'admin');
      const where: SQL[] = [];
      if (status) where.push(eq(bankRegistrationRequests.status, status));
      const rows = await db
        .select()
        .from(bankRegistrationRequests)
        .where(and(...where))
        .orderBy(desc(bankRegistrationRequests.createdAt))
        .limit(500);
      return Promise.all(
        rows.map(async (row) => ({
          ...requestView(row),
          requesterAccountId: row.requesterAccountId,
          requesterEmail: (await ctx.identity.findAccountById(row.requesterAccountId))?.email ?? null,
          organizationId: row.organizationId,
        })),
      );
    },

    async approve(req: FastifyRequest, id: string) {
      const { account: admin } = await ctx.identity.requireRole(req, 'admin');
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const pending = await lockPending(id, tx);
        if (await directoryBankByBic(pending.bic, tx)) throw new AppError(409, 'bank_bic_exists');
        await ctx.directories.upsert(
          'banks',
          {
            code: pending.bic,
            nameRu: pending.nameRu,
            nameKk: pending.nameKk,
            attrs: {
              bic: pending.bic,
              bankCode: pending.bankCode,
              addressRu: pending.addressRu,
              addressKk: pending.addressKk,
              headOffice: pending.headOffice,
              resident: pending.resident,
            },
          },
          { accountId: admin.id, lang: req.lang, ip: req.ip, userAgent: req.headers['user-agent'] },
          tx,
        );
        const [decided] = await tx
          .update(bankRegistrationRequests)
          .set({ status: 'approved', decidedBy: admin.id, decidedAt: ctx.now() })
          .where(eq(bankRegistrationRequests.id, pending.id))
          .returning();
        await journal(req, 'bank_request.approve', admin.id, decided, tx);
        await emailRequester(decided, tx);
        return decided;
      });
      return requestView(row);
    },

    async reject(req: FastifyRequest, id: string, reason: string) {
      const { account: admin } = await ctx.identity.requireRole(req, 'admin');
      const text = reason.trim();
      if (!text) throw fieldError(req.lang, 'reason', 'bank_request_reason_required');
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const pending = await lockPending(id, tx);
        const [decided] = await tx
          .update(bankRegistrationRequests)
          .set({ status: 'rejected', rejectReason: text, decidedBy: admin.id, decidedAt: ctx.now() })
          .where(eq(bankRegistrationRequests.id, pending.id))
          .returning();
        await journal(req, 'bank_request.reject', admin.id, decided, tx);
        await emailRequester(decided, tx);
        return decided;
      });
      return requestView(row);
    },
  };
}

export type BankRequestService = ReturnType<typeof createBankRequestService>;
