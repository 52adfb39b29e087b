import { describe, expect, it } from 'vitest';
import { premiumVerdict } from './verdict';

describe('premiumVerdict', () => {
  it('calls a realised APR within ±25 % of fair "about fair"', () => {
    expect(premiumVerdict(0.1, 0.1)).toBe('about fair');
    expect(premiumVerdict(0.124, 0.1)).toBe('about fair');
    expect(premiumVerdict(0.076, 0.1)).toBe('about fair');
  });
  it('calls higher over-paid and lower under-paid', () => {
    expect(premiumVerdict(0.13, 0.1)).toBe('over-paid for the risk');
    expect(premiumVerdict(0.07, 0.1)).toBe('under-paid for the risk');
  });
  it('treats differences under 0.1 percentage point as about fair', () => {
    expect(premiumVerdict(0.0005, 0)).toBe('about fair');
    expect(premiumVerdict(0.002, 0)).toBe('over-paid for the risk');
  });
  it('handles an infinite fair APR', () => {
    expect(premiumVerdict(0.5, Number.POSITIVE_INFINITY)).toBe('under-paid for the risk');
  });
});
