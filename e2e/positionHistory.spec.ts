import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, createWalletClient, http, parseUnits, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { trancheVaultAbi } from '../lib/chain/abis.generated';
import { ANVIL_TEST_PRIVATE_KEYS } from '../lib/chain/devWallet/accounts';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';
import { connectDevWallet } from './support/devWallet';
import { fetchAccountFlows } from '../lib/indexer/client';
import { averageCost } from '../lib/tranches/costBasis';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const indexerUrl = (process.env.BACKSTOP_INDEXER_URL ?? 'http://127.0.0.1:42069').replace(/\/+$/, '');
const mezzanine = readDeployment(DEPLOYMENT_FILE).contracts.tranches[1];
const chain = createPublicClient({ transport: http(rpcUrl) });

/** Seeded Mezzanine holder (scripts/lib/seed/plan-deposits.ts) and an account the seed gave no Mezzanine shares. */
const SENDER = 6;
const RECEIVER = 7;
const key = (index: number) => ANVIL_TEST_PRIVATE_KEYS[index] ?? '0x';
const accountOf = (index: number): Address => privateKeyToAccount(key(index)).address;

/** What the lens reports as the account's value at `blockNumber`: convertToAssets(balanceOf(account)) there. */
async function lensValueAt(account: Address, blockNumber: bigint): Promise<bigint> {
  const read = { address: mezzanine, abi: trancheVaultAbi, blockNumber } as const;
  const shares = await chain.readContract({ ...read, functionName: 'balanceOf', args: [account] });
  return chain.readContract({ ...read, functionName: 'convertToAssets', args: [shares] });
}

/** Clicks a download link and answers the file's lines (CRLF-separated, as lib/health/csv.ts writes them). */
async function downloadLines(page: Page, testId: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
}

/** The receiver's Mezzanine cost basis from its indexed flows, as the app computes it. */
async function indexedCostBasis(account: Address): Promise<bigint> {
  return averageCost(await fetchAccountFlows(indexerUrl, account), 1).costBasis;
}

let transferBlock = 0n;
let transferValue = 0n;

test.beforeAll(async () => {
  // Shares sent from one account to another: the receiver's history starts with them, at their value then.
  const wallet = createWalletClient({ account: privateKeyToAccount(key(SENDER)), transport: http(rpcUrl) });
  const shares = parseUnits('1000', 12);
  const hash = await wallet.writeContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'transfer',
    args: [accountOf(RECEIVER), shares],
    chain: null,
  });
  const receipt = await chain.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
  transferBlock = receipt.blockNumber;
  transferValue = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'convertToAssets',
    args: [shares],
    blockNumber: transferBlock,
  });
  // The indexer has the transfer once the receiver's flows list it.
  await expect
    .poll(
      async () => {
        const body = (await (await fetch(`${indexerUrl}/api/accounts/${accountOf(RECEIVER)}/flows`)).json()) as {
          flows: { kind: string; assets: string; blockNumber: string }[];
        };
        return body.flows.filter((f) => f.kind === 'transfer-in').map((f) => [f.blockNumber, f.assets]);
      },
      { timeout: 60_000 },
    )
    .toContainEqual([transferBlock.toString(), transferValue.toString()]);
});

