import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createPublicClient, http, type Address } from 'viem';
import { testStablecoinAbi, trancheVaultAbi } from '../lib/chain/abis.generated';
import { ANVIL_TEST_ADDRESSES } from '../lib/chain/devWallet/accounts';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';
import { expectNoSeriousViolations } from './support/axe';
import { connectDevWallet } from './support/devWallet';
import { tabTo } from './support/keyboard';

// Runs after tranches.spec.ts (the clock warps forward here too); an account no earlier spec requests a cooldown with.
const INDEX = 7;
const me = ANVIL_TEST_ADDRESSES[INDEX] as Address;
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const deployment = readDeployment(DEPLOYMENT_FILE);
const mezzanine = deployment.contracts.tranches[1];
const chain = createPublicClient({ transport: http(rpcUrl) });
const SECRET = 'e2e-webhook-secret-0123456789abcdef';

const run = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ...args],
      { env: { ...process.env, BACKSTOP_RPC_URL: rpcUrl, ...env }, timeout: 90_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });

const bell = (page: Page) => page.getByTestId('alert-bell-button');

/** The bell's unread count once it has read the account's alerts. */
const unreadOf = async (page: Page) => Number(await bell(page).getAttribute('data-unread'));

test('a cooldown’s end rings the bell; marking it read lasts across a reload; the webhook sender delivers it once', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/tranches/mezzanine');
  await connectDevWallet(page, INDEX);
  const balance = await chain.readContract({
    address: deployment.contracts.asset,
    abi: testStablecoinAbi,
    functionName: 'balanceOf',
    args: [me],
  });
  await expect(page.getByTestId('wallet-balance')).toHaveAttribute('data-raw', balance.toString());

  // Bad input to the route gets a reason.
  const bad = await page.request.get('/api/alerts?account=0x12');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain('20-byte');

  // Some tUSD, a deposit, a cooldown request on part of it.
  await page.getByTestId('faucet-submit').click();
  await expect(page.getByTestId('faucet-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await page.getByTestId('deposit-mode-permit').click();
  await page.getByTestId('deposit-amount').fill('1000');
  await page.getByTestId('deposit-submit').click();
  await expect(page.getByTestId('deposit-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await page.getByTestId('cooldown-unit-assets').click();
  await page.getByTestId('cooldown-amount').fill('400');
  await page.getByTestId('cooldown-submit').click();
  await expect(page.getByTestId('cooldown-submit-status')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('cooldown-status')).toHaveAttribute('data-phase', 'cooling');

  const [, cooldownEnd] = await chain.readContract({
    address: mezzanine,
    abi: trancheVaultAbi,
    functionName: 'cooldownOf',
    args: [me],
  });
  const alertId = `window-open-1-${cooldownEnd}`;
  const item = page.locator(`[data-alert-id="${alertId}"]`);

  // While the cooldown runs, the bell has read the account's alerts and this one is not among them.
  await expect(bell(page)).toHaveAttribute('data-unread', /^\d+$/);
  const unreadBefore = await unreadOf(page);
  await bell(page).click();
  await expect(bell(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('alert-panel')).toBeVisible();
  await expect(item).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(bell(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(bell(page)).toBeFocused();

  // Past the cooldown's end with the project's own command.
  const now = (await chain.getBlock()).timestamp;
  const advanced = await run(['scripts/dev-advance-time.ts', `${cooldownEnd - now + 60n}s`]);
  expect(advanced.code, advanced.output).toBe(0);

  // The bell rings by itself (it polls): more unread than before, the count in its accessible name.
  await expect.poll(() => unreadOf(page), { timeout: 40_000 }).toBeGreaterThan(unreadBefore);
  const unread = await unreadOf(page);
  await expect(bell(page)).toHaveAccessibleName(`Alerts, ${unread} unread`);
  await expect(page.getByTestId('alert-bell-count')).toHaveText(String(unread));

  // Opened with the keyboard, the reminder is there, unread, with the tranche and the window's times.
  await bell(page).focus();
  await page.keyboard.press('Enter');
  await expect(bell(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(item).toHaveAttribute('data-read', 'false');
  await expect(item).toContainText('Mezzanine: your cooldown ended, the withdrawal window is open');
  await expect(item).toContainText(/at most [\d,.]+ tUSD/);
  await expect(page.getByTestId('alert-freshness')).toContainText('chain time');
  await expectNoSeriousViolations(page, 'alert list open');
  // Tab reaches the reminder's link and its button.
  await tabTo(page, item.getByRole('link'));
  await tabTo(page, item.getByTestId('alert-mark-read'));
  await page.keyboard.press('Enter');
  await expect(item).toHaveAttribute('data-read', 'true');
  await expect.poll(() => unreadOf(page)).toBe(unread - 1);

  // Read stays read across a reload, and the count is what the list shows unread.
  await page.reload();
  await expect(page.getByTestId('dev-account-select')).toHaveValue(String(INDEX));
  await expect(bell(page)).toHaveAttribute('data-unread', /^\d+$/);
  await bell(page).click();
  await expect(item).toHaveAttribute('data-read', 'true');
  const unreadItems = await page.locator('[data-testid="alert-item"][data-read="false"]').count();
  expect(await unreadOf(page)).toBe(unreadItems);

  // The webhook sender, pointed at a local receiver, delivers the reminder once across two runs.
  const received: { id: string; body: string; signed: boolean }[] = [];
  const receiver: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const timestamp = String(request.headers['x-backstop-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      received.push({
        id: String(request.headers['x-backstop-event-id']),
        body,
        signed: request.headers['x-backstop-signature'] === expected,
      });
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const dir = await mkdtemp(path.join(tmpdir(), 'backstop-e2e-alerts-'));
  try {
    const args = [
      'scripts/alerts.ts',
      '--webhook',
      `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      '--app',
      process.env.BASE_URL!,
      '--account',
      me,
      '--state',
      path.join(dir, 'state.json'),
      '--once',
    ];
    const first = await run(args, { BACKSTOP_WEBHOOK_SECRET: SECRET });
    expect(first.code, first.output).toBe(0);
    const key = `account:${me.toLowerCase()}:${alertId}`;
    expect(received.filter((r) => r.id === key)).toHaveLength(1);
    expect(received.some((r) => r.id.startsWith('protocol:loss-'))).toBe(true);
    expect(received.every((r) => r.signed)).toBe(true);
    expect(JSON.parse(received.find((r) => r.id === key)!.body)).toMatchObject({ kind: 'window-open', account: me });
    const count = received.length;
    const second = await run(args, { BACKSTOP_WEBHOOK_SECRET: SECRET });
    expect(second.code, second.output).toBe(0);
    expect(received.slice(count).filter((r) => r.id === key)).toHaveLength(0);
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
});
