import { expect, test, type Page } from '@playwright/test';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  formatUnits,
  http,
  parseUnits,
  zeroAddress,
  type Address,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { backstopLensAbi, testStablecoinAbi, trancheVaultAbi } from '../lib/chain/abis.generated';
import { samplesResponse } from '../lib/indexer/schema';
import { incomeApr } from '../lib/tranches/incomeApr';
import { ANVIL_TEST_PRIVATE_KEYS } from '../lib/chain/devWallet/accounts';
import { icsTime, parseCalendar } from '../lib/calendar/ics';
import { averageCost, type Flow } from '../lib/tranches/costBasis';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const indexerUrl = (process.env.BACKSTOP_INDEXER_URL ?? 'http://127.0.0.1:42069').replace(/\/+$/, '');
const deployment = readDeployment(DEPLOYMENT_FILE);
const asset = deployment.contracts.asset;
const mezzanine = deployment.contracts.tranches[1];
const chain = createPublicClient({ transport: http(rpcUrl) });
const anvil = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });

const DAY = 86_400;
const USD = (n: string) => parseUnits(n, 6);

function accountOf(index: number): Address {
  const key = ANVIL_TEST_PRIVATE_KEYS[index];
  if (!key) throw new Error(`no anvil key #${index}`);
  return privateKeyToAccount(key).address;
}

const balanceOf = (who: Address) =>
  chain.readContract({ address: asset, abi: testStablecoinAbi, functionName: 'balanceOf', args: [who] });
const sharesOf = (who: Address) =>
  chain.readContract({ address: mezzanine, abi: trancheVaultAbi, functionName: 'balanceOf', args: [who] });
const nonceOf = (who: Address) => chain.getTransactionCount({ address: who });
const allowanceOf = (who: Address) =>
  chain.readContract({ address: asset, abi: testStablecoinAbi, functionName: 'allowance', args: [who, mezzanine] });
const walletOf = async (who: Address) => {
  const [balance, shares, nonce] = await Promise.all([balanceOf(who), sharesOf(who), nonceOf(who)]);
  return { balance, shares, nonce };
};

/**
 * After a 1,000 tUSD Mezzanine deposit: the tUSD left, shares came, exactly `transactions` were sent, no allowance is
 * left over, and the page shows the chain's shares. Returns the account's figures after it.
 */
async function expectDeposited(
  page: Page,
  me: Address,
  before: Awaited<ReturnType<typeof walletOf>>,
  transactions: number,
  why: string,
) {
  const after = await walletOf(me);
  expect(after.balance).toBe(before.balance - USD('1000'));
  expect(after.shares).toBeGreaterThan(before.shares);
  expect(after.nonce, why).toBe(before.nonce + transactions);
  expect(await allowanceOf(me)).toBe(0n);
  await expect(page.getByTestId('position-shares')).toHaveAttribute('data-raw', after.shares.toString());
  return after;
}

/**
 * The account's Mezzanine flows as the chain's own events give them, oldest first: ERC-4626 Deposit/Withdraw, the
 * shares a lapsed request forfeited, and share transfers to and from others (valued, as the indexer does, at the
 * vault's convertToAssets at the end of their block).
 */
