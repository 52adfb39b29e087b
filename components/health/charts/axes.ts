/** Axis and tooltip formatting shared by the charts. */
export const AXIS = {
  stroke: 'var(--color-slate-600)',
  tick: { fill: 'var(--color-slate-400)', fontSize: 11 },
} as const;
export const GRID = { stroke: 'var(--color-slate-800)', strokeDasharray: '3 3' } as const;
export const TOOLTIP = {
  contentStyle: {
    background: 'var(--color-slate-900)',
    border: '1px solid var(--color-slate-700)',
    borderRadius: 8,
    fontSize: 12,
  },
  labelStyle: { color: 'var(--color-slate-300)' },
} as const;

export const dateTick = (t: number) => new Date(t * 1000).toISOString().slice(5, 10);
/** The x axis of a time series: the samples' Unix time `t` (s), on a time scale from the first to the last. */
export const TIME_X_AXIS = {
  dataKey: 't',
  type: 'number',
  scale: 'time',
  domain: ['dataMin', 'dataMax'],
  tickFormatter: dateTick,
  ...AXIS,
} as const;
export const dateTimeLabel = (t: unknown) =>
  `${new Date(Number(t) * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const compactTick = (v: number) => compact.format(v);
export const pct =
  (digits = 2) =>
  (v: unknown) =>
    `${Number(v).toFixed(digits)} %`;
export const money = (symbol: string) => (v: unknown) =>
  `${Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${symbol}`;
