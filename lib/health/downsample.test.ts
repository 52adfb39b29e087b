import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';

const series = (values: number[]) => values.map((v, t) => ({ t, v }));

describe('downsample', () => {
  it('keeps a short series as it is', () => {
    const rows = series([3, 1, 2]);
    expect(downsample(rows, 10, (r) => r.v)).toEqual(rows);
  });

  it('never returns more than maxPoints rows, in time order, starting and ending with the data', () => {
    const rows = series(Array.from({ length: 2_881 }, (_, i) => Math.sin(i / 50) * 100));
    const thin = downsample(rows, 600, (r) => r.v);
    expect(thin.length).toBeLessThanOrEqual(600);
    expect(thin.length).toBeGreaterThanOrEqual(300); // one or two per run: worst and last coincide often
    expect(thin[0]).toBe(rows[0]);
    expect(thin.at(-1)).toBe(rows.at(-1));
    for (let i = 1; i < thin.length; i++) expect(thin[i]!.t).toBeGreaterThan(thin[i - 1]!.t);
  });

  it('keeps a one-sample crash at its true depth', () => {
    const values = Array.from({ length: 5_000 }, () => 200);
    values[3_137] = 12; // one hour of crash among months of calm
    const thin = downsample(series(values), 100, (r) => r.v);
    expect(Math.min(...thin.map((r) => r.v))).toBe(12);
    expect(thin.find((r) => r.v === 12)?.t).toBe(3_137);
  });

  it('rejects a budget too small to keep first, worst and last', () => {
    expect(() => downsample(series([1, 2, 3, 4, 5]), 3, (r) => r.v)).toThrow(RangeError);
  });
});
