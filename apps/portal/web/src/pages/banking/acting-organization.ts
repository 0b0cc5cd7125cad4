import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface MembershipSummary {
  id: string;
  bin: string;
  name: string;
  kind: string;
  rights: string[];
  status: string;
}

const STORAGE_KEY = 'tereze.organization';

/**
 * The organisation the user acts for (contracts.md: localStorage `tereze.organization`, else the first active
 * membership), read from /api/v1/me. Stands in until the organisations module's useActingOrganization() lands.
 */
export function useBankingOrganization() {
  const me = useQuery({
    queryKey: ['me', 'organizations'],
    queryFn: () =>
      api<{ user: unknown; organizations?: MembershipSummary[] }>('/api/v1/me').then(
        (r) => r.organizations ?? [],
      ),
    staleTime: 30_000,
  });
  const active = (me.data ?? []).filter((o) => o.status === 'active');
  let chosen: string | null = null;
  try {
    chosen = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    chosen = null;
  }
  const organization = active.find((o) => o.id === chosen) ?? active[0] ?? null;
  return {
    organization,
    isLoading: me.isLoading,
    /** Writes need the Администратор организации right (the server checks again). */
    canManage: Boolean(organization?.rights.includes('org_admin')),
  };
}
