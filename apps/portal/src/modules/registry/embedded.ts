import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { LegalEntity, Person, StateRegistry } from './adapter';
import { classified } from './classifiers';
import { codeEntry, IIN_EXCLUSIONS, LEGAL_CAPACITIES, LIFE_STATUSES } from './codes';
import { DEMO_REGISTRY_LEGAL_ENTITIES, DEMO_REGISTRY_PERSONS } from './demo-data';
import {
  normalizeDocumentNumber,
  normalizeIsoDate,
  normalizeKzPhone,
  normalizeRegistrationNumber,
} from './normalize';
import { registryLegalEntities, registryPersonDocuments, registryPersons } from './tables';

type PersonRow = typeof registryPersons.$inferSelect;
type DocumentRow = typeof registryPersonDocuments.$inferSelect;
type LegalEntityRow = typeof registryLegalEntities.$inferSelect;

const IDENTIFIER = /^\d{12}$/;

export interface EmbeddedRegistryOptions {
  /** The clock deciding whether a document is still valid (tests inject one). */
  now?: () => Date;
}

/** The stand-in for ГБД ФЛ / ГБД ЮЛ / the mobile-citizen base, over the registry_* tables. */
export function createEmbeddedRegistry(db: Db, opts: EmbeddedRegistryOptions = {}): StateRegistry {
  const now = opts.now ?? (() => new Date());

  async function personRow(iin: string): Promise<PersonRow | undefined> {
    if (!IDENTIFIER.test(iin)) return undefined;
    const [row] = await db.select().from(registryPersons).where(eq(registryPersons.iin, iin));
    return row;
  }

  return {
    async findPerson(iin) {
      const row = await personRow(iin);
      if (!row) return null;
      const docs = await db
        .select()
        .from(registryPersonDocuments)
        .where(eq(registryPersonDocuments.iin, iin))
        .orderBy(registryPersonDocuments.issueDate);
      return toPerson(row, docs);
    },

    async findLegalEntity(bin) {
      if (!IDENTIFIER.test(bin)) return null;
      const [row] = await db.select().from(registryLegalEntities).where(eq(registryLegalEntities.bin, bin));
      return row ? toLegalEntity(row) : null;
    },

    async listLegalEntitiesByHead(iin) {
      if (!IDENTIFIER.test(iin)) return [];
      const rows = await db
        .select()
        .from(registryLegalEntities)
        .where(eq(registryLegalEntities.headIin, iin))
        .orderBy(registryLegalEntities.bin);
      return rows.map(toLegalEntity);
    },

    async checkPersonDocument(iin, documentNumber, issueDate) {
      const date = normalizeIsoDate(issueDate);
      const number = normalizeDocumentNumber(documentNumber);
      if (!IDENTIFIER.test(iin) || !date || !number) return false;
      const [doc] = await db
        .select({ validUntil: registryPersonDocuments.validUntil })
        .from(registryPersonDocuments)
        .where(
          and(
            eq(registryPersonDocuments.iin, iin),
            eq(registryPersonDocuments.number, number),
            eq(registryPersonDocuments.issueDate, date),
          ),
        );
      // Only a document still valid today proves identity (an expired card is no longer an identity document).
      return !!doc && (doc.validUntil === null || doc.validUntil >= now().toISOString().slice(0, 10));
    },

    async checkLegalEntityCertificate(bin, registrationNumber) {
      const entity = IDENTIFIER.test(bin)
        ? (
            await db
              .select({ registrationNumber: registryLegalEntities.registrationNumber })
              .from(registryLegalEntities)
              .where(eq(registryLegalEntities.bin, bin))
          )[0]
        : undefined;
      const given = normalizeRegistrationNumber(registrationNumber);
      return !!entity && given !== '' && normalizeRegistrationNumber(entity.registrationNumber) === given;
    },

    async isInMobileCitizenBase(iin, phone) {
      const wanted = normalizeKzPhone(phone);
      const row = await personRow(iin);
      return !!wanted && !!row?.mobile && normalizeKzPhone(row.mobile) === wanted;
    },
  };
}

function toPerson(row: PersonRow, docs: DocumentRow[]): Person {
  return {
    iin: row.iin,
    surname: row.surname,
    firstName: row.firstName,
    patronymic: row.patronymic,
    namesKk:
      row.surnameKk && row.firstNameKk
        ? { surname: row.surnameKk, firstName: row.firstNameKk, patronymic: row.patronymicKk }
        : null,
    birthDate: row.birthDate,
    sex: row.sex,
    lifeStatus: codeEntry(LIFE_STATUSES, row.lifeStatusCode),
    exclusion: row.exclusionCode === null ? null : codeEntry(IIN_EXCLUSIONS, row.exclusionCode),
    legalCapacity: codeEntry(LEGAL_CAPACITIES, row.legalCapacityCode),
    documents: docs.map((d) => ({
      type: d.type,
      number: d.number,
      issueDate: d.issueDate,
      issuer: d.issuer,
      validUntil: d.validUntil,
    })),
    mobile: row.mobile,
    address: row.addressText ? { kato: row.addressKato, text: row.addressText } : null,
  };
}

