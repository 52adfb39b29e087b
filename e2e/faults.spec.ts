import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ensureRunning, fault, faultTimings } from './support/faultControl';
import { PageSpeed } from './support/progress';
import { seededProposalId } from './support/proposals';

// Runs after every other spec (its own Playwright project): it stops the shared stack's anvil and indexer for real,
// through the harness's loopback fault control (scripts/lib/faultControl.ts), and starts them again.
// Nothing slow here has a fixed limit: a restart or a backfill is waited for while it makes progress
// (support/faultControl.ts), and a page's recovery is given a time scaled to how fast pages load right now.

test.describe.configure({ mode: 'serial' });
test.afterAll(() => {
  for (const t of faultTimings) console.log(`[faults] ${t.service} ${t.action} took ${t.seconds.toFixed(1)} s`);
});

/** The app's server and its pages read the chain and the indexer again every few seconds (DEFAULT_REFRESH_SECONDS). */
const REFRESH_MS = 5_000;
/** What a recovery took on a quiet machine, with room: the least any recovery wait is given. */
const RECOVERY_FLOOR_MS = 30_000;

const banner = (page: Page, source: string) => page.locator(`[data-testid="stale-banner"][data-source="${source}"]`);

/** Opens `path` again until it answers 200 with the source's banner: a server page shows a failure within a refresh. */
async function openUntilBanner(
  page: Page,
  path: string,
  source: string,
  speed: PageSpeed,
  floorMs: number,
): Promise<void> {
  const timeout = speed.recoveryTimeout({ refreshMs: REFRESH_MS, floorMs });
  await expect
    .poll(
      async () =>
        (await speed.time(() => page.goto(path)))?.status() === 200 && (await banner(page, source).count()) === 1,
      { timeout },
    )
    .toBe(true);
}

/** Waits, for as long as this machine needs to serve a page, until each page has re-rendered itself without `locator`. */
async function expectGoneEverywhere(
  pages: Page[],
  locator: (p: Page) => ReturnType<Page['locator']>,
  speed: PageSpeed,
): Promise<void> {
  for (const p of pages) {
    await expect(locator(p)).toHaveCount(0, {
      timeout: speed.recoveryTimeout({ refreshMs: REFRESH_MS, floorMs: RECOVERY_FLOOR_MS }),
    });
  }
}

/** What the rebuild test reads of /api/health and /api/risk/inputs. */
type HealthHistory = { history: { complete: boolean } | null };
type RiskHistory = { historyProblem: string | null };

