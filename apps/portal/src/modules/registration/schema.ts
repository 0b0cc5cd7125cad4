import { z } from 'zod';
import { signedActionFields } from '../signatures/schema';

const phone = z.string().trim().min(1).max(32);

export const registrationBody = z.object({
  kind: z.enum(['individual', 'legal_entity', 'certification_body']),
  ...signedActionFields,
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  /** The confirmation field of the wizard; when sent, it must equal password. */
  passwordRepeat: z.string().max(1024).optional(),
  /** Mobile (required: notifications, seed 004) and an optional work number. */
  phones: z.object({ mobile: phone.optional(), work: phone.optional() }).optional(),
  /** DESIGN.md's `phone`: taken as the mobile number when `phones.mobile` is absent. */
  phone: phone.optional(),
  /** «Пользователь подтверждает что, ознакомлен со всеми пунктами настоящего Соглашения…» — must be true. */
  acceptAgreement: z.literal(true),
  /** The organisation found in the wizard (legal entity / certification body): must be the certificate's BIN. */
  bin: z
    .string()
    .trim()
    .regex(/^\d{12}$/)
    .optional(),
  /** «Я являюсь сотрудником»: the BIN of a portal-registered organisation to ask to join (individuals). */
  employerBin: z
    .string()
    .trim()
    .regex(/^\d{12}$/)
    .optional(),
});

export const registrationResponse = z.object({
  messageCode: z.literal('registration_succeeded'),
  /** «Регистрация в системе прошла успешно» in the request's language. */
  message: z.string(),
  /** The account works once the emailed link is followed. */
  activationRequired: z.literal(true),
  email: z.string(),
});

export const activateBody = z.object({ token: z.string().trim().min(1).max(128) });
export const resendBody = z.object({ login: z.string().trim().min(1).max(254) });
export const messageResponse = z.object({ messageCode: z.string(), message: z.string() });
