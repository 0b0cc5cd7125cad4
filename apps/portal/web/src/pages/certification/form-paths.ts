import type { ApplicationForm } from './cert-api';

/** The application form's tabs (seed 000), in order, and which error paths belong to which. */
export const FORM_TABS = [
  'applicant',
  'address',
  'body',
  'additional',
  'scope',
  'documents',
  'note',
  'moderator',
  'timeline',
] as const;
export type FormTab = (typeof FORM_TABS)[number];

/** The tab a server error path (`scope.sites.0.address`, `documents`, …) is shown on. */
export function tabOfPath(path: string): FormTab {
  const head = path.split('.')[0];
  if (head === 'signatories') return 'applicant';
  return (FORM_TABS as readonly string[]).includes(head) ? (head as FormTab) : 'applicant';
}

export function errorCounts(errors: Record<string, string>): Partial<Record<FormTab, number>> {
  const counts: Partial<Record<FormTab, number>> = {};
  for (const path of Object.keys(errors)) {
    const tab = tabOfPath(path);
    counts[tab] = (counts[tab] ?? 0) + 1;
  }
  return counts;
}

export function getIn(form: ApplicationForm, path: string): unknown {
  let value: unknown = form;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A copy of `form` with `path` set (objects and arrays along the path copied). */
export function setIn(form: ApplicationForm, path: string, value: unknown): ApplicationForm {
  const parts = path.split('.');
  const root: Record<string, unknown> = { ...(form as Record<string, unknown>) };
  let node: Record<string, unknown> = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]];
    const copy = Array.isArray(next) ? [...next] : { ...((next as Record<string, unknown>) ?? {}) };
    node[parts[i]] = copy;
    node = copy as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
  return root as ApplicationForm;
}

/** Fields required at «Подать заявку» (docs/certification.md), highlighted in red while empty. */
export const REQUIRED_PATHS = new Set([
  'applicant.name',
  'applicant.legalAddress',
  'applicant.headFullName',
  'applicant.mobile',
  'applicant.email',
  'address.postalIndex',
  'address.city',
  'address.street',
  'address.house',
  'body.bodyBin',
  'additional.contactPerson',
  'additional.contactPhone',
  'scope.standard',
  'scope.scopeText',
  'scope.headcount',
  'scope.oked',
]);
