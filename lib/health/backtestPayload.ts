import type { BacktestPoint } from '@/lib/risk/backtest';
import type { ChainBacktest } from '@/lib/risk/chainBacktest';
import type { SourceStatus } from '@/lib/sources/status';
import { downsample, MAX_CHART_POINTS } from './downsample';

/** A source's status in the API's units: Unix seconds, as every timestamp of the payload. */
export interface StatusJson {
  source: string;
  state: SourceStatus['state'];
  /** When the value in hand was read (null: never). */
  readAt: number | null;
  reason: string | null;
  /** Start of the current failure streak. */
  since: number | null;
}

export interface BacktestPayload {
  status: StatusJson;
  /** Null until a backtest has been computed (then the status says why). */
  backtest:
    | (Omit<ChainBacktest, 'markets'> & {
        markets: (Omit<ChainBacktest['markets'][number], 'trace'> & {
          /** Whether `trace` was thinned for drawing (every exception is kept). */
          traceThinned: boolean;
          /** Forecasts in the trace before thinning. */
          traceCount: number;
          trace: BacktestPoint[];
        })[];
      })
    | null;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));

export function statusJson(status: SourceStatus): StatusJson {
  return {
    source: status.source,
    state: status.state,
    readAt: seconds(status.readAt),
    reason: status.state === 'ok' ? null : status.reason,
    since: status.state === 'ok' ? null : seconds(status.since),
  };
}

/**
 * The JSON of GET /api/risk/backtest. The trace is thinned to MAX_CHART_POINTS unless `fullTrace`: each stretch
 * keeps its largest move, and every exception is kept whatever the count. Fractions keep 6 significant digits.
 */
export function backtestPayload(
  backtest: ChainBacktest | null,
  status: SourceStatus,
  { fullTrace = false } = {},
): BacktestPayload {
  return {
    status: statusJson(status),
    backtest: backtest && {
      ...backtest,
      markets: backtest.markets.map(({ trace, ...market }) => {
        const thinned = fullTrace ? trace : thinTrace(trace, MAX_CHART_POINTS);
        return {
          ...market,
          traceThinned: thinned.length < trace.length,
          traceCount: trace.length,
          trace: thinned.map((p) => ({
            time: p.time,
            fall: round(p.fall),
            rise: round(p.rise),
            realised: round(p.realised),
            exception: p.exception,
          })),
        };
      }),
    },
  };
}

/** At most about `maxPoints` points plus every exception, the largest move of each stretch kept. */
export function thinTrace(trace: readonly BacktestPoint[], maxPoints: number): BacktestPoint[] {
  if (trace.length <= maxPoints) return [...trace];
  const kept = new Set(downsample(trace, maxPoints, (p) => -Math.abs(p.realised)));
  for (const point of trace) if (point.exception) kept.add(point);
  return trace.filter((p) => kept.has(p));
}

const round = (x: number) => Number(x.toPrecision(6));
