import { z } from 'zod';
import { memberRights, memberStatuses } from '../organizations/tables';
import { invitationStatuses } from './tables';

const right = z.enum(memberRights);
const rights = z.array(right).max(memberRights.length);
const position = z.string().trim().min(1).max(200);
const bin = z
  .string()
  .trim()
  .regex(/^\d{12}$/);

export const organizationParams = z.object({ organizationId: z.string().max(64) });
export const memberParams = organizationParams.extend({ memberId: z.guid() });
export const invitationParams = organizationParams.extend({ invitationId: z.guid() });

/** «Сотрудники организации» (seed 001): one row per member, plus the head named at registration if not one. */
export const employeeRow = z.object({
  /** The membership id (null for the head row that is no member yet). */
  id: z.string().nullable(),
  accountId: z.string().nullable(),
  fullName: z.string(),
  iin: z.string().nullable(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  addedAt: z.string(),
  /** «Зарегистрирован в системе» / «Не зарегистрирован в системе». */
  systemStatus: z.enum(['registered', 'not_registered']),
  /** «Статус в организации»: active / blocked, or pending (awaiting the administrator's activation). */
  status: z.enum(memberStatuses),
  blockReason: z.string().nullable(),
  rights: z.array(right),
  /** The caller's own row (the web app warns before changing one's own rights). */
  self: z.boolean(),
});
export const employeeList = z.object({ items: z.array(employeeRow) });

/** «Изменение прав сотрудника»: rights, «Заблокировать сотрудника» + «Причина блокировки», in one save. */
export const employeeUpdateBody = z.object({
  rights: rights.optional(),
  blocked: z.boolean().optional(),
  blockReason: z.string().trim().max(500).optional(),
});

export const organizerBody = z.object({ granted: z.boolean() });

export const invitationBody = z.object({
  email: z.email().max(254),
  rights: rights.default(['employee']),
  position: position.optional(),
});

export const invitationRow = z.object({
  id: z.string(),
  email: z.string(),
  rights: z.array(right),
  position: z.string().nullable(),
  status: z.enum(invitationStatuses),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const invitationList = z.object({ items: z.array(invitationRow) });

export const tokenBody = z.object({ token: z.string().trim().min(1).max(200) });

/** What the invitee sees before accepting. */
export const invitationPreview = z.object({
  organization: z.object({ id: z.string(), bin: z.string(), name: z.string() }),
  email: z.string(),
  rights: z.array(right),
  position: z.string().nullable(),
  expiresAt: z.string(),
});

export const acceptAnswer = z.object({
  organizationId: z.string(),
  memberId: z.string(),
  status: z.enum(memberStatuses),
  message: z.string(),
});

export const employmentRequestBody = z.object({ bin, position: position.optional() });
export const employmentRequestAnswer = acceptAnswer;

export const employerAnswer = z.object({ organization: z.object({ bin: z.string(), name: z.string() }) });
export const binParams = z.object({ bin });
export const memberAnswer = z.object({ employee: employeeRow });
export const okAnswer = z.object({ ok: z.literal(true) });
