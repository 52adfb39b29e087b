import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, createTestClient, encodeFunctionData, http, parseUnits, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { backstopGovernorAbi, backstopModuleAbi, backstopTimelockAbi } from '../lib/chain/abis.generated';
import { ANVIL_TEST_PRIVATE_KEYS } from '../lib/chain/devWallet/accounts';
import { protocolLabel } from '../lib/format/protocolName';
import { formatField, formatSeconds } from '../lib/governance/fields';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const deployment = readDeployment(DEPLOYMENT_FILE);
const { governor, module, timelock } = deployment.contracts;
const chain = createPublicClient({ transport: http(rpcUrl) });
const anvil = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });

const DAY = 86_400n;
// Not used by e2e/tranches.spec.ts (#2–#6): #7 proposes (20,000 BSG > threshold), #1 votes (120,000 BSG > quorum).
const PROPOSER = 7;
const VOTER = 1;

function accountOf(index: number): Address {
  const key = ANVIL_TEST_PRIVATE_KEYS[index];
  if (!key) throw new Error(`no anvil key #${index}`);
  return privateKeyToAccount(key).address;
}
const nonceOf = (index: number) => chain.getTransactionCount({ address: accountOf(index) });

async function advanceChainTime(seconds: bigint) {
  await anvil.increaseTime({ seconds: Number(seconds) });
  await anvil.mine({ blocks: 1 });
}

async function connectAs(page: Page, index: number) {
  await page.getByRole('button', { name: 'Connect Wallet' }).first().click();
  await page.getByText('Dev wallet (anvil test keys)').click();
  await page.getByTestId('dev-account-select').selectOption(String(index));
}

async function switchTo(page: Page, index: number) {
  await page.getByTestId('dev-account-select').selectOption(String(index));
}

const readCooldown = () =>
  chain.readContract({ address: module, abi: backstopModuleAbi, functionName: 'trancheParams', args: [0] });

