'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthRange } from '@/lib/health/range';
import { AXIS, dateTimeLabel, GRID, pct, TIME_X_AXIS, TOOLTIP } from './axes';
import { SeriesFrame } from './SeriesFrame';

export default function SolvencyChart({ range }: { range: HealthRange }) {
  return (
    <SeriesFrame range={range} points={(d) => d.samples.length}>
      {(d) => (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={d.samples} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid {...GRID} />
            <XAxis {...TIME_X_AXIS} />
            <YAxis unit=" %" width={64} {...AXIS} domain={[0, 'auto']} />
            <Tooltip {...TOOLTIP} labelFormatter={dateTimeLabel} formatter={pct()} />
            <ReferenceLine
              y={d.warningPct}
              stroke="var(--color-amber-500)"
              strokeDasharray="4 4"
              label={{
                value: `warning ${d.warningPct.toFixed(0)} %`,
                fill: 'var(--color-amber-500)',
                fontSize: 11,
                position: 'insideTopRight',
              }}
            />
            <ReferenceLine
              y={d.thresholdPct}
              stroke="var(--color-rose-500)"
              strokeDasharray="4 4"
              label={{
                value: `threshold ${d.thresholdPct.toFixed(0)} %`,
                fill: 'var(--color-rose-500)',
                fontSize: 11,
                position: 'insideBottomRight',
              }}
            />
            <Line
              type="stepAfter"
              dataKey="solvencyPct"
              name="Solvency ratio"
              stroke="var(--color-emerald-400)"
              dot={false}
              strokeWidth={1.5}
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </SeriesFrame>
  );
}
