import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organizationKinds = ['legal_entity', 'individual_entrepreneur', 'certification_body'] as const;
/** Participant roles (seed 001 «Роль участника»): Поставщик, Заказчик, Организатор (administrator-granted). */
export const participantRoles = ['supplier', 'customer', 'organizer'] as const;
/** Member rights (seed 001 «Редактировать полномочия»). */
export const memberRights = ['customer', 'organizer', 'supplier', 'head', 'org_admin', 'employee'] as const;
export const memberStatuses = ['active', 'blocked', 'pending'] as const;
export const addressKinds = ['legal', 'actual', 'postal'] as const;

/**
 * Registered participants (seed 001 «Регистрация участника»), one per BIN. Classifier fields hold directory
 * codes (directories module); the head fields are what the registrant typed, `headMemberId` the member chosen
 * later in «Данные о руководителе».
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bin: text('bin').notNull(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    nameRu: text('name_ru').notNull(),
    nameKk: text('name_kk'),
    fullNameRu: text('full_name_ru'),
    fullNameKk: text('full_name_kk'),
    registrationDate: date('registration_date', { mode: 'string' }),
    registrationNumber: text('registration_number'),
    registrationAuthority: text('registration_authority'),
    countryCode: text('country_code').notNull().default('398'),
    kopf: text('kopf'),
    /** «Форма организации» (seed 001 attributes); free text: no classifier is named for it. */
    form: text('form'),
    kfs: text('kfs'),
    kse: text('kse'),
    krp: text('krp'),
    oked: text('oked'),
    roles: text('roles').array().notNull().default(sql`ARRAY[]::text[]`),
    resident: boolean('resident').notNull().default(true),
    smallBusiness: boolean('small_business').notNull().default(false),
    mediumBusiness: boolean('medium_business').notNull().default(false),
    email: text('email'),
    site: text('site'),
    phone: text('phone'),
    applicantName: text('applicant_name'),
    applicantPosition: text('applicant_position'),
    headIin: text('head_iin'),
    headSurname: text('head_surname'),
    headFirstName: text('head_first_name'),
    headPatronymic: text('head_patronymic'),
    headPosition: text('head_position'),
    headMemberId: uuid('head_member_id'),
    logoFileId: uuid('logo_file_id'),
    /** The verified signature of the participant agreement (signatures module). */
    agreementSignatureId: uuid('agreement_signature_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_bin_uq').on(t.bin)],
);

/** Who acts for an organisation and with which rights; read on every organisation-scoped request. */
export const organizationMembers = pgTable(
  'organization_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    accountId: uuid('account_id').notNull(),
    rights: text('rights').array().notNull().default(sql`ARRAY[]::text[]`),
    status: text('status', { enum: memberStatuses }).notNull().default('pending'),
    position: text('position'),
    blockReason: text('block_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organization_members_org_account_uq').on(t.organizationId, t.accountId),
    index('organization_members_account_idx').on(t.accountId),
  ],
);

/** «Контактные данные» of a participant: legal / actual / postal addresses. */
export const organizationAddresses = pgTable(
  'organization_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', { enum: addressKinds }).notNull(),
    countryCode: text('country_code').notNull(),
    kato: text('kato'),
    postalIndex: text('postal_index'),
    street: text('street').notNull(),
    house: text('house').notNull(),
    apartment: text('apartment'),
    phone: text('phone'),
    fax: text('fax'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organization_addresses_org_idx').on(t.organizationId)],
);
