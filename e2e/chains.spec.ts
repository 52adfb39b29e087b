import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, http } from 'viem';
import { backstopLensAbi } from '../lib/chain/abis.generated';
import { readDeployment, type Deployment } from '../scripts/lib/deployment';
import { expectNoSeriousViolations } from './support/axe';
import { DEPLOYMENT_FILE } from './support/deploymentFile';
import { ensureRunning, fault } from './support/faultControl';

// Set by e2e/support/globalSetup.ts: the stack's chain, and the second chain with the app that shows both, which
// exist once this spec has started them (POST /chain2/start).
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts, whose global setup sets it.`);
  return value;
};
const chains = () => [
  { chainId: 31337, rpcUrl: env('BACKSTOP_RPC_URL'), deployment: readDeployment(DEPLOYMENT_FILE) },
  {
    chainId: 31338,
    rpcUrl: env('BACKSTOP_E2E_CHAIN2_RPC_URL'),
    deployment: readDeployment(env('BACKSTOP_E2E_CHAIN2_DEPLOYMENT')),
  },
];
const appUrl = () => env('BACKSTOP_E2E_CHAINS_URL');

/** A chain's lens, read directly: what the page's figures must come from. */
async function readLens(chain: { rpcUrl: string; deployment: Deployment }) {
  const client = createPublicClient({ transport: http(chain.rpcUrl) });
  const d = await client.readContract({
    address: chain.deployment.contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: ['0x0000000000000000000000000000000000000000'],
  });
  // Open interest across every covered protocol the module still counts, as required capital does.
  const exposure = d.protocols
    .filter((p) => p.active)
    .flatMap((p) => p.markets)
    .reduce((sum, m) => sum + m.longNotional + m.shortNotional, 0n);
  return { capital: d.module.totalCapital, required: d.module.requiredCapital, exposure, block: d.blockNumber };
}

const raw = (page: Page, testId: string) => page.getByTestId(testId).first().getAttribute('data-raw');
const rowRaw = (page: Page, chainId: number, testId: string) =>
  page.getByTestId(`chain-row-${chainId}`).getByTestId(testId).getAttribute('data-raw');

test.describe.configure({ mode: 'serial' });

test('two chains on /health: each chain from its own lens, and the combined figures are their sums', async ({
  page,
  request,
}) => {
  // Boots the second anvil (a copy of this stack's chain, with its indexer) and a second app configured with both
  // chains, unless e2e/chainWallet.spec.ts did: in the test, whose timeout the wait's sliding deadline moves.
  await ensureRunning('chain2');
  const [first, second] = chains();
  const [a, b] = await Promise.all([readLens(first!), readLens(second!)]);
  // Seeded with another seed: a page that showed one chain twice, or summed the wrong ones, would fail below.
  expect(b.capital, 'the two chains hold different capital').not.toBe(a.capital);

  await page.goto(`${appUrl()}/health`);
  await expect(page.getByRole('heading', { name: 'Across 2 chains' })).toBeVisible();
  expect(await rowRaw(page, 31337, 'chain-capital')).toBe(a.capital.toString());
  for (const [chainId, lens] of [
    [31337, a],
    [31338, b],
  ] as const) {
    expect(await rowRaw(page, chainId, 'chain-required')).toBe(lens.required.toString());
    expect(await rowRaw(page, chainId, 'chain-exposure')).toBe(lens.exposure.toString());
    expect(await rowRaw(page, chainId, 'chain-block')).toBe(lens.block.toString());
  }
  expect(await raw(page, 'combined-capital')).toBe((a.capital + b.capital).toString());
  expect(await raw(page, 'combined-required')).toBe((a.required + b.required).toString());
  expect(await raw(page, 'combined-exposure')).toBe((a.exposure + b.exposure).toString());
  const ratio = ((a.capital + b.capital) * 10n ** 18n) / (a.required + b.required);
  expect(await raw(page, 'combined-solvency')).toBe(ratio.toString());
  await expect(page.getByTestId('combined-partial')).toHaveCount(0);
  // Each row links to its chain's wallet pages.
  await expect(page.getByTestId('chain-row-31338').getByTestId('chain-tranches-link')).toHaveAttribute(
    'href',
    '/tranches?chain=31338',
  );
  await expect(page.getByTestId('chain-row-31338').getByTestId('chain-governance-link')).toHaveAttribute(
    'href',
    '/governance?chain=31338',
  );
  // Below the chains, the page is the default chain's as before.
  expect(await raw(page, 'total-capital')).toBe(a.capital.toString());
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `/health with two chains, ${colorScheme}`);
  }

  const body = await (await request.get(`${appUrl()}/api/health`)).json();
  expect(body.chains.map((c: { chainId: number; live: boolean }) => [c.chainId, c.live])).toEqual([
    [31337, true],
    [31338, true],
  ]);
  expect(body.combined).toMatchObject({
    partial: false,
    counted: [31337, 31338],
    missing: [],
    figures: {
      totalCapital: { raw: (a.capital + b.capital).toString() },
      requiredCapital: { raw: (a.required + b.required).toString() },
      openInterestNotional: { raw: (a.exposure + b.exposure).toString() },
      solvency: { ratio: { raw: ratio.toString() } },
    },
  });
});

test('one chain down: its row keeps its last figures with their age, the other stays live, the sums say partial; then it recovers', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const [first, second] = chains();
  const [a, b] = await Promise.all([readLens(first!), readLens(second!)]);

  await fault('chain2', 'stop');
  try {
    await expect
      .poll(
        async () => {
          await page.goto(`${appUrl()}/health`);
          return page.getByTestId('chain-row-31338').getAttribute('data-live');
        },
        { timeout: 60_000 },
      )
      .toBe('false');
    await expect(page.getByTestId('chain-row-31338').getByTestId('chain-state')).toContainText(
      'down, last good figures read',
    );
    expect(await rowRaw(page, 31338, 'chain-capital')).toBe(b.capital.toString());
    await expect(page.getByTestId('chain-row-31337')).toHaveAttribute('data-live', 'true');
    await expect(page.getByTestId('combined-partial')).toHaveAttribute('data-missing', '31338');
    expect(await raw(page, 'combined-capital')).toBe(a.capital.toString());
    await expect(page.getByTestId('stale-banner').filter({ hasText: 'Chain RPC of Anvil 2' })).toBeVisible();
    // The default chain answers: its own figures and banner-free page stay as they were.
    await expect(page.getByTestId('stale-banner').filter({ hasText: /^Chain RPC unreachable/ })).toHaveCount(0);

    const api = await request.get(`${appUrl()}/api/health`);
    expect(api.status(), 'the default chain answers').toBe(200);
    const body = await api.json();
    expect(body.chains[1]).toMatchObject({
      chainId: 31338,
      live: false,
      figures: { totalCapital: { raw: b.capital.toString() } },
    });
    expect(body.chains[1].error.since).toBeTruthy();
    // The second chain's wallet pages say which chain is down; the first chain's pages answer as before.
    await page.goto(`${appUrl()}/tranches?chain=31338`);
    await expect(page.getByTestId('stale-banner').first()).toHaveAttribute(
      'data-source',
      'Chain RPC of Anvil 2 (local) (chain 31338)',
    );
    await page.goto(`${appUrl()}/tranches?chain=31337`);
    await expect(page.getByTestId('tranche-card-0')).toBeVisible();
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
    await page.goto(`${appUrl()}/health`);
    await expect(page.getByTestId('chain-row-31338')).toHaveAttribute('data-live', 'false');

    expect(body.combined).toMatchObject({ partial: true, counted: [31337], missing: [31338] });

    await fault('chain2', 'start');
    // Nobody reloads: the outage banner re-renders the page until the chain answers again.
    await expect(page.getByTestId('chain-row-31338')).toHaveAttribute('data-live', 'true', { timeout: 60_000 });
    await expect(page.getByTestId('combined-partial')).toHaveCount(0);
    expect(await raw(page, 'combined-capital')).toBe((a.capital + b.capital).toString());
  } finally {
    await ensureRunning('chain2');
  }
});
