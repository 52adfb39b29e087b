'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '@/components/health/DataTable';
import type { Histogram } from '@/lib/risk';
import { formatCompact } from './format';

const AXIS = { stroke: 'var(--color-slate-600)', tick: { fill: 'var(--color-slate-400)', fontSize: 11 } } as const;

/** The Monte Carlo shortfall histogram: scenarios with a shortfall, in equal bins up to the 99.9 % VaR. */
export function LossHistogram({
  histogram,
  scenarios,
  symbol,
}: {
  histogram: Histogram;
  scenarios: number;
  symbol: string;
}) {
  const data = histogram.counts.map((count, i) => ({
    mid: (i + 0.5) * histogram.binWidth,
    from: i * histogram.binWidth,
    to: (i + 1) * histogram.binWidth,
    pct: (count / scenarios) * 100,
    count,
  }));
  const signature = `${histogram.binWidth.toPrecision(6)}|${histogram.counts.join(',')}`;
  return (
    <figure className="space-y-2" data-testid="loss-histogram" data-signature={signature}>
      <div style={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 18, left: 8 }} barCategoryGap={1}>
            <CartesianGrid stroke="var(--color-slate-800)" strokeDasharray="3 3" />
            <XAxis
              dataKey="mid"
              tickFormatter={(v: number) => formatCompact(v)}
              {...AXIS}
              label={{
                value: `shortfall over one horizon (${symbol})`,
                position: 'insideBottom',
                offset: -10,
                fill: 'var(--color-slate-400)',
                fontSize: 11,
              }}
            />
            <YAxis
              width={72}
              {...AXIS}
              tickFormatter={(v: number) => `${v < 0.1 ? v.toFixed(3) : v.toFixed(1)} %`}
              label={{
                value: '% of scenarios',
                angle: -90,
                position: 'insideLeft',
                offset: -2,
                fill: 'var(--color-slate-400)',
                fontSize: 11,
              }}
            />
            <Tooltip
              contentStyle={{
                background: 'var(--color-slate-900)',
                border: '1px solid var(--color-slate-700)',
                borderRadius: 8,
                fontSize: 12,
              }}
              labelStyle={{ color: 'var(--color-slate-300)' }}
              labelFormatter={(_, payload) => {
                const p = payload?.[0]?.payload as { from: number; to: number } | undefined;
                return p ? `${formatCompact(p.from)}–${formatCompact(p.to)} ${symbol}` : '';
              }}
              formatter={(value, _name, item) => [
                `${Number(value).toFixed(3)} % (${(item.payload as { count: number }).count} scenarios)`,
                'share of scenarios',
              ]}
            />
            <Bar dataKey="pct" name="share of scenarios" fill="var(--color-amber-500)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-400">
        {formatPct(histogram.zeroCount / scenarios)} of scenarios have no shortfall (not drawn);{' '}
        {histogram.overflowCount} lie beyond the last bin (above the 99.9 % VaR).
      </figcaption>
      <DataTable
        caption={`Shortfall histogram: share of ${scenarios.toLocaleString('en-US')} scenarios per shortfall bin (${symbol})`}
        header={[`Shortfall (${symbol})`, '% of scenarios', 'Scenarios']}
        rows={data.map((bin) => [
          `${formatCompact(bin.from)}–${formatCompact(bin.to)}`,
          `${bin.pct.toFixed(3)} %`,
          String(bin.count),
        ])}
        testId="loss-histogram-table"
      />
    </figure>
  );
}

function formatPct(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}
