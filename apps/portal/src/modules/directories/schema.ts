import { z } from 'zod';

/** The directories (docs/reference-data.md). */
export const DIRECTORY_KINDS = [
  'countries',
  'kato',
  'banks',
  'kopf',
  'kfs',
  'kse',
  'krp',
  'oked',
  'account_types',
  'identity_document_types',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
export const isDirectoryKind = (k: string): k is DirectoryKind =>
  (DIRECTORY_KINDS as readonly string[]).includes(k);

/** SWIFT BIC (ISO 9362): bank 4 letters, country 2 letters, location 2, optional branch 3. */
export const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

const flag = z.boolean();
const text = (max: number) => z.string().trim().min(1).max(max);

/** Kind-specific attributes: checked on every admin write, and by the data integrity test on the seed files. */
export const attrsSchemas: Record<DirectoryKind, z.ZodType<Record<string, unknown>>> = {
  countries: z.strictObject({
    alpha2: z.string().regex(/^[A-Z]{2}$/),
    alpha3: z.string().regex(/^[A-Z]{3}$/),
  }),
  kato: z.strictObject({}),
  banks: z.strictObject({
    bic: z.string().regex(BIC),
    bankCode: z.string().regex(/^\d{3}$/),
    addressRu: text(500).optional(),
    addressKk: text(500).optional(),
    headOffice: flag,
    resident: flag,
  }),
  kopf: z.strictObject({}),
  kfs: z.strictObject({}),
  kse: z.strictObject({ sectorDigit: z.string().regex(/^[1-9]$/) }),
  krp: z.strictObject({ size: z.enum(['small', 'medium', 'large']).optional() }),
  oked: z.strictObject({ level: z.enum(['section', 'division', 'group', 'class', 'subclass']).optional() }),
  account_types: z.strictObject({}),
  identity_document_types: z.strictObject({}),
};

/** Code shape per kind (KATO: 9 digits; countries: ISO 3166-1 numeric). */
export const codePatterns: Record<DirectoryKind, RegExp> = {
  countries: /^\d{3}$/,
  kato: /^\d{9}$/,
  banks: /^[A-Z0-9]{8}([A-Z0-9]{3})?$/,
  kopf: /^\d{1,4}$/,
  kfs: /^\d{1,3}$/,
  kse: /^\d{1,6}$/,
  krp: /^\d{3}$/,
  oked: /^([A-U]|\d{2,5})$/,
  account_types: /^[a-z0-9_]{1,40}$/,
  identity_document_types: /^[a-z0-9_]{1,40}$/,
};

export const entryInput = z.object({
  code: z.string().trim().min(1).max(40),
  parentCode: z.string().trim().min(1).max(40).nullish(),
  nameRu: text(500),
  nameKk: text(500),
  nameEn: text(500).nullish(),
  attrs: z.record(z.string(), z.unknown()).default({}),
  active: z.boolean().default(true),
});
export type EntryInput = z.input<typeof entryInput>;

export const entryUpdate = entryInput.omit({ code: true });
export type EntryUpdate = z.input<typeof entryUpdate>;

export const entryResponse = z.object({
  kind: z.string(),
  code: z.string(),
  parentCode: z.string().nullable(),
  nameRu: z.string(),
  nameKk: z.string(),
  nameEn: z.string().nullable(),
  /** The name in the request's language (en falls back to ru). */
  name: z.string(),
  attrs: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  source: z.enum(['seed', 'admin']),
  hasChildren: z.boolean().optional(),
});

export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  parent: z.string().trim().max(40).optional(),
  /** `root`: entries without a parent (KATO regions). */
  roots: z.enum(['1', 'true']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  includeInactive: z.enum(['1', 'true']).optional(),
});

export const kindParams = z.object({ kind: z.string().max(40) });
export const entryParams = z.object({ kind: z.string().max(40), code: z.string().max(40) });
