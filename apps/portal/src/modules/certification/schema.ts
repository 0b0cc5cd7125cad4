import { z } from 'zod';
import { APPLICATION_STATUSES, BODY_ACTIONS, TABS } from './state-machine';

/** Management-system standards a body can be accredited for and an application can name. */
export const STANDARDS = [
  'ISO 9001',
  'ISO 14001',
  'ISO 45001',
  'ISO 22000',
  'ISO 50001',
  'ISO 27001',
  'ISO 37001',
] as const;
export type Standard = (typeof STANDARDS)[number];

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();

export const accreditationBody = z.object({
  bodyBin: z.string().regex(/^\d{12}$/),
  bodyNameRu: text(500).min(1),
  bodyNameKk: text(500).optional(),
  attestatNumber: text(100).min(1),
  validFrom: isoDate,
  validTo: isoDate,
  standards: z.array(z.enum(STANDARDS)).min(1),
  status: z.enum(['active', 'revoked']).default('active'),
});
export type AccreditationInput = z.infer<typeof accreditationBody>;

/**
 * «Подать заявку: …» — in which capacity the application is submitted (docs/certification.md «Capacity»):
 * `self` «За себя» — the organisation's head (member right `head`; an entrepreneur: the entrepreneur) applies in
 * person; `organization` «От имени организации» — a member with the right to act for it (`head` or `org_admin`).
 */
export const CAPACITIES = ['self', 'organization'] as const;
export type Capacity = (typeof CAPACITIES)[number];

/**
 * The application's tabs (Заявитель … Примечание) as the applicant saves them: every field optional so a draft
 * can be half-filled; `requiredForSubmit` (service) says what «Подать заявку» needs.
 */
export const applicationForm = z.object({
  capacity: z.enum(CAPACITIES).optional(),
  applicant: z
    .object({
      bin: text(12).optional(),
      name: text(500).optional(),
      legalAddress: text(1000).optional(),
      headFullName: text(300).optional(),
      /** Корпоративный мобильный телефон, +7(7__) → stored as +77XXXXXXXXX. */
      mobile: text(20).optional(),
      email: text(254).optional(),
    })
    .default({}),
  address: z
    .object({
      postalIndex: text(6).optional(),
      region: text(200).optional(),
      city: text(200).optional(),
      street: text(300).optional(),
      house: text(50).optional(),
      office: text(50).optional(),
      kato: text(20).optional(),
    })
    .default({}),
  /** ОПС tab: the chosen accredited body, by BIN. */
  body: z.object({ bodyBin: text(12).optional() }).default({}),
  additional: z
    .object({
      contactPerson: text(300).optional(),
      contactPhone: text(30).optional(),
      contactEmail: text(254).optional(),
      website: text(300).optional(),
      previousCertificate: text(100).optional(),
      info: text(4000).optional(),
    })
    .default({}),
  scope: z
    .object({
      standard: z.enum(STANDARDS).optional(),
      scopeText: text(4000).optional(),
      sites: z
        .array(z.object({ address: text(1000), activity: text(1000).optional() }))
        .max(50)
        .optional(),
      headcount: z.number().int().min(0).max(10_000_000).optional(),
      oked: text(10).optional(),
    })
    .default({}),
  note: text(4000).optional(),
  /** «+ Добавить блок»: who is to sign (ФИО подписанта, optional ИИН to bind the block, комментарий). */
  signatories: z
    .array(
      z.object({
        plannedName: text(300),
        plannedIin: text(12).optional(),
        comment: text(1000).optional(),
      }),
    )
    .max(10)
    .optional(),
});
export type ApplicationForm = z.infer<typeof applicationForm>;

export const SORTS = ['number', 'created', 'bin', 'name', 'status', 'body'] as const;
export type SortKey = (typeof SORTS)[number];

export const listQuery = z.object({
  tab: z.enum(TABS).default('review'),
  sort: z.enum(SORTS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Filter: number, BIN or applicant name prefix (case-insensitive). */
  q: text(200).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  standard: z.enum(STANDARDS).optional(),
  cursor: text(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

const reportIds = z.array(z.uuid()).max(50).default([]);
const nonconformity = z.object({
  description: text(2000).min(1),
  category: z.enum(['major', 'minor']),
  correctiveAction: text(2000).min(1),
  dueDate: isoDate,
});

/** The payload of each act of the body (the signed act JSON carries it verbatim). */
export const ACT_PAYLOADS = {
  register: z.object({ journalNumber: text(50).min(1) }),
  accept: z.object({ comment: text(2000).optional() }),
  return: z.object({ comment: text(2000).min(1) }),
  refuse: z.object({ reason: text(2000).min(1) }),
  conclude_contract: z.object({ contractNumber: text(100).min(1), contractDate: isoDate }),
  plan_audit: z.object({
    analysisNote: text(4000).optional(),
    team: z
      .array(z.object({ fullName: text(300).min(1), role: z.enum(['lead', 'auditor', 'expert']) }))
      .min(1)
      .max(20),
    stage1Date: isoDate,
    stage2Date: isoDate,
  }),
  stage1: z.object({ date: isoDate, summary: text(4000).min(1), reportDocumentIds: reportIds }),
  stage2: z.object({
    date: isoDate,
    summary: text(4000).min(1),
    reportDocumentIds: z.array(z.uuid()).min(1).max(50),
    nonconformities: z.array(nonconformity).max(200).default([]),
  }),
  decide: z.object({ positive: z.boolean(), comment: text(2000).min(1) }),
  issue_certificate: z.object({ scope: text(4000).optional() }),
  surveillance: z.object({ date: isoDate, summary: text(4000).min(1), reportDocumentIds: reportIds }),
  suspend: z.object({ reason: text(2000).min(1) }),
  resume: z.object({ comment: text(2000).optional() }),
  withdraw: z.object({ reason: text(2000).min(1) }),
  recertify: z.object({ date: isoDate, summary: text(4000).min(1) }),
} as const satisfies Record<(typeof BODY_ACTIONS)[number], z.ZodType>;

export const prepareActBody = z.object({
  action: z.enum(BODY_ACTIONS),
  payload: z.record(z.string(), z.unknown()).default({}),
});

export const signedActBody = z.object({
  signingRequestId: z.string().trim().min(1).max(64),
  cms: z
    .string()
    .min(1)
    .max(256 * 1024),
});

export const signatureBody = signedActBody.extend({
  /** The block (signatories table row) this signature fills; default the first unsigned block. */
  signatoryId: z.uuid().optional(),
  comment: text(1000).optional(),
});

export const registryQuery = z.object({
  number: text(100).optional(),
  bin: text(12).optional(),
  organization: text(200).optional(),
  standard: z.enum(STANDARDS).optional(),
  body: text(200).optional(),
  status: z.enum(['active', 'suspended', 'withdrawn', 'expired']).optional(),
  cursor: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RegistryQuery = z.infer<typeof registryQuery>;

export const moderatorNoteBody = z.object({ text: text(4000) });
