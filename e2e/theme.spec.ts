import { expect, test, type Page } from '@playwright/test';

/** Relative luminance (0 black … 1 white) of the page background, as the browser computed it. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

test('the theme follows the system setting until the visitor chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/health');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  await expect(page.getByTestId('theme-toggle').getByRole('button', { name: 'System' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('a chosen theme overrides the system, survives a reload and is in the first HTML', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/tranches');
  // A click before hydration takes the no-JavaScript path (a form post and a reload): either way the page turns light.
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Light' }).click();
  await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.8);
  await expect(page.getByTestId('theme-toggle').getByRole('button', { name: 'Light' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Server-rendered from the cookie: no flash of the other theme before scripts run.
  const html = await (await page.request.get('/health')).text();
  expect(html).toMatch(/<html[^>]*data-theme="light"/);
  await page.goto('/health');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);

  await page.getByTestId('theme-toggle').getByRole('button', { name: 'System' }).click();
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.05);
  expect(await (await page.request.get('/health')).text()).not.toMatch(/<html[^>]*data-theme=/);
});

test('the theme switch works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/health?range=30d');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Dark' }).click();
  await expect(page).toHaveURL(/\/health\?range=30d$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  await context.close();
});

test('the theme route refuses to redirect off the site', async ({ request }) => {
  const response = await request.post('/api/theme', {
    form: { theme: 'dark' },
    headers: { referer: 'https://evil.example/phish' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/');
  expect(response.headers()['set-cookie']).toContain('backstop-theme=dark');
});

test('the theme route sends the visitor back to the address they used, not the server’s own name', async ({
  request,
  baseURL,
}) => {
  // Behind a reverse proxy the site's address is not the server's; a redirect built from the latter left the site.
  const response = await request.post('/api/theme', {
    form: { theme: 'light' },
    headers: { referer: 'https://backstop.example/health?range=30d', 'x-forwarded-host': 'backstop.example' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/health?range=30d');
  const direct = await request.post('/api/theme', {
    form: { theme: 'light' },
    headers: { referer: `${baseURL}/governance` },
    maxRedirects: 0,
  });
  expect(direct.headers()['location']).toBe('/governance');
});
