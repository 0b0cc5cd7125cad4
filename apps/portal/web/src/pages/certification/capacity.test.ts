import { describe, expect, it } from 'vitest';
import { allowedCapacities, capacityOf } from './capacity';

describe('«Подать заявку» capacity choice', () => {
  it('the head may choose both; an administrator only «От имени организации»; an employee neither', () => {
    expect(allowedCapacities({ rights: ['head', 'org_admin'], bin: '1' })).toEqual(['self', 'organization']);
    expect(allowedCapacities({ rights: ['org_admin'], bin: '1' })).toEqual(['organization']);
    expect(allowedCapacities({ rights: ['employee'], bin: '1' })).toEqual([]);
  });

  it('an entrepreneur applies «За себя» with its own IIN (= the BIN)', () => {
    const ie = { rights: ['employee'], kind: 'individual_entrepreneur', bin: '900101300001' };
    expect(allowedCapacities({ ...ie, userIin: '900101300001' })).toEqual(['self']);
    expect(allowedCapacities({ ...ie, userIin: '900101300002' })).toEqual([]);
  });

  it('defaults to the seed’s «За себя» when allowed, keeps a saved choice', () => {
    expect(capacityOf(undefined, ['self', 'organization'])).toBe('self');
    expect(capacityOf(undefined, ['organization'])).toBe('organization');
    expect(capacityOf('organization', ['self', 'organization'])).toBe('organization');
    expect(capacityOf(undefined, [])).toBeUndefined();
  });
});
