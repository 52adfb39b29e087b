import { expect, test } from '@playwright/test';
import { createPublicClient, http, zeroAddress } from 'viem';
import { backstopLensAbi } from '../lib/chain/abis.generated';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';

test('the home page shows every tranche exactly as the lens reads it on chain', async ({ page }) => {
  const deployment = readDeployment(DEPLOYMENT_FILE);
  const client = createPublicClient({ transport: http(rpcUrl) });
  const dashboard = await client.readContract({
    address: deployment.contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [zeroAddress],
  });

  await page.goto('/');

  expect(dashboard.tranches).toHaveLength(3);
  for (const [id, tranche] of dashboard.tranches.entries()) {
    expect(tranche.id).toBe(id);
    await expect(page.getByTestId(`tranche-${id}-total-assets`)).toHaveAttribute(
      'data-raw',
      tranche.totalAssets.toString(),
    );
    await expect(page.getByTestId(`tranche-${id}-share-price`)).toHaveAttribute(
      'data-raw',
      tranche.sharePrice.toString(),
    );
    await expect(page.getByTestId(`tranche-${id}-total-supply`)).toHaveAttribute(
      'data-raw',
      tranche.totalSupply.toString(),
    );
  }

  const blockNumber = page.getByTestId('block-number');
  await expect(blockNumber).toHaveText(/\d/);
  const shown = /\d[\d,\u00a0\u202f]*/.exec((await blockNumber.textContent()) ?? '')?.[0].replace(/\D/g, '');
  const latest = await client.getBlockNumber();
  expect(shown, 'block-number shows a number').toBeDefined();
  expect(BigInt(shown ?? '0')).toBeGreaterThanOrEqual(BigInt(deployment.deployBlock));
  expect(BigInt(shown ?? '0')).toBeLessThanOrEqual(latest);
});
