import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

// The banking routes (docs/banking.md) as the web app uses them.

export interface BankAccount {
  id: string;
  number: string;
  oldFormat: boolean;
  bankCode: string;
  bankName: string | null;
  bankAddress: string | null;
  bic: string | null;
  kbe: string | null;
  accountType: string;
  accountTypeName: string | null;
  openedOn: string | null;
  closedOn: string | null;
  guaranteeDeposit: boolean;
  isDefault: boolean;
  source: 'manual' | 'registry';
  createdAt: string;
}

export interface BankAccountList {
  items: BankAccount[];
  kbe: string | null;
  kbeName: string | null;
}

export interface BankAccountInput {
  number: string;
  oldFormat: boolean;
  bankCode: string;
  accountType: string;
  openedOn?: string | null;
  closedOn?: string | null;
  guaranteeDeposit: boolean;
  isDefault: boolean;
}

export type BankRequestStatus = 'pending' | 'approved' | 'rejected';

export interface BankRequest {
  id: string;
  nameKk: string;
  nameRu: string;
  bankCode: string;
  bic: string;
  countryCode: string;
  kato: string | null;
  addressKk: string;
  addressRu: string;
  confirmationInfo: string;
  headOffice: boolean;
  resident: boolean;
  status: BankRequestStatus;
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface AdminBankRequest extends BankRequest {
  requesterAccountId: string;
  requesterEmail: string | null;
  organizationId: string | null;
}

export type BankRequestInput = Omit<
  BankRequest,
  'id' | 'status' | 'rejectReason' | 'createdAt' | 'decidedAt' | 'kato'
> & { kato?: string | null; organizationId?: string };

export interface DirectoryItem {
  code: string;
  name: string;
  attrs: Record<string, unknown>;
}

const accountsUrl = (organizationId: string, id?: string) =>
  `/api/v1/organizations/${encodeURIComponent(organizationId)}/bank-accounts${id ? `/${encodeURIComponent(id)}` : ''}`;

export const bankingKeys = {
  accounts: (organizationId: string) => ['banking', 'accounts', organizationId] as const,
  account: (organizationId: string, id: string) => ['banking', 'accounts', organizationId, id] as const,
  myRequests: ['banking', 'requests', 'mine'] as const,
  adminRequests: (status: string) => ['banking', 'requests', 'admin', status] as const,
  directory: (kind: string, q: string) => ['directories', kind, q] as const,
};

export function useBankAccounts(organizationId: string | undefined) {
  return useQuery({
    queryKey: bankingKeys.accounts(organizationId ?? ''),
    queryFn: () => api<BankAccountList>(accountsUrl(organizationId!)),
    enabled: Boolean(organizationId),
  });
}

export function useBankAccount(organizationId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: bankingKeys.account(organizationId ?? '', id ?? ''),
    queryFn: () => api<BankAccount>(accountsUrl(organizationId!, id)),
    enabled: Boolean(organizationId && id),
  });
}

/** Add (no id) or edit an account; the organisation's list is refetched afterwards. */
export function useSaveBankAccount(organizationId: string, id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BankAccountInput) =>
      api<BankAccount>(accountsUrl(organizationId, id), { method: id ? 'PATCH' : 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: bankingKeys.accounts(organizationId) }),
  });
}

export function useDeleteBankAccount(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(accountsUrl(organizationId, id), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: bankingKeys.accounts(organizationId) }),
  });
}

export function useMyBankRequests() {
  return useQuery({
    queryKey: bankingKeys.myRequests,
    queryFn: () => api<{ items: BankRequest[] }>('/api/v1/bank-requests'),
  });
}

export function useSubmitBankRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BankRequestInput) =>
      api<{ request: BankRequest; message: string }>('/api/v1/bank-requests', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: bankingKeys.myRequests }),
  });
}

export function useAdminBankRequests(status: BankRequestStatus | 'all') {
  return useQuery({
    queryKey: bankingKeys.adminRequests(status),
    queryFn: () =>
      api<{ items: AdminBankRequest[] }>(
        `/api/v1/admin/bank-requests${status === 'all' ? '' : `?status=${status}`}`,
      ),
  });
}

export function useDecideBankRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: { id: string; approve: boolean; reason?: string }) =>
      api<BankRequest>(
        `/api/v1/admin/bank-requests/${encodeURIComponent(decision.id)}/${decision.approve ? 'approve' : 'reject'}`,
        { method: 'POST', body: decision.approve ? undefined : { reason: decision.reason ?? '' } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['banking', 'requests'] }),
  });
}

/** A directory's entries (names in the UI language), optionally searched. */
export function useDirectory(kind: string, q = '', enabled = true) {
  return useQuery({
    queryKey: bankingKeys.directory(kind, q),
    queryFn: () =>
      api<{ items: DirectoryItem[] }>(
        `/api/v1/directories/${kind}?limit=300${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}
