import type { TFunction } from 'i18next';
import type { BankRequestStatus } from './banking-api';

/** На утверждении / Утверждено / Отклонено (seed 001). */
export function requestStatusText(t: TFunction, status: BankRequestStatus): string {
  switch (status) {
    case 'pending':
      return t('banking.requests.status.pending');
    case 'approved':
      return t('banking.requests.status.approved');
    case 'rejected':
      return t('banking.requests.status.rejected');
  }
}

export const requestStatusColor = { pending: 'yellow', approved: 'teal', rejected: 'red' } as const;

/** «2016-08-29 12:19:26», as the seed's lists show dates. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
