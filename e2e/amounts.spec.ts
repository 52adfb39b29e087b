import { expect, test, type Locator } from '@playwright/test';
import { formatAmount } from '../lib/format/amount';
import { tabTo } from './support/keyboard';

const SUFFIX_POWER: Record<string, number> = { K: 3, M: 6, B: 9, T: 12 };
const TUSD_DECIMALS = 6;

/** "1.23M tUSD" back to base units, to check the compact text against the exact integer behind it. */
function parseCompact(text: string): { value: bigint; halfStep: bigint } {
  const match = /^(-?\d{1,3}(?:,\d{3})*)\.(\d{2})([KMBT]) tUSD$/.exec(text);
  if (!match) throw new Error(`not a compact tUSD amount: ${JSON.stringify(text)}`);
  const [, whole = '', cents = '', suffix = ''] = match;
  const unit = 10n ** BigInt(TUSD_DECIMALS + (SUFFIX_POWER[suffix] ?? 0) - 2);
  return { value: BigInt(`${whole.replace(/,/g, '')}${cents}`) * unit, halfStep: unit / 2n };
}

async function rawOf(figure: Locator): Promise<bigint> {
  const raw = await figure.getAttribute('data-raw');
  expect(raw, 'the figure exposes its exact integer').toMatch(/^\d+$/);
  return BigInt(raw ?? '0');
}

test('large amounts read compact, with the full value on hover, on focus and for screen readers', async ({ page }) => {
  await page.goto('/health');
  const figure = page.getByTestId('total-capital');
  const raw = await rawOf(figure);
  expect(raw, 'the seeded capital is large enough to be compacted').toBeGreaterThanOrEqual(100_000n * 10n ** 6n);
  const full = formatAmount(raw, TUSD_DECIMALS, { unit: 'tUSD' });

  const compact = figure.locator('[aria-hidden="true"]');
  const compactText = ((await compact.textContent()) ?? '').trim();
  const parsed = parseCompact(compactText);
  const error = parsed.value > raw ? parsed.value - raw : raw - parsed.value;
  expect(error, `${compactText} rounds ${full}`).toBeLessThanOrEqual(parsed.halfStep);
  await expect(compact, 'hover shows the full value').toHaveAttribute('title', full);

  // Screen readers get the exact figure and not the compact one.
  const spoken = await figure.ariaSnapshot();
  expect(spoken).toContain(full);
  expect(spoken).not.toContain(compactText);

  // Keyboard: the compact figure is a tab stop that shows the full value in place while focused.
  const stop = figure.locator('[tabindex="0"]');
  await expect(compact).toBeVisible();
  await tabTo(page, stop);
  await expect(compact).toBeHidden();
  await expect(stop.getByText(full)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(compact).toBeVisible();
});
