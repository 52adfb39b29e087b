import { expect, test, type Page } from '@playwright/test';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  http,
  keccak256,
  parseUnits,
  toBytes,
  type Address,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  backstopGovernorAbi,
  backstopModuleAbi,
  backstopTokenAbi,
  testStablecoinAbi,
  trancheVaultAbi,
} from '../lib/chain/abis.generated';
import { ANVIL_TEST_PRIVATE_KEYS } from '../lib/chain/devWallet/accounts';
import { readDeployment } from '../scripts/lib/deployment';
import { connectDevWallet } from './support/devWallet';
import { DEPLOYMENT_FILE } from './support/deploymentFile';
import { ensureRunning } from './support/faultControl';

// Set by e2e/support/globalSetup.ts; the second chain and the app configured with both exist once started through
// the fault control (ensureRunning below), as in e2e/chains.spec.ts.
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts, whose global setup sets it.`);
  return value;
};
const appUrl = () => env('BACKSTOP_E2E_CHAINS_URL');
const SECOND = 31338;
const FIRST_NAME = 'Anvil (local)';
const SECOND_NAME = 'Anvil 2 (local)';
const DEPOSITOR = 8;
const USD = (text: string) => parseUnits(text, 6);

const chain2 = defineChain({
  id: SECOND,
  name: SECOND_NAME,
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [] } },
});

function stacks() {
  const first = { rpcUrl: env('BACKSTOP_RPC_URL'), deployment: readDeployment(DEPLOYMENT_FILE) };
  const second = {
    rpcUrl: env('BACKSTOP_E2E_CHAIN2_RPC_URL'),
    deployment: readDeployment(env('BACKSTOP_E2E_CHAIN2_DEPLOYMENT')),
  };
  return {
    first: { ...first, client: createPublicClient({ transport: http(first.rpcUrl) }) },
    second: {
      ...second,
      client: createPublicClient({ chain: chain2, transport: http(second.rpcUrl) }),
      test: createTestClient({ mode: 'anvil', transport: http(second.rpcUrl) }),
    },
  };
}

function keyOf(index: number) {
  const key = ANVIL_TEST_PRIVATE_KEYS[index];
  if (!key) throw new Error(`no anvil key #${index}`);
  return key;
}
const addressOf = (index: number): Address => privateKeyToAccount(keyOf(index)).address;

/** Signs on the second chain with an anvil key (its node's own accounts sign for 31337 only: docs/chains.md). */
function signerOnSecond(index: number, rpcUrl: string) {
  return createWalletClient({ account: privateKeyToAccount(keyOf(index)), chain: chain2, transport: http(rpcUrl) });
}

const chainShown = (page: Page) => page.getByTestId('chain-name').getAttribute('data-chain-id');

test.describe.configure({ mode: 'serial' });

