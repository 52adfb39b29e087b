'use client';

import { Area, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthRange } from '@/lib/health/range';
import { TRANCHE_COLORS, TRANCHE_IDS, TRANCHE_NAMES } from '@/lib/protocol/tranches';
import { AXIS, dateTimeLabel, TIME_X_AXIS, TOOLTIP } from './axes';
import { SeriesFrame } from './SeriesFrame';

/** One small chart per tranche: price, its running peak, and the gap between them (the drawdown) shaded. */
export default function SharePriceChart({ range }: { range: HealthRange }) {
  return (
    <SeriesFrame range={range} points={(d) => d.samples.length}>
      {(d) => (
        <div className="grid h-full grid-cols-3 gap-2">
          {TRANCHE_IDS.map((id) => (
            <div key={id} className="flex min-w-0 flex-col">
              <p className="text-xs text-slate-300">
                <span
                  aria-hidden
                  className="mr-1.5 inline-block h-2 w-2 rounded-sm"
                  style={{ background: TRANCHE_COLORS[id] }}
                />
                {TRANCHE_NAMES[id]}
              </p>
              <div className="min-h-0 flex-1">
                <ResponsiveContainer width="100%" height="100%">
                  <ComposedChart data={d.samples} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
                    <XAxis {...TIME_X_AXIS} minTickGap={24} />
                    <YAxis width={52} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(4)} {...AXIS} />
                    <Tooltip
                      {...TOOLTIP}
                      labelFormatter={dateTimeLabel}
                      formatter={(v: unknown) =>
                        Array.isArray(v)
                          ? `${Number(v[0]).toFixed(4)}–${Number(v[1]).toFixed(4)}`
                          : `${Number(v).toFixed(4)} ${d.symbol}/share`
                      }
                    />
                    <Area
                      dataKey={(r: { price: number[]; peak: number[] }) => [r.price[id], r.peak[id]]}
                      name="Drawdown"
                      stroke="none"
                      fill="var(--color-rose-500)"
                      fillOpacity={0.35}
                      isAnimationActive={false}
                    />
                    <Line
                      dataKey={(r: { peak: number[] }) => r.peak[id]}
                      name="Peak"
                      stroke="var(--color-slate-500)"
                      strokeDasharray="3 3"
                      dot={false}
                      isAnimationActive={false}
                    />
                    <Line
                      dataKey={(r: { price: number[] }) => r.price[id]}
                      name="Share price"
                      stroke={TRANCHE_COLORS[id]}
                      dot={false}
                      strokeWidth={1.5}
                      isAnimationActive={false}
                    />
                  </ComposedChart>
                </ResponsiveContainer>
              </div>
            </div>
          ))}
        </div>
      )}
    </SeriesFrame>
  );
}
