'use client';

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthRange } from '@/lib/health/range';
import { TRANCHE_COLORS, TRANCHE_IDS, TRANCHE_NAMES } from '@/lib/protocol/tranches';
import { AXIS, compactTick, dateTimeLabel, GRID, money, TIME_X_AXIS, TOOLTIP } from './axes';
import { SeriesFrame } from './SeriesFrame';

export default function CapitalChart({ range }: { range: HealthRange }) {
  return (
    <SeriesFrame range={range} points={(d) => d.samples.length}>
      {(d) => (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={d.samples} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid {...GRID} />
            <XAxis {...TIME_X_AXIS} />
            <YAxis width={64} tickFormatter={compactTick} {...AXIS} />
            <Tooltip {...TOOLTIP} labelFormatter={dateTimeLabel} formatter={money(d.symbol)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {TRANCHE_IDS.map((id) => (
              <Area
                key={id}
                type="stepAfter"
                stackId="capital"
                dataKey={(r: { capital: number[] }) => r.capital[id]}
                name={TRANCHE_NAMES[id]}
                stroke={TRANCHE_COLORS[id]}
                fill={TRANCHE_COLORS[id]}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      )}
    </SeriesFrame>
  );
}
