import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

describe('formatCountdown', () => {
  it('shows minutes and two-digit seconds', () => {
    expect(formatCountdown(900)).toBe('15:00');
    expect(formatCountdown(845)).toBe('14:05');
    expect(formatCountdown(59)).toBe('0:59');
    expect(formatCountdown(0.2)).toBe('0:01');
  });
  it('never goes below zero', () => {
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
