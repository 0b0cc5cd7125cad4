import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Uploaded and generated documents (application documents, audit reports, certificate PDFs, logos). The row is
 * the metadata; the bytes live in the FileStore, addressed by their SHA-256 (so two rows with the same content
 * share one blob). `media_type` is what the content was sniffed as, never what the client declared.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    filename: text('filename').notNull(),
    ownerAccountId: uuid('owner_account_id'),
    organizationId: uuid('organization_id'),
    /** What the file is for ('application_document', 'certificate_pdf', …): the owning module decides access. */
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('stored_files_sha256_idx').on(t.sha256),
    index('stored_files_owner_idx').on(t.ownerAccountId),
  ],
);
