import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, http, parseUnits, zeroAddress } from 'viem';
import { backstopLensAbi, backstopModuleAbi } from '../lib/chain/abis.generated';
import { protocolLabel } from '../lib/format/protocolName';
import { formatWadPercent } from '../lib/format/ratio';
import { readDeployment } from '../scripts/lib/deployment';
import { renderAllCharts } from './support/charts';
import { DEPLOYMENT_FILE } from './support/deploymentFile';
import { TRANCHE_IDS } from '../lib/protocol/tranches';

// e2e/support/globalSetup.ts points these at its own seeded chain and indexer; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const indexerUrl = (process.env.BACKSTOP_INDEXER_URL ?? 'http://127.0.0.1:42069').replace(/\/+$/, '');

const client = createPublicClient({ transport: http(rpcUrl) });
const deployment = () => readDeployment(DEPLOYMENT_FILE);

test('the crash is in the loss table with the amounts the chain events carry', async ({ page }) => {
  const { contracts } = deployment();
  const covered = await client.getContractEvents({
    address: contracts.module,
    abi: backstopModuleAbi,
    eventName: 'LossCovered',
    fromBlock: 0n,
  });
  const absorbed = await client.getContractEvents({
    address: contracts.module,
    abi: backstopModuleAbi,
    eventName: 'TrancheLossAbsorbed',
    fromBlock: 0n,
  });
  expect(covered.length, 'the seeded history has losses').toBeGreaterThan(0);
  // The crash: a loss that went past Junior into Mezzanine.
  expect(absorbed.some((e) => e.args.trancheId === 1 && (e.args.amount ?? 0n) > 0n)).toBe(true);

  const strategyLosses = await client.getContractEvents({
    address: contracts.module,
    abi: backstopModuleAbi,
    eventName: 'StrategyLoss',
    fromBlock: 0n,
  });
  expect(strategyLosses.length, 'the seeded history has a strategy loss').toBeGreaterThan(0);

  await page.goto('/health');
  await expect(page.getByTestId('loss-row')).toHaveCount(covered.length + strategyLosses.length);
  // A strategy's loss is a row of its own, named as such, paid by the tranche that held the strategy alone.
  for (const event of strategyLosses) {
    const row = page.locator(`[data-testid="loss-row"][data-loss-id="${event.args.lossId}"]`);
    await expect(row.getByTestId('loss-source')).toHaveAttribute('data-source', 'strategy');
    await expect(row.getByTestId('loss-shortfall')).toHaveAttribute('data-raw', String(event.args.amount));
    for (const id of TRANCHE_IDS) {
      const paid = id === event.args.trancheId ? event.args.amount! : 0n;
      await expect(row.getByTestId(`loss-paid-${id}`)).toHaveAttribute('data-raw', paid.toString());
    }
  }
  for (const event of covered) {
    const row = page.locator(`[data-testid="loss-row"][data-loss-id="${event.args.lossId}"]`);
    await expect(row).toHaveAttribute('data-tx', event.transactionHash);
    await expect(row.getByTestId('loss-source')).toHaveAttribute('data-source', 'clearinghouse');
    await expect(row.getByTestId('loss-shortfall')).toHaveAttribute('data-raw', String(event.args.shortfall));
    await expect(row.getByTestId('loss-deficit')).toHaveAttribute('data-raw', String(event.args.deficit));
    for (const id of TRANCHE_IDS) {
      const paid = absorbed
        .filter((e) => e.args.lossId === event.args.lossId && e.args.trancheId === id)
        .reduce((sum, e) => sum + (e.args.amount ?? 0n), 0n);
      await expect(row.getByTestId(`loss-paid-${id}`)).toHaveAttribute('data-raw', paid.toString());
    }
  }
});

