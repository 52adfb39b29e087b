import { describe, expect, it } from 'vitest';
import type { BacktestCell } from '../backtest';
import { verdictOf } from './verdict';

const cell = (over: Partial<BacktestCell & { market: string }>): BacktestCell & { market: string } => ({
  market: 'ETH / USD',
  period: 'all',
  horizonHours: 1,
  level: 0.99,
  side: 'fall',
  observations: 1_000,
  exceptions: 10,
  expected: 10,
  ratio: 1,
  kupiecP: 1,
  christoffersenP: 0.5,
  zone: 'green',
  ...over,
});

describe('verdictOf', () => {
  it('holds when no test rejects at 0.1 %', () => {
    const v = verdictOf([cell({ kupiecP: 0.0011 }), cell({ side: 'rise', christoffersenP: 0.002 })]);
    expect(v).toEqual({ held: true, tooShort: false, text: 'Held: no test rejects the model at the 0.1 % level.' });
  });

  it('names the worst rejected cell with its counts', () => {
    const v = verdictOf([
      cell({ exceptions: 9, expected: 2.2, kupiecP: 0.0004 }),
      cell({ market: 'SOL / USD', level: 0.95, horizonHours: 24, exceptions: 30, expected: 5, kupiecP: 1e-9 }),
    ]);
    expect(v.held).toBe(false);
    expect(v.text).toBe(
      'Did not hold at 95 % 24-hour for SOL / USD: 30 falls beyond the band where 5.0 were expected (and 1 other test reject at 0.1 %).',
    );
  });

  it('puts too many exceptions before too few, and says what too few mean', () => {
    const tooFew = cell({ level: 0.95, exceptions: 45, expected: 145.2, kupiecP: 1e-20 });
    const tooMany = cell({ level: 0.999, exceptions: 13, expected: 2.9, kupiecP: 1e-5 });
    expect(verdictOf([tooFew, tooMany]).text).toBe(
      'Did not hold at 99.9 % one-hour for ETH / USD: 13 falls beyond the band where 2.9 were expected (and 1 other test reject at 0.1 %).',
    );
    expect(verdictOf([tooFew]).text).toBe(
      'Did not hold at 95 % one-hour for ETH / USD: only 45 falls beyond the band where 145 were expected, so the band is too wide.',
    );
  });

  it('says when exceptions cluster though their count is right', () => {
    const v = verdictOf([cell({ level: 0.999, christoffersenP: 1e-5 })]);
    expect(v.text).toBe('Did not hold at 99.9 % one-hour for ETH / USD: its 10 exceptions came in clusters.');
  });

  it('will not call a few days of history held', () => {
    const v = verdictOf([cell({ observations: 100, exceptions: 1, expected: 1 })]);
    expect(v.held).toBe(true);
    expect(v.tooShort).toBe(true);
    expect(v.text).toMatch(/^Too early to tell: 100 hourly forecasts/);
  });
});
