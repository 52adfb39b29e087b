import { describe, expect, it } from 'vitest';
import { formatLocalTime, isoInstant } from './localTime';

// 2026-12-05 08:30:00 UTC
const T = Date.UTC(2026, 11, 5, 8, 30) / 1000;

describe('formatLocalTime', () => {
  it("writes the instant in the reader's zone and names the zone", () => {
    expect(formatLocalTime(T, { timeZone: 'Asia/Tokyo', locale: 'en-GB' })).toBe('5 Dec 2026, 17:30 GMT+9');
    expect(formatLocalTime(T, { timeZone: 'America/New_York', locale: 'en-US' })).toBe('Dec 5, 2026, 03:30 EST');
    expect(formatLocalTime(T, { timeZone: 'UTC', locale: 'en-GB' })).toBe('5 Dec 2026, 08:30 UTC');
  });

  it('moves the date across midnight with the zone', () => {
    expect(formatLocalTime(Date.UTC(2026, 11, 5, 23, 10) / 1000, { timeZone: 'Asia/Kolkata', locale: 'en-GB' })).toBe(
      '6 Dec 2026, 04:40 GMT+5:30',
    );
  });

  it('says nothing it cannot know', () => {
    expect(formatLocalTime(Number.NaN)).toBe('—');
    expect(isoInstant(Number.POSITIVE_INFINITY)).toBe('');
    expect(isoInstant(T)).toBe('2026-12-05T08:30:00.000Z');
  });
});
