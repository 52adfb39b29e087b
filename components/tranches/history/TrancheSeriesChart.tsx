'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  AXIS,
  compactTick,
  dateTimeLabel,
  GRID,
  money,
  pct,
  TIME_X_AXIS,
  TOOLTIP,
} from '@/components/health/charts/axes';
import { ChartSkeleton, ChartUnavailable } from '@/components/health/charts/ChartSkeleton';
import { CHART_HEIGHT } from '@/lib/health/chartKinds';

// The tooltip's rows in the theme's text colour, not each line's: a line colour on the light theme's tooltip fails
// contrast (axe, e2e/a11y.spec.ts); the legend says which colour is which.
const ITEM = { color: 'var(--color-slate-200)' } as const;
import type { HealthRange } from '@/lib/health/range';
import { TRANCHE_COLORS } from '@/lib/protocol/tranches';
import type { TrancheSeriesRow } from '@/lib/tranches/trancheSeriesPayload';
import { useTrancheSeries } from './useTrancheSeries';

export type TrancheSeriesKind = 'price' | 'apr' | 'capital';

const LINE: Record<TrancheSeriesKind, { key: keyof TrancheSeriesRow; name: string }> = {
  price: { key: 'price', name: 'Share price' },
  apr: { key: 'aprPct', name: 'Realised APR (trailing 30 d)' },
  capital: { key: 'capital', name: 'Capital' },
};

/** One of the tranche's public history charts; `data-points` is exposed for tests, like /health's SeriesFrame. */
export default function TrancheSeriesChart({
  id,
  range,
  kind,
}: {
  id: number;
  range: HealthRange;
  kind: TrancheSeriesKind;
}) {
  const query = useTrancheSeries(id, range);
  if (query.error) {
    return <ChartUnavailable reason={query.error.message} />;
  }
  if (!query.data) return <ChartSkeleton />;
  const d = query.data;
  const line = LINE[kind];
  const format =
    kind === 'apr'
      ? pct(2)
      : kind === 'price'
        ? (v: unknown) => `${Number(v).toFixed(6)} ${d.symbol}/share`
        : money(d.symbol);
  const tick =
    kind === 'apr' ? (v: number) => `${v.toFixed(0)} %` : kind === 'price' ? (v: number) => v.toFixed(4) : compactTick;
  return (
    <div data-points={d.rows.length} data-testid="tranche-chart-rendered" style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={d.rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid {...GRID} />
          <XAxis {...TIME_X_AXIS} />
          <YAxis width={64} domain={['auto', 'auto']} tickFormatter={tick} {...AXIS} />
          <Tooltip {...TOOLTIP} itemStyle={ITEM} labelFormatter={dateTimeLabel} formatter={format} />
          {kind === 'apr' ? <ReferenceLine y={0} stroke="var(--color-slate-500)" /> : null}
          <Line
            dataKey={line.key}
            name={line.name}
            type={kind === 'capital' ? 'stepAfter' : 'linear'}
            stroke={TRANCHE_COLORS[id]}
            dot={false}
            strokeWidth={1.5}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
