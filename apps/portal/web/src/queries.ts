import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api';

/** What the shell needs from /api/v1/me; the identity module may send more. */
export interface MeUser {
  id: string;
  kind?: 'individual' | 'legal_entity' | 'certification_body' | string;
  fullName?: string | null;
  name?: string | null;
  email?: string | null;
  iin?: string | null;
  bin?: string | null;
  organizationName?: string | null;
  emailVerified?: boolean;
  mobilePhone?: string | null;
  workPhone?: string | null;
  roles?: string[];
  /** A temporary password (recovery) must be changed before anything else. */
  mustChangePassword?: boolean;
  /** The organisations the person is a member of (any status; `organizations` of /me); see organization.ts. */
  organizations?: OrganizationSummary[];
}

/** One membership as GET /api/v1/me lists it (docs/organizations.md). */
export interface OrganizationSummary {
  id: string;
  bin: string;
  name: string;
  kind: string;
  rights: string[];
  status: 'active' | 'blocked' | 'pending' | (string & {});
}

export interface PublicConfig {
  demo: boolean;
  portalName: string;
  /** techreg | egz | egov (PASSWORD_POLICY). */
  passwordPolicy?: string;
  /** Where NCALayer (or, in DEMO, the built-in signer) listens. */
  signerUrl?: string;
}

export type OutboxChannel = 'email' | 'sms';

export interface OutboxItem {
  id: string;
  channel: OutboxChannel;
  to: string;
  subject: string | null;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export const queryKeys = {
  me: ['me'] as const,
  publicConfig: ['config', 'public'] as const,
  outbox: ['dev', 'outbox'] as const,
};

/** Anonymous (401, or 200 with `user: null`) resolves to null rather than an error. */
export async function fetchMe(): Promise<MeUser | null> {
  try {
    const { user, organizations } = await api<{
      user: MeUser | null;
      organizations?: OrganizationSummary[];
    }>('/api/v1/me');
    // The memberships come next to the user in the answer; the app keeps them on the user.
    return user ? { ...user, organizations: organizations ?? user.organizations ?? [] } : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function displayName(user: MeUser): string {
  return user.fullName || user.name || user.email || user.iin || user.id;
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function usePublicConfig() {
  return useQuery({
    queryKey: queryKeys.publicConfig,
    queryFn: () => api<PublicConfig>('/api/v1/config/public'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Newest first, whatever order the server sends. */
export function sortNewestFirst(items: OutboxItem[]): OutboxItem[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function useOutbox() {
  return useQuery({
    queryKey: queryKeys.outbox,
    queryFn: async () => sortNewestFirst((await api<{ items: OutboxItem[] }>('/api/v1/dev/outbox')).items),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/api/v1/auth/logout', { method: 'POST' }),
    onSuccess: () => queryClient.setQueryData(queryKeys.me, null),
  });
}
