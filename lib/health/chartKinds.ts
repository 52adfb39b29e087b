export const CHART_KINDS = ['solvency', 'share-price', 'drawdown', 'capital', 'premiums', 'exposure'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(value: string): value is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(value);
}

/** Pixel height of each chart, shared by the skeleton so the page does not jump when the chart arrives. */
export const CHART_HEIGHT = 260;

/** Each chart's title and what its axes measure; "asset units" is replaced by the asset's symbol where known. */
export const CHART_META: Record<ChartKind, { title: string; units: string; wide?: boolean }> = {
  solvency: {
    title: 'Solvency ratio',
    units: 'capital ÷ required capital, % · dashed: threshold (critical) and 1.25 × threshold (warning)',
  },
  'share-price': {
    title: 'Tranche share price',
    units: 'asset units per share · shaded: drawdown below the running peak',
    wide: true,
  },
  drawdown: { title: 'Underwater', units: 'share price below its running peak, %' },
  capital: { title: 'Capital by tranche', units: 'asset units, stacked' },
  premiums: { title: 'Premiums paid', units: 'asset units per UTC day, by receiving tranche' },
  exposure: {
    title: 'Exposure by protocol',
    units:
      "asset units, stacked: each covered protocol's open interest × stress loss rates (their sum is required capital)",
  },
};

export function chartUnits(kind: ChartKind, symbol: string): string {
  return CHART_META[kind].units.replace('asset units', symbol);
}
