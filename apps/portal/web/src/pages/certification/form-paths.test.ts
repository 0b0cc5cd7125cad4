import { describe, expect, it } from 'vitest';
import { errorCounts, getIn, setIn, tabOfPath } from './form-paths';

describe('application form paths', () => {
  it('puts each server error path on its tab (signatories on Заявитель, unknown heads too)', () => {
    expect(tabOfPath('address.postalIndex')).toBe('address');
    expect(tabOfPath('scope.sites.0.address')).toBe('scope');
    expect(tabOfPath('documents')).toBe('documents');
    expect(tabOfPath('body.bodyBin')).toBe('body');
    expect(tabOfPath('signatories')).toBe('applicant');
    expect(tabOfPath('signatories.1.plannedName')).toBe('applicant');
    expect(tabOfPath('something')).toBe('applicant');
  });

  it('counts the errors per tab for the badges', () => {
    expect(
      errorCounts({
        'address.city': 'required',
        'address.house': 'required',
        'scope.oked': 'invalid',
        documents: 'required',
        signatories: 'certification_no_signatory_block',
      }),
    ).toEqual({ address: 2, scope: 1, documents: 1, applicant: 1 });
    expect(errorCounts({})).toEqual({});
  });

  it('sets a nested value without touching the original form (arrays stay arrays)', () => {
    const form = { scope: { standard: 'ISO 9001', sites: [{ address: 'a', activity: 'b' }] } };
    const next = setIn(form, 'scope.sites.0.address', 'Алматы');
    expect(next.scope?.sites).toEqual([{ address: 'Алматы', activity: 'b' }]);
    expect(Array.isArray(next.scope?.sites)).toBe(true);
    expect(form.scope.sites[0].address).toBe('a');
    expect(getIn(setIn({}, 'applicant.email', 'x@y.kz'), 'applicant.email')).toBe('x@y.kz');
    expect(getIn(form, 'address.city')).toBeUndefined();
  });
});
