import { describe, expect, it } from 'vitest';
import { walkForward } from './backtest';
import { MarketMoveModel } from './marketMove/model';
import { syntheticCloses } from './marketMove/testSeries';

const HOUR = 3_600;
const closes = syntheticCloses(400, 11);
const series = { timestamps: closes.map((_, i) => 1_700_000_000 - (1_700_000_000 % HOUR) + i * HOUR), closes };

describe('walkForward', () => {
  it('checks each hour against the model as of that hour and nothing later', () => {
    const report = walkForward(series, {
      asset: 'ETH',
      horizons: [1],
      levels: [0.99],
      trace: { level: 0.99, horizonHours: 1 },
    });
    expect(report.trace).toHaveLength(400 - 24);
    let exceptions = 0;
    report.trace.forEach((point, i) => {
      const k = 23 + i;
      const model = MarketMoveModel.fromCloses(closes.slice(0, k + 1), 'ETH');
      expect(point.fall).toBeCloseTo(model.quantile(0.99, 1).fall, 12);
      expect(point.realised).toBeCloseTo(closes[k + 1]! / closes[k]! - 1, 12);
      if (-point.realised > point.fall) exceptions++;
    });
    const fall = report.cells.find((c) => c.side === 'fall')!;
    expect(fall.period).toBe('all');
    expect(fall.observations).toBe(376);
    expect(fall.exceptions).toBe(exceptions);
    expect(fall.expected).toBeCloseTo(3.76, 12);
  });

  it('takes longer horizons on non-overlapping blocks and skips a block that spans a gap', () => {
    const report = walkForward(series, { horizons: [24], levels: [0.95] });
    // Forecasts at k = 23, 47, …, the last with 24 closes after it.
    expect(report.cells[0]!.observations).toBe(Math.floor((399 - 23) / 24));
    const gapped = { timestamps: series.timestamps.map((t, i) => (i >= 100 ? t + HOUR : t)), closes };
    const withGap = walkForward(gapped, { horizons: [24], levels: [0.95] });
    expect(withGap.cells[0]!.observations).toBe(report.cells[0]!.observations - 1);
  });

  it('splits cells in and out of sample at the date', () => {
    const splitAt = series.timestamps[200]!;
    const report = walkForward(series, { horizons: [1], levels: [0.95], splitAt });
    const fallIn = report.cells.find((c) => c.period === 'in' && c.side === 'fall')!;
    const fallOut = report.cells.find((c) => c.period === 'out' && c.side === 'fall')!;
    expect(fallIn.observations).toBe(200 - 23);
    expect(fallOut.observations).toBe(399 - 200);
  });
});
