'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PremiumHistoryPoint } from '@/lib/premium/premiumHistory';
import { TRANCHE_COLORS, TRANCHE_NAMES } from '@/lib/protocol/tranches';
import { AXIS, dateTimeLabel, GRID, TIME_X_AXIS, TOOLTIP } from '@/components/health/charts/axes';
import { CHART_HEIGHT } from '@/lib/health/chartKinds';

const percent = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(2)} %` : '—');

/** Charged (solid) and fair (dashed) APR over time for the given tranches; y in % of capital per year. */
export default function PremiumHistoryChart({
  points,
  trancheIds,
}: {
  points: PremiumHistoryPoint[];
  trancheIds: number[];
}) {
  return (
    <div style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid {...GRID} />
          <XAxis {...TIME_X_AXIS} minTickGap={16} />
          <YAxis width={64} tickFormatter={(v: number) => `${(v * 100).toFixed(0)} %`} {...AXIS} />
          <Tooltip {...TOOLTIP} labelFormatter={dateTimeLabel} formatter={percent} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {trancheIds.flatMap((id) => [
            <Line
              key={`charged-${id}`}
              dataKey={(p: PremiumHistoryPoint) => p.charged[id] ?? null}
              name={`${TRANCHE_NAMES[id]} charged`}
              stroke={TRANCHE_COLORS[id]}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />,
            <Line
              key={`fair-${id}`}
              dataKey={(p: PremiumHistoryPoint) => p.fair[id] ?? null}
              name={`${TRANCHE_NAMES[id]} fair (model)`}
              stroke={TRANCHE_COLORS[id]}
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