test("a deposit and a withdrawal on the second chain's page are signed for that chain and land there only; the page follows the wallet", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Booted here, not in a beforeAll hook: the wait's sliding deadline moves the test's timeout, not a hook's.
  await ensureRunning('chain2');
  const { first, second } = stacks();
  const me = addressOf(DEPOSITOR);
  const asset = second.deployment.contracts.asset;
  const junior2 = second.deployment.contracts.tranches[0];
  const junior1 = first.deployment.contracts.tranches[0];

  // The faucet serves chain 31337 only: the richest seeded account on the second chain lends the depositor 500 tUSD.
  const balances = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      second.client.readContract({
        address: asset,
        abi: testStablecoinAbi,
        functionName: 'balanceOf',
        args: [addressOf(i)],
      }),
    ),
  );
  const lender = balances.reduce((best, b, i) => (i !== DEPOSITOR && b > balances[best]! ? i : best), 0);
  expect(balances[lender]!, 'a seeded account holds tUSD on the second chain').toBeGreaterThan(USD('500'));
  const lend = await signerOnSecond(lender, second.rpcUrl).writeContract({
    address: asset,
    abi: testStablecoinAbi,
    functionName: 'transfer',
    args: [me, USD('500')],
  });
  await second.client.waitForTransactionReceipt({ hash: lend });

  const sharesOf = (client: typeof first.client | typeof second.client, vault: Address) =>
    client.readContract({ address: vault, abi: trancheVaultAbi, functionName: 'balanceOf', args: [me] });
  const before = { second: await sharesOf(second.client, junior2), first: await sharesOf(first.client, junior1) };

  const balance2 = () =>
    second.client.readContract({ address: asset, abi: testStablecoinAbi, functionName: 'balanceOf', args: [me] });
  const walletMenuTo = async (name: string) => {
    await page.getByRole('button', { name: 'Chain Selector' }).click();
    // RainbowKit names each chain's button by its icon and its name: "Anvil (local) Anvil (local)".
    await page
      .getByRole('dialog', { name: 'Switch Networks' })
      .getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
      .click();
  };

  // A link to the second chain's Junior: the page reads that chain, the header says which, and the wallet connects
  // there (the dev wallet starts on the first chain).
  await page.goto(`${appUrl()}/tranches/junior?chain=${SECOND}`);
  await expect(page.getByTestId('chain-picker')).toBeVisible();
  expect(await chainShown(page)).toBe(String(SECOND));
  await connectDevWallet(page, DEPOSITOR);
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', (await balance2()).toString());
  await expect(page.getByTestId('deposit-submit-wrong-chain')).toHaveCount(0);

  // The header's link to the first chain: that link names its chain, so the page stays there and prompts.
  await page.getByTestId('chain-link-31337').click();
  await expect(page).toHaveURL(/\/tranches\/junior\?chain=31337$/);
  await expect(page.getByTestId('deposit-submit-wrong-chain')).toContainText(
    `Your wallet is on ${SECOND_NAME} (chain ${SECOND}), which has a backstop of its own; this page acts on ${FIRST_NAME} (chain 31337)`,
  );
  await expect(page.getByTestId('deposit-submit-show-wallet-chain')).toHaveAttribute(
    'href',
    `/tranches/junior?chain=${SECOND}`,
  );
  await page.getByTestId('deposit-submit-switch').click();
  await expect(page.getByTestId('deposit-submit-wrong-chain')).toHaveCount(0);

  // The wallet moves to the second chain through its own menu: the page moves with it.
  await walletMenuTo(SECOND_NAME);
  await expect(page).toHaveURL(/\/tranches\/junior\?chain=31338$/);
  await expect(page.getByTestId('chain-name')).toHaveAttribute('data-chain-id', String(SECOND));
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', (await balance2()).toString());

  // A permit deposit: the signature's domain must be the second chain's token on chain 31338, or the vault refuses it.
  await page.getByTestId('deposit-mode-permit').click();
  await page.getByTestId('deposit-amount').fill('100');
  await page.getByTestId('deposit-submit').click();
  await expect(page.getByTestId('deposit-submit-status')).toHaveAttribute('data-status', 'confirmed');
  expect(await sharesOf(second.client, junior2), 'shares minted on the second chain').toBeGreaterThan(before.second);
  expect(await sharesOf(first.client, junior1), 'nothing happened on the first chain').toBe(before.first);

  // Withdrawing on the second chain: a cooldown request, then (after its cooldown, on that chain's clock) the
  // withdrawal in its window; both land there.
  await page.getByTestId('cooldown-unit-assets').click();
  await page.getByTestId('cooldown-amount').fill('50');
  await page.getByTestId('cooldown-submit').click();
  await expect(page.getByTestId('cooldown-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'cooling');
  const [requested, cooldownEnd] = await second.client.readContract({
    address: junior2,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  expect(requested, 'the request is on the second chain').toBeGreaterThan(0n);
  const [onFirst] = await first.client.readContract({
    address: junior1,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  expect(onFirst, 'and not on the first').toBe(0n);
  // Its calendar file is the second chain's window.
  const calendar = await page.getByTestId('cooldown-calendar').getAttribute('href');
  expect(calendar).toContain(`chain=${SECOND}`);
  const ics = await page.request.get(`${appUrl()}${calendar}`);
  expect(ics.status(), await ics.text()).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  const now = (await second.client.getBlock()).timestamp;
  await second.test.increaseTime({ seconds: Number(cooldownEnd - now) + 60 });
  await second.test.mine({ blocks: 1 });
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'open');
  const assetsBefore = await balance2();
  await page.getByTestId('withdraw-unit-assets').click();
  await page.getByTestId('withdraw-amount').fill('40');
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('withdraw-submit-status')).toHaveAttribute('data-status', 'confirmed');
  expect(await balance2(), 'the withdrawal paid out on the second chain').toBe(assetsBefore + USD('40'));

  // A page without ?chain= shows the chain the returning wallet is on (the server reads wagmi's cookie).
  await page.goto(`${appUrl()}/tranches`);
  await expect(page).toHaveURL(/\/tranches\?chain=31338$/);
  expect(await chainShown(page)).toBe(String(SECOND));

  // A chain the app does not serve: said on the page, refused by the API, nothing read elsewhere.
  await page.goto(`${appUrl()}/tranches?chain=5`);
  await expect(page.getByTestId('unknown-chain')).toContainText(
    `The link names chain "5", which this app does not serve; it serves ${FIRST_NAME} (chain 31337), ${SECOND_NAME} (chain ${SECOND}).`,
  );
  const refused = await page.request.get(`${appUrl()}/api/position?account=${me}&chain=5`);
  expect(refused.status()).toBe(400);
});

test("a vote on the second chain's proposal is cast there, with its own indexer's proposal page", async ({ page }) => {
  test.setTimeout(240_000);
  await ensureRunning('chain2');
  const { second } = stacks();
  const { governor, governanceToken, module } = second.deployment.contracts;
  const votesOf = (index: number) =>
    second.client.readContract({
      address: governanceToken,
      abi: backstopTokenAbi,
      functionName: 'getVotes',
      args: [addressOf(index)],
    });
  const votes = await Promise.all(Array.from({ length: 10 }, (_, i) => votesOf(i)));
  const ranked = votes.map((v, i) => ({ i, v })).sort((a, b) => (b.v > a.v ? 1 : b.v < a.v ? -1 : 0));
  const [proposer, voter] = [ranked[0]!, ranked[1]!];
  const threshold = await second.client.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'proposalThreshold',
  });
  expect(proposer.v, 'a seeded account can propose on the second chain').toBeGreaterThanOrEqual(threshold);
  expect(voter.v, 'another seeded account has voting power there').toBeGreaterThan(0n);

  // A proposal of its own on the second chain (re-setting the guardian it has), so the vote below is the only one.
  const guardian = await second.client.readContract({
    address: module,
    abi: backstopModuleAbi,
    functionName: 'guardian',
  });
  const calldata = encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setGuardian', args: [guardian] });
  const description = `# Keep the guardian (chain ${SECOND}, ${Date.now()})`;
  const proposed = await signerOnSecond(proposer.i, second.rpcUrl).writeContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'propose',
    args: [[module], [0n], [calldata], description],
  });
  await second.client.waitForTransactionReceipt({ hash: proposed });
  const proposalId = await second.client.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'hashProposal',
    args: [[module], [0n], [calldata], keccak256(toBytes(description))],
  });
  const delay = await second.client.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'votingDelay',
  });
  await second.test.increaseTime({ seconds: Number(delay) + 1 });
  await second.test.mine({ blocks: 1 });

  // The second chain's indexer has to have seen it: its page says so until then.
  const url = `${appUrl()}/governance/${proposalId}?chain=${SECOND}`;
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId('proposal-title')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  expect(await chainShown(page)).toBe(String(SECOND));
  // The link names the second chain: the wallet connects there, so the vote needs no switch.
  await connectDevWallet(page, voter.i);
  await expect(page.getByTestId('vote-panel')).toBeVisible();
  await expect(page.getByTestId('vote-submit-wrong-chain')).toHaveCount(0);
  await page.getByTestId('vote-support-1').check();
  await page.getByTestId('vote-submit').click();
  await expect(page.getByTestId('vote-submit-status')).toHaveAttribute('data-status', 'confirmed');
  expect(
    await second.client.readContract({
      address: governor,
      abi: backstopGovernorAbi,
      functionName: 'hasVoted',
      args: [proposalId, addressOf(voter.i)],
    }),
  ).toBe(true);
  const [, forVotes] = await second.client.readContract({
    address: governor,
    abi: backstopGovernorAbi,
    functionName: 'proposalVotes',
    args: [proposalId],
  });
  expect(forVotes).toBe(voter.v);
});
