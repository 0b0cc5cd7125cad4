import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../api';

// The admin console routes (docs/admin.md) as the web app uses them.

export const PORTAL_ROLES = ['admin', 'moderator', 'operator'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

export interface AdminUser {
  id: string;
  kind: 'individual' | 'legal_entity' | 'certification_body';
  iin: string;
  bin: string | null;
  fullName: string | null;
  email: string | null;
  status: 'active' | 'blocked' | 'pending_activation';
  roles: string[];
  lockedUntil: string | null;
  createdAt: string;
}

export interface AuditEventView {
  id: number;
  occurredAt: string;
  action: string;
  result: 'success' | 'failure';
  actorUserId: string | null;
  actorName: string | null;
  organizationId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

export interface AdminUserDetail {
  user: AdminUser;
  memberships: { organizationId: string; bin: string; name: string; rights: string[]; status: string }[];
  events: AuditEventView[];
}

export interface AuditFilters {
  actor?: string;
  organization?: string;
  action?: string;
  from?: string;
  to?: string;
}

const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

export function useAdminUsers(q: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['admin', 'users', q],
    queryFn: ({ pageParam }) =>
      api<{ users: AdminUser[]; nextCursor: string | null }>(
        `/api/v1/admin/users${query({ q, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAdminUser(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'user', id],
    queryFn: () => api<AdminUserDetail>(`/api/v1/admin/users/${id}`),
    enabled: id !== null,
  });
}

export type UserAction =
  | { kind: 'block'; reason: string }
  | { kind: 'unblock' }
  | { kind: 'unlock' }
  | { kind: 'roles'; roles: PortalRole[] };

export function useUserAction(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: UserAction) => {
      const base = `/api/v1/admin/users/${id}`;
      if (action.kind === 'block')
        return api(`${base}/block`, { method: 'POST', body: { reason: action.reason } });
      if (action.kind === 'roles')
        return api(`${base}/roles`, { method: 'PUT', body: { roles: action.roles } });
      return api(`${base}/${action.kind}`, { method: 'POST', body: {} });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useAuditJournal(filters: AuditFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) =>
      api<{ events: AuditEventView[]; nextCursor: number | null }>(
        `/api/v1/admin/audit${query({ ...filters, cursor: pageParam })}`,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    retry: false,
  });
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });

export interface AdminOrganizationDetail {
  organization: {
    id: string;
    bin: string;
    kind: string;
    nameRu: string;
    nameKk: string | null;
    roles: string[];
    email: string | null;
    createdAt: string;
  };
  members: {
    id: string;
    accountId: string;
    name: string | null;
    iin: string | null;
    email: string | null;
    rights: string[];
    status: string;
    position: string | null;
  }[];
}

export function useAdminOrganization(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'organization', id],
    queryFn: () => api<AdminOrganizationDetail>(`/api/v1/admin/organizations/${id}`),
    enabled: id !== null,
  });
}
