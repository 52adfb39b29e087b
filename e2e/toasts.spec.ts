import { expect, test, type Locator, type Page } from '@playwright/test';
import { createPublicClient, createTestClient, http, isAddressEqual, parseUnits, type Address, type Hash } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { testStablecoinAbi } from '../lib/chain/abis.generated';
import { ANVIL_TEST_PRIVATE_KEYS } from '../lib/chain/devWallet/accounts';
import { readDeployment } from '../scripts/lib/deployment';
import { connectDevWallet } from './support/devWallet';
import { renderAllCharts } from './support/charts';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// e2e/support/globalSetup.ts points these at its own seeded chain and serves the app with this explorer; the defaults fit `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const deployment = readDeployment(DEPLOYMENT_FILE);
const EXPLORER = 'http://explorer.invalid';
const chain = createPublicClient({ transport: http(rpcUrl) });
const anvil = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });

// #8 (the seed's guardian) only mints test tUSD here: no deposit, so no tranche figure another spec reads moves.
const ACCOUNT = 8;

function accountOf(index: number): Address {
  const key = ANVIL_TEST_PRIVATE_KEYS[index];
  if (!key) throw new Error(`no anvil key #${index}`);
  return privateKeyToAccount(key).address;
}
const balanceOf = (who: Address) =>
  chain.readContract({
    address: deployment.contracts.asset,
    abi: testStablecoinAbi,
    functionName: 'balanceOf',
    args: [who],
  });

/** The transaction a toast links to, from its explorer link. */
async function linkedHash(toast: Locator): Promise<Hash> {
  const href = (await toast.getByRole('link', { name: /View on explorer/ }).getAttribute('href')) ?? '';
  return href.slice(`${EXPLORER}/tx/`.length) as Hash;
}

/**
 * Opens Mezzanine as ACCOUNT, holds blocks so the faucet's transaction stays pending, sends it and hands its loading
 * toast to `whilePending`; mining resumes whatever happens, and the 10,000 tUSD must have arrived afterwards.
 */
async function faucetWhileBlocksHeld(page: Page, whilePending: (toast: Locator, me: Address) => Promise<void>) {
  const me = accountOf(ACCOUNT);
  await page.goto('/tranches/mezzanine');
  await connectDevWallet(page, ACCOUNT);
  const before = await balanceOf(me);
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', before.toString());
  const toast = page.getByTestId('tx-toast');
  await expect(toast).toHaveCount(0);

  await anvil.setAutomine(false);
  try {
    await page.getByTestId('faucet-submit').click();
    await expect(toast).toHaveAttribute('data-type', 'loading');
    await whilePending(toast, me);
  } finally {
    await anvil.setAutomine(true);
  }
  expect(await balanceOf(me)).toBe(before + parseUnits('10000', 6));
}

test('a faucet transaction gets one toast that goes from pending to confirmed, linked to the explorer', async ({
  page,
}) => {
  // Blocks are held so the pending phase lasts until the test has looked at it.
  await faucetWhileBlocksHeld(page, async (toast, me) => {
    await expect(page.getByTestId('faucet-submit-status')).toHaveAttribute('data-status', 'pending');
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText('Get 10000 test tUSD — pending');

    const link = toast.getByRole('link', { name: /View on explorer/ });
    const hash = await linkedHash(toast);
    expect(await link.getAttribute('href'), 'the link is the explorer page of a transaction').toMatch(
      new RegExp(`^${EXPLORER.replace(/\./g, '\\.')}/tx/0x[0-9a-f]{64}$`),
    );
    await expect(link).toHaveAttribute('target', '_blank');
    const sent = await chain.getTransaction({ hash });
    expect(isAddressEqual(sent.from, me), 'the linked transaction is the one this account sent').toBe(true);
    expect(isAddressEqual(sent.to ?? '0x', deployment.contracts.asset), 'it calls the token faucet').toBe(true);
    expect(sent.blockNumber, 'still in the mempool while the toast says pending').toBeNull();

    await anvil.mine({ blocks: 1 });
    await expect(toast).toHaveAttribute('data-type', 'success');
    await expect(toast).toContainText('Get 10000 test tUSD — confirmed');
    const receipt = await chain.getTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    await expect(toast).toContainText(`In block #${receipt.blockNumber}`);
    await expect(toast.getByRole('link', { name: /View on explorer/ })).toHaveAttribute(
      'href',
      `${EXPLORER}/tx/${hash}`,
    );
    await expect(toast, 'the pending toast was updated in place, not joined by a second one').toHaveCount(1);
  });
  await expect(page.getByTestId('faucet-submit-status')).toHaveAttribute('data-status', 'confirmed');
});

test('a pending transaction settles its toast after the user has left the page that sent it', async ({ page }) => {
  await faucetWhileBlocksHeld(page, async (toast) => {
    await expect(toast).toContainText('Get 10000 test tUSD — pending');

    // Client-side navigation, as a user clicks the header: the faucet form unmounts while its transaction is pending.
    await page.getByTestId('nav-governance').click();
    await expect(page).toHaveURL(/\/governance$/);
    await expect(page.getByTestId('faucet-submit'), 'the form that sent it is gone').toHaveCount(0);
    await expect(toast).toHaveAttribute('data-type', 'loading');

    await anvil.mine({ blocks: 1 });
    await expect(toast).toHaveAttribute('data-type', 'success');
    await expect(toast).toContainText('Get 10000 test tUSD — confirmed');
    const receipt = await chain.getTransactionReceipt({ hash: await linkedHash(toast) });
    expect(receipt.status).toBe('success');
    await expect(toast).toContainText(`In block #${receipt.blockNumber}`);
    await expect(toast).toHaveCount(1);
  });
});

test('a pending transaction is picked up again after a reload, and its toast settles', async ({ page }) => {
  await faucetWhileBlocksHeld(page, async (toast) => {
    const hash = await linkedHash(toast);

    await page.reload();
    await expect(toast, 'the reloaded page follows the transaction it did not see settle').toHaveAttribute(
      'data-type',
      'loading',
    );
    await expect(toast).toContainText('Get 10000 test tUSD — pending');

    await anvil.mine({ blocks: 1 });
    await expect(toast).toHaveAttribute('data-type', 'success');
    const receipt = await chain.getTransactionReceipt({ hash });
    await expect(toast).toContainText(`In block #${receipt.blockNumber}`);
  });
  await page.reload();
  await expect(page.getByTestId('wallet-balance')).toBeVisible();
  await expect(page.getByTestId('tx-toast'), 'a settled transaction is not picked up again').toHaveCount(0);
});

test('toasts live in a polite live region on wallet pages, and /health has none', async ({ page }) => {
  await page.goto('/tranches/mezzanine');
  const region = page.getByRole('region', { name: /Transaction notifications/ });
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await page.goto('/health');
  await renderAllCharts(page);
  await expect(page.getByRole('region', { name: /Transaction notifications/ })).toHaveCount(0);
});
