import { describe, expect, it } from 'vitest';
import { walkForward } from '../backtest';
import { MarketMoveModel } from '../marketMove/model';
import { syntheticCloses } from '../marketMove/testSeries';
import { chainBacktest } from './chainBacktest';
import { marketHistoriesOf } from './fromSamples';

const H = 3_600;
const T = 1_700_000_000 - (1_700_000_000 % H);
const closes = syntheticCloses(300, 5);
// Readings a few minutes into each hour: each hour's close is that hour's reading.
const eth = { id: 0, name: 'ETH / USD', points: closes.map((price, i) => ({ timestamp: T + i * H + 300, price })) };
const through = T + 300 * H + 300;

describe('chainBacktest', () => {
  it('runs the walk-forward on the hourly closes with the market asset fit, one and 24 hours, three levels', () => {
    const result = chainBacktest([eth], [], through);
    const market = result.markets[0]!;
    const direct = walkForward(
      { timestamps: closes.map((_, i) => T + i * H), closes },
      { asset: 'ETH', levels: [0.95, 0.99, 0.999], horizons: [1, 24], trace: { level: 0.99, horizonHours: 1 } },
    );
    expect(market.asset).toBe('ETH');
    expect(market.hours).toBe(300);
    expect(market.cells).toEqual(direct.cells);
    expect(market.cells).toHaveLength(2 * 3 * 2);
    expect(market.trace.map((p) => p.time)).toEqual(direct.trace.map((p) => p.time + H));
    expect(market.staleness.unchangedHours).toBe(0);
  });

  it("gives each loss its market's move before it and the probability the model gave it beforehand", () => {
    const time = T + 200 * H + 1_000; // after hour 200's reading (close 200), before hour 201's
    const result = chainBacktest(
      [eth],
      [
        { lossId: '7', marketId: 0, market: 'ETH / USD', timestamp: time },
        { lossId: '8', marketId: 0, market: 'ETH / USD', timestamp: T + 10 * H },
      ],
      through,
    );
    const [loss, early] = result.losses;
    const hourly = loss!.moves.find((m) => m.horizonHours === 1)!;
    // An hour before: the reading of hour 199; the model as of the closes that ended by then (through hour 198).
    expect(hourly.move).toBeCloseTo(closes[200]! / closes[199]! - 1, 12);
    const model = MarketMoveModel.fromCloses(closes.slice(0, 199), 'ETH');
    const side = hourly.move < 0 ? 'fall' : 'rise';
    expect(hourly.side).toBe(side);
    expect(hourly.probability).toBeCloseTo(
      model.exceedanceProbability(side, Math.abs(Math.log(closes[200]! / closes[199]!)), 1),
      12,
    );
    expect(hourly.perYear).toBeCloseTo(hourly.probability * 8_760, 9);
    expect(hourly.onceInYears).toBeCloseTo(1 / hourly.perYear, 12);
    const daily = loss!.moves.find((m) => m.horizonHours === 24)!;
    expect(daily.move).toBeCloseTo(closes[200]! / closes[176]! - 1, 12);
    expect(daily.perYear).toBeCloseTo(daily.probability * 365, 9);
    // Ten hours in, the model has too little history to say anything.
    expect(early!.moves).toEqual([]);
  });

  it('gives a crash far beyond the recent moves a small probability', () => {
    const crashed = { ...eth, points: [...eth.points, { timestamp: T + 300 * H + 600, price: closes[299]! * 0.8 }] };
    const result = chainBacktest(
      [crashed],
      [{ lossId: '1', marketId: 0, market: 'ETH / USD', timestamp: T + 300 * H + 700 }],
      through,
    );
    const hourly = result.losses[0]!.moves.find((m) => m.horizonHours === 1)!;
    expect(hourly.side).toBe('fall');
    expect(hourly.move).toBeCloseTo(-0.2, 12);
    expect(hourly.probability).toBeLessThan(0.01);
    expect(hourly.onceInYears).toBeGreaterThan(0.01);
  });
});

describe('marketHistoriesOf', () => {
  it("splits samples into each market's readings, scaled by its decimals, without unset oracles", () => {
    const samples = [
      { timestamp: 1, markets: [{ id: 1, name: 'BTC', price: '6000000000000', priceDecimals: 8 }] },
      {
        timestamp: 2,
        markets: [
          { id: 1, name: 'BTC', price: '6100000000000', priceDecimals: 8 },
          { id: 0, name: 'ETH', price: '0', priceDecimals: 8 },
        ],
      },
      { timestamp: 3, markets: [{ id: 0, name: 'ETH', price: '300000', priceDecimals: 2 }] },
    ];
    expect(marketHistoriesOf(samples)).toEqual([
      { id: 0, name: 'ETH', points: [{ timestamp: 3, price: 3000 }] },
      {
        id: 1,
        name: 'BTC',
        points: [
          { timestamp: 1, price: 60_000 },
          { timestamp: 2, price: 61_000 },
        ],
      },
    ]);
  });
});
