import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import type { Language } from '../../server/i18n/messages';
import { requestOrigin } from '../identity/service';
import type { IdentityDocument } from '../registry/adapter';
import { blankToNull, fieldErrors, isIsoDate, kzToday } from './fields';
import { entryName } from './reference';
import type { DocumentInput, DocumentView } from './schema';
import type { ProfileDeps } from './service';
import { profileDocuments } from './tables';

type Row = typeof profileDocuments.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REGISTRY_ID_PREFIX = 'registry-';

/** Kazakhstan's own documents have fixed number shapes; other types take 1–20 letters and digits. */
const NUMBER_RULES: Record<string, { pattern: RegExp; code: string }> = {
  id_card: { pattern: /^\d{9}$/, code: 'profile_id_card_number_invalid' },
  passport: { pattern: /^[A-Z]\d{7,8}$/, code: 'profile_passport_number_invalid' },
};

/** «Паспортные данные» (seed 001): registry documents read-only, manual ones CRUD, owner only. */
export function createDocuments(deps: ProfileDeps) {
  const { db, audit, now, reference, registry } = deps;

  async function typeName(code: string, lang: Language) {
    return entryName(await reference.get('identity_document_types', code), lang) ?? code;
  }

  async function registryDocuments(iin: string): Promise<IdentityDocument[]> {
    return (await registry.findPerson(iin))?.documents ?? [];
  }

  /** Normalised values, or 400 validation_failed naming every bad field. Nothing is written before this. */
  async function validate(lang: Language, input: DocumentInput, birthDate: string | null) {
    const errors = fieldErrors(lang);
    const type = input.type.trim();
    if (!type || !(await reference.get('identity_document_types', type)))
      errors.add('type', 'profile_document_type_unknown');
    const number = input.number.trim().toUpperCase();
    const rule = NUMBER_RULES[type];
    if (rule && !rule.pattern.test(number)) errors.add('number', rule.code);
    else if (!/^[0-9A-ZА-ЯЁӘҒҚҢӨҰҮҺІ№-]{1,20}$/u.test(number))
      errors.add('number', 'profile_document_number_invalid');
    const series = blankToNull(input.series)?.toUpperCase() ?? null;
    if (series && !/^[0-9A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,10}$/u.test(series))
      errors.add('series', 'profile_series_invalid');
    const issueDate = input.issueDate.trim();
    if (!isIsoDate(issueDate)) errors.add('issueDate', 'profile_date_invalid');
    else if (issueDate > kzToday(now())) errors.add('issueDate', 'profile_issue_date_future');
    else if (birthDate && issueDate < birthDate) errors.add('issueDate', 'profile_issue_date_before_birth');
    const expiryDate = blankToNull(input.expiryDate);
    if (expiryDate && !isIsoDate(expiryDate)) errors.add('expiryDate', 'profile_date_invalid');
    else if (expiryDate && isIsoDate(issueDate) && expiryDate <= issueDate)
      errors.add('expiryDate', 'profile_expiry_before_issue');
    const issuer = input.issuer.trim();
    if (!issuer || issuer.length > 200) errors.add('issuer', 'profile_issuer_invalid');
    errors.throwIfAny();
    return { type, series, number, issueDate, expiryDate, issuer };
  }

  /** The same type and number twice (manual or from the registry) is refused on the number field. */
  async function assertNotDuplicate(
    lang: Language,
    accountId: string,
    iin: string,
    value: { type: string; number: string },
    exceptId?: string,
  ) {
    const own = await db.select().from(profileDocuments).where(eq(profileDocuments.accountId, accountId));
    const registryRows = await registryDocuments(iin);
    const same = (d: { type: string; number: string }) => d.type === value.type && d.number === value.number;
    if (own.some((d) => d.id !== exceptId && same(d)) || registryRows.some(same)) {
      const errors = fieldErrors(lang);
      errors.add('number', 'profile_document_duplicate');
      errors.throwIfAny();
    }
  }

  /** A manual row of this account, else 403 for a registry row and 404 for anything else (no existence leak). */
  async function ownRow(accountId: string, id: string, tx: Db = db): Promise<Row> {
    if (id.startsWith(REGISTRY_ID_PREFIX)) throw new AppError(403, 'profile_registry_read_only');
    if (!UUID.test(id)) throw new AppError(404, 'not_found');
    const [row] = await tx
      .select()
      .from(profileDocuments)
      .where(and(eq(profileDocuments.id, id), eq(profileDocuments.accountId, accountId)));
    if (!row) throw new AppError(404, 'not_found');
    return row;
  }

  const journal = (
    req: FastifyRequest,
    action: string,
    accountId: string,
    targetId: string,
    details: Record<string, unknown>,
    tx: Db,
  ) =>
    audit.record(
      {
        action,
        result: 'success',
        actorUserId: accountId,
        targetType: 'profile_document',
        targetId,
        ...requestOrigin(req),
        details,
      },
      tx,
    );

  async function view(row: Row | (IdentityDocument & { id: string }), lang: Language): Promise<DocumentView> {
    const manual = 'accountId' in row;
    return {
      id: row.id,
      source: manual ? 'manual' : 'registry',
      editable: manual,
      type: row.type,
      typeName: await typeName(row.type, lang),
      series: manual ? row.series : null,
      number: row.number,
      issueDate: row.issueDate,
      expiryDate: manual ? row.expiryDate : row.validUntil,
      issuer: row.issuer,
    };
  }

  return {
    async list(req: FastifyRequest, account: { id: string; iin: string }): Promise<DocumentView[]> {
      const fromRegistry = (await registryDocuments(account.iin)).map((d, i) => ({
        ...d,
        id: `${REGISTRY_ID_PREFIX}${i + 1}`,
      }));
      const own = await db
        .select()
        .from(profileDocuments)
        .where(eq(profileDocuments.accountId, account.id))
        .orderBy(asc(profileDocuments.createdAt), asc(profileDocuments.id));
      return Promise.all([...fromRegistry, ...own].map((row) => view(row, req.lang)));
    },

    async get(req: FastifyRequest, accountId: string, id: string): Promise<DocumentView> {
      return view(await ownRow(accountId, id), req.lang);
    },

    async create(
      req: FastifyRequest,
      account: { id: string; iin: string },
      input: DocumentInput,
      birthDate: string | null,
    ): Promise<DocumentView> {
      const value = await validate(req.lang, input, birthDate);
      await assertNotDuplicate(req.lang, account.id, account.iin, value);
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const time = now();
        const [created] = await tx
          .insert(profileDocuments)
          .values({ ...value, accountId: account.id, createdAt: time, updatedAt: time })
          .returning();
        await journal(req, 'profile.document.create', account.id, created.id, { type: value.type }, tx);
        return created;
      });
      return view(row, req.lang);
    },

    async update(
      req: FastifyRequest,
      account: { id: string; iin: string },
      id: string,
      input: DocumentInput,
      birthDate: string | null,
    ): Promise<DocumentView> {
      await ownRow(account.id, id);
      const value = await validate(req.lang, input, birthDate);
      await assertNotDuplicate(req.lang, account.id, account.iin, value, id);
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [updated] = await tx
          .update(profileDocuments)
          .set({ ...value, updatedAt: now() })
          .where(and(eq(profileDocuments.id, id), eq(profileDocuments.accountId, account.id)))
          .returning();
        if (!updated) throw new AppError(404, 'not_found');
        await journal(req, 'profile.document.update', account.id, id, { type: value.type }, tx);
        return updated;
      });
      return view(row, req.lang);
    },

    async remove(req: FastifyRequest, accountId: string, id: string): Promise<void> {
      await ownRow(accountId, id);
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [gone] = await tx
          .delete(profileDocuments)
          .where(and(eq(profileDocuments.id, id), eq(profileDocuments.accountId, accountId)))
          .returning();
        if (!gone) throw new AppError(404, 'not_found');
        await journal(req, 'profile.document.delete', accountId, id, { type: gone.type }, tx);
      });
    },
  };
}