function toLegalEntity(row: LegalEntityRow): LegalEntity {
  return {
    bin: row.bin,
    kind: row.kind,
    nameRu: row.nameRu,
    nameKk: row.nameKk,
    shortNameRu: row.shortNameRu,
    shortNameKk: row.shortNameKk,
    registrationNumber: row.registrationNumber,
    registrationDate: row.registrationDate,
    registrationAuthority: row.registrationAuthority,
    headIin: row.headIin,
    parentBin: row.parentBin,
    legalAddress: { kato: row.legalAddressKato, text: row.legalAddressText },
    kopf: classified('kopf', row.kopfCode),
    kfs: classified('kfs', row.kfsCode),
    kse: classified('kse', row.kseCode),
    krp: classified('krp', row.krpCode),
    oked: classified('oked', row.okedCode),
    isCertificationBody: row.isCertificationBody,
  };
}

/**
 * DEMO mode (and tests): writes the demo registry. Idempotent — rows are upserted by IIN/BIN and each demo
 * person's documents replaced, in one transaction, so running it on every start changes nothing twice.
 */
export async function loadDemoRegistryData(db: Db): Promise<{ persons: number; legalEntities: number }> {
  await db.transaction(async (tx) => {
    const personRows = DEMO_REGISTRY_PERSONS.map((p) => ({
      iin: p.iin,
      surname: p.surname,
      firstName: p.firstName,
      patronymic: p.patronymic,
      surnameKk: p.namesKk?.surname ?? null,
      firstNameKk: p.namesKk?.firstName ?? null,
      patronymicKk: p.namesKk?.patronymic ?? null,
      birthDate: p.birthDate,
      sex: p.sex,
      lifeStatusCode: p.lifeStatusCode,
      exclusionCode: p.exclusionCode,
      legalCapacityCode: p.legalCapacityCode,
      mobile: p.mobile,
      addressKato: p.address.kato,
      addressText: p.address.text,
    }));
    await tx
      .insert(registryPersons)
      .values(personRows)
      .onConflictDoUpdate({ target: registryPersons.iin, set: excludedColumns(registryPersons, 'iin') });
    const iins = personRows.map((p) => p.iin);
    await tx.delete(registryPersonDocuments).where(inArray(registryPersonDocuments.iin, iins));
    await tx
      .insert(registryPersonDocuments)
      .values(
        DEMO_REGISTRY_PERSONS.flatMap((p) =>
          p.documents.map((d) => ({ ...d, iin: p.iin, number: normalizeDocumentNumber(d.number) })),
        ),
      );
    await tx
      .insert(registryLegalEntities)
      .values(
        DEMO_REGISTRY_LEGAL_ENTITIES.map((e) => ({
          bin: e.bin,
          kind: e.kind,
          nameRu: e.nameRu,
          nameKk: e.nameKk,
          shortNameRu: e.shortNameRu,
          shortNameKk: e.shortNameKk,
          registrationNumber: e.registrationNumber,
          registrationDate: e.registrationDate,
          registrationAuthority: e.registrationAuthority,
          headIin: e.headIin,
          parentBin: e.parentBin,
          legalAddressKato: e.legalAddress.kato,
          legalAddressText: e.legalAddress.text,
          kopfCode: e.kopf,
          kfsCode: e.kfs,
          kseCode: e.kse,
          krpCode: e.krp,
          okedCode: e.oked,
          isCertificationBody: e.isCertificationBody,
        })),
      )
      .onConflictDoUpdate({
        target: registryLegalEntities.bin,
        set: excludedColumns(registryLegalEntities, 'bin'),
      });
  });
  return { persons: DEMO_REGISTRY_PERSONS.length, legalEntities: DEMO_REGISTRY_LEGAL_ENTITIES.length };
}

/** `SET col = excluded.col` for every column but the key (and updated_at = now()). */
function excludedColumns(
  table: typeof registryPersons | typeof registryLegalEntities,
  key: string,
): Record<string, ReturnType<typeof sql>> {
  const set: Record<string, ReturnType<typeof sql>> = {};
  for (const [prop, column] of Object.entries(getTableColumns(table))) {
    if (prop === key) continue;
    set[prop] = column.name === 'updated_at' ? sql`now()` : sql.raw(`excluded."${column.name}"`);
  }
  return set;
}
