import {
  bigserial,
  boolean,
  date,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// The embedded stand-in for ГБД ФЛ / ГБД ЮЛ. Only the registry module reads these tables (through
// embedded.ts); other modules use the registry service.

export const registryPersons = pgTable('registry_persons', {
  iin: text('iin').primaryKey(),
  surname: text('surname').notNull(),
  firstName: text('first_name').notNull(),
  patronymic: text('patronymic'),
  surnameKk: text('surname_kk'),
  firstNameKk: text('first_name_kk'),
  patronymicKk: text('patronymic_kk'),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  sex: text('sex', { enum: ['male', 'female'] }).notNull(),
  lifeStatusCode: smallint('life_status_code').notNull().default(0),
  exclusionCode: smallint('exclusion_code'),
  legalCapacityCode: smallint('legal_capacity_code').notNull().default(1),
  /** Mobile-citizen base: `+7XXXXXXXXXX`. */
  mobile: text('mobile'),
  addressKato: text('address_kato'),
  addressText: text('address_text'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registryPersonDocuments = pgTable(
  'registry_person_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    iin: text('iin')
      .notNull()
      .references(() => registryPersons.iin, { onDelete: 'cascade' }),
    type: text('type', { enum: ['id_card', 'passport', 'residence_permit'] }).notNull(),
    /** Stored normalised: upper case, no spaces. */
    number: text('number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    issuer: text('issuer').notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
  },
  (t) => [uniqueIndex('registry_person_documents_iin_number_uq').on(t.iin, t.number)],
);

export const registryLegalEntities = pgTable(
  'registry_legal_entities',
  {
    bin: text('bin').primaryKey(),
    kind: text('kind', {
      enum: ['legal_entity', 'branch', 'representative_office', 'individual_entrepreneur'],
    }).notNull(),
    nameRu: text('name_ru').notNull(),
    nameKk: text('name_kk').notNull(),
    shortNameRu: text('short_name_ru').notNull(),
    shortNameKk: text('short_name_kk').notNull(),
    registrationNumber: text('registration_number').notNull(),
    registrationDate: date('registration_date', { mode: 'string' }).notNull(),
    registrationAuthority: text('registration_authority').notNull(),
    headIin: text('head_iin').notNull(),
    parentBin: text('parent_bin'),
    legalAddressKato: text('legal_address_kato'),
    legalAddressText: text('legal_address_text').notNull(),
    kopfCode: text('kopf_code').notNull(),
    kfsCode: text('kfs_code').notNull(),
    kseCode: text('kse_code').notNull(),
    krpCode: text('krp_code').notNull(),
    okedCode: text('oked_code').notNull(),
    isCertificationBody: boolean('is_certification_body').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_legal_entities_head_idx').on(t.headIin)],
);
