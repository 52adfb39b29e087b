import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, createTestClient, createWalletClient, http, parseEther, zeroAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { backstopLensAbi, clearinghouseAbi, mockAggregatorAbi, testStablecoinAbi } from '../lib/chain/abis.generated';
import { readDeployment } from '../scripts/lib/deployment';
import { createRiskKeeper } from '../scripts/lib/riskKeeper';
import { anvilAccount, ROLE_INDEX } from '../scripts/lib/seed/accounts';
import { localChain } from '../scripts/lib/seed/clients';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const indexerUrl = (process.env.BACKSTOP_INDEXER_URL ?? 'http://127.0.0.1:42069').replace(/\/+$/, '');
const deployment = readDeployment(DEPLOYMENT_FILE);
const { clearinghouse, lens, asset } = deployment.contracts;
const chain = createPublicClient({ transport: http(rpcUrl) });
const anvil = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
// A trader of this test's own: no seeded account's position or balance changes under another spec.
const trader = privateKeyToAccount('0x5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed0021');
const wallet = createWalletClient({
  account: trader,
  chain: localChain(deployment.chainId, rpcUrl),
  transport: http(rpcUrl),
});

const WAD = 10n ** 18n;
const wad = (x: bigint) => Number(x) / 1e18;
const readLens = () =>
  chain.readContract({ address: lens, abi: backstopLensAbi, functionName: 'getDashboard', args: [zeroAddress] });
type Lens = Awaited<ReturnType<typeof readLens>>;

/** PremiumCurveLib's multiplier, written out from the contract's documentation, on the lens's curve. */
function curveSays(p: Lens['premium'], utilisation: bigint): number {
  const u = Math.min(wad(utilisation), 2);
  const kink = wad(p.kink);
  const base =
    u < kink ? 1 + (wad(p.slope1) * u) / kink : 1 + wad(p.slope1) + (wad(p.slope2) * (u - kink)) / (1 - kink);
  return (base * wad(p.volatility)) / wad(p.referenceVolatility);
}

async function send(hash: Promise<`0x${string}`>) {
  const receipt = await chain.waitForTransactionReceipt({ hash: await hash });
  expect(receipt.status).toBe('success');
}

