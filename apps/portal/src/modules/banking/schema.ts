import { z } from 'zod';

// Request and answer shapes of the banking routes (docs/banking.md). The account number's IBAN rules live in
// iban.ts and are checked by the service, which names the failed rule in `fields.number`.

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const directoryCode = z.string().trim().min(1).max(64);

export const bankAccountInput = z.object({
  number: z.string().max(64).describe('IBAN (ИИК); spaces allowed, stored without them in upper case'),
  oldFormat: z.boolean().default(false).describe('«Признак счета старого формата»: not checked as an IBAN'),
  bankCode: directoryCode.describe('Code of the bank in the `banks` directory'),
  accountType: directoryCode.describe('Code in the `account_types` directory'),
  openedOn: isoDate.nullish(),
  closedOn: isoDate.nullish(),
  guaranteeDeposit: z.boolean().default(false),
  isDefault: z.boolean().default(false),
});
export type BankAccountInput = z.infer<typeof bankAccountInput>;

export const bankAccountPatch = z
  .object({
    number: z.string().max(64),
    oldFormat: z.boolean(),
    bankCode: directoryCode,
    accountType: directoryCode,
    openedOn: isoDate.nullable(),
    closedOn: isoDate.nullable(),
    guaranteeDeposit: z.boolean(),
    isDefault: z.boolean(),
  })
  .partial();
export type BankAccountPatch = z.infer<typeof bankAccountPatch>;

export const bankAccountView = z.object({
  id: z.uuid(),
  number: z.string(),
  oldFormat: z.boolean(),
  bankCode: z.string(),
  bankName: z.string().nullable(),
  bankAddress: z.string().nullable(),
  bic: z.string().nullable(),
  kbe: z.string().nullable(),
  accountType: z.string(),
  accountTypeName: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  guaranteeDeposit: z.boolean(),
  isDefault: z.boolean(),
  source: z.enum(['manual', 'registry']),
  createdAt: z.string(),
});
export type BankAccountView = z.infer<typeof bankAccountView>;

/** The list, plus the КБе a new account gets (shown read-only on the add form, seed 001). */
export const bankAccountList = z.object({
  items: z.array(bankAccountView),
  kbe: z.string().nullable(),
  kbeName: z.string().nullable(),
});

export const bankRequestInput = z.object({
  organizationId: z.uuid().optional().describe('The organisation acted for (its cabinet), if any'),
  nameKk: z.string().trim().min(1).max(300),
  nameRu: z.string().trim().min(1).max(300),
  bankCode: z.string().trim().min(1).max(20).describe('3 digits, as in the IBANs of the bank'),
  bic: z.string().trim().min(1).max(11),
  countryCode: directoryCode.describe('`countries` directory code (398 = Kazakhstan)'),
  kato: directoryCode.nullish().describe('`kato` directory code'),
  addressKk: z.string().trim().min(1).max(500),
  addressRu: z.string().trim().min(1).max(500),
  confirmationInfo: z.string().trim().min(1).max(2000),
  headOffice: z.boolean().default(false),
  resident: z.boolean().default(false),
});
export type BankRequestInput = z.infer<typeof bankRequestInput>;

export const bankRequestView = z.object({
  id: z.uuid(),
  nameKk: z.string(),
  nameRu: z.string(),
  bankCode: z.string(),
  bic: z.string(),
  countryCode: z.string(),
  kato: z.string().nullable(),
  addressKk: z.string(),
  addressRu: z.string(),
  confirmationInfo: z.string(),
  headOffice: z.boolean(),
  resident: z.boolean(),
  status: z.enum(['pending', 'approved', 'rejected']),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type BankRequestView = z.infer<typeof bankRequestView>;

export const adminBankRequestView = bankRequestView.extend({
  requesterAccountId: z.uuid(),
  requesterEmail: z.string().nullable(),
  organizationId: z.uuid().nullable(),
});

export const bankRequestReject = z.object({ reason: z.string().max(2000) });