test('a Junior cooldown change goes from template to execution; early or repeated actions send nothing', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const [votingDelay, votingPeriod, timelockDelay] = await Promise.all([
    chain.readContract({ address: governor, abi: backstopGovernorAbi, functionName: 'votingDelay' }),
    chain.readContract({ address: governor, abi: backstopGovernorAbi, functionName: 'votingPeriod' }),
    chain.readContract({ address: timelock, abi: backstopTimelockAbi, functionName: 'getMinDelay' }),
  ]);
  const before = (await readCooldown()).cooldown;
  const next = before > 3n * DAY ? before - 2n * DAY : before + DAY;
  const days = Number(next / DAY);

  // 1. Build the proposal from the template as #7.
  await page.goto('/governance/new');
  await connectAs(page, PROPOSER);
  await expect(page.getByTestId('proposal-threshold')).toContainText('your voting power: 20,000 BSG');
  await page.getByTestId('template-select').selectOption('cooldown:0');
  await page.getByTestId('template-add').click();
  await page.getByTestId('action-0-field-0').fill(String(days));
  await expect(page.getByTestId('summary-line')).toHaveText(
    `Backstop Junior cooldown: ${formatSeconds(before)} → ${formatSeconds(next)}`,
  );
  await expect(page.getByTestId('calldata-preview')).toContainText(module.toLowerCase().slice(2, 10), {
    ignoreCase: true,
  });
  await page.getByTestId('proposal-title-input').fill(`Junior cooldown to ${days} days (e2e ${Date.now()})`);
  await page
    .getByTestId('proposal-body-input')
    .fill('Shorter exits for **Junior**.\n\n- one action\n\n<script>alert(1)</script>');
  await page.getByTestId('propose-submit').click();
  await expect(page.getByTestId('propose-submit-status')).toHaveAttribute('data-status', 'confirmed');
  const link = page.getByTestId('proposal-created-link');
  const id = await link.getAttribute('data-id');
  expect(id).toMatch(/^\d+$/);
  await link.click();

  // 2. The indexer catches up; the proposal is pending, its action reads as words, its description as safe Markdown.
  await expect(page.getByTestId('proposal-state')).toHaveAttribute('data-state', 'pending', { timeout: 30_000 });
  await expect(page.getByTestId('proposal-action')).toHaveText(
    `Backstop Junior cooldown: ${formatSeconds(before)} → ${formatSeconds(next)}`,
  );
  await expect(page.getByTestId('proposal-description')).toContainText('<script>alert(1)</script>');
  await expect(page.getByTestId('vote-submit-reason')).toContainText('Voting has not started');

  // 3. Voting opens; #1 (self-delegated since the seed, long before the snapshot) votes For with a reason.
  await advanceChainTime(votingDelay + 1n);
  await switchTo(page, VOTER);
  await expect(page.getByTestId('proposal-state')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('vote-submit-reason')).toHaveCount(0);
  await page.getByTestId('vote-support-1').check();
  await page.getByTestId('vote-reason').fill('Seven days is longer than needed.');
  await page.getByTestId('vote-submit').click();
  await expect(page.getByTestId('vote-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('votes-for')).toHaveAttribute('data-raw', (120_000n * 10n ** 18n).toString());

  // 4. Voting twice: a clear message and no transaction.
  await page.reload();
  await expect(page.getByTestId('vote-submit-reason')).toContainText('already voted');
  const voterNonce = await nonceOf(VOTER);
  await page.getByTestId('vote-submit').click();
  await expect(page.getByTestId('vote-submit-reason')).toHaveAttribute('role', 'alert');
  expect(await nonceOf(VOTER)).toBe(voterNonce);

  // 5. Voting after the end (as #7, who has not voted): a clear message and no transaction.
  await advanceChainTime(votingPeriod + 1n);
  await switchTo(page, PROPOSER);
  await expect(page.getByTestId('proposal-state')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('vote-submit-reason')).toContainText('Voting has ended');
  const proposerNonce = await nonceOf(PROPOSER);
  await page.getByTestId('vote-submit').click();
  await expect(page.getByTestId('vote-submit-reason')).toHaveAttribute('role', 'alert');
  expect(await nonceOf(PROPOSER)).toBe(proposerNonce);

  // 6. Queue; executing before the timelock delay says when it can run and sends nothing.
  await page.getByTestId('queue-submit').click();
  await expect(page.getByTestId('queue-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('proposal-state')).toHaveAttribute('data-state', 'queued');
  await expect(page.getByTestId('execute-submit-reason')).toContainText('The timelock delay has not passed');
  const queuedNonce = await nonceOf(PROPOSER);
  await page.getByTestId('execute-submit').click();
  await expect(page.getByTestId('execute-submit-reason')).toHaveAttribute('role', 'alert');
  expect(await nonceOf(PROPOSER)).toBe(queuedNonce);

  // 7. After the delay, execute: the new value is on chain and on the tranche page.
  await advanceChainTime(timelockDelay + 1n);
  await expect(page.getByTestId('execute-submit-reason')).toHaveCount(0);
  await page.getByTestId('execute-submit').click();
  await expect(page.getByTestId('execute-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('proposal-state')).toHaveAttribute('data-state', 'executed');
  expect((await readCooldown()).cooldown).toBe(next);

  await page.goto('/tranches/0');
  await expect(page.getByTestId('tranche-0-exit-timing')).toContainText(`${days} d, then`);

  // 8. The public API carries it too, within one refresh of its cache.
  await expect(async () => {
    const response = await page.request.get('/api/health');
    const { health } = (await response.json()) as { health: { tranches: { id: number; cooldownSeconds: number }[] } };
    expect(health.tranches.find((t) => t.id === 0)?.cooldownSeconds).toBe(Number(next));
  }).toPass({ timeout: 20_000 });
});

test('an account without BSG: delegation validates the address; proposing is refused at the threshold', async ({
  page,
}) => {
  const NO_BSG = 8; // the seed's guardian key: holds no governance tokens
  const target = accountOf(9);
  await page.goto('/governance');
  await connectAs(page, NO_BSG);
  await expect(page.getByTestId('voting-power')).toHaveAttribute('data-raw', '0');

  await page.getByTestId('delegate-other').check();
  await page.getByTestId('delegate-address').fill('0x1234');
  await page.getByTestId('delegate-submit').click();
  await expect(page.getByTestId('delegate-address-error')).toContainText('Not an address');
  await page.getByTestId('delegate-address').fill(target.toLowerCase());
  await expect(page.getByTestId('delegate-checksum')).toContainText(target);
  await page.getByTestId('delegate-submit').click();
  await expect(page.getByTestId('delegate-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('current-delegate')).toHaveText(target);

  await page.getByTestId('new-proposal-link').click();
  await page.getByTestId('template-select').selectOption('stressLossRate:0');
  await page.getByTestId('template-add').click();
  await page.getByTestId('action-0-field-0').fill('150');
  await expect(page.getByTestId('action-0-field-0-error')).toContainText('MAX_STRESS_LOSS_RATE');
  await expect(page.getByTestId('threshold-error')).toContainText('below the proposal threshold (10,000 BSG)');
  const nonce = await nonceOf(NO_BSG);
  await page.getByTestId('propose-submit').click();
  await expect(page.getByTestId('proposal-problems')).toBeVisible();
  expect(await nonceOf(NO_BSG)).toBe(nonce);
});

test("a protocol's premium share drafted from its template: the encoded call and its words", async ({ page }) => {
  const protocol = await chain.readContract({
    address: module,
    abi: backstopModuleAbi,
    functionName: 'protocol',
    args: [1n],
  });
  const share = parseUnits('0.625', 18);
  await page.goto('/governance/new');
  await page.getByTestId('template-select').selectOption('premiumShare:1');
  await page.getByTestId('template-add').click();
  await page.getByTestId('action-0-field-0').fill('100.5');
  await expect(page.getByTestId('action-0-field-0-error')).toHaveText('Must be between 0% and 100% (0, 100 %).');
  await page.getByTestId('action-0-field-0').fill('62.5');
  await expect(page.getByTestId('summary-line')).toHaveText(
    `${protocolLabel(protocol.name, 1)} premium share: ${formatField({ kind: 'percent' }, protocol.premiumShare)} → 62.5%`,
  );
  const calldata = encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setPremiumShare', args: [1n, share] });
  await expect(page.getByTestId('calldata-preview')).toContainText(calldata);
  await expect(page.getByTestId('calldata-preview')).toContainText(module, { ignoreCase: true });
});
