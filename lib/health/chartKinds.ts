export const CHART_KINDS = ['solvency', 'share-price', 'drawdown', 'capital', 'premiums'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(value: string): value is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(value);
}

/** Pixel height of each chart, shared by the skeleton so the page does not jump when the chart arrives. */
export const CHART_HEIGHT = 260;
