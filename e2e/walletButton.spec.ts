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
