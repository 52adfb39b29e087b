import { expect, test, type Page } from '@playwright/test';
import { connectDevWallet } from './support/devWallet';
import { seededProposalId } from './support/proposals';
import { startSplitDocumentProxy } from './support/splitDocumentProxy';

// What loads after the first paint (the wallet button, figures read in the browser) must not move what is already on
// screen: a shifted page moves buttons under the visitor's finger.

const PAGES = [
  { path: '/', wallet: true },
  { path: '/health', wallet: false },
  { path: '/tranches', wallet: true },
  { path: '/tranches/1', wallet: true },
  { path: '/governance', wallet: true },
] as const;

const WIDTHS = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1350, height: 940 },
] as const;

/** Far under Lighthouse's "good" (0.1): a shift this size is a glitch, anything larger is a placeholder gone wrong. */
const MAX_SHIFT = 0.01;

interface Shift {
  value: number;
  sources: string[];
}

/** Records every layout shift from the first paint on, with what moved and from where to where. */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          sources: entry.sources.map((source) => {
            const node = source.node instanceof Element ? source.node : source.node?.parentElement;
            const what = node
              ? `${node.tagName.toLowerCase()}.${String(node.className).slice(0, 50)}`
              : '(removed node)';
            return `${what}: y ${source.previousRect.y} → ${source.currentRect.y}, height ${source.previousRect.height} → ${source.currentRect.height}`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Asserts that the shifts recorded since navigation add up to less than `max`, naming them if not. */
async function expectNoShift(page: Page, path: string, max = MAX_SHIFT): Promise<void> {
  // A frame for anything the last responses scheduled.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  expect(total, `layout shifts on ${path}: ${JSON.stringify(shifts, null, 1)}`).toBeLessThan(max);
}

for (const { name, width, height } of WIDTHS) {
  for (const { path, wallet } of PAGES) {
    test(`${path} does not shift as it loads (${name})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await recordShifts(page);
      await page.goto(path, { waitUntil: 'networkidle' });
      if (wallet) await expect(page.getByRole('banner').getByTestId('rk-connect-button')).toBeVisible();
      await expectNoShift(page, path);
    });
  }
}

/**
 * A returning visitor's wallet reconnects after the first paint: what it then shows must already have its room.
 * The header here is wider (the dev account select is rendered from the start), and a paint made while the HTML is
 * still streaming in can show it half-built: that alone measured up to 0.013. Without the server laying these pages
 * out for a reconnecting wallet they shifted by 0.05 to 0.5, so a quarter of Lighthouse's "good" tells them apart.
 */
const MAX_RETURNING_SHIFT = 0.025;
const RETURNING = [
  { path: '/', ready: null },
  { path: '/tranches/1', ready: 'wallet-balance' },
  { path: '/governance', ready: 'voting-power-panel' },
] as const;

for (const { name, width, height } of WIDTHS) {
  for (const { path, ready } of RETURNING) {
    test(`${path} does not shift when a returning wallet reconnects (${name})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(path, { waitUntil: 'networkidle' });
      await connectDevWallet(page, 1);
      await recordShifts(page);
      await page.reload({ waitUntil: 'networkidle' });
      await expect(page.getByRole('banner').getByTestId('rk-account-button')).toBeVisible();
      if (ready) await expect(page.getByTestId(ready)).toBeVisible();
      await expectNoShift(page, path, MAX_RETURNING_SHIFT);
    });
  }
}

/** What a proposal page reads after its first paint: the tally and the actions measured against the chain. */
async function expectProposalRead(page: Page): Promise<void> {
  await expect(page.getByTestId('vote-bars')).toBeVisible();
  await expect(page.getByTestId('proposal-actions')).toBeVisible();
}

for (const { name, width, height } of WIDTHS) {
  test(`a proposal page does not shift as it loads (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const path = `/governance/${await seededProposalId()}`;
    await recordShifts(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.getByRole('banner').getByTestId('rk-connect-button')).toBeVisible();
    await expectProposalRead(page);
    await expectNoShift(page, path);
  });

  test(`a proposal page does not shift when a returning wallet reconnects (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const path = `/governance/${await seededProposalId()}`;
    await page.goto(path, { waitUntil: 'networkidle' });
    await connectDevWallet(page, 1);
    await recordShifts(page);
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.getByRole('banner').getByTestId('rk-account-button')).toBeVisible();
    await expectProposalRead(page);
    await expectNoShift(page, path, MAX_RETURNING_SHIFT);
  });
}

/**
 * A slow network or a busy server can deliver a page in parts, and Chromium paints what it has parsed so far. Half a
 * table laid out from its first row then widens its columns when the other rows land, and its header wraps and moves
 * everything under it (0.022 once on /health in CI). So nothing is painted before the whole shell is parsed: here the
 * document stops in the middle of the tranche table for a while.
 */
const PAUSE_MS = 1_500;

for (const { name, width, height } of WIDTHS) {
  test(`/health paints nothing from half a document (${name})`, async ({ page, baseURL }) => {
    const proxy = await startSplitDocumentProxy(baseURL!, {
      path: '/health',
      before: 'data-testid="tranche-1"',
      pauseMs: PAUSE_MS,
    });
    try {
      await page.setViewportSize({ width, height });
      await recordShifts(page);
      await page.goto(`${proxy.url}/health`, { waitUntil: 'networkidle' });
      await expect(page.getByTestId('tranche-2')).toBeVisible();
      const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? null);
      expect(firstPaint, 'first paint (ms after navigation start)').not.toBeNull();
      expect(firstPaint!).toBeGreaterThanOrEqual(PAUSE_MS);
      await expectNoShift(page, '/health');
    } finally {
      await proxy.close();
    }
  });
}
