import { expect, test, type Page } from '@playwright/test';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  parseEventLogs,
  parseUnits,
  type Address,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  backstopGovernorAbi,
  backstopModuleAbi,
  testStablecoinAbi,
  trancheVaultAbi,
} from '../lib/chain/abis.generated';
import { ANVIL_TEST_PRIVATE_KEYS } from '../lib/chain/devWallet/accounts';
import { composeDescription } from '../lib/governance/proposalState';
import { readDeployment } from '../scripts/lib/deployment';
import { connectDevWalletWithKeyboard } from './support/devWallet';
import { expectFocusVisible, tabTo, typeInFocused } from './support/keyboard';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// Only the keyboard here: Tab / Shift+Tab to move, Enter or Space to press, arrows in radio groups, typing in fields.

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const deployment = readDeployment(DEPLOYMENT_FILE);
const { asset, governor, module } = deployment.contracts;
const mezzanine = deployment.contracts.tranches[1];
const chain = createPublicClient({ transport: http(rpcUrl) });
const anvil = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });

const DAY = 86_400;
const USD = (n: string) => parseUnits(n, 6);
// #9 (the seed's keeper) deposits, as no other spec does; #6 proposes and #4 votes on this spec's own proposal.
const DEPOSITOR = 9;
const PROPOSER = 6;
const VOTER = 4;
const AGAINST = 0;

function keyOf(index: number) {
  const key = ANVIL_TEST_PRIVATE_KEYS[index];
  if (!key) throw new Error(`no anvil key #${index}`);
  return key;
}
const accountOf = (index: number): Address => privateKeyToAccount(keyOf(index)).address;
const balanceOf = (who: Address) =>
  chain.readContract({ address: asset, abi: testStablecoinAbi, functionName: 'balanceOf', args: [who] });
const sharesOf = (who: Address) =>
  chain.readContract({ address: mezzanine, abi: trancheVaultAbi, functionName: 'balanceOf', args: [who] });

async function advanceChainTime(seconds: number) {
  await anvil.increaseTime({ seconds });
  await anvil.mine({ blocks: 1 });
}

/** Tab to a transaction button, press it with `key`, and wait for the transaction to be confirmed. */
async function pressTxButton(page: Page, testId: string, key: 'Enter' | 'Space') {
  // Retried like typeAmount: a re-render as a new block arrives can replace the button just after it took focus.
  await expect(async () => tabTo(page, page.getByTestId(testId))).toPass({ timeout: 20_000 });
  await page.keyboard.press(key);
  await expect(page.getByTestId(`${testId}-status`)).toHaveAttribute('data-status', 'confirmed');
}

async function typeAmount(page: Page, testId: string, text: string) {
  // Retried: right after time travel the panel may re-render once as the new block arrives, taking focus with it.
  await expect(async () => {
    await tabTo(page, page.getByTestId(testId));
    await typeInFocused(page, text);
    await expect(page.getByTestId(testId)).toHaveValue(text, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

test('the first Tab stop is a visible skip link that moves focus past the header', async ({ page }) => {
  await page.goto('/governance');
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectFocusVisible(skip);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false)).toBe(
    true,
  );
});

test('deposit, request a cooldown and withdraw in Mezzanine with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  const me = accountOf(DEPOSITOR);
  await page.goto('/tranches/1');
  await connectDevWalletWithKeyboard(page, DEPOSITOR);
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', (await balanceOf(me)).toString());

  const beforeFaucet = await balanceOf(me);
  await pressTxButton(page, 'faucet-submit', 'Enter');
  expect(await balanceOf(me)).toBe(beforeFaucet + USD('10000'));

  // Deposit 1,000 tUSD by permit (the default mode): type, Tab to the button, Enter.
  await expect(page.getByTestId('deposit-mode-permit')).toHaveAttribute('aria-checked', 'true');
  const [balance, shares] = await Promise.all([balanceOf(me), sharesOf(me)]);
  await typeAmount(page, 'deposit-amount', '1000');
  await pressTxButton(page, 'deposit-submit', 'Enter');
  expect(await balanceOf(me)).toBe(balance - USD('1000'));
  const sharesAfter = await sharesOf(me);
  expect(sharesAfter).toBeGreaterThan(shares);
  await expect(page.getByTestId('position-shares')).toHaveAttribute('data-raw', sharesAfter.toString());

  // Request a cooldown for 500 tUSD of shares, pressing the button with Space.
  await expect(page.getByTestId('cooldown-unit-assets')).toHaveAttribute('aria-checked', 'true');
  await typeAmount(page, 'cooldown-amount', '500');
  await expect(page.getByTestId('cooldown-other-unit')).toBeVisible();
  await pressTxButton(page, 'cooldown-submit', 'Space');
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'cooling');
  const [requested] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  expect(requested).toBeGreaterThan(0n);

  // Past the cooldown, inside the unstake window: withdraw the 500 tUSD.
  const { cooldown } = await chain.readContract({
    address: module,
    abi: backstopModuleAbi,
    functionName: 'trancheParams',
    args: [1],
  });
  await advanceChainTime(Number(cooldown) + 60);
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'open');
  const beforeWithdraw = await balanceOf(me);
  await typeAmount(page, 'withdraw-amount', '500');
  await pressTxButton(page, 'withdraw-submit', 'Enter');
  expect(await balanceOf(me)).toBe(beforeWithdraw + USD('500'));
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute(
    'data-raw',
    (beforeWithdraw + USD('500')).toString(),
  );
});

