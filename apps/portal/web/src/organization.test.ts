import { describe, expect, it } from 'vitest';
import { pickActingOrganization } from './organization';
import type { OrganizationSummary } from './queries';

const org = (id: string, status: OrganizationSummary['status']): OrganizationSummary => ({
  id,
  bin: `99014000000${id.length}`,
  name: `ТОО «${id}»`,
  kind: 'legal_entity',
  rights: ['employee'],
  status,
});

describe('pickActingOrganization', () => {
  const pending = org('pending', 'pending');
  const first = org('first', 'active');
  const second = org('second', 'active');

  it('keeps the organisation the user chose, whatever its status', () => {
    expect(pickActingOrganization([first, second], 'second')).toBe(second);
    expect(pickActingOrganization([first, pending], 'pending')).toBe(pending);
  });

  it('falls back to the first active membership when nothing (or a former organisation) was chosen', () => {
    expect(pickActingOrganization([pending, first, second], null)).toBe(first);
    expect(pickActingOrganization([pending, first], 'gone')).toBe(first);
  });

  it('shows a pending membership when there is no active one, and none without memberships', () => {
    expect(pickActingOrganization([pending], null)).toBe(pending);
    expect(pickActingOrganization([], 'first')).toBeNull();
  });
});
