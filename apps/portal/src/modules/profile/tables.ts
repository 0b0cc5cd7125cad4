import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What the personal cabinet keeps beside the account (seed 001 «Регистрационные данные»): the photo and the
 * few registration fields the accounts table has no place for. One row per account, created on first write.
 */
export const profiles = pgTable('profiles', {
  accountId: uuid('account_id').primaryKey(),
  /** The re-encoded photo in the files module (stored_files.id), or null. */
  photoFileId: uuid('photo_file_id'),
  /** РНН (the tax number before the IIN), where an older record carries one; never entered by the user. */
  rnn: text('rnn'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * «Паспортные данные» entered by the user (seed 001). Documents from the state registry are not stored here:
 * they are read from ctx.registry on every view and shown read-only.
 */
export const profileDocuments = pgTable(
  'profile_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    /** identity_document_types code. */
    type: text('type').notNull(),
    series: text('series'),
    number: text('number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }),
    issuer: text('issuer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('profile_documents_account_idx').on(t.accountId)],
);

/** «Контактные данные» entered by the user (seed 001); the registry's address is shown read-only beside them. */
export const profileContacts = pgTable(
  'profile_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    /** ISO 3166 numeric code, «Код страны» (398 Kazakhstan). */
    countryCode: text('country_code').notNull(),
    /** KATO code (9 digits) of the settlement; required in Kazakhstan. */
    kato: text('kato'),
    street: text('street').notNull(),
    house: text('house').notNull(),
    apartment: text('apartment'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('profile_contacts_account_idx').on(t.accountId)],
);
