import { z } from 'zod';

// Bodies are checked for shape here; the rules that name a field in the user's language (dates, numbers,
// directories, phones) run in service.ts, so every refusal lists all its fields at once.
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** «Редактировать данные» (seed 001): the email is required; mobile as at registration; work phone optional. */
export const profileUpdateBody = z.object({
  email: z.email().max(254),
  mobilePhone: text(32),
  workPhone: optionalText(32),
});

export const documentBody = z.object({
  type: text(64),
  series: optionalText(32),
  number: text(64),
  issueDate: text(32),
  expiryDate: optionalText(32),
  issuer: text(400),
});

export const contactBody = z.object({
  countryCode: text(8),
  kato: optionalText(16),
  street: text(400),
  house: text(64),
  apartment: optionalText(64),
  phone: optionalText(32),
});

export const confirmEmailBody = z.object({ token: z.string().trim().min(1).max(128) });

/** Registry rows have ids like `registry-1`; manual rows a uuid. Anything else is simply not found. */
export const rowParams = z.object({ id: z.string().max(64) });

const source = z.enum(['registry', 'manual']);

export const profileView = z.object({
  iin: z.string(),
  /** The organisation's BIN for a legal-entity account (its IIN is the registrant's). */
  bin: z.string().nullable(),
  rnn: z.string().nullable(),
  surname: z.string().nullable(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  /** From the state registry (ГБД ФЛ); null when the registry has no record. */
  birthDate: z.string().nullable(),
  registeredAt: z.string(),
  email: z.string().nullable(),
  emailConfirmed: z.boolean(),
  mobilePhone: z.string().nullable(),
  workPhone: z.string().nullable(),
  country: z.object({ code: z.string(), name: z.string() }),
  hasPhoto: z.boolean(),
});

export const documentView = z.object({
  id: z.string(),
  source,
  /** Only manually entered rows may be edited or deleted (seed 001). */
  editable: z.boolean(),
  type: z.string(),
  typeName: z.string(),
  series: z.string().nullable(),
  number: z.string(),
  issueDate: z.string(),
  expiryDate: z.string().nullable(),
  issuer: z.string(),
});

export const contactView = z.object({
  id: z.string(),
  source,
  editable: z.boolean(),
  countryCode: z.string(),
  countryName: z.string(),
  kato: z.string().nullable(),
  katoName: z.string().nullable(),
  street: z.string().nullable(),
  house: z.string().nullable(),
  apartment: z.string().nullable(),
  /** The whole address as one line (the «Адрес» column). */
  address: z.string(),
  phone: z.string().nullable(),
});

export const messageResponse = z.object({ message: z.string() });
export const okResponse = z.object({ ok: z.literal(true) });

export type ProfileUpdateInput = z.infer<typeof profileUpdateBody>;
export type DocumentInput = z.infer<typeof documentBody>;
export type ContactInput = z.infer<typeof contactBody>;
export type DocumentView = z.infer<typeof documentView>;
export type ContactView = z.infer<typeof contactView>;