async function flowsOnChain(owner: Address): Promise<Flow[]> {
  const base = { address: mezzanine, abi: trancheVaultAbi, fromBlock: BigInt(deployment.deployBlock) } as const;
  const [deposits, withdrawals, forfeits, sent, received] = await Promise.all([
    chain.getContractEvents({ ...base, args: { owner }, eventName: 'Deposit' }),
    chain.getContractEvents({ ...base, args: { owner }, eventName: 'Withdraw' }),
    chain.getContractEvents({ ...base, args: { owner }, eventName: 'RequestEarningsForfeited' }),
    chain.getContractEvents({ ...base, args: { from: owner }, eventName: 'Transfer' }),
    chain.getContractEvents({ ...base, args: { to: owner }, eventName: 'Transfer' }),
  ]);
  const zero = '0x0000000000000000000000000000000000000000';
  const isMove = (e: (typeof sent)[number]) => e.args.from !== zero && e.args.to !== zero && e.args.from !== e.args.to;
  const valueAt = (shares: bigint, blockNumber: bigint) =>
    chain.readContract({ ...base, functionName: 'convertToAssets', args: [shares], blockNumber });
  const transfers = await Promise.all(
    [
      ...sent.filter(isMove).map((e) => ({ e, kind: 'transfer-out' as const })),
      ...received.filter(isMove).map((e) => ({ e, kind: 'transfer-in' as const })),
    ].map(async ({ e, kind }) => ({
      kind,
      at: e,
      assets: await valueAt(e.args.value!, e.blockNumber),
      shares: e.args.value!,
    })),
  );
  return [
    ...deposits.map((e) => ({ kind: 'deposit' as const, at: e, assets: e.args.assets!, shares: e.args.shares! })),
    ...withdrawals.map((e) => ({ kind: 'withdraw' as const, at: e, assets: e.args.assets!, shares: e.args.shares! })),
    ...forfeits.map((e) => ({ kind: 'forfeit' as const, at: e, assets: e.args.assets!, shares: e.args.shares! })),
    ...transfers,
  ]
    .sort((a, b) => Number(a.at.blockNumber - b.at.blockNumber) || a.at.logIndex - b.at.logIndex)
    .map(({ kind, at, assets, shares }) => ({
      trancheId: 1,
      kind,
      assets,
      shares,
      timestamp: 0,
      blockNumber: at.blockNumber,
    }));
}

async function advanceChainTime(seconds: number) {
  await anvil.increaseTime({ seconds });
  await anvil.mine({ blocks: 1 });
}

/** Opens a tranche (Mezzanine unless told), connects the dev wallet and picks anvil account `index` (each test its own account). */
async function openAs(page: Page, index: number, path = '/tranches/mezzanine') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Connect Wallet' }).first().click();
  await page.getByText('Dev wallet (anvil test keys)').click();
  await page.getByTestId('dev-account-select').selectOption(String(index));
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute(
    'data-raw',
    (await balanceOf(accountOf(index))).toString(),
  );
}

