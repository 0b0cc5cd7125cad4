import { describe, expect, it } from 'vitest';
import { readSlipFragment } from './slip-data';

describe('readSlipFragment', () => {
  it('reads login and password from the fragment, decoding them', () => {
    expect(readSlipFragment('#login=871008401427&password=Ab%25cd%2312ef')).toEqual({
      login: '871008401427',
      password: 'Ab%cd#12ef',
    });
  });
  it('gives nothing when either is missing (the slip was already shown)', () => {
    expect(readSlipFragment('')).toBeNull();
    expect(readSlipFragment('#login=871008401427')).toBeNull();
  });
});