test('the Atom feed is well-formed XML and lists every loss with the loss table’s amounts', async ({ page }) => {
  await page.goto('/health');
  const rows = await page.getByTestId('loss-row').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-loss-id')!,
      source: el.querySelector('[data-testid="loss-source"]')!.getAttribute('data-source'),
      shortfall: el.querySelector('[data-testid="loss-shortfall"]')!.textContent!.trim(),
      paid: [0, 1, 2].map((i) => el.querySelector(`[data-testid="loss-paid-${i}"]`)!.textContent!.trim()),
    })),
  );
  expect(rows.length, 'the seeded crash is in the loss table').toBeGreaterThan(0);

  const entries = await atomEntries(page);
  expect(entries, 'the feed parses as Atom').not.toBeNull();
  for (const row of rows) {
    const entry = entries!.find((e) => e.id.endsWith(`/feed#loss-${row.id}`));
    expect(entry, `loss #${row.id} is in the feed`).toBeDefined();
    expect(entry!.title).toContain(
      row.source === 'strategy' ? `in a tranche's strategy: ${row.shortfall} tUSD` : `${row.shortfall} tUSD shortfall`,
    );
    for (const paid of row.paid) expect(entry!.summary).toContain(`${paid} tUSD`);
  }

  // Both feeds are built from the same shared reads; one may be answered just before a refresh and the other just
  // after (a proposal an earlier spec executed appears), so they are compared until two reads agree.
  await expect
    .poll(async () => {
      const json = (await (await page.request.get('/feed.json')).json()) as {
        version: string;
        items: { id: string }[];
      };
      const atom = (await atomEntries(page))?.map((e) => e.id) ?? [];
      const ids = json.items.map((i) => i.id);
      if (json.version !== 'https://jsonfeed.org/version/1.1') return `JSON Feed version ${json.version}`;
      return JSON.stringify(ids) === JSON.stringify(atom) ? 'same' : `JSON ${ids.join(' ')} ≠ Atom ${atom.join(' ')}`;
    })
    .toBe('same');
});

/** /feed.atom parsed by the browser's own XML parser (a feed reader would refuse what it refuses); null if invalid. */
async function atomEntries(page: Page) {
  const response = await page.request.get('/feed.atom');
  expect(response.headers()['content-type']).toContain('application/atom+xml');
  const xml = await response.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return null;
    if (doc.documentElement.namespaceURI !== 'http://www.w3.org/2005/Atom') return null;
    return [...doc.getElementsByTagName('entry')].map((e) => ({
      id: e.getElementsByTagName('id')[0]?.textContent ?? '',
      title: e.getElementsByTagName('title')[0]?.textContent ?? '',
      summary: e.getElementsByTagName('summary')[0]?.textContent ?? '',
    }));
  }, xml);
}

async function chartPoints(page: Page) {
  await renderAllCharts(page);
  return page
    .getByTestId('chart-rendered')
    .evaluateAll((els) =>
      els.map((el) => ({ points: Number(el.getAttribute('data-points')), from: Number(el.getAttribute('data-from')) })),
    );
}

// The charts draw at most this many points per series (lib/health/downsample.ts); a shorter range draws every sample.
const MAX_CHART_POINTS = 600;

for (const range of ['7d', '30d', 'all'] as const) {
  test(`charts draw every indexed sample in range ${range}, thinned only past ${MAX_CHART_POINTS} with the worst kept`, async ({
    page,
    request,
  }) => {
    // The page's cache may be one refresh interval behind the indexer: re-read both until they agree.
    await expect(async () => {
      await page.goto(`/health?range=${range}`);
      const charts = await chartPoints(page);
      const from = charts[0]?.from ?? -1;
      const samples = (await (await request.get(`${indexerUrl}/api/samples?from=${from}`)).json()) as {
        samples: { solvencyRatio: string }[];
      };
      // The premiums chart keeps the whole first (partial) day of the range (lib/health/series.ts daysInRange): ask
      // the indexer from that day's start, or the count depends on the hour the test runs at.
      const firstDay = Math.floor(from / 86_400) * 86_400;
      const premiums = (await (await request.get(`${indexerUrl}/api/premiums?from=${firstDay}&bucket=day`)).json()) as {
        premiums: unknown[];
      };
      const series = (await (await request.get(`/api/health/series?range=${range}`)).json()) as {
        sampleCount: number;
        samples: { solvencyPct: number | null }[];
      };
      const indexed = samples.samples.length;
      expect(indexed).toBeGreaterThan(0);
      expect(series.sampleCount).toBe(indexed);
      const drawn = indexed <= MAX_CHART_POINTS ? indexed : series.samples.length;
      expect(drawn).toBeLessThanOrEqual(MAX_CHART_POINTS);
      // solvency, share price, underwater, capital: one point per (thinned) sample; premiums: one bar per day;
      // exposure by protocol: one point per sample again.
      expect(charts.map((c) => c.points)).toEqual([...Array(4).fill(drawn), premiums.premiums.length, drawn]);
      // Thinning never hides the worst moment: the lowest solvency drawn is the lowest indexed.
      const worstIndexed = Math.min(
        ...samples.samples.filter((s) => s.solvencyRatio !== '0').map((s) => Number(s.solvencyRatio) / 1e16),
      );
      const worstDrawn = Math.min(...series.samples.flatMap((s) => (s.solvencyPct === null ? [] : [s.solvencyPct])));
      expect(worstDrawn).toBeCloseTo(worstIndexed, 6);
      await expect(page.locator('.recharts-surface').first()).toBeVisible();
    }).toPass({ timeout: 30_000 });
  });
}

