import { z } from 'zod';

export const PORTAL_ROLES = ['admin', 'moderator', 'operator'] as const;

export const userIdParams = z.object({ id: z.string().max(64) });
export const organizationIdParams = z.object({ organizationId: z.string().max(64) });
export const userListQuery = z.object({
  q: z.string().max(200).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const blockBody = z.object({ reason: z.string().max(1000).optional() });
export const rolesBody = z.object({ roles: z.array(z.enum(PORTAL_ROLES)).max(3) });
export const auditQuery = z.object({
  actor: z.string().max(200).optional(),
  organization: z.string().max(200).optional(),
  action: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const adminUser = z.object({
  id: z.string(),
  kind: z.string(),
  iin: z.string(),
  bin: z.string().nullable(),
  surname: z.string().nullable(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  roles: z.array(z.string()),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export const userListResponse = z.object({ users: z.array(adminUser), nextCursor: z.string().nullable() });

export const auditEventView = z.object({
  id: z.number(),
  occurredAt: z.string(),
  action: z.string(),
  result: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  organizationId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditListResponse = z.object({
  events: z.array(auditEventView),
  nextCursor: z.number().nullable(),
});

export const membershipView = z.object({
  organizationId: z.string(),
  bin: z.string(),
  name: z.string(),
  rights: z.array(z.string()),
  status: z.string(),
});
export const userDetailResponse = z.object({
  user: adminUser,
  memberships: z.array(membershipView),
  events: z.array(auditEventView),
});
export const userResponse = z.object({ user: adminUser });
export const unlockResponse = z.object({ cleared: z.boolean() });

export const memberView = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string().nullable(),
  iin: z.string().nullable(),
  email: z.string().nullable(),
  rights: z.array(z.string()),
  status: z.string(),
  position: z.string().nullable(),
});
export const organizationDetailResponse = z.object({
  organization: z.object({
    id: z.string(),
    bin: z.string(),
    kind: z.string(),
    nameRu: z.string(),
    nameKk: z.string().nullable(),
    roles: z.array(z.string()),
    email: z.string().nullable(),
    createdAt: z.string(),
  }),
  members: z.array(memberView),
});
