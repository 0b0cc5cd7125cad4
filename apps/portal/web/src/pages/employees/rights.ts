import type { MemberRight } from './employees-api';

/** «Изменение прав сотрудника» (seed 001) labels, in the seed's order. */
export const RIGHT_OPTIONS = [
  { right: 'customer', labelKey: 'employees.rights.customer' },
  { right: 'organizer', labelKey: 'employees.rights.organizer' },
  { right: 'supplier', labelKey: 'employees.rights.supplier' },
  { right: 'head', labelKey: 'employees.rights.head' },
  { right: 'org_admin', labelKey: 'employees.rights.orgAdmin' },
  { right: 'employee', labelKey: 'employees.rights.employee' },
] as const satisfies readonly { right: MemberRight; labelKey: string }[];

export const rightLabelKey = (right: MemberRight) =>
  RIGHT_OPTIONS.find((o) => o.right === right)?.labelKey ?? ('employees.rights.employee' as const);

export const STATUS_OPTIONS = {
  active: { labelKey: 'employees.status.active', color: 'green' },
  blocked: { labelKey: 'employees.status.blocked', color: 'red' },
  pending: { labelKey: 'employees.status.pending', color: 'yellow' },
} as const;

export const INVITATION_STATUS = {
  pending: { labelKey: 'employees.invitationStatus.pending', color: 'blue' },
  accepted: { labelKey: 'employees.invitationStatus.accepted', color: 'green' },
  revoked: { labelKey: 'employees.invitationStatus.revoked', color: 'gray' },
  expired: { labelKey: 'employees.invitationStatus.expired', color: 'gray' },
} as const;

/** 2026-11-23 01:02 in local time, as the seeds show dates («2018-05-10 16:22:43» without seconds). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
