'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS, compactTick, dateTimeLabel, GRID, money, TIME_X_AXIS, TOOLTIP } from '@/components/health/charts/axes';
import { CHART_HEIGHT } from '@/lib/health/chartKinds';

// The tooltip's rows in the theme's text colour, not each line's: a line colour on the light theme's tooltip fails
// contrast (axe, e2e/a11y.spec.ts); the legend says which colour is which.
const ITEM = { color: 'var(--color-slate-200)' } as const;

/** A chart row: asset units as plain numbers for drawing (the caption and the CSV have the exact figures). */
export interface PositionChartRow {
  t: number;
  value: number;
  costBasis: number;
  pnl: number;
}

/** Value and cost basis of the position over time, and the PnL (value − cost basis + realised) beside them. */
export default function PositionHistoryChart({ rows, symbol }: { rows: readonly PositionChartRow[]; symbol: string }) {
  return (
    <div style={{ height: CHART_HEIGHT }} data-testid="position-chart-rendered" data-points={rows.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows as PositionChartRow[]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid {...GRID} />
          <XAxis {...TIME_X_AXIS} />
          <YAxis
            width={64}
            tickFormatter={compactTick}
            label={{ value: symbol, angle: -90, position: 'insideLeft', fill: 'var(--color-slate-400)', fontSize: 11 }}
            {...AXIS}
          />
          <Tooltip {...TOOLTIP} itemStyle={ITEM} labelFormatter={dateTimeLabel} formatter={money(symbol)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={0} stroke="var(--color-slate-600)" />
          <Line
            dataKey="value"
            name="Value"
            stroke="var(--color-sky-400)"
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
          <Line
            dataKey="costBasis"
            name="Cost basis"
            type="stepAfter"
            stroke="var(--color-slate-400)"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="pnl"
            name="PnL"
            stroke="var(--color-emerald-400)"
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
