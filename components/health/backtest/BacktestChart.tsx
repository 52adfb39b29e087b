'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_HEIGHT } from '@/lib/health/chartKinds';
import { AXIS, dateTimeLabel, GRID, pct, TIME_X_AXIS, TOOLTIP } from '../charts/axes';
import { ChartSkeleton, ChartUnavailable } from '../charts/ChartSkeleton';
import { useBacktest } from './useBacktest';

interface Row {
  t: number;
  risePct: number;
  fallPct: number;
  realisedPct: number;
  exception: boolean;
}

const EXCEPTION_COLOUR = 'var(--color-rose-400)';

/** Only exceptions get a dot: a ringed point shows where the hour went beyond the band. */
function ExceptionDot(props: { cx?: number; cy?: number; index?: number; payload?: Row }) {
  const { cx, cy, index, payload } = props;
  if (!payload?.exception || cx === undefined || cy === undefined) return <g key={index} />;
  return <circle key={index} cx={cx} cy={cy} r={3.5} fill={EXCEPTION_COLOUR} stroke="var(--color-slate-950)" />;
}

/** A market's 99 % one-hour band (fall below zero, rise above) against each hour's realised move, in percent. */
export default function BacktestChart({ marketId }: { marketId: number }) {
  const query = useBacktest();
  if (query.error) {
    return <ChartUnavailable reason={query.error.message} />;
  }
  const market = query.data?.markets.find((m) => m.id === marketId);
  if (!market) return <ChartSkeleton />;
  const rows: Row[] = market.trace.map((p) => ({
    t: p.time,
    risePct: p.rise * 100,
    fallPct: -p.fall * 100,
    realisedPct: p.realised * 100,
    exception: p.exception,
  }));
  return (
    <div
      data-testid="backtest-chart-rendered"
      data-points={rows.length}
      data-exceptions={rows.filter((r) => r.exception).length}
      style={{ height: CHART_HEIGHT }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid {...GRID} />
          <XAxis {...TIME_X_AXIS} />
          <YAxis unit=" %" width={64} {...AXIS} />
          <Tooltip {...TOOLTIP} labelFormatter={dateTimeLabel} formatter={pct()} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line
            type="stepAfter"
            dataKey="risePct"
            name="99 % rise forecast"
            stroke="var(--color-sky-400)"
            dot={false}
            strokeWidth={1}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="fallPct"
            name="99 % fall forecast"
            stroke="var(--color-amber-400)"
            dot={false}
            strokeWidth={1}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="realisedPct"
            name="Realised hourly move (exceptions ringed)"
            stroke="var(--color-slate-400)"
            dot={ExceptionDot}
            activeDot={{ r: 3 }}
            strokeWidth={1}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
