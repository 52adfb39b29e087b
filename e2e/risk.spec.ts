import { expect, test } from '@playwright/test';
import { createTestClient, http } from 'viem';

// e2e/support/globalSetup.ts points this at its own seeded chain; the default fits a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';

// Needs a running app with chain and indexer (e2e/support/globalSetup.ts starts its own).

// lib/format/smallPercent.ts: "0 %" only for an exact zero, "< 0.0001 %" for a smaller positive, else digits.
const PERCENT = /^(< 0\.0001|\d[\d,]*(\.\d+)?) %$/;
const isPositivePercent = (text: string | null) =>
  text !== null && (text.startsWith('< ') || Number(text.replace(/[, %]/g, '')) > 0);

test.describe('risk model', () => {
  test('/health stress panel: analytic at once, then Monte Carlo; the volatility slider moves ES99 and the histogram', async ({
    page,
  }) => {
    await page.goto('/health');
    // The panel loads once its section nears the viewport.
    await page.getByTestId('stress-section').scrollIntoViewIfNeeded();
    const panel = page.getByTestId('stress-panel');
    await expect(panel).toBeVisible();

    // The analytic figure is there as soon as the inputs are (no worker involved).
    await expect(page.getByTestId('analytic-es-99')).toHaveText(/\d/);
    await expect(page.getByRole('columnheader', { name: 'Analytic (instant)' })).toBeVisible();

    // Then the Monte Carlo answer for the same inputs.
    await expect(page.getByTestId('mc-header')).toHaveText(/Monte Carlo \(100,000 scenarios, [\d.]+ ms\)$/, {
      timeout: 10_000,
    });
    await expect(panel).toHaveAttribute('data-mc-state', 'done');
    await expect(page.getByTestId('mc-es-99')).toHaveText(/\d/);
    const analyticBefore = await page.getByTestId('analytic-es-99').textContent();
    const mcBefore = await page.getByTestId('mc-es-99').textContent();
    // The histogram (recharts) is drawn once it is itself in view.
    await page.getByTestId('loss-histogram-slot').scrollIntoViewIfNeeded();
    const histogram = page.getByTestId('loss-histogram');
    await expect(histogram.locator('.recharts-bar-rectangle').first()).toBeVisible();
    const histogramBefore = await histogram.getAttribute('data-signature');

    // Keyboard: focus the labelled slider and step it up five times (1.0× → 1.5×).
    const slider = page.getByLabel('Volatility multiplier');
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
    await expect(page.getByTestId('stress-volatilityMultiplier-value')).toHaveText('1.5×');

    await expect(page.getByTestId('analytic-es-99')).not.toHaveText(analyticBefore ?? '');
    await expect(panel).toHaveAttribute('data-mc-state', 'done', { timeout: 10_000 });
    await expect(page.getByTestId('mc-es-99')).not.toHaveText(mcBefore ?? '');
    await expect(histogram).not.toHaveAttribute('data-signature', histogramBefore ?? '');
    await expect(page.getByTestId('mc-timing')).toHaveAttribute('data-worker-ms', /\d/);
  });

  test('tranche page shows a fair APR, realised APR and a verdict', async ({ page }) => {
    await page.goto('/tranches/senior');
    const card = page.getByTestId('tranche-quote');
    await expect(card).toBeVisible();
    await expect(page.getByTestId('quote-fair-apr')).toHaveText(PERCENT);
    await expect(page.getByTestId('quote-fair-apr-model')).toHaveText(PERCENT);
    await expect(page.getByTestId('quote-p-loss')).toHaveText(/%/);
    await expect(page.getByTestId('quote-expected-loss')).toHaveText(/\d/);
    await expect(page.getByTestId('quote-attachment')).toHaveText(/of open interest/);
    await expect(page.getByTestId('quote-detachment')).toHaveText(/of open interest/);
    // The seeded history is long enough for the EWMA; the quote says so itself. A note may follow: earlier tests warp
    // the chain's clock past the oracle's last update, which the note then names.
    await expect(page.getByTestId('tranche-quote-volatility')).toHaveText(
      /^Volatility: EWMA of \d+ hourly returns\.( Note: .+\.)?$/,
    );
    await expect(page.getByTestId('tranche-verdict')).toHaveText(
      /Verdict: (over-paid for the risk|under-paid for the risk|about fair)/,
    );
    await expect(page.getByText(/Rule: "about fair" when/)).toBeVisible();
    // The Monte Carlo refines the analytic figure in the worker.
    await expect(card).toHaveAttribute('data-source', 'monte-carlo', { timeout: 10_000 });
  });

  test('each tranche that paid a seeded loss reads fair APR and P(loss) above zero on its quote card', async ({
    page,
  }) => {
    await page.goto('/health');
    await expect(page.getByTestId('loss-row').first()).toBeAttached();
    const paidBy: number[] = [];
    for (const id of [0, 1, 2]) {
      const raws = await page
        .getByTestId(`loss-paid-${id}`)
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-raw') ?? '0'));
      if (raws.some((raw) => BigInt(raw) > 0n)) paidBy.push(id);
    }
    // The seeded day-60 crash reaches past Junior.
    expect(paidBy.length).toBeGreaterThan(0);

    for (const id of paidBy) {
      await page.goto(`/tranches/${id}`);
      await expect(page.getByTestId('tranche-quote')).toHaveAttribute('data-source', 'monte-carlo', {
        timeout: 15_000,
      });
      await expect(page.getByTestId('tranche-quote-record')).toHaveAttribute('data-events', /^[1-9]\d*$/);
      for (const figure of ['quote-fair-apr', 'quote-p-loss']) {
        const text = await page.getByTestId(figure).textContent();
        expect(text, `${figure} of tranche ${id}`).toMatch(PERCENT);
        expect(isPositivePercent(text), `${figure} of tranche ${id} is ${text}`).toBe(true);
      }
      // The rated figures are the ones judged (when there is a realised APR to judge): the verdict names them.
      const verdict = page.getByTestId('tranche-verdict');
      if ((await verdict.getAttribute('data-verdict')) !== 'none') {
        await expect(verdict).toContainText('with the chain’s record');
      }
    }
  });

  test('a new block re-runs the quotes without a reload', async ({ page }) => {
    await page.goto('/health');
    await page.getByTestId('stress-section').scrollIntoViewIfNeeded();
    const panel = page.getByTestId('stress-panel');
    await expect(panel).toHaveAttribute('data-mc-state', 'done', { timeout: 15_000 });
    const line = page.getByTestId('risk-inputs-line');
    const block = Number((await line.textContent())?.match(/Block #(\d+)/)?.[1]);
    await createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).mine({ blocks: 1 });
    // The inputs refetch every 5 s (server cache 5 s): the new block arrives and the Monte Carlo runs for it.
    await expect(line).toContainText(`Block #${block + 1}`, { timeout: 20_000 });
    await expect(panel).toHaveAttribute('data-mc-state', 'done', { timeout: 10_000 });
    await expect(page.getByTestId('mc-header')).toHaveText(/Monte Carlo \(100,000 scenarios, [\d.]+ ms\)$/);
  });
});