async function faucet(page: Page, index: number) {
  const before = await balanceOf(accountOf(index));
  await page.getByTestId('faucet-submit').click();
  await expect(page.getByTestId('faucet-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', (before + USD('10000')).toString());
}

async function depositByPermit(page: Page, amount: string) {
  await page.getByTestId('deposit-mode-permit').click();
  await page.getByTestId('deposit-amount').fill(amount);
  await page.getByTestId('deposit-submit').click();
  await expect(page.getByTestId('deposit-submit-status')).toHaveAttribute('data-status', 'confirmed');
}

async function requestCooldown(page: Page, assets: string) {
  await page.getByTestId('cooldown-unit-assets').click();
  await page.getByTestId('cooldown-amount').fill(assets);
  await expect(page.getByTestId('cooldown-other-unit')).toBeVisible();
  await page.getByTestId('cooldown-submit').click();
  await expect(page.getByTestId('cooldown-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'cooling');
}

test('Mezzanine shows its yield APR apart from its premium APR, and the idle/strategy split the lens reads', async ({
  page,
}) => {
  expect(deployment.contracts.yieldVault, 'the local stack deploys a yield vault').toBeDefined();
  await page.goto('/tranches/mezzanine');
  await expect(async () => {
    await page.reload();
    const dashboard = await chain.readContract({
      address: deployment.contracts.lens,
      abi: backstopLensAbi,
      functionName: 'getDashboard',
      args: [zeroAddress],
    });
    const lens = dashboard.tranches[1]!;
    expect(lens.strategy).toBe(deployment.contracts.yieldVault);
    expect(lens.strategyAssets, 'Mezzanine holds part of its capital in the strategy').toBeGreaterThan(0n);
    await expect(page.getByTestId('tranche-1-idle')).toHaveAttribute('data-raw', lens.idleAssets.toString());
    await expect(page.getByTestId('tranche-1-strategy')).toHaveAttribute('data-raw', lens.strategyAssets.toString());
    await expect(page.getByTestId('tranche-1-yield-received')).toHaveAttribute(
      'data-raw',
      lens.totalYieldReceived.toString(),
    );
    expect(lens.idleAssets + lens.strategyAssets).toBeGreaterThanOrEqual(lens.totalAssets);

    // The APRs: the indexer's samples, as the lib computes them, and yield apart from premium.
    const body = samplesResponse.parse(await (await fetch(`${indexerUrl}/api/samples?from=0`)).json());
    const income = incomeApr(body.samples, 1);
    if (!income.ok) throw new Error(`no income APR from the indexer: ${income.reason}`);
    expect(income.yieldBps, 'the seeded strategy earned yield').toBeGreaterThan(0n);
    expect(income.premiumBps).toBeGreaterThan(0n);
    await expect(page.getByTestId('tranche-1-yield-apr')).toHaveAttribute('data-raw', income.yieldBps.toString());
    await expect(page.getByTestId('tranche-1-premium-apr')).toHaveAttribute('data-raw', income.premiumBps.toString());
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('tranche-1-yield-apr')).toContainText('% / year');
  await expect(page.getByTestId('tranche-income-age')).toContainText('from indexer samples up to');
  await expect(page.getByTestId('lens-age')).toContainText('block #');
});

test('deposit 1,000 tUSD into Mezzanine by permit: one transaction, shares and balances match the chain', async ({
  page,
}) => {
  const me = accountOf(2);
  await openAs(page, 2);
  await faucet(page, 2);
  const before = await walletOf(me);

  await depositByPermit(page, '1000');

  const after = await expectDeposited(page, me, before, 1, 'a permit deposit is one transaction');
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', after.balance.toString());
});

test('deposit 1,000 tUSD into Mezzanine by exact approve: two transactions, no allowance left over', async ({
  page,
}) => {
  const me = accountOf(3);
  await openAs(page, 3);
  await faucet(page, 3);
  const before = await walletOf(me);

  await page.getByTestId('deposit-mode-approve').click();
  await page.getByTestId('deposit-amount').fill('1000');
  await page.getByTestId('approve-submit').click();
  await expect(page.getByTestId('step-approve')).toHaveAttribute('data-state', 'done');
  expect(await allowanceOf(me)).toBe(USD('1000'));
  // Double click: the guard sends one transaction.
  await page.getByTestId('deposit-submit').dblclick();
  await expect(page.getByTestId('deposit-submit-status')).toHaveAttribute('data-status', 'confirmed');

  await expectDeposited(page, me, before, 2, 'approve + deposit, nothing more');
});

test('request a cooldown, wait it out, withdraw inside the window: the tUSD comes back', async ({ page }) => {
  const me = accountOf(4);
  await openAs(page, 4);
  await faucet(page, 4);
  await depositByPermit(page, '1000');
  await requestCooldown(page, '500');
  const [requested] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  expect(requested).toBeGreaterThan(0n);

  // The window as a calendar file: well formed, at the chain's exact times; bad requests say why.
  const [, cooldownEnd, windowEnd] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  const href = await page.getByTestId('cooldown-calendar').getAttribute('href');
  const ics = await page.request.get(href!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const body = await ics.text();
  const raw = body.split('\r\n');
  expect(raw[0]).toBe('BEGIN:VCALENDAR');
  expect(raw.at(-2)).toBe('END:VCALENDAR');
  for (const line of raw) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const lines = parseCalendar(body);
  expect(lines.find((l) => l.name === 'DTSTART')?.value).toBe(icsTime(Number(cooldownEnd)));
  expect(lines.find((l) => l.name === 'DTEND')?.value).toBe(icsTime(Number(windowEnd)));
  expect((await page.request.get('/tranches/mezzanine/window.ics?account=0x12')).status()).toBe(400);
  // An address nobody uses: other specs may have left a request on any anvil account.
  const none = await page.request.get(
    '/tranches/mezzanine/window.ics?account=0x000000000000000000000000000000000000dEaD',
  );
  expect(none.status()).toBe(404);
  expect(await none.text()).toContain('has no withdrawal request');

  await advanceChainTime(7 * DAY + 60);
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'open');

  // Above maxWithdraw: refused at the field.
  const maxWithdraw = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'maxWithdraw',
    args: [me],
  });
  await expect(page.getByTestId('withdraw-max')).toHaveAttribute('data-raw', maxWithdraw.toString());
  await page.getByTestId('withdraw-amount').fill((Number(maxWithdraw) / 1e6 + 1).toFixed(6));
  await expect(page.getByTestId('withdraw-amount-error')).toContainText('what you can withdraw now');

  // Exits pay the lower of the value at request (less losses since) and now: the preview shows what is paid, and says
  // why when the shares gained since the request (the seeded premiums keep vesting while the clock moves).
  await page.getByTestId('withdraw-unit-shares').click();
  const [requestedShares] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  const [paid, withheld] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'previewRedeemFor',
    args: [me, requestedShares],
  });
  expect(paid).toBe(
    await chain.readContract({ address: mezzanine, abi: trancheVaultAbi, functionName: 'requestValueOf', args: [me] }),
  );
  await page.getByTestId('withdraw-amount').fill(formatUnits(requestedShares, 12));
  await expect(page.getByTestId('withdraw-preview')).toHaveAttribute('data-raw', paid.toString());
  if (withheld > 0n)
    await expect(page.getByTestId('withdraw-exit-note')).toContainText('shares waiting to leave earn no premium');
  else await expect(page.getByTestId('withdraw-exit-note')).toHaveCount(0);
  await page.getByTestId('withdraw-unit-assets').click();

  const balance = await balanceOf(me);
  await page.getByTestId('withdraw-amount').fill('500');
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('withdraw-submit-status')).toHaveAttribute('data-status', 'confirmed');
  expect(await balanceOf(me)).toBe(balance + USD('500'));
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', (balance + USD('500')).toString());

  // Cost basis from the indexer (through the server's history route) agrees with the chain's own events, withdrawal included.
  const expected = averageCost(await flowsOnChain(me), 1);
  expect(expected.costBasis).toBeGreaterThan(0n);
  await expect(page.getByTestId('position-cost-basis')).toHaveAttribute('data-raw', expected.costBasis.toString(), {
    timeout: 30_000,
  });
  await expect(page.getByTestId('position-realised-pnl')).toHaveAttribute('data-raw', expected.realisedPnl.toString());
});

