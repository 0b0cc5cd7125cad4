import { isValidBin } from '@tereze/pki';
import { and, arrayContains, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { DEMO_REGISTRY_BINS } from '../registry/demo-data';
import type { AccreditationInput, Standard } from './schema';
import { certificationAccreditations } from './tables';

export type Accreditation = typeof certificationAccreditations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accreditation records of certification bodies (ОПС), managed by the administrator. */
export function createAccreditations(db: Db) {
  function checkDates(input: AccreditationInput) {
    if (!isValidBin(input.bodyBin))
      throw new AppError(400, 'validation_failed', {}, { bodyBin: 'invalid_bin' });
    if (input.validTo < input.validFrom)
      throw new AppError(400, 'validation_failed', {}, { validTo: 'certification_valid_to_before_from' });
  }

  return {
    async list(tx: Db = db): Promise<Accreditation[]> {
      return tx
        .select()
        .from(certificationAccreditations)
        .orderBy(asc(certificationAccreditations.bodyNameRu), asc(certificationAccreditations.id));
    },

    async create(input: AccreditationInput, tx: Db = db): Promise<Accreditation> {
      checkDates(input);
      const [row] = await tx
        .insert(certificationAccreditations)
        .values({ ...input, standards: [...new Set(input.standards)] })
        .onConflictDoNothing({ target: certificationAccreditations.attestatNumber })
        .returning();
      if (!row)
        throw new AppError(
          409,
          'certification_attestat_exists',
          {},
          { attestatNumber: 'certification_attestat_exists' },
        );
      return row;
    },

    async update(id: string, input: AccreditationInput, now: Date, tx: Db = db): Promise<Accreditation> {
      checkDates(input);
      if (!UUID.test(id)) throw new AppError(404, 'not_found');
      const [row] = await tx
        .update(certificationAccreditations)
        .set({ ...input, standards: [...new Set(input.standards)], updatedAt: now })
        .where(eq(certificationAccreditations.id, id))
        .returning();
      if (!row) throw new AppError(404, 'not_found');
      return row;
    },

    /** The body's accreditation covering `standard` on `day` (YYYY-MM-DD), or null. */
    async covering(
      bodyBin: string,
      standard: string,
      day: string,
      tx: Db = db,
    ): Promise<Accreditation | null> {
      const [row] = await tx
        .select()
        .from(certificationAccreditations)
        .where(
          and(
            eq(certificationAccreditations.bodyBin, bodyBin),
            eq(certificationAccreditations.status, 'active'),
            lte(certificationAccreditations.validFrom, day),
            gte(certificationAccreditations.validTo, day),
            arrayContains(certificationAccreditations.standards, [standard]),
          ),
        )
        .limit(1);
      return row ?? null;
    },

    /** Any accreditation of the BIN (a body's workspace exists while it has one, even expired). */
    async ofBody(bodyBin: string, tx: Db = db): Promise<Accreditation[]> {
      return tx
        .select()
        .from(certificationAccreditations)
        .where(eq(certificationAccreditations.bodyBin, bodyBin))
        .orderBy(asc(certificationAccreditations.validFrom));
    },

    /** Bodies accredited on `day` (for `standard` when given): the ОПС tab's choice. */
    async accreditedOn(day: string, standard?: Standard, tx: Db = db): Promise<Accreditation[]> {
      const where = [
        eq(certificationAccreditations.status, 'active'),
        lte(certificationAccreditations.validFrom, day),
        gte(certificationAccreditations.validTo, day),
      ];
      if (standard) where.push(arrayContains(certificationAccreditations.standards, [standard]));
      return tx
        .select()
        .from(certificationAccreditations)
        .where(and(...where))
        .orderBy(asc(certificationAccreditations.bodyNameRu), asc(certificationAccreditations.id));
    },
  };
}

export type Accreditations = ReturnType<typeof createAccreditations>;

/**
 * DEMO accredited bodies: the registry's certification body ТОО «Демо ОПС» (its first head has a demo key), for
 * every standard; and ТОО «Демо Сертификация» (first head ЖУМАБЕКОВ, employee ОМАРОВ in the demo signer), for
 * ISO 9001 / 14001 / 45001 — so either can run the procedure while the other (or any registered organisation) applies.
 */
export const DEMO_ACCREDITATIONS: AccreditationInput[] = [
  {
    bodyBin: DEMO_REGISTRY_BINS.certificationBody,
    bodyNameRu: 'ТОО «Демо ОПС»',
    bodyNameKk: '«Демо ОПС» ЖШС',
    attestatNumber: 'KZ.O.02.0001',
    validFrom: '2025-01-01',
    validTo: '2030-12-31',
    standards: ['ISO 9001', 'ISO 14001', 'ISO 45001', 'ISO 22000', 'ISO 50001', 'ISO 27001', 'ISO 37001'],
    status: 'active',
  },
  {
    bodyBin: '940140000385',
    bodyNameRu: 'ТОО «Демо Сертификация»',
    bodyNameKk: '«Демо Сертификация» ЖШС',
    attestatNumber: 'KZ.O.02.0002',
    validFrom: '2025-01-01',
    validTo: '2030-12-31',
    standards: ['ISO 9001', 'ISO 14001', 'ISO 45001'],
    status: 'active',
  },
];
