/** Axis and tooltip formatting shared by the charts. */
export const AXIS = { stroke: '#475569', tick: { fill: '#94a3b8', fontSize: 11 } } as const;
export const GRID = { stroke: '#1e293b', strokeDasharray: '3 3' } as const;
export const TOOLTIP = {
  contentStyle: { background: '#0f172a', border: '1px solid #334155', borderRadius: 8, fontSize: 12 },
  labelStyle: { color: '#cbd5e1' },
} as const;

export const dateTick = (t: number) => new Date(t * 1000).toISOString().slice(5, 10);
export const dateTimeLabel = (t: unknown) => `${new Date(Number(t) * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const compactTick = (v: number) => compact.format(v);
export const pct = (digits = 2) => (v: unknown) => `${Number(v).toFixed(digits)} %`;
export const money = (symbol: string) => (v: unknown) =>
  `${Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${symbol}`;