// First: a restarted anvil (the next test) keeps its state but not the historical states a full backfill reads.
test('indexer rebuilt from an empty database: pages give its progress until it has caught up', async ({
  page,
  context,
  request,
}) => {
  // The budget of the fast steps; the rebuild itself adds to it while the backfill makes progress.
  test.setTimeout(120_000);
  const speed = new PageSpeed();
  const notice = (p: Page) => p.getByTestId('indexer-catching-up');
  const apiJson = async <T>(path: string) => (await speed.time(() => request.get(path)).then((r) => r.json())) as T;
  const health = await context.newPage();
  const tranche = await context.newPage();
  const proposal = await context.newPage();
  const proposalPath = `/governance/${await seededProposalId()}`;
  const pages = [
    [page, '/governance'],
    [health, '/health'],
    [tranche, '/tranches/1'],
    [proposal, proposalPath],
  ] as const;
  await fault('indexer', 'stop');
  // Resolves once the new indexer's /ready answers (however long that takes while it moves on); the pages are read
  // again and again meanwhile.
  let caughtUp = false;
  const rebuilt = fault('indexer', 'rebuild').finally(() => (caughtUp = true));
  try {
    const seen = new Map<Page, string>();
    let apiSaysIncomplete = false;
    let riskSaysIncomplete = false;
    const found = () => seen.size + (apiSaysIncomplete ? 1 : 0) + (riskSaysIncomplete ? 1 : 0);
    // Until every page and API has said so, or the backfill is over: no clock of its own, the rebuild bounds it.
    // As expect.poll would, a read that fails (a connection reset by the busy server) is tried again on the next
    // round; a failed assertion (the axe scan) still fails the test.
    let lastError: unknown;
    const tolerant = async <T>(read: () => Promise<T>): Promise<T | undefined> =>
      read().catch((error: unknown) => void (lastError = error));
    while (found() < pages.length + 2 && !caughtUp) {
      for (const [p, path] of pages) {
        if (
          seen.has(p) ||
          (await tolerant(() => speed.time(() => p.goto(path))))?.status() !== 200 ||
          (await notice(p).count()) === 0
        )
          continue;
        if (caughtUp) continue;
        seen.set(p, (await notice(p).textContent()) ?? '');
        await expectNoSeriousViolations(p, `${path} while the indexer catches up`);
      }
      if (!apiSaysIncomplete) {
        const body = await tolerant(() => apiJson<HealthHistory>('/api/health'));
        apiSaysIncomplete = body?.history?.complete === false && !caughtUp;
      }
      if (!riskSaysIncomplete) {
        const body = await tolerant(() => apiJson<RiskHistory>('/api/risk/inputs'));
        riskSaysIncomplete =
          /the indexer is still reading the chain \(block \d+ of \d+, \d+ %\)/.test(body?.historyProblem ?? '') &&
          !caughtUp;
      }
      await page.waitForTimeout(250);
    }
    const missing = [
      ...pages.filter(([p]) => !seen.has(p)).map(([, path]) => path),
      ...(apiSaysIncomplete ? [] : ['/api/health']),
      ...(riskSaysIncomplete ? [] : ['/api/risk/inputs']),
    ];
    expect(
      missing,
      `what never said that the indexer was catching up before it had (last failed read: ${String(lastError)})`,
    ).toEqual([]);
    for (const text of seen.values()) {
      // "…it has read the chain to block 812 of 1360 (60 %)", or before its first block "…up to block 1360 (0 %)".
      const [, indexed = '0', head, percent] =
        /(?:to block (\d+) of|starting to read the chain, up to block) (\d+) \((\d+) %\)/.exec(text) ?? [];
      expect(head, `the notice names the chain's head: ${text}`).toBeDefined();
      expect(Number(indexed), `the indexer is behind the chain: ${text}`).toBeLessThan(Number(head));
      expect(Number(percent)).toBeLessThan(100);
    }

    await rebuilt;
    // Each page re-renders itself: the notice goes, and the history is whole again.
    await expectGoneEverywhere(
      pages.map(([p]) => p),
      notice,
      speed,
    );
    await expect
      .poll(async () => (await apiJson<HealthHistory>('/api/health')).history?.complete, {
        timeout: speed.recoveryTimeout({ refreshMs: REFRESH_MS, floorMs: RECOVERY_FLOOR_MS }),
      })
      .toBe(true);
    await expect
      .poll(async () => (await apiJson<RiskHistory>('/api/risk/inputs')).historyProblem ?? '', {
        timeout: speed.recoveryTimeout({ refreshMs: REFRESH_MS, floorMs: RECOVERY_FLOOR_MS }),
      })
      .not.toMatch(/still reading the chain/);
    await expect(page.getByTestId('proposal-row').first()).toBeVisible();
    await expect(health.getByTestId('history-range')).toContainText('samples');
    await expect(proposal.getByTestId('proposal-title')).toBeVisible();
    console.log(`[faults] slowest page load during the rebuild: ${(speed.slowestMs / 1000).toFixed(1)} s`);
  } finally {
    await rebuilt.catch(() => undefined);
    await ensureRunning('indexer');
  }
});

