'use client';

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthRange } from '@/lib/health/range';
import { TRANCHE_COLORS, TRANCHE_IDS, TRANCHE_NAMES } from '@/lib/protocol/tranches';
import { AXIS, dateTimeLabel, GRID, pct, TIME_X_AXIS, TOOLTIP } from './axes';
import { SeriesFrame } from './SeriesFrame';

/** Underwater chart: each tranche's share price below its running peak, in percent. */
export default function DrawdownChart({ range }: { range: HealthRange }) {
  return (
    <SeriesFrame range={range} points={(d) => d.samples.length}>
      {(d) => (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={d.samples} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid {...GRID} />
            <XAxis {...TIME_X_AXIS} />
            <YAxis unit=" %" width={64} domain={['auto', 0]} {...AXIS} />
            <Tooltip {...TOOLTIP} labelFormatter={dateTimeLabel} formatter={pct()} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {TRANCHE_IDS.map((id) => (
              <Area
                key={id}
                type="stepAfter"
                dataKey={(r: { drawdownPct: number[] }) => r.drawdownPct[id]}
                name={TRANCHE_NAMES[id]}
                stroke={TRANCHE_COLORS[id]}
                fill={TRANCHE_COLORS[id]}
                fillOpacity={0.15}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      )}
    </SeriesFrame>
  );
}