/** Reloads `path` until the figure `testId` carries a data-value for which `ok` holds; returns it. */
async function pollFigure(page: Page, path: string, testId: string, ok: (value: number) => boolean): Promise<number> {
  let last = Number.NaN;
  await expect
    .poll(
      async () => {
        await page.goto(path);
        last = Number(await page.getByTestId(testId).getAttribute('data-value'));
        return ok(last);
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(true);
  return last;
}

/**
 * Earlier specs move the clock on by days: the oracle keeper posts each market's answer again, unchanged. That makes
 * the price history flat up to now (the risk model then reads almost no volatility), so this spec runs after
 * e2e/risk.spec.ts, which needs the seeded volatility.
 */
async function refreshOracles() {
  const keeper = createWalletClient({
    account: anvilAccount(ROLE_INDEX.keeper),
    chain: localChain(deployment.chainId, rpcUrl),
    transport: http(rpcUrl),
  });
  for (const oracle of Object.values(deployment.contracts.oracles)) {
    const [, answer] = await chain.readContract({
      address: oracle,
      abi: mockAggregatorAbi,
      functionName: 'latestRoundData',
    });
    await send(
      keeper.writeContract({ address: oracle, abi: mockAggregatorAbi, functionName: 'updateAnswer', args: [answer] }),
    );
  }
}

/** What a passed proposal does, without the nine days of voting: the timelock calls the clearinghouse. */
async function governanceSetsVolatility(value: bigint) {
  const timelock = deployment.contracts.timelock;
  await anvil.impersonateAccount({ address: timelock });
  await anvil.setBalance({ address: timelock, value: parseEther('1') });
  const asTimelock = createWalletClient({
    account: timelock,
    chain: localChain(deployment.chainId, rpcUrl),
    transport: http(rpcUrl),
  });
  await send(
    asTimelock.writeContract({
      address: clearinghouse,
      abi: clearinghouseAbi,
      functionName: 'setPremiumVolatility',
      args: [value],
    }),
  );
  await anvil.stopImpersonatingAccount({ address: timelock });
}

async function indexedUpTo(block: bigint) {
  await expect
    .poll(
      async () =>
        BigInt(((await (await fetch(`${indexerUrl}/api/status`)).json()) as { latestBlock: string }).latestBlock),
      {
        timeout: 90_000,
      },
    )
    .toBeGreaterThanOrEqual(block);
}

test('the charged APR follows the premium curve as open interest rises, and the keeper’s update shows in the history', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await refreshOracles();
  // Governance puts the volatility in the middle of the steward's range, so the keeper's round below can step it
  // either way (fair above charged: up; below: down), whatever the seeded history and the earlier specs left.
  const { stewardMin, stewardMax } = (await readLens()).premium;
  const middle = ((stewardMin[3]! + stewardMax[3]!) / 2n / 10n ** 16n) * 10n ** 16n;
  await governanceSetsVolatility(middle);
  const before = await readLens();
  expect(before.premium.volatility).toBe(middle);
  // The server reads the chain once per refresh interval: wait for the page to show governance's change.
  const multiplierBefore = await pollFigure(
    page,
    '/tranches/junior',
    'premium-multiplier',
    (m) => Math.abs(m - wad(before.premium.multiplier)) < 1e-9,
  );
  const chargedBefore = Number(await page.getByTestId('charged-apr-0').getAttribute('data-value'));
  const trailingBefore = Number(await page.getByTestId('charged-trailing-apr-0').getAttribute('data-value'));
  expect(chargedBefore).toBeGreaterThan(0);

  // A test trade: an ETH long that takes utilisation 0.3 higher, staying clear of the solvency threshold.
  const eth = before.markets[0]!;
  const capital = before.module.totalCapital;
  const targetRequired = ((before.premium.liveUtilisation + (3n * WAD) / 10n) * capital) / WAD;
  const notional = ((targetRequired - before.module.requiredCapital) * WAD) / eth.stressLossRate;
  expect(notional).toBeGreaterThan(0n);
  const priceWad = eth.price * 10n ** BigInt(18 - eth.priceDecimals);
  const size = (notional * 10n ** 30n) / priceWad;
  const margin =
    (await chain.readContract({
      address: clearinghouse,
      abi: clearinghouseAbi,
      functionName: 'initialMargin',
      args: [0n, notional],
    })) + 1n;
  await anvil.setBalance({ address: trader.address, value: parseEther('10') });
  await send(
    wallet.writeContract({ address: asset, abi: testStablecoinAbi, functionName: 'faucet', args: [margin * 2n] }),
  );
  await send(
    wallet.writeContract({
      address: asset,
      abi: testStablecoinAbi,
      functionName: 'approve',
      args: [clearinghouse, margin * 2n],
    }),
  );
  await send(
    wallet.writeContract({
      address: clearinghouse,
      abi: clearinghouseAbi,
      functionName: 'openPosition',
      args: [0n, true, size, margin],
    }),
  );

  // The open measured utilisation with itself in, and the multiplier is the curve's at it.
  const opened = await readLens();
  expect(opened.premium.utilisation).toBeGreaterThan(before.premium.utilisation);
  const multiplierNow = curveSays(opened.premium, opened.premium.utilisation);
  expect(wad(opened.premium.multiplier)).toBeCloseTo(multiplierNow, 9);

  // Seven hours on (past the steward's interval), a block for the indexer to sample.
  await anvil.increaseTime({ seconds: 7 * 3_600 });
  await anvil.mine({ blocks: 1 });
  await indexedUpTo(await chain.getBlockNumber());

  const shown = await pollFigure(
    page,
    '/tranches/junior',
    'premium-multiplier',
    (m) => Math.abs(m - multiplierNow) < 1e-6,
  );
  expect(shown).toBeGreaterThan(multiplierBefore);
  const rateEth = Number(await page.getByTestId('premium-rate-ETH').getAttribute('data-value'));
  expect(rateEth).toBeCloseTo(Math.min(wad(eth.feeRate) * multiplierNow, 0.02), 12);
  // Charged now = the window's premiums repriced at today's multiplier over the window's average: one new sample
  // barely moves the average, so the repricing grows as the multiplier did.
  const chargedAfter = Number(await page.getByTestId('charged-apr-0').getAttribute('data-value'));
  const trailingAfter = Number(await page.getByTestId('charged-trailing-apr-0').getAttribute('data-value'));
  expect(chargedAfter).toBeGreaterThan(chargedBefore);
  const repricing = chargedAfter / trailingAfter / (chargedBefore / trailingBefore);
  expect(repricing).toBeGreaterThan(1);
  expect(repricing / (multiplierNow / multiplierBefore)).toBeCloseTo(1, 1);

  // The keeper prices the tranches with the app's model and asks the steward for its steps, signed for real.
  const logs: string[] = [];
  const keeper = createRiskKeeper({
    rpcUrl,
    indexerUrl,
    deployment,
    account: anvilAccount(ROLE_INDEX.riskKeeper),
    intervalMs: 0,
    log: (line) => logs.push(line),
  });
  const run = await keeper.runOnce();
  // The volatility moves exactly one step (10 %) from governance's value, toward fair: up when charged is below it.
  const step = (middle * before.premium.maxStep) / WAD;
  const ratio = run.decision?.totalRatio ?? null;
  expect(ratio, logs.join('\n')).not.toBeNull();
  expect(
    Math.abs(ratio! - 1),
    `charged and fair must differ by more than the band:\n${logs.join('\n')}`,
  ).toBeGreaterThan(0.25);
  const expected = ratio! < 1 ? middle + step : middle - step;
  const update = run.sent.find((u) => u.param === 3);
  expect(update, logs.join('\n')).toEqual(expect.objectContaining({ param: 3, to: expected }));
  expect(
    await chain.readContract({ address: clearinghouse, abi: clearinghouseAbi, functionName: 'premiumVolatility' }),
  ).toBe(expected);
  // A second round within the steward's interval leaves the volatility alone.
  expect((await keeper.runOnce()).sent.find((u) => u.param === 3)).toBeUndefined();
  await indexedUpTo(await chain.getBlockNumber());
  await expect
    .poll(
      async () => {
        await page.goto('/health');
        return page.locator(`[data-testid="steward-update"][data-param="3"][data-new-value="${expected}"]`).count();
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBeGreaterThan(0);

  // Leave the market as it was for the specs that follow.
  await send(
    wallet.writeContract({ address: clearinghouse, abi: clearinghouseAbi, functionName: 'closePosition', args: [0n] }),
  );
});
