import { expect, test, type Locator } from '@playwright/test';
import { createPublicClient, http, type Address } from 'viem';
import { backstopLensAbi } from '../lib/chain/abis.generated';
import { TRANCHE_SLUGS } from '../lib/tranches/trancheRef';
import { readDeployment } from '../scripts/lib/deployment';
import { anvilAccount, ROLE_INDEX } from '../scripts/lib/seed/accounts';
import { connectDevWallet } from './support/devWallet';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// e2e/support/globalSetup.ts points this at its own seeded chain; the default fits a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const client = createPublicClient({ transport: http(rpcUrl) });
const ROWS = ['el', 'var-950', 'es-950', 'var-990', 'es-990', 'var-999', 'es-999'];

/** A seeded depositor and a tranche they hold, with their exact fraction of its shares now. */
async function findHolder(): Promise<{ index: number; address: Address; trancheId: number; share: number }> {
  const lens = readDeployment(DEPLOYMENT_FILE).contracts.lens;
  for (const index of ROLE_INDEX.depositors) {
    const address = anvilAccount(index).address;
    const d = await client.readContract({
      address: lens,
      abi: backstopLensAbi,
      functionName: 'getDashboard',
      args: [address],
    });
    // Junior first: the tranche the tail reaches.
    for (const t of d.tranches) {
      const shares = d.user.tranches[t.id]?.shares ?? 0n;
      if (shares > 0n) return { index, address, trancheId: t.id, share: Number(shares) / Number(t.totalSupply) };
    }
  }
  throw new Error('no seeded depositor holds any tranche shares');
}

const valueOf = async (cell: Locator) => Number(await cell.getAttribute('data-value'));

/** Every row of a position table: the holder's figure is the tranche's times the share shown. */
async function expectScaledByShare(table: Locator, share: number) {
  for (const row of ROWS) {
    const tranche = await valueOf(table.getByTestId(`tranche-${row}`));
    const position = await valueOf(table.getByTestId(`position-${row}`));
    expect(Number.isFinite(tranche), row).toBe(true);
    expect(position, row).toBeCloseTo(tranche * share, 6);
  }
}

test('the tranche quote says what the tail costs the connected depositor', async ({ page }) => {
  const holder = await findHolder();
  await page.goto(`/tranches/${TRANCHE_SLUGS[holder.trancheId]}`);
  await connectDevWallet(page, holder.index);
  const table = page.getByTestId(`position-risk-${holder.trancheId}`);
  await table.scrollIntoViewIfNeeded();
  await expect(table).not.toHaveAttribute('data-share', 'none');
  const shown = Number(await table.getAttribute('data-share'));
  expect(shown).toBeCloseTo(holder.share, 12);
  await expect(table.getByRole('columnheader', { name: /Your position \(.+ of its shares\)/ })).toBeVisible();
  await expectScaledByShare(table, shown);
});

test('/health stress panel: an address shows what the selected scenario costs its position', async ({ page }) => {
  const holder = await findHolder();
  await page.goto('/health');
  await page.getByTestId('stress-section').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('stress-panel')).toBeVisible();

  // Pasted text that is no address: a clear message, and nothing is read.
  const field = page.getByTestId('stress-position-account');
  await field.fill('not an address');
  await page.getByTestId('stress-position-show').click();
  await expect(page.getByTestId('stress-position-problem')).toHaveText(/0x followed by 40 hexadecimal characters/);
  await expect(page.locator('[data-testid^="position-risk-"]')).toHaveCount(0);

  await field.fill(holder.address);
  await page.getByTestId('stress-position-show').click();
  const table = page.getByTestId(`position-risk-${holder.trancheId}`);
  await expect(table).toBeVisible();
  await expect(page.getByTestId('stress-position-problem')).toHaveCount(0);
  const share = Number(await table.getAttribute('data-share'));
  expect(share).toBeCloseTo(holder.share, 12);
  await expect(page.getByTestId('stress-panel')).toHaveAttribute('data-mc-state', 'done', { timeout: 20_000 });
  await expectScaledByShare(table, share);
  const calmEs = await valueOf(table.getByTestId('position-es-999'));

  // Triple the volatility: the holder's 99.9 % ES grows with the tranche's, still in proportion.
  const slider = page.getByLabel('Volatility multiplier');
  await slider.focus();
  for (let i = 0; i < 20; i++) await slider.press('ArrowRight');
  await expect(page.getByTestId('stress-volatilityMultiplier-value')).toHaveText('3.0×');
  await expect(table.locator('caption')).toHaveText(/volatility × 3/);
  await expect(page.getByTestId('stress-panel')).toHaveAttribute('data-mc-state', 'done', { timeout: 20_000 });
  await expect.poll(() => valueOf(table.getByTestId('position-es-999'))).toBeGreaterThan(calmEs);
  await expectScaledByShare(table, share);

  // The address is remembered in this browser.
  await page.reload();
  await page.getByTestId('stress-section').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('stress-position-account')).toHaveValue(holder.address);
  await expect(page.getByTestId(`position-risk-${holder.trancheId}`)).toBeVisible();
});

test('/api/position answers an address with its shares and refuses anything else with a reason', async ({
  request,
}) => {
  const holder = await findHolder();
  const ok = await request.get(`/api/position?account=${holder.address}`);
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { tranches: { id: number; shares: string; totalSupply: string }[] };
  const held = body.tranches.find((t) => t.id === holder.trancheId)!;
  expect(Number(held.shares) / Number(held.totalSupply)).toBeCloseTo(holder.share, 12);

  // Every letter's case flipped: still 20 bytes, but the EIP-55 checksum no longer matches.
  const flipped = `0x${[...holder.address.slice(2)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')}`;
  const typo = await request.get(`/api/position?account=${flipped}`);
  expect(typo.status()).toBe(400);
  expect(((await typo.json()) as { error: string }).error).toMatch(/checksum/);

  const junk = await request.get('/api/position?account=not-an-address');
  expect(junk.status()).toBe(400);
  expect(((await junk.json()) as { error: string }).error).toMatch(/20-byte address/);
});