test("the position chart's last point equals the lens value; shares received by transfer carry their value as cost", async ({
  page,
}) => {
  const me = accountOf(RECEIVER);
  await page.goto('/tranches/1');
  await connectDevWallet(page, RECEIVER);
  const last = page.getByTestId('position-history-last');
  await last.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('position-chart-rendered')).toBeVisible();

  // The chart ends on the lens's figure: equal to the chain's own convertToAssets(balanceOf) at the point's block.
  await expect
    .poll(async () => {
      const block = await last.getAttribute('data-block');
      const value = await last.getAttribute('data-value');
      if (!block || !value) return 'no point yet';
      return value === (await lensValueAt(me, BigInt(block))).toString() ? 'equal' : `${value} at #${block}`;
    })
    .toBe('equal');
  // The very figure the position panel shows (both come from one lens read: poll until they are of the same one).
  await expect
    .poll(async () => [
      await last.getAttribute('data-value'),
      await page.getByTestId('position-value').getAttribute('data-raw'),
    ])
    .toEqual([expect.any(String), expect.any(String)]);
  await expect
    .poll(
      async () =>
        (await last.getAttribute('data-value')) === (await page.getByTestId('position-value').getAttribute('data-raw')),
    )
    .toBe(true);

  // The received shares cost what they were worth when they arrived (the indexer's row was checked against the chain
  // above); chart and panel agree on it, and the transfer warning is gone.
  const cost = (await indexedCostBasis(me)).toString();
  expect(BigInt(cost)).toBeGreaterThanOrEqual(transferValue);
  await expect(last).toHaveAttribute('data-cost-basis', cost);
  await expect(page.getByTestId('position-cost-basis')).toHaveAttribute('data-raw', cost);
  await expect(page.getByText(/shares moved by transfer|has not yet seen your latest/)).toHaveCount(0);
});

test('the position CSV and the public history CSV download with a header and rows', async ({ page }) => {
  await page.goto('/tranches/1');
  await connectDevWallet(page, RECEIVER);
  await page.getByTestId('position-history').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('position-history-last')).toBeVisible();

  const mine = (await downloadLines(page, 'position-history-csv')).map((line) => line.split(','));
  expect(mine[0]).toEqual([
    'time (UTC)',
    'block',
    'source',
    'shares (bsMEZ)',
    'value (tUSD)',
    'cost basis (tUSD)',
    'net deposited (tUSD)',
    'realised PnL (tUSD)',
    'PnL (tUSD)',
  ]);
  const rows = mine.slice(1);
  expect(rows.length).toBeGreaterThanOrEqual(1);
  const lastRow = rows.at(-1)!;
  expect(lastRow[2]).toBe('lens');
  expect(lastRow[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(parseUnits(lastRow[4]!, 6)).toBe(await lensValueAt(accountOf(RECEIVER), BigInt(lastRow[1]!)));
  expect(parseUnits(lastRow[5]!, 6)).toBe(await indexedCostBasis(accountOf(RECEIVER)));

  await page.getByTestId('chart-tranche-price').scrollIntoViewIfNeeded();
  const publicLines = await downloadLines(page, 'csv-tranche-price');
  expect(publicLines[0]).toBe(
    'time (UTC),block,share price (tUSD/share),"realised APR, trailing 30 d (%)",capital (tUSD)',
  );
  expect(publicLines.length).toBeGreaterThan(24);
  expect(publicLines.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,\d+,\d+(\.\d+)?,-?\d+\.\d\d,\d+(\.\d+)?$/);
});

test('without a wallet the public history draws and its range links work; the position section is absent', async ({
  page,
}) => {
  await page.goto('/tranches/1?range=7d');
  await expect(page.getByTestId('position-history')).toHaveCount(0);
  await expect(page.getByTestId('range-7d')).toHaveAttribute('aria-current', 'page');
  for (const kind of ['price', 'apr', 'capital'])
    await page.getByTestId(`chart-tranche-${kind}`).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('tranche-chart-rendered')).toHaveCount(3);
  // Every indexed sample in the range is drawn (the route thins only past 600). How many there are depends on what
  // the specs before this one did to the chain's clock, so the count is the route's, not a constant.
  const points = Number(await page.getByTestId('tranche-chart-rendered').first().getAttribute('data-points'));
  const week = (await (await page.request.get('/api/tranches/1/series?range=7d')).json()) as { rowCount: number };
  const all = (await (await page.request.get('/api/tranches/1/series?range=all')).json()) as { rowCount: number };
  expect(points).toBeGreaterThan(0);
  expect(points).toBe(Math.min(week.rowCount, 600));
  expect(all.rowCount).toBeGreaterThan(week.rowCount);
  await expect(page.getByTestId('summary-tranche-apr')).toContainText(/Realised APR over the 30 days to .*% a year/);
  await page.getByTestId('range-30d').click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(page.getByTestId('csv-tranche-capital')).toHaveAttribute('href', '/api/tranches/1/csv?range=30d');
});
