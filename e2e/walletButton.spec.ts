import { expect, test } from '@playwright/test';

// RainbowKit scopes its styles and theme variables to [data-rk]; its button is portalled into our header slot, which
// must carry the attribute or the button draws as bare text (as it did from stop 28 until this test).
test("RainbowKit's connect button draws with RainbowKit's styles in the header", async ({ page }) => {
  await page.goto('/governance');
  const button = page.getByRole('banner').getByTestId('rk-connect-button');
  await expect(button).toBeVisible();
  const style = await button.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { background: cs.backgroundColor, radius: cs.borderRadius, scoped: el.closest('[data-rk]') !== null };
  });
  expect(style.scoped).toBe(true);
  expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(style.radius).not.toBe('0px');
  // The amber accent the app gives RainbowKit (components/wallet/RainbowKitHost.tsx).
  expect(style.background).toBe('rgb(245, 158, 11)');
});

test('a press on the stand-in survives RainbowKit arriving under it, and opens the connect modal', async ({ page }) => {
  await page.goto('/governance/new');
  // Hold back the lazy chunks requested from now on (RainbowKit's among them), so the press starts on the stand-in.
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const standIn = page.getByRole('banner').getByTestId('wallet-button-loading');
  const before = await standIn.boundingBox();
  expect(before, 'the stand-in is there before RainbowKit').not.toBeNull();
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  // RainbowKit mounts its button in the slot while the press lasts; the stand-in keeps its place until the release.
  await expect(page.getByRole('banner').getByTestId('rk-connect-button')).toBeAttached({ timeout: 30_000 });
  await expect(page.getByRole('banner').getByTestId('rk-connect-button')).toBeHidden();
  expect(await standIn.boundingBox()).toEqual(before);
  await page.mouse.up();
  await expect(page.getByText('Dev wallet (anvil test keys)')).toBeVisible();
});
