import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Uint8Array (as in signatures/tables.ts). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer | string }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => {
    if (typeof value === 'string')
      return new Uint8Array(Buffer.from(value.startsWith('\\x') ? value.slice(2) : value, 'hex'));
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
});

/**
 * Accreditation of a certification body (ОПС): attestat, validity, standards in scope. Keyed by the body's BIN
 * (the body acts through the organisation with that BIN once it is registered on the portal). Administrator-managed.
 */
export const certificationAccreditations = pgTable(
  'certification_accreditations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyBin: text('body_bin').notNull(),
    bodyNameRu: text('body_name_ru').notNull(),
    bodyNameKk: text('body_name_kk'),
    attestatNumber: text('attestat_number').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    standards: text('standards').array().notNull(),
    /** 'active' or 'revoked' (the administrator ends an accreditation early). */
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certification_accreditations_attestat_uq').on(t.attestatNumber),
    index('certification_accreditations_bin_idx').on(t.bodyBin),
  ],
);

/** Per-year counters for application and certificate numbers (UPDATE … RETURNING: no gaps, no duplicates). */
export const certificationCounters = pgTable('certification_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

/**
 * An application (заявка) and, once issued, the list row of its certificate. `tab` is the list tab the status
 * belongs to (drafts / review / active / suspended / closed); the list columns are plain columns so that each
 * sort of each tab is served by an index (organisation, body and moderator views). docs/certification.md.
 */
export const certificationApplications = pgTable(
  'certification_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    organizationId: uuid('organization_id').notNull(),
    createdByAccountId: uuid('created_by_account_id').notNull(),
    applicantBin: text('applicant_bin').notNull(),
    applicantName: text('applicant_name').notNull(),
    bodyBin: text('body_bin'),
    /** '' while no body is chosen (sortable, non-null). */
    bodyName: text('body_name').notNull().default(''),
    standard: text('standard'),
    status: text('status').notNull(),
    tab: text('tab').notNull(),
    /** Incremented on every return to editing: signatures of an older revision are void. */
    revision: integer('revision').notNull().default(1),
    /** Tabs Заявитель … Примечание (schema.ts applicationForm). */
    form: jsonb('form').notNull().default(sql`'{}'::jsonb`),
    /** The current certificate's number (denormalised for the lists: АКТИВНЫЕ / ПРИОСТАНОВЛЕННЫЕ СЕРТИФИКАТЫ). */
    certificateNumber: text('certificate_number'),
    /** The journal number given at registration by the body. */
    journalNumber: text('journal_number'),
    moderatorNote: text('moderator_note'),
    moderatorNoteAt: timestamp('moderator_note_at', { withTimezone: true }),
    moderatorNoteBy: uuid('moderator_note_by'),
    /** The exact bytes every signatory signs (canonical JSON + documents' SHA-256), fixed at «Подать заявку». */
    signedContent: bytes('signed_content'),
    /** One CMS holding every signatory's signature over signedContent. */
    signedCms: bytes('signed_cms'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    eventCount: integer('event_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => {
    const sorts = {
      number: t.number,
      created: t.createdAt,
      bin: t.applicantBin,
      name: t.applicantName,
      status: t.status,
      body: t.bodyName,
    };
    return [
      uniqueIndex('certification_applications_number_uq').on(t.number),
      ...Object.entries(sorts).flatMap(([k, col]) => [
        index(`cert_app_org_${k}_idx`).on(t.organizationId, t.tab, col, t.id),
        index(`cert_app_body_${k}_idx`).on(t.bodyBin, t.tab, col, t.id),
        index(`cert_app_all_${k}_idx`).on(t.tab, col, t.id),
      ]),
    ];
  },
);

/** Documents tab (and audit reports): the stored file and the SHA-256 that goes into the signed content. */
export const certificationDocuments = pgTable(
  'certification_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id),
    /** 'applicant' (Документы tab) or 'report' (audit reports uploaded by the body). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    fileId: uuid('file_id').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('certification_documents_app_idx').on(t.applicationId, t.createdAt)],
);

/**
 * Signatories table («+ Добавить блок»): a block per planned signatory; the certificate columns are filled from
 * the signer's certificate when they sign. Blocks of an older revision are deleted when the application returns
 * to editing.
 */
export const certificationSignatories = pgTable(
  'certification_signatories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id),
    position: integer('position').notNull(),
    plannedName: text('planned_name').notNull(),
    plannedIin: text('planned_iin'),
    comment: text('comment'),
    revision: integer('revision'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signerAccountId: uuid('signer_account_id'),
    /** Certificate data at signing (ФИО на ЭЦП, e-mail, ИИН, дата выдачи/окончания, БИН, наименование, кем выдано). */
    certificate: jsonb('certificate'),
  },
  (t) => [uniqueIndex('certification_signatories_pos_uq').on(t.applicationId, t.position)],
);

/** Ход выполнения: every status change and act, with the signed act bytes and the CMS of the person who decided. */
export const certificationEvents = pgTable(
  'certification_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    signedData: bytes('signed_data'),
    cms: bytes('cms'),
    signer: jsonb('signer'),
    certificateId: uuid('certificate_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('certification_events_seq_uq').on(t.applicationId, t.seq)],
);

/** Issued certificates (public registry). `status`: active | suspended | withdrawn | replaced; expired = valid_until past. */
export const certificationCertificates = pgTable(
  'certification_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id),
    organizationId: uuid('organization_id').notNull(),
    holderBin: text('holder_bin').notNull(),
    holderName: text('holder_name').notNull(),
    bodyBin: text('body_bin').notNull(),
    bodyName: text('body_name').notNull(),
    attestatNumber: text('attestat_number').notNull(),
    standard: text('standard').notNull(),
    scope: text('scope').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    suspendedOn: date('suspended_on', { mode: 'string' }),
    /** Suspension lasts at most 6 months: withdrawal is due on this date. */
    withdrawalDueOn: date('withdrawal_due_on', { mode: 'string' }),
    /** [{ due: 'YYYY-MM-DD', doneOn: 'YYYY-MM-DD' | null }] — first within 12 months, then yearly. */
    surveillance: jsonb('surveillance').notNull().default(sql`'[]'::jsonb`),
    pdfFileId: uuid('pdf_file_id'),
    pdfSha256: text('pdf_sha256'),
    /** The body's detached CMS over the PDF. */
    pdfCms: bytes('pdf_cms'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('certification_certificates_number_uq').on(t.number),
    index('certification_certificates_app_idx').on(t.applicationId),
    index('cert_reg_holder_idx').on(t.holderBin, t.number),
    index('cert_reg_body_idx').on(t.bodyBin, t.number),
    index('cert_reg_standard_idx').on(t.standard, t.number),
    index('cert_reg_status_idx').on(t.status, t.number),
    index('cert_reg_valid_idx').on(t.validUntil, t.number),
    // A number prefix without the body's BIN: LIKE 'KZ.SM.99…%' is a range of this byte-ordered index, read in
    // (number COLLATE "C") order — the database collation (C.UTF-8, en_US…) cannot serve LIKE from the unique index.
    index('cert_reg_number_c_idx').on(sql`${t.number} COLLATE "C"`),
    // Holder name substring (ILIKE '%…%', any case, Cyrillic): trigrams (pg_trgm; contrib on PostgreSQL and PGlite).
    index('cert_reg_holder_name_trgm_idx').using('gin', t.holderName.op('gin_trgm_ops')),
  ],
);

/**
 * Distinct (holder BIN, holder name) pairs of the certificates: the registry's organisation-name search finds the
 * matching holders here (a few thousand rows, not one per certificate), then pages their certificates through
 * cert_reg_holder_idx. Kept in step by the trigger `certification_holders_sync` (migration 0019) on every
 * certificate insert or holder change; a pair whose certificates were all replaced simply matches nothing.
 */
export const certificationHolders = pgTable(
  'certification_holders',
  {
    holderBin: text('holder_bin').notNull(),
    holderName: text('holder_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.holderBin, t.holderName] }),
    index('cert_holders_name_trgm_idx').using('gin', t.holderName.op('gin_trgm_ops')),
  ],
);
