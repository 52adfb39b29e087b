import { describe, expect, it } from 'vitest';
import type { BacktestPoint } from '@/lib/risk/backtest';
import { thinTrace, statusJson } from './backtestPayload';

const point = (i: number, realised: number, exception = false): BacktestPoint => ({
  time: i,
  fall: 0.02,
  rise: 0.02,
  realised,
  exception,
});

describe('thinTrace', () => {
  it('keeps every exception and each stretch largest move, in time order', () => {
    const trace = Array.from({ length: 3_000 }, (_, i) => point(i, i % 97 === 0 ? -0.05 : 0.001, i % 500 === 7));
    const thinned = thinTrace(trace, 600);
    expect(thinned.length).toBeLessThanOrEqual(600 + 6);
    expect(thinned.filter((p) => p.exception)).toEqual(trace.filter((p) => p.exception));
    expect(thinned.map((p) => p.time)).toEqual([...thinned.map((p) => p.time)].sort((a, b) => a - b));
    expect(Math.min(...thinned.map((p) => p.realised))).toBe(-0.05);
  });

  it('leaves a short trace whole', () => {
    const trace = [point(0, 0.01), point(1, -0.01)];
    expect(thinTrace(trace, 600)).toEqual(trace);
  });
});

describe('statusJson', () => {
  it('states times in Unix seconds and the reason only while failing', () => {
    expect(statusJson({ source: 'History indexer', state: 'ok', readAt: 1_700_000_000_999 })).toEqual({
      source: 'History indexer',
      state: 'ok',
      readAt: 1_700_000_000,
      reason: null,
      since: null,
    });
    const down = statusJson({
      source: 'History indexer',
      state: 'down',
      readAt: null,
      reason: 'refused',
      since: 5_000,
    });
    expect(down).toEqual({ source: 'History indexer', state: 'down', readAt: null, reason: 'refused', since: 5 });
  });
});
