'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthRange } from '@/lib/health/range';
import { TRANCHE_COLORS, TRANCHE_IDS, TRANCHE_NAMES } from '@/lib/protocol/tranches';
import { AXIS, compactTick, dateTick, dateTimeLabel, GRID, money, TOOLTIP } from './axes';
import { SeriesFrame } from './SeriesFrame';

export default function PremiumsChart({ range }: { range: HealthRange }) {
  return (
    <SeriesFrame range={range} points={(d) => d.premiums.length}>
      {(d) => (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={d.premiums} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid {...GRID} />
            <XAxis dataKey="t" tickFormatter={dateTick} {...AXIS} minTickGap={16} />
            <YAxis width={64} tickFormatter={compactTick} {...AXIS} />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={dateTimeLabel}
              formatter={money(d.symbol)}
              cursor={{ fill: 'var(--color-slate-800)' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {TRANCHE_IDS.map((id) => (
              <Bar
                key={id}
                stackId="premium"
                dataKey={(r: { byTranche: number[] }) => r.byTranche[id]}
                name={TRANCHE_NAMES[id]}
                fill={TRANCHE_COLORS[id]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </SeriesFrame>
  );
}