test('/api/health equals the lens read at the block it reports', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
  const { error, health, history } = await response.json();
  expect(error).toBeNull();
  // The test stack serves the app once the indexer has read the whole history.
  expect(history.complete).toBe(true);
  expect(BigInt(history.indexedBlock)).toBeGreaterThan(BigInt(deployment().deployBlock));
  const d = await client.readContract({
    address: deployment().contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [zeroAddress],
    blockNumber: BigInt(health.blockNumber),
  });
  expect(health.blockTimestamp).toBe(Number(d.timestamp));
  expect(health.totalCapital).toEqual({
    raw: String(d.module.totalCapital),
    amount: expect.any(String),
    decimals: d.module.assetDecimals,
  });
  expect(health.requiredCapital.raw).toBe(String(d.module.requiredCapital));
  expect(health.solvency.ratio.raw).toBe(String(d.module.solvencyRatio));
  expect(health.solvency.threshold.raw).toBe(String(d.module.solvencyThreshold));
  // Every active covered protocol's open interest, protocol 0's markets among them.
  const oi = d.protocols
    .filter((p) => p.active)
    .flatMap((p) => p.markets)
    .reduce((s, m) => s + m.longNotional + m.shortNotional, 0n);
  expect(health.openInterestNotional.raw).toBe(String(oi));
  expect(health.protocols).toHaveLength(d.protocols.length);
  for (const [i, p] of d.protocols.entries()) {
    expect(health.protocols[i].exposure.raw).toBe(String(p.exposure));
    expect(health.protocols[i].premiumShare.raw).toBe(String(p.premiumShare));
    expect(health.protocols[i].markets).toHaveLength(p.markets.length);
  }
  const byClass = health.assetClasses.reduce(
    (s: bigint, c: { exposure: { raw: string } }) => s + BigInt(c.exposure.raw),
    0n,
  );
  expect(byClass).toBe(d.module.requiredCapital);
  expect(health.tranches).toHaveLength(d.tranches.length);
  for (const [i, t] of d.tranches.entries()) {
    expect(health.tranches[i].capital.raw).toBe(String(t.totalAssets));
    expect(health.tranches[i].sharePrice.raw).toBe(String(t.sharePrice));
    expect(BigInt(health.tranches[i].peakSharePrice.raw)).toBeGreaterThanOrEqual(t.sharePrice);
  }
});

test('/health shows each covered protocol with the lens read’s exposure, and the loss table names each', async ({
  page,
}) => {
  const { contracts } = deployment();
  const requests = await client.getContractEvents({
    address: contracts.module,
    abi: backstopModuleAbi,
    eventName: 'CoverRequested',
    fromBlock: 0n,
  });
  const drawing = new Set(requests.map((e) => Number(e.args.protocolId)));
  expect([...drawing].sort(), 'the seeded crash drew on the waterfall from both protocols').toEqual([0, 1]);

  await page.goto('/health');
  const block = BigInt((await page.getByTestId('block-number').getAttribute('data-raw'))!);
  const d = await client.readContract({
    address: contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [zeroAddress],
    blockNumber: block,
  });
  expect(d.protocols.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('protocol-exposure').locator('tbody tr')).toHaveCount(d.protocols.length);
  for (const p of d.protocols) {
    const id = Number(p.id);
    await expect(page.getByTestId(`protocol-${id}-name`)).toHaveText(protocolLabel(p.name, id));
    await expect(page.getByTestId(`protocol-${id}-exposure`)).toHaveAttribute('data-raw', String(p.exposure));
    await expect(page.getByTestId(`protocol-${id}-premium-share`)).toHaveAttribute('data-raw', String(p.premiumShare));
    await expect(page.getByTestId(`protocol-${id}`)).toHaveAttribute('data-suspended', String(p.suspended));
    await expect(page.getByTestId(`protocol-${id}`)).toHaveAttribute('data-readable', String(p.readable));
  }
  // Each protocol's name is a plain, distinct label, and the loss table names the protocol of every loss.
  const names = d.protocols.map((p) => protocolLabel(p.name, Number(p.id)));
  expect(new Set(names).size).toBe(names.length);
  for (const event of requests) {
    const row = page.locator(`[data-testid="loss-row"][data-loss-id="${event.args.lossId}"]`);
    const cell = row.getByTestId('loss-protocol');
    await expect(cell).toHaveAttribute('data-protocol-id', String(event.args.protocolId));
    await expect(cell).toHaveText(names[Number(event.args.protocolId)]!);
  }
  // Asset classes cover every active protocol's markets: ETH is listed by both, SOL too.
  await expect(page.getByTestId('asset-class-ETH')).toContainText(names[0]!);
  await expect(page.getByTestId('asset-class-ETH')).toContainText(names[1]!);
  await expect(page.getByTestId('asset-class-SOL')).toBeVisible();
  // The history chart of exposure names each protocol in its legend.
  const chart = page.getByTestId('chart-exposure');
  await chart.scrollIntoViewIfNeeded();
  for (const name of names) await expect(chart.locator('.recharts-legend-item-text', { hasText: name })).toHaveCount(1);
});

