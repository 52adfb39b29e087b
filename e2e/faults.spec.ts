import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { seededProposalId } from './support/proposals';

// Runs after every other spec (its own Playwright project): it stops the shared stack's anvil and indexer for real,
// through the harness's loopback fault control (scripts/lib/faultControl.ts), and starts them again.
const control = process.env.BACKSTOP_E2E_CONTROL_URL;

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  if (!control) throw new Error('BACKSTOP_E2E_CONTROL_URL is not set: run the fault tests through `npm test` (scripts/test.ts starts the control).');
});

async function fault(service: 'anvil' | 'indexer', action: 'stop' | 'start' | 'rebuild'): Promise<void> {
  const response = await fetch(`${control}/${service}/${action}`, { method: 'POST', signal: AbortSignal.timeout(170_000) });
  expect(response.status, `${service} ${action}: ${await response.text()}`).toBe(200);
}

const banner = (page: Page, source: string) => page.locator(`[data-testid="stale-banner"][data-source="${source}"]`);

/** Opens `path` again until it answers 200 with the source's banner: a server page shows a failure within a refresh. */
async function openUntilBanner(page: Page, path: string, source: string, timeout: number): Promise<void> {
  await expect
    .poll(async () => (await page.goto(path))?.status() === 200 && (await banner(page, source).count()) === 1, { timeout })
    .toBe(true);
}

/** What the rebuild test reads of /api/health and /api/risk/inputs. */
type HealthHistory = { history: { complete: boolean } | null };
type RiskHistory = { historyProblem: string | null };

