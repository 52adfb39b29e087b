import { expect, type Page } from '@playwright/test';

/** The /health chart cards, in page order (data-testid="chart-<kind>"). */
export const CHART_KINDS = ['solvency', 'share-price', 'drawdown', 'capital', 'premiums', 'exposure'] as const;

/** Charts draw only once scrolled near (LazyChart): bring each into view, then wait until all of them are drawn. */
export async function renderAllCharts(page: Page): Promise<void> {
  for (const kind of CHART_KINDS) await page.getByTestId(`chart-${kind}`).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-rendered')).toHaveCount(CHART_KINDS.length);
}

/** The backtest charts of "Does the model hold?" (one per market) draw once scrolled near: bring each into view. */
export async function renderBacktestCharts(page: Page): Promise<number> {
  const markets = page.getByTestId('backtest-market');
  const count = await markets.count();
  for (let i = 0; i < count; i++) await markets.nth(i).locator('figure').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('backtest-chart-rendered')).toHaveCount(count, { timeout: 30_000 });
  return count;
}
