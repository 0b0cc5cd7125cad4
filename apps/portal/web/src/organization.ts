import { useCallback, useSyncExternalStore } from 'react';
import { type OrganizationSummary, useMe } from './queries';

/** The organisation the user acts for, per browser (contracts.md). */
export const ACTING_ORGANIZATION_KEY = 'tereze.organization';
const CHANGED = 'tereze:organization';

function readChoice(): string | null {
  try {
    return window.localStorage.getItem(ACTING_ORGANIZATION_KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  // Other tabs (storage) and this one (the custom event) both re-render the users of the hook.
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** Chooses the organisation the user acts for (kept in localStorage). */
export function chooseActingOrganization(id: string) {
  try {
    window.localStorage.setItem(ACTING_ORGANIZATION_KEY, id);
  } catch {
    // Storage unavailable: the choice lasts until the page reloads.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The chosen organisation while the user is still its member, else the first active membership, else the first
 * membership (pending or blocked: the pages explain why nothing opens), else none.
 */
export function pickActingOrganization(
  organizations: readonly OrganizationSummary[],
  chosenId: string | null,
): OrganizationSummary | null {
  return (
    organizations.find((o) => o.id === chosenId) ??
    organizations.find((o) => o.status === 'active') ??
    organizations[0] ??
    null
  );
}

/**
 * The organisation the user acts for: the one chosen in the switcher if the user is still its member, else the
 * first active membership, else the first membership (pending or blocked: pages explain why nothing opens).
 * Organisation-scoped pages put its id into their API URLs; the server checks the membership on every request.
 */
export function useActingOrganization(): {
  organization: OrganizationSummary | null;
  organizations: OrganizationSummary[];
  loading: boolean;
  choose: (id: string) => void;
} {
  const me = useMe();
  const chosen = useSyncExternalStore(subscribe, readChoice, () => null);
  const organizations = me.data?.organizations ?? [];
  const organization = pickActingOrganization(organizations, chosen);
  const choose = useCallback((id: string) => chooseActingOrganization(id), []);
  // A user set from a login answer has no organisations yet: /me is being refetched.
  const loading = me.isPending || (!!me.data && me.data.organizations === undefined);
  return { organization, organizations, loading, choose };
}