// First: a restarted anvil (the next test) keeps its state but not the historical states a full backfill reads.
test('indexer rebuilt from an empty database: pages give its progress until it has caught up', async ({ page, context, request }) => {
  test.setTimeout(240_000);
  const notice = (p: Page) => p.getByTestId('indexer-catching-up');
  const apiJson = async <T>(path: string) => (await (await request.get(path)).json()) as T;
  const health = await context.newPage();
  const tranche = await context.newPage();
  const proposal = await context.newPage();
  const proposalPath = `/governance/${await seededProposalId()}`;
  const pages = [[page, '/governance'], [health, '/health'], [tranche, '/tranches/1'], [proposal, proposalPath]] as const;
  await fault('indexer', 'stop');
  // Resolves once the new indexer's /ready answers; the pages are read again and again while it re-reads the history.
  let caughtUp = false;
  const rebuilt = fault('indexer', 'rebuild').then(() => (caughtUp = true));
  try {
    const seen = new Map<Page, string>();
    let apiSaysIncomplete = false;
    let riskSaysIncomplete = false;
    await expect
      .poll(
        async () => {
          for (const [p, path] of pages) {
            if (seen.has(p) || (await p.goto(path))?.status() !== 200 || (await notice(p).count()) === 0) continue;
            if (caughtUp) continue;
            seen.set(p, (await notice(p).textContent()) ?? '');
            await expectNoSeriousViolations(p, `${path} while the indexer catches up`);
          }
          if (!apiSaysIncomplete) {
            const { history } = await apiJson<HealthHistory>('/api/health');
            apiSaysIncomplete = history?.complete === false && !caughtUp;
          }
          if (!riskSaysIncomplete) {
            const { historyProblem } = await apiJson<RiskHistory>('/api/risk/inputs');
            riskSaysIncomplete = /the indexer is still reading the chain \(block \d+ of \d+, \d+ %\)/.test(historyProblem ?? '') && !caughtUp;
          }
          return seen.size + (apiSaysIncomplete ? 1 : 0) + (riskSaysIncomplete ? 1 : 0);
        },
        { timeout: 150_000, intervals: [250] },
      )
      .toBe(pages.length + 2);
    for (const text of seen.values()) {
      // "…it has read the chain to block 812 of 1360 (60 %)", or before its first block "…up to block 1360 (0 %)".
      const [, indexed = '0', head, percent] = /(?:to block (\d+) of|starting to read the chain, up to block) (\d+) \((\d+) %\)/.exec(text) ?? [];
      expect(head, `the notice names the chain's head: ${text}`).toBeDefined();
      expect(Number(indexed), `the indexer is behind the chain: ${text}`).toBeLessThan(Number(head));
      expect(Number(percent)).toBeLessThan(100);
    }

    await rebuilt;
    // Each page re-renders itself: the notice goes, and the history is whole again.
    for (const [p] of pages) await expect(notice(p)).toHaveCount(0, { timeout: 30_000 });
    await expect
      .poll(async () => (await apiJson<HealthHistory>('/api/health')).history?.complete, { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(async () => (await apiJson<RiskHistory>('/api/risk/inputs')).historyProblem ?? '', { timeout: 30_000 })
      .not.toMatch(/still reading the chain/);
    await expect(page.getByTestId('proposal-row').first()).toBeVisible();
    await expect(health.getByTestId('history-range')).toContainText('samples');
    await expect(proposal.getByTestId('proposal-title')).toBeVisible();
  } finally {
    await rebuilt.catch(() => undefined);
    if ((await (await fetch(`${control}/status`)).json() as { indexer: boolean }).indexer === false) await fault('indexer', 'start');
  }
});

test('anvil stopped: pages keep the last figures under a banner, then recover by themselves', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  // A client-polling page, left open through the outage.
  await page.goto('/tranches/1');
  const capital = page.getByTestId('tranche-1-capital');
  await expect(capital).toHaveAttribute('data-raw', /^\d+$/);
  const capitalBefore = await capital.getAttribute('data-raw');
  const block = /block #(\d+)/.exec((await page.getByTestId('lens-age').textContent()) ?? '')?.[1];
  expect(block, 'the lens age names the block read').toBeTruthy();

  // The server keeps what it read last: open the pages it should fall back to while the node is still up.
  const health = await context.newPage();
  await health.goto('/health');
  await expect(health.getByTestId('block-number')).toHaveAttribute('data-raw', block!);
  // A proposal page left open: its state and tally are polled in the browser.
  const proposal = await context.newPage();
  await proposal.goto(`/governance/${await seededProposalId()}`);
  const state = proposal.getByTestId('proposal-state');
  await expect(state).not.toHaveText(/loading/);
  const stateBefore = await state.textContent();

  await fault('anvil', 'stop');
  try {
    // The open page notices on its next poll, says since when, and keeps the figures it had.
    await expect(banner(page, 'Chain RPC')).toContainText('Chain RPC unreachable since', { timeout: 20_000 });
    await expect(banner(page, 'Chain RPC')).toContainText(`block #${block}`);
    await expect(capital).toHaveAttribute('data-raw', capitalBefore!);

    // A server-rendered page opened during the outage: last-known figures, same block.
    await openUntilBanner(health, '/health', 'Chain RPC', 30_000);
    await expect(health.getByTestId('block-number')).toHaveAttribute('data-raw', block!);
    await expect(health.getByTestId('total-capital')).toBeVisible();

    // The home page, loaded during the outage, is rendered from the server's last good read.
    // (Within one refresh: a cached read answers with what it had while its next read runs.)
    const home = await context.newPage();
    await openUntilBanner(home, '/', 'Chain RPC', 15_000);
    await expect(home.getByTestId('block-number')).toHaveAttribute('data-raw', block!);

    // The proposal page keeps the state it read, under the banner.
    await expect(banner(proposal, 'Chain RPC')).toContainText('showing the last data read, from the state and tally read', { timeout: 20_000 });
    await expect(state).toHaveText(stateBefore!);

    const api = await request.get('/api/health');
    expect(api.status()).toBe(503);
    const body = (await api.json()) as { error: { since: string | null } | null; health: { blockNumber: string } | null };
    expect(body.health?.blockNumber).toBe(block);
    expect(body.error?.since).toBeTruthy();

    await fault('anvil', 'start');
    // Nobody reloads: each page drops its banner on its own once the node answers again.
    for (const p of [page, health, home, proposal]) await expect(banner(p, 'Chain RPC')).toHaveCount(0, { timeout: 30_000 });
    await expect(health.getByTestId('block-number')).toHaveAttribute('data-raw', block!);
    expect((await request.get('/api/health')).status()).toBe(200);
  } finally {
    if ((await (await fetch(`${control}/status`)).json() as { anvil: boolean }).anvil === false) await fault('anvil', 'start');
  }
});

test('indexer stopped: chain figures stay, history is last-known under a banner, then recovers by itself', async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.goto('/health');
  await expect(page.getByTestId('history-range')).toContainText('samples');
  const samplesBefore = await page.getByTestId('history-range').textContent();
  // Served once while the indexer is up, so that the server has a proposal list to fall back to.
  const governance = await context.newPage();
  await governance.goto('/governance');
  await expect(governance.getByTestId('proposals-unavailable')).toHaveCount(0);
  const proposalPath = `/governance/${await seededProposalId()}`;
  const proposal = await context.newPage();
  await proposal.goto(proposalPath);
  const title = await proposal.getByTestId('proposal-title').textContent();

  await fault('indexer', 'stop');
  try {
    await openUntilBanner(page, '/health', 'History indexer', 30_000);
    await expect(banner(page, 'History indexer')).toContainText('History indexer unreachable since');
    await expect(banner(page, 'Chain RPC')).toHaveCount(0);
    await expect(page.getByTestId('total-capital')).toBeVisible();
    await expect(page.getByTestId('history-range')).toHaveText(samplesBefore!);

    await openUntilBanner(governance, '/governance', 'History indexer', 15_000);
    await expect(governance.getByTestId('proposals-unavailable')).toHaveCount(0);

    // The proposal the server read before: its text and votes stay, under the banner.
    await openUntilBanner(proposal, proposalPath, 'History indexer', 15_000);
    await expect(banner(proposal, 'History indexer')).toContainText(/showing the last data read, from the proposal and its \d+ votes, read \d+ (s|min) ago/);
    await expect(proposal.getByTestId('proposal-title')).toHaveText(title!);

    await fault('indexer', 'start');
    for (const p of [page, governance, proposal]) await expect(banner(p, 'History indexer')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('history-range')).toContainText('samples');
  } finally {
    if ((await (await fetch(`${control}/status`)).json() as { indexer: boolean }).indexer === false) await fault('indexer', 'start');
  }
});
