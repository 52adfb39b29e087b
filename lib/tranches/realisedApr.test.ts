import { describe, expect, it } from 'vitest';
import { formatBps, realisedApr } from './realisedApr';

const DAY = 86_400;

describe('realisedApr', () => {
  it('annualises the rise over the trailing 30 days', () => {
    const points = [
      { timestamp: 0, sharePrice: 1_000_000n },
      { timestamp: 10 * DAY, sharePrice: 1_000_000n },
      { timestamp: 40 * DAY, sharePrice: 1_010_000n },
    ];
    const apr = realisedApr(points);
    // +1 % over 30 d → 12.16 % a year, simple.
    expect(apr).toMatchObject({ ok: true, aprBps: 1216n });
  });

  it('says n/a when the history is shorter than the window', () => {
    expect(
      realisedApr([
        { timestamp: 0, sharePrice: 1n },
        { timestamp: 12 * DAY, sharePrice: 2n },
      ]),
    ).toEqual({
      ok: false,
      reason: 'only 12 d of history (needs 30 d)',
    });
    expect(realisedApr([])).toEqual({ ok: false, reason: 'no share-price history indexed yet' });
  });

  it('says n/a when the price fell, with how much', () => {
    const apr = realisedApr([
      { timestamp: 0, sharePrice: 1_000_000n },
      { timestamp: 31 * DAY, sharePrice: 900_000n },
    ]);
    expect(apr).toEqual({
      ok: false,
      reason: 'the share price fell 10.00 % over the last 30 d (losses exceeded premiums)',
    });
  });

  it('formats basis points', () => {
    expect(formatBps(1234n)).toBe('12.34 %');
    expect(formatBps(-5n)).toBe('-0.05 %');
  });
});
