'use client';

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthRange } from '@/lib/health/range';
import { AXIS, compactTick, dateTimeLabel, GRID, money, TIME_X_AXIS, TOOLTIP } from './axes';
import { SeriesFrame } from './SeriesFrame';

/** One colour per protocol id, as many as the module registers (MAX_PROTOCOLS). */
const PROTOCOL_COLORS = ['#38bdf8', '#f472b6', '#a3e635', '#fbbf24', '#c084fc', '#2dd4bf', '#fb923c', '#94a3b8'];

export default function ExposureChart({ range }: { range: HealthRange }) {
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
            {d.protocols.map(({ id, name }) => (
              <Area
                key={id}
                type="stepAfter"
                stackId="exposure"
                dataKey={(r: { exposure: Record<number, number> }) => r.exposure[id] ?? 0}
                name={name}
                stroke={PROTOCOL_COLORS[id % PROTOCOL_COLORS.length]}
                fill={PROTOCOL_COLORS[id % PROTOCOL_COLORS.length]}
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
