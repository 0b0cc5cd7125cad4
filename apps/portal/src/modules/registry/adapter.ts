import type { CodeEntry, DocumentType } from './codes';

// The state registries the portal consults: ГБД ФЛ (individuals) and ГБД ЮЛ (legal entities), plus the
// mobile-citizen base. tereze ships an embedded stand-in (embedded.ts); a real integration implements this
// same interface and is passed to createRegistryService — the identity flows do not change.

/** Dates are ISO calendar dates, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface IdentityDocument {
  type: DocumentType;
  number: string;
  issueDate: IsoDate;
  issuer: string;
  validUntil: IsoDate | null;
}

export interface Address {
  /** KATO code (9 digits) where known. */
  kato?: string | null;
  text: string;
}

export interface Person {
  iin: string;
  surname: string;
  firstName: string;
  patronymic: string | null;
  /** Names as spelled in Kazakh, where they differ. */
  namesKk?: { surname: string; firstName: string; patronymic: string | null } | null;
  birthDate: IsoDate;
  sex: 'male' | 'female';
  /** «Жизненный статус»: 9 = deceased. */
  lifeStatus: CodeEntry;
  /** «Признак исключения ИИН», or null when the IIN is not excluded. */
  exclusion: CodeEntry | null;
  /** «Дееспособность» (1 capable … 3 incapable, 4/5 conviction marks). */
  legalCapacity: CodeEntry;
  documents: IdentityDocument[];
  /** Mobile number in the mobile-citizen base, `+7XXXXXXXXXX`, or null when not registered there. */
  mobile: string | null;
  address: Address | null;
}

export type LegalEntityKind = 'legal_entity' | 'branch' | 'representative_office' | 'individual_entrepreneur';

/** A classifier value (КОПФ, КФС, КСЕ, КРП, ОКЭД): code and names. */
export interface Classified {
  code: string;
  nameRu: string;
  nameKk: string;
}

export interface LegalEntity {
  /** BIN; for an individual entrepreneur, the entrepreneur's IIN (an IE acts under its IIN). */
  bin: string;
  kind: LegalEntityKind;
  nameRu: string;
  nameKk: string;
  shortNameRu: string;
  shortNameKk: string;
  /** Number of the state registration certificate (used by egov password recovery). */
  registrationNumber: string;
  registrationDate: IsoDate;
  registrationAuthority: string;
  headIin: string;
  /** For a branch or representative office: the BIN of the parent legal entity. */
  parentBin: string | null;
  legalAddress: Address;
  kopf: Classified;
  kfs: Classified;
  kse: Classified;
  krp: Classified;
  oked: Classified;
  /** An accredited conformity assessment body (ОПС), offered to applicants by the certification module. */
  isCertificationBody: boolean;
}

/**
 * What the portal asks the state registries. Every method is read-only; numbers passed in need not be
 * pre-validated (an invalid IIN/BIN simply is not found).
 */
export interface StateRegistry {
  /** ГБД ФЛ: the person with this IIN, or null. */
  findPerson(iin: string): Promise<Person | null>;
  /** ГБД ЮЛ: the legal entity (or individual entrepreneur, by IIN) with this BIN, or null. */
  findLegalEntity(bin: string): Promise<LegalEntity | null>;
  /** Legal entities whose registered head (first head) is this IIN. */
  listLegalEntitiesByHead(iin: string): Promise<LegalEntity[]>;
  /** egov recovery: does the person hold an identity document with this number and issue date? */
  checkPersonDocument(iin: string, documentNumber: string, issueDate: IsoDate): Promise<boolean>;
  /** egov recovery: is this the legal entity's state registration certificate number? */
  checkLegalEntityCertificate(bin: string, registrationNumber: string): Promise<boolean>;
  /** Mobile-citizen base: is this phone registered there for this IIN? */
  isInMobileCitizenBase(iin: string, phone: string): Promise<boolean>;
}