/** A fresh proposal (so it is Active whatever other specs did to the clock), proposed straight on chain. */
async function proposeAndOpenVoting(): Promise<bigint> {
  const wallet = createWalletClient({ account: privateKeyToAccount(keyOf(PROPOSER)), transport: http(rpcUrl) });
  const calldata = encodeFunctionData({
    abi: backstopModuleAbi,
    functionName: 'setUnstakeWindow',
    args: [2, BigInt(3 * DAY)],
  });
  const description = composeDescription(
    `Keyboard vote check ${Date.now()}`,
    'Senior unstake window: **2 days → 3 days**.',
  );
  const hash = await wallet.writeContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'propose',
    args: [[module], [0n], [calldata], description],
    chain: null,
  });
  const receipt = await chain.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: backstopGovernorAbi, eventName: 'ProposalCreated', logs: receipt.logs });
  if (!created) throw new Error('propose emitted no ProposalCreated');
  const votingDelay = await chain.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'votingDelay',
  });
  await advanceChainTime(Number(votingDelay) + 1);
  return created.args.proposalId;
}

test('vote Against on an active proposal with the keyboard only', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await proposeAndOpenVoting();
  const voter = accountOf(VOTER);
  // The page lists what the indexer has seen: reload until the new proposal is there.
  await expect(async () => {
    await page.goto(`/governance/${id}`);
    await expect(page.getByTestId('proposal-state')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  await connectDevWalletWithKeyboard(page, VOTER);
  await expect(page.getByTestId('proposal-state')).toHaveAttribute('data-state', 'active');

  // The radio group: Tab lands on the checked option (For), the arrow key moves to Against.
  await tabTo(page, page.getByTestId('vote-support-1'));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId(`vote-support-${AGAINST}`)).toBeChecked();
  await expect(page.getByTestId(`vote-support-${AGAINST}`)).toBeFocused();

  await tabTo(page, page.getByTestId('vote-reason'));
  await page.keyboard.type('Typed without a mouse.');
  await pressTxButton(page, 'vote-submit', 'Enter');

  expect(
    await chain.readContract({
      address: governor,
      abi: backstopGovernorAbi,
      functionName: 'hasVoted',
      args: [id, voter],
    }),
  ).toBe(true);
  const snapshot = await chain.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'proposalSnapshot',
    args: [id],
  });
  const weight = await chain.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'getVotes',
    args: [voter, snapshot],
  });
  const [against, forVotes, abstain] = await chain.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'proposalVotes',
    args: [id],
  });
  expect(weight).toBeGreaterThan(0n);
  expect({ against, forVotes, abstain }).toEqual({ against: weight, forVotes: 0n, abstain: 0n });
});