test('headline figures, loss table and range links work with JavaScript disabled', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/health');
  for (const id of ['total-capital', 'required-capital', 'solvency-ratio', 'coverage']) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-raw', /^\d+$/);
  }
  await expect(page.getByTestId('total-capital')).toContainText('tUSD');
  await expect(page.getByTestId('health-status')).toHaveAttribute('data-status', /^(healthy|warning|critical)$/);
  await expect(page.getByTestId('block-number')).toHaveAttribute('data-raw', /^\d+$/);
  await expect(page.getByTestId('loss-row').first()).toBeVisible();
  await page.getByTestId('range-7d').click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByTestId('range-7d')).toHaveAttribute('aria-current', 'page');
  const csv = await context.request.get('/api/health/csv/capital?range=7d');
  expect(csv.headers()['content-type']).toContain('text/csv');
  await context.close();
});

test("a chart's data table page agrees with its CSV and its summary, without JavaScript", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/health');
  await page.getByTestId('data-solvency').click();
  await expect(page).toHaveURL(/\/health\/data\/solvency\?range=all$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solvency ratio: data');
  // The live market may add a sample between two reads: compare one consistent pair.
  await expect(async () => {
    await page.reload();
    const csv = (await (await context.request.get('/api/health/csv/solvency?range=all')).text())
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const rows = csv.slice(1);
    const lastOfEachDay = [...new Map(rows.map((row) => [row[0]!.slice(0, 10), row])).values()];
    const shown = await page
      .getByTestId('table-solvency')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(shown.length).toBeGreaterThan(30);
    expect(shown).toEqual(lastOfEachDay);
    const ratios = rows
      .map((row) => row[2]!)
      .filter((cell) => cell !== '')
      .map((cell) => parseUnits(cell, 16));
    const lowest = ratios.reduce((a, b) => (b < a ? b : a));
    await expect(page.getByTestId('summary-solvency')).toContainText(`lowest ${formatWadPercent(lowest)} on `);
  }).toPass({ timeout: 30_000 });
  await page.getByTestId('range-7d').click();
  await expect(page).toHaveURL(/\/health\/data\/solvency\?range=7d$/);
  expect(await page.getByTestId('table-solvency').locator('tbody tr').count()).toBeLessThanOrEqual(8);
  expect((await page.request.get('/health/data/no-such-chart')).status()).toBe(404);
  await context.close();
});

test('/health loads no wallet code', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text());
  });
  await page.goto('/health');
  await renderAllCharts(page);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((body) => /rainbowkit|wagmi/i.test(body))).toHaveLength(0);
});

test('on a phone, the history and the loss table are rendered only when they near the viewport', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto('/health');
  const skipped = (testId: string) =>
    page
      .getByTestId(testId)
      .first()
      .evaluate((el) => !el.checkVisibility({ contentVisibilityAuto: true }));
  // Far below the first screen: in the HTML, but not yet styled, laid out or painted (docs/performance.md).
  expect(await skipped('loss-row')).toBe(true);
  expect(await skipped('chart-solvency')).toBe(true);
  await page.getByTestId('loss-row').first().scrollIntoViewIfNeeded();
  await expect.poll(() => skipped('loss-row')).toBe(false);
  await expect(page.getByTestId('loss-row').first()).toBeVisible();
  await context.close();
});
