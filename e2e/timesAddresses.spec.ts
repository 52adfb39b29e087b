import { expect, test } from '@playwright/test';
import { formatLocalTime } from '../lib/format/localTime';
import { readDeployment } from '../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './support/deploymentFile';

// A zone far from the server's UTC, with a half-hour offset nobody would hard-code by accident.
const ZONE = 'Asia/Kolkata';
test.use({ timezoneId: ZONE, locale: 'en-US' });

test("times: the server renders UTC, the browser shows the reader's zone, UTC on hover and focus", async ({ page }) => {
  // The server's HTML: UTC, whatever the reader's zone.
  const html = await (await page.request.get('/health')).text();
  expect(html).toMatch(/<time[^>]*data-utc="\d{4}-\d\d-\d\d \d\d:\d\d UTC"[^>]*>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/time>/);

  await page.goto('/health');
  const time = page.getByTestId('loss-row').first().getByTestId('local-time');
  await time.scrollIntoViewIfNeeded();
  await expect(time).toHaveAttribute('data-local', 'yes');
  const unix = Date.parse((await time.getAttribute('datetime')) ?? '') / 1000;
  expect(Number.isFinite(unix)).toBe(true);
  await expect(time).toHaveText(formatLocalTime(unix, { timeZone: ZONE, locale: 'en-US' }));
  await expect(time).toHaveText(/GMT\+5:30$/);

  const utc = (await time.getAttribute('data-utc')) ?? '';
  const tooltip = page.getByRole('tooltip', { name: utc });
  await expect(tooltip).toBeHidden();
  await time.focus();
  await expect(tooltip).toBeVisible();
  await expect(time).toHaveAccessibleDescription(utc);
  await page.keyboard.press('Tab');
  await expect(tooltip).toBeHidden();
  await time.hover();
  await expect(tooltip).toBeVisible();
});

test('addresses: the vault on its tranche page can be copied and opened on the explorer', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const vault = readDeployment(DEPLOYMENT_FILE).contracts.tranches[0];
  await page.goto('/tranches/junior');
  const cell = page.getByTestId('tranche-0-vault');
  await expect(cell).toHaveText(vault);
  const copy = cell.getByRole('button', { name: `Copy address ${vault}` });
  await copy.click();
  await expect(cell.getByRole('button', { name: `Copied ${vault}` })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(vault);
  // The e2e stack configures an explorer (scripts/lib/e2eStack.ts); the local chain has none of its own.
  await expect(cell.getByRole('link', { name: `${vault} on the block explorer (opens in a new tab)` })).toHaveAttribute(
    'href',
    `http://explorer.invalid/address/${vault}`,
  );
});
