import { useActingOrganization } from '../../organization';

/**
 * The organisation the banking pages act for (the cabinet's switcher, contracts.md), and whether the user may
 * change its accounts: an active membership with Администратор организации (the server checks again).
 */
export function useBankingOrganization() {
  const { organization, loading } = useActingOrganization();
  const active = organization?.status === 'active' ? organization : null;
  return {
    organization: active,
    isLoading: loading,
    canManage: Boolean(active?.rights.includes('org_admin')),
  };
}
