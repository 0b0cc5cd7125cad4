import { z } from 'zod';
import { ABSOLUTE_MAX_LENGTH } from './passwords';
import { accountKinds, accountStatuses } from './tables';

// Request bodies are capped well above any policy (the policy reports long passwords in its own words);
// the caps only keep argon2 from being fed megabytes.
const passwordInput = z
  .string()
  .min(1)
  .max(ABSOLUTE_MAX_LENGTH * 8);

export const passwordLoginBody = z.object({
  /** IIN or BIN (12 digits) or email. */
  login: z.string().trim().min(1).max(254),
  password: passwordInput,
});

export const changePasswordBody = z.object({
  currentPassword: passwordInput,
  newPassword: passwordInput,
  newPasswordRepeat: passwordInput,
});

export const unlockByLoginBody = z.object({ login: z.string().trim().min(1).max(254) });

export const userSchema = z.object({
  id: z.string(),
  kind: z.enum(accountKinds),
  iin: z.string(),
  bin: z.string().nullable(),
  organizationId: z.string().nullable(),
  surname: z.string().nullable(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  mobilePhone: z.string().nullable(),
  workPhone: z.string().nullable(),
  status: z.enum(accountStatuses),
  roles: z.array(z.string()),
  mustChangePassword: z.boolean(),
});

/** The organisations the user acts for (organizations module; contracts.md). */
export const meOrganizationSchema = z.object({
  id: z.string(),
  bin: z.string(),
  name: z.string(),
  kind: z.string(),
  rights: z.array(z.string()),
  status: z.string(),
});

export const meResponse = z.object({
  user: userSchema.nullable(),
  /** GET /api/v1/me only, for a signed-in user. */
  organizations: z.array(meOrganizationSchema).optional(),
});
export const okResponse = z.object({ ok: z.literal(true) });
export const unlockResponse = z.object({ cleared: z.boolean() });

export const errorResponse = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      retryAfterSeconds: z.number().optional(),
    })
    .loose(),
});