test('withdrawing before the window or after it lapses says why and sends nothing', async ({ page }) => {
  const me = accountOf(5);
  await openAs(page, 5);
  await faucet(page, 5);
  await depositByPermit(page, '1000');
  await requestCooldown(page, '500');
  await expect(page.getByText('Shares in cooldown still absorb losses')).toBeVisible();

  let nonce = await nonceOf(me);
  await page.getByTestId('withdraw-amount').fill('100');
  await expect(page.getByTestId('withdraw-submit-preview-error')).toContainText(/Your cooldown ends in (6 d|7 d)/);
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('withdraw-submit-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('withdraw-submit-status')).toContainText('withdrawals open then');
  expect(await nonceOf(me), 'no transaction before the window').toBe(nonce);

  await advanceChainTime(9 * DAY + 3_600);
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'lapsed');
  await expect(page.getByTestId('cooldown-status')).toContainText('Request a new cooldown');
  await expect(page.getByRole('heading', { name: 'Request a new cooldown' })).toBeVisible();
  nonce = await nonceOf(me);
  await page.getByTestId('withdraw-amount').fill('101');
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('withdraw-submit-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('withdraw-submit-status')).toContainText('the request has lapsed');
  expect(await nonceOf(me), 'no transaction after the window').toBe(nonce);

  // Cancelling the lapsed request says what it forfeits (the premium its shares earned while it lived), then burns
  // the shares that carry it: the request is gone and the holder has fewer shares, none of them locked.
  const forfeitable = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'forfeitableOf',
    args: [me],
  });
  if (forfeitable > 0n) await expect(page.getByTestId('cancel-forfeit')).toBeVisible();
  else await expect(page.getByTestId('cancel-request')).toContainText('It forfeits nothing now');
  const sharesBefore = await sharesOf(me);
  await page.getByTestId('cancel-request-submit').click();
  // Once confirmed and re-read, the request is gone and its cancel button (with its status line) with it.
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'none');
  await expect(page.getByTestId('cancel-request')).toHaveCount(0);
  const [, , windowEnd] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  expect(windowEnd).toBe(0n);
  const sharesAfter = await sharesOf(me);
  if (forfeitable > 0n) expect(sharesAfter).toBeLessThan(sharesBefore);
  else expect(sharesAfter).toBe(sharesBefore);
});

