import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Where an account row came from: typed in by the participant, or loaded from a registry (ИНИС). */
export const bankAccountSources = ['manual', 'registry'] as const;
export const bankRequestStatuses = ['pending', 'approved', 'rejected'] as const;

/**
 * «Банковские счета» of a participant (seed 001). The bank is a `banks` directory code; its BIC and the
 * derived КБе are kept as they were when the account was saved. At most one default account per
 * organisation (partial unique index); the service keeps exactly one while any account exists.
 */
export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    /** IBAN (ИИК), normalised: upper case, no spaces; ≤ 34 characters. */
    number: text('number').notNull(),
    /** «Признак счета старого формата»: the number is not checked as an IBAN. */
    oldFormat: boolean('old_format').notNull().default(false),
    bankCode: text('bank_code').notNull(),
    bic: text('bic'),
    kbe: text('kbe'),
    accountType: text('account_type').notNull(),
    openedOn: date('opened_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    /** «Счет для гарантийного денежного взноса». */
    guaranteeDeposit: boolean('guarantee_deposit').notNull().default(false),
    /** «По-умолчанию». */
    isDefault: boolean('is_default').notNull().default(false),
    source: text('source', { enum: bankAccountSources }).notNull().default('manual'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bank_accounts_org_number_uq').on(t.organizationId, t.number),
    uniqueIndex('bank_accounts_one_default_uq').on(t.organizationId).where(sql`${t.isDefault}`),
  ],
);

/**
 * «Добавление банка» requests (seed 001): a participant asks for a bank missing from the directory; an
 * administrator approves (the bank enters the `banks` directory) or rejects with a reason. One pending request
 * per BIC (partial unique index).
 */
export const bankRegistrationRequests = pgTable(
  'bank_registration_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterAccountId: uuid('requester_account_id').notNull(),
    /** The organisation the requester acted for, when the request came from its cabinet. */
    organizationId: uuid('organization_id'),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    bankCode: text('bank_code').notNull(),
    bic: text('bic').notNull(),
    countryCode: text('country_code').notNull(),
    kato: text('kato'),
    addressKk: text('address_kk').notNull(),
    addressRu: text('address_ru').notNull(),
    /** «Информация для подтверждения данных банка» («Доп. информация» in the list). */
    confirmationInfo: text('confirmation_info').notNull(),
    headOffice: boolean('head_office').notNull().default(false),
    resident: boolean('resident').notNull().default(false),
    status: text('status', { enum: bankRequestStatuses }).notNull().default('pending'),
    rejectReason: text('reject_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The language the request was sent in: the decision email is written in it. */
    language: text('language').notNull().default('ru'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bank_requests_pending_bic_uq').on(t.bic).where(sql`${t.status} = 'pending'`),
    index('bank_requests_requester_idx').on(t.requesterAccountId),
    index('bank_requests_status_idx').on(t.status, t.createdAt),
  ],
);
