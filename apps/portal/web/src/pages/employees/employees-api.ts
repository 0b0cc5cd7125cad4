import { api } from '../../api';

/** Member rights in the order of seed 001's «Изменение прав сотрудника» (and the server's canonical order). */
export const MEMBER_RIGHTS = ['customer', 'organizer', 'supplier', 'head', 'org_admin', 'employee'] as const;
export type MemberRight = (typeof MEMBER_RIGHTS)[number];
/** Granted by a portal administrator only (the server refuses it from an organisation's administrator). */
export const ADMIN_ONLY_RIGHT: MemberRight = 'organizer';

export interface EmployeeRow {
  id: string | null;
  accountId: string | null;
  fullName: string;
  iin: string | null;
  email: string | null;
  position: string | null;
  addedAt: string;
  systemStatus: 'registered' | 'not_registered';
  status: 'active' | 'blocked' | 'pending';
  blockReason: string | null;
  rights: MemberRight[];
  self: boolean;
}

export interface InvitationRow {
  id: string;
  email: string;
  rights: MemberRight[];
  position: string | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
}

export interface InvitationPreview {
  organization: { id: string; bin: string; name: string };
  email: string;
  rights: MemberRight[];
  position: string | null;
  expiresAt: string;
}

export interface MembershipAnswer {
  organizationId: string;
  memberId: string;
  status: string;
  message: string;
}

const org = (organizationId: string) => `/api/v1/organizations/${encodeURIComponent(organizationId)}`;

export const employeeKeys = {
  list: (organizationId: string) => ['employees', organizationId] as const,
  invitations: (organizationId: string) => ['employees', organizationId, 'invitations'] as const,
};

export const fetchEmployees = async (organizationId: string) =>
  (await api<{ items: EmployeeRow[] }>(`${org(organizationId)}/employees`)).items;

export const updateEmployee = (
  organizationId: string,
  memberId: string,
  body: { rights?: MemberRight[]; blocked?: boolean; blockReason?: string },
) =>
  api<{ employee: EmployeeRow }>(`${org(organizationId)}/employees/${memberId}`, { method: 'PATCH', body });

export const activateEmployee = (organizationId: string, memberId: string) =>
  api<{ employee: EmployeeRow }>(`${org(organizationId)}/employees/${memberId}/activate`, { method: 'POST' });

export const declineEmployee = (organizationId: string, memberId: string) =>
  api<{ ok: true }>(`${org(organizationId)}/employees/${memberId}/decline`, { method: 'POST' });

export const fetchInvitations = async (organizationId: string) =>
  (await api<{ items: InvitationRow[] }>(`${org(organizationId)}/invitations`)).items;

export const inviteEmployee = (
  organizationId: string,
  body: { email: string; rights: MemberRight[]; position?: string },
) => api<InvitationRow>(`${org(organizationId)}/invitations`, { method: 'POST', body });

export const revokeInvitation = (organizationId: string, invitationId: string) =>
  api<InvitationRow>(`${org(organizationId)}/invitations/${invitationId}/revoke`, { method: 'POST' });

export const previewInvitation = (token: string) =>
  api<InvitationPreview>('/api/v1/invitations/preview', { method: 'POST', body: { token } });

export const acceptInvitation = (token: string) =>
  api<MembershipAnswer>('/api/v1/invitations/accept', { method: 'POST', body: { token } });

export const requestEmployment = (body: { bin: string; position?: string }) =>
  api<MembershipAnswer>('/api/v1/me/employment-requests', { method: 'POST', body });

export const findEmployer = (bin: string) =>
  api<{ organization: { bin: string; name: string } }>(`/api/v1/employers/${encodeURIComponent(bin)}`);

/** An invitation link opened before signing in: kept so the login (or registration) leads back to it. */
const PENDING_INVITATION = 'tereze.invitation';
const PENDING_INVITATION_HOURS = 24;

export function rememberInvitation(token: string) {
  try {
    localStorage.setItem(PENDING_INVITATION, JSON.stringify({ token, at: Date.now() }));
  } catch {
    // Storage unavailable (private mode): the link in the mail still works.
  }
}

export function forgetInvitation() {
  try {
    localStorage.removeItem(PENDING_INVITATION);
  } catch {
    // nothing kept
  }
}

/** The invitation page to return to after signing in, once (the stored token is cleared). */
export function takeInvitationPath(): string | null {
  try {
    const raw = localStorage.getItem(PENDING_INVITATION);
    if (!raw) return null;
    localStorage.removeItem(PENDING_INVITATION);
    const { token, at } = JSON.parse(raw) as { token?: string; at?: number };
    if (!token || !at || Date.now() - at > PENDING_INVITATION_HOURS * 3_600_000) return null;
    return `/invitation?token=${encodeURIComponent(token)}`;
  } catch {
    return null;
  }
}