test('anvil stopped: pages keep the last figures under a banner, then recover by themselves', async ({
  page,
  context,
  request,
}) => {
  // The budget of the fast steps; the stop and start of anvil, and each wait for a page to recover, add to it.
  test.setTimeout(120_000);
  const speed = new PageSpeed();
  const within = (floorMs: number) => ({ timeout: speed.recoveryTimeout({ refreshMs: REFRESH_MS, floorMs }) });
  // A client-polling page, left open through the outage.
  await speed.time(() => page.goto('/tranches/1'));
  const capital = page.getByTestId('tranche-1-capital');
  await expect(capital).toHaveAttribute('data-raw', /^\d+$/);
  const capitalBefore = await capital.getAttribute('data-raw');
  const block = /block #(\d+)/.exec((await page.getByTestId('lens-age').textContent()) ?? '')?.[1];
  expect(block, 'the lens age names the block read').toBeTruthy();

  // The server keeps what it read last: open the pages it should fall back to while the node is still up.
  const health = await context.newPage();
  await speed.time(() => health.goto('/health'));
  await expect(health.getByTestId('block-number')).toHaveAttribute('data-raw', block!);
  // A proposal page left open: its state and tally are polled in the browser.
  const proposal = await context.newPage();
  await speed.time(async () => proposal.goto(`/governance/${await seededProposalId()}`));
  const state = proposal.getByTestId('proposal-state');
  await expect(state).not.toHaveText(/loading/);
  const stateBefore = await state.textContent();

  await fault('anvil', 'stop');
  try {
    // The open page notices on its next poll, says since when, and keeps the figures it had.
    await expect(banner(page, 'Chain RPC')).toContainText('Chain RPC unreachable since', within(20_000));
    await expect(banner(page, 'Chain RPC')).toContainText(`block #${block}`);
    await expect(capital).toHaveAttribute('data-raw', capitalBefore!);

    // A server-rendered page opened during the outage: last-known figures, same block.
    await openUntilBanner(health, '/health', 'Chain RPC', speed, 30_000);
    await expect(health.getByTestId('block-number')).toHaveAttribute('data-raw', block!);
    await expect(health.getByTestId('total-capital')).toBeVisible();

    // The home page, loaded during the outage, is rendered from the server's last good read.
    // (Within one refresh: a cached read answers with what it had while its next read runs.)
    const home = await context.newPage();
    await openUntilBanner(home, '/', 'Chain RPC', speed, 15_000);
    await expect(home.getByTestId('block-number')).toHaveAttribute('data-raw', block!);

    // The proposal page keeps the state it read, under the banner.
    await expect(banner(proposal, 'Chain RPC')).toContainText(
      'showing the last data read, from the state and tally read',
      within(20_000),
    );
    await expect(state).toHaveText(stateBefore!);

    const api = await request.get('/api/health');
    expect(api.status()).toBe(503);
    const body = (await api.json()) as {
      error: { since: string | null } | null;
      health: { blockNumber: string } | null;
    };
    expect(body.health?.blockNumber).toBe(block);
    expect(body.error?.since).toBeTruthy();

    await fault('anvil', 'start');
    // Nobody reloads: each page drops its banner on its own once the node answers again.
    await expectGoneEverywhere([page, health, home, proposal], (p) => banner(p, 'Chain RPC'), speed);
    await expect(health.getByTestId('block-number')).toHaveAttribute('data-raw', block!);
    expect((await request.get('/api/health')).status()).toBe(200);
  } finally {
    await ensureRunning('anvil');
  }
});

test('indexer stopped: chain figures stay, history is last-known under a banner, then recovers by itself', async ({
  page,
  context,
}) => {
  // The budget of the fast steps; the indexer's stop and restart, and each wait for a page to recover, add to it.
  test.setTimeout(120_000);
  const speed = new PageSpeed();
  await speed.time(() => page.goto('/health'));
  await expect(page.getByTestId('history-range')).toContainText('samples');
  const samplesBefore = await page.getByTestId('history-range').textContent();
  // Served once while the indexer is up, so that the server has a proposal list to fall back to.
  const governance = await context.newPage();
  await speed.time(() => governance.goto('/governance'));
  await expect(governance.getByTestId('proposals-unavailable')).toHaveCount(0);
  const proposalPath = `/governance/${await seededProposalId()}`;
  const proposal = await context.newPage();
  await speed.time(() => proposal.goto(proposalPath));
  const title = await proposal.getByTestId('proposal-title').textContent();

  await fault('indexer', 'stop');
  try {
    await openUntilBanner(page, '/health', 'History indexer', speed, 30_000);
    await expect(banner(page, 'History indexer')).toContainText('History indexer unreachable since');
    await expect(banner(page, 'Chain RPC')).toHaveCount(0);
    await expect(page.getByTestId('total-capital')).toBeVisible();
    await expect(page.getByTestId('history-range')).toHaveText(samplesBefore!);

    await openUntilBanner(governance, '/governance', 'History indexer', speed, 15_000);
    await expect(governance.getByTestId('proposals-unavailable')).toHaveCount(0);

    // The proposal the server read before: its text and votes stay, under the banner.
    await openUntilBanner(proposal, proposalPath, 'History indexer', speed, 15_000);
    await expect(banner(proposal, 'History indexer')).toContainText(
      /showing the last data read, from the proposal and its \d+ votes, read \d+ (s|min) ago/,
    );
    await expect(proposal.getByTestId('proposal-title')).toHaveText(title!);

    await fault('indexer', 'start');
    await expectGoneEverywhere([page, governance, proposal], (p) => banner(p, 'History indexer'), speed);
    await expect(page.getByTestId('history-range')).toContainText('samples');
  } finally {
    await ensureRunning('indexer');
  }
});
