/**
 * The cabinet's left menu, in the seeds' order. Each later issue replaces a placeholder with its module's
 * page: add the route in routes.tsx and keep the entry here (path under /cabinet, i18n keys).
 */
export const CABINET_SECTIONS = [
  { path: 'services', labelKey: 'cabinet.menu.services' },
  { path: 'profile', labelKey: 'cabinet.menu.profile', hintKey: 'cabinet.menu.profileHint' },
  { path: 'organization', labelKey: 'cabinet.menu.organization' },
  { path: 'employees', labelKey: 'cabinet.menu.employees' },
  { path: 'bank-accounts', labelKey: 'cabinet.menu.bankAccounts' },
  { path: 'bank-requests', labelKey: 'cabinet.menu.bankRequests' },
  // The administrator's queue of bank requests (shown to admins where the menu filters by role).
  { path: 'bank-queue', labelKey: 'cabinet.menu.bankQueue', role: 'admin' },
  { path: 'applications', labelKey: 'cabinet.menu.applications' },
  // E-certification (issue 6): the applicant's section, the body's queue, the moderator, accreditations.
  { path: 'certification', labelKey: 'certification.menu.applicant' },
  { path: 'certification-queue', labelKey: 'certification.menu.queue' },
  { path: 'certification-moderator', labelKey: 'certification.menu.moderator', role: 'moderator' },
  { path: 'accreditations', labelKey: 'certification.menu.accreditations', role: 'admin' },
  { path: 'eds-issuance', labelKey: 'cabinet.menu.edsIssuance' },
  // Admin console: shown only to accounts with the role (sectionsFor).
  { path: 'directories', labelKey: 'cabinet.menu.directories', role: 'admin' },
  { path: 'participants', labelKey: 'participant.admin.menu', role: 'admin' },
  { path: 'users', labelKey: 'cabinet.menu.users', role: 'admin' },
  { path: 'audit', labelKey: 'cabinet.menu.audit', role: 'admin' },
] as const;

/** The pages of «Личные данные» (seed 001), shown as tabs under /cabinet/profile. */
export const PROFILE_PAGES = [
  { path: '', labelKey: 'personal.tabs.registration' },
  { path: 'documents', labelKey: 'personal.tabs.documents' },
  { path: 'contacts', labelKey: 'personal.tabs.contacts' },
] as const;

export type CabinetSection = (typeof CABINET_SECTIONS)[number];

/** The menu a user sees: a section with a `role` only for accounts that have it (Справочники: admin). */
export function sectionsFor(roles: readonly string[] | undefined): CabinetSection[] {
  return CABINET_SECTIONS.filter((s) => !('role' in s) || (roles ?? []).includes(s.role));
}

export function findCabinetSection(path: string | undefined): CabinetSection | undefined {
  return CABINET_SECTIONS.find((section) => section.path === path);
}
