import { describe, expect, it } from 'vitest';
import { formatAge, formatElapsed } from './age';

describe('formatAge', () => {
  it('uses seconds under a minute', () => {
    expect(formatAge(0)).toBe('0 s ago');
    expect(formatAge(4)).toBe('4 s ago');
    expect(formatAge(59.9)).toBe('59 s ago');
  });

  it('uses the largest whole unit', () => {
    expect(formatAge(60)).toBe('1 min ago');
    expect(formatAge(200)).toBe('3 min ago');
    expect(formatAge(3_600)).toBe('1 h ago');
    expect(formatAge(86_399)).toBe('23 h ago');
    expect(formatAge(86_400 * 3 + 5)).toBe('3 d ago');
  });

  it('says when the timestamp is ahead of the local clock', () => {
    expect(formatAge(-5)).toBe('5 s in the future');
    expect(formatAge(-7_200)).toBe('2 h in the future');
  });

  it('rejects non-finite input', () => {
    expect(() => formatAge(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatElapsed', () => {
  it('says whole seconds between two local clock readings', () => {
    expect(formatElapsed(1_000_000, 1_004_900)).toBe('4 s ago');
    expect(formatElapsed(1_000_000, 1_000_000 + 200_000)).toBe('3 min ago');
  });

  it('says a read that landed after the clock last ticked is 0 s old, not in the future', () => {
    expect(formatElapsed(1_005_000, 1_004_000)).toBe('0 s ago');
  });
});
