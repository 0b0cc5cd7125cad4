import { isValidBin, isValidBinOrIin, isValidIin } from '@tereze/pki';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import type { IsoDate, LegalEntity, Person, StateRegistry } from './adapter';
import {
  checkRegistrationEligibility,
  type EligibilityOptions,
  type EligibilityResult,
  registryRefusalError,
} from './eligibility';
import { createEmbeddedRegistry } from './embedded';

/**
 * The registry as other modules use it (ctx.registry). Person data is personal data: it is available to
 * services only, never through a public route. Pass a real adapter to replace the embedded stand-in.
 */
export function createRegistryService(db: Db, adapter: StateRegistry = createEmbeddedRegistry(db)) {
  return {
    /** The underlying adapter (embedded stand-in or a real integration). */
    adapter,

    /** ГБД ФЛ record, or null (also for an IIN with a bad check digit). */
    async findPerson(iin: string): Promise<Person | null> {
      return isValidIin(iin) ? adapter.findPerson(iin) : null;
    },

    /** ГБД ЮЛ record by BIN (or an individual entrepreneur's IIN), or null. */
    async findLegalEntity(bin: string): Promise<LegalEntity | null> {
      return isValidBinOrIin(bin) ? adapter.findLegalEntity(bin) : null;
    },

    /** Legal entities whose first head is this IIN. */
    async listLegalEntitiesByHead(iin: string): Promise<LegalEntity[]> {
      return isValidIin(iin) ? adapter.listLegalEntitiesByHead(iin) : [];
    },

    /** The registry's verdict on opening an account for this IIN (refusals carry seed 002's messages). */
    async checkRegistrationEligibility(iin: string, opts?: EligibilityOptions): Promise<EligibilityResult> {
      return checkRegistrationEligibility(await this.findPerson(iin), opts);
    },

    /**
     * For the registration flows: the person, or a thrown AppError — 400 `invalid_iin` for a bad check digit,
     * 403 `registry_refused` (with reasonCode) for every registry refusal.
     */
    async requireEligiblePerson(iin: string, opts?: EligibilityOptions): Promise<Person> {
      if (!isValidIin(iin)) throw new AppError(400, 'invalid_iin');
      const result = checkRegistrationEligibility(await adapter.findPerson(iin), opts);
      if (!result.ok) throw registryRefusalError(result);
      return result.person;
    },

    /** egov recovery (individual): IIN + identity-document number + issue date (`YYYY-MM-DD` or `DD.MM.YYYY`). */
    async checkPersonDocument(iin: string, documentNumber: string, issueDate: IsoDate): Promise<boolean> {
      return isValidIin(iin) && adapter.checkPersonDocument(iin, documentNumber, issueDate);
    },

    /** egov recovery (legal entity): BIN + state registration certificate number. */
    async checkLegalEntityCertificate(bin: string, registrationNumber: string): Promise<boolean> {
      return isValidBinOrIin(bin) && adapter.checkLegalEntityCertificate(bin, registrationNumber);
    },

    /** Mobile-citizen base: is this phone registered for this IIN? */
    async isInMobileCitizenBase(iin: string, phone: string): Promise<boolean> {
      return isValidIin(iin) && adapter.isInMobileCitizenBase(iin, phone);
    },

    /**
     * The techreg wizard's «Найти»: the public registration data of a legal entity (or an individual
     * entrepreneur by IIN). 400 `invalid_bin` for a malformed number or bad check digit, 404
     * `registry_legal_entity_not_found` when the registry has none.
     */
    async lookupLegalEntity(bin: string): Promise<LegalEntity> {
      const value = bin.trim();
      if (!isValidBinOrIin(value)) throw new AppError(400, 'invalid_bin');
      const entity = await adapter.findLegalEntity(value);
      // An IIN finds only an entrepreneur: a private person's IIN is not a business number.
      if (!entity || (!isValidBin(value) && entity.kind !== 'individual_entrepreneur'))
        throw new AppError(404, 'registry_legal_entity_not_found');
      return entity;
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