test('every bad amount gets its message at the field and sends nothing', async ({ page }) => {
  const index = 6;
  const me = accountOf(index);
  // More tUSD than the tranche has room for, so "above the cap left" can be reached (same anvil key, same faucet).
  const wallet = createWalletClient({
    account: privateKeyToAccount(ANVIL_TEST_PRIVATE_KEYS[index] as `0x${string}`),
    transport: http(rpcUrl),
  });
  const room = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'maxDeposit',
    args: [me],
  });
  let minted = await balanceOf(me);
  while (minted <= room + USD('1')) {
    const hash = await wallet.writeContract({
      address: asset,
      abi: testStablecoinAbi,
      functionName: 'faucet',
      args: [USD('10000000')],
      chain: null,
    });
    await chain.waitForTransactionReceipt({ hash });
    minted = await balanceOf(me);
  }
  await openAs(page, index);
  const balance = await balanceOf(me);
  const nonce = await nonceOf(me);
  const field = page.getByTestId('deposit-amount');
  const error = page.getByTestId('deposit-amount-error');
  await page.getByTestId('deposit-mode-approve').click();

  const cases: [string, RegExp][] = [
    ['', /Enter an amount/],
    ['0', /greater than 0/],
    ['-5', /cannot be negative/],
    ['1e3', /scientific notation/],
    ['1,000.5', /thousands separators/],
    ['1.0000001', /at most 6 digits after the point/],
    [(Number(balance / 10n ** 6n) + 1).toString(), /more than your wallet balance/],
    ['abc', /digits and at most one decimal point/],
    ['1 000', /Remove the spaces/],
    ['1' + '0'.repeat(80), /too large/],
  ];
  for (const [text, message] of cases) {
    await field.fill(text);
    await page.getByTestId('approve-submit').click();
    await expect(error, `input ${JSON.stringify(text)}`).toContainText(message);
  }

  // Above the cap left (within the balance): the room is the lens's maxDeposit.
  const roomNow = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'maxDeposit',
    args: [me],
  });
  await field.fill(((roomNow + USD('1')) / 10n ** 6n).toString());
  await page.getByTestId('approve-submit').click();
  await expect(error).toContainText('more than the room left under the tranche cap');

  expect(await nonceOf(me), 'no bad input sent a transaction').toBe(nonce);
});

test('a holder from before Junior was wiped claims its settlement: the tUSD arrives and the notice goes', async ({
  page,
}) => {
  const junior = deployment.contracts.tranches[0];
  const settlementOf = (who: Address) =>
    chain.readContract({ address: junior, abi: trancheVaultAbi, functionName: 'settlementOf', args: [who] });
  const indexes = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const owed = await Promise.all(indexes.map((i) => settlementOf(accountOf(i))));
  const at = owed.findIndex((amount) => amount > 0n);
  expect(
    at,
    'the seeded restart of Junior leaves a holder from before the crash a settlement to claim',
  ).toBeGreaterThanOrEqual(0);
  const index = indexes[at]!;
  const amount = owed[at]!;
  const me = accountOf(index);

  await openAs(page, index, '/tranches/junior');
  await expect(page.getByTestId('settlement-notice')).toHaveAttribute('data-raw', amount.toString());
  const before = await balanceOf(me);
  await page.getByTestId('settlement-claim').click();
  // The notice goes once the lens, re-read after the receipt, owes nothing more (its status line goes with it).
  await expect(page.getByTestId('settlement-notice')).toHaveCount(0);
  expect(await settlementOf(me)).toBe(0n);
  expect(await balanceOf(me)).toBe(before + amount);
});
