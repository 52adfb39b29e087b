import { createHash } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { renderAllCharts } from './support/charts';

// Every document route the app serves, and the API routes (which return data, never documents).
const PAGES = ['/', '/health', '/tranches', '/tranches/1', '/governance', '/governance/new'] as const;
/** Rendered per visitor, with a fresh nonce each. (/health is served from a render cache: hashes instead.) */
const NONCE_PAGES = PAGES.filter((route) => route !== '/health');
const NOBODY = '0x000000000000000000000000000000000000dEaD';
const API_ROUTES = [
  '/api/health',
  '/api/health/series?range=7d',
  '/api/risk/inputs',
  '/api/risk/backtest',
  `/api/position?account=${NOBODY}`,
  `/api/alerts?account=${NOBODY}`,
  '/api/proposals/1/effect',
  '/api/tranches/1/series?range=7d',
  '/api/tranches/1/csv?range=7d',
] as const;

/** The headers every response must carry, with the exact value each must have. */
const STATIC_HEADERS: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'x-frame-options': /^DENY$/,
  'permissions-policy': /camera=\(\).*microphone=\(\).*geolocation=\(\).*payment=\(\).*usb=\(\)/,
  'cross-origin-opener-policy': /^same-origin-allow-popups$/,
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

function expectStaticHeaders(response: APIResponse, route: string) {
  const headers = response.headers();
  for (const [name, pattern] of Object.entries(STATIC_HEADERS)) {
    expect(headers[name], `${route}: ${name}`).toMatch(pattern);
  }
}

/** The directives every document's policy pins, whatever lets its scripts run. */
function expectDocumentPolicy(csp: Map<string, string[]>) {
  const script = csp.get('script-src') ?? [];
  expect(script, 'no eval in production').not.toContain("'unsafe-eval'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
}

for (const route of NONCE_PAGES) {
  test(`${route} carries the security headers and a nonce-only script policy`, async ({ request }) => {
    const response = await request.get(route);
    expect(response.status(), route).toBe(200);
    expectStaticHeaders(response, route);

    const policy = response.headers()['content-security-policy'];
    expect(policy, `${route}: Content-Security-Policy`).toBeTruthy();
    const csp = directives(policy!);
    const script = csp.get('script-src') ?? [];
    const nonce = script.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, 'script-src has a nonce').toBeTruthy();
    expect(script).toContain("'strict-dynamic'");
    expectDocumentPolicy(csp);

    // Every script element in the HTML is one the policy lets run: Next stamped this response's nonce on it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${route}: ${tag.slice(0, 80)}`).toContain(`nonce="${nonce}"`);
    expect(html, 'no inline event handlers').not.toMatch(/<[^>]+\son[a-z]+=["']/i);

    // Fresh per request: a nonce seen once is useless to an attacker.
    const again = directives((await request.get(route)).headers()['content-security-policy']!);
    expect(again.get('script-src')?.find((v) => v.startsWith("'nonce-"))).not.toBe(`'nonce-${nonce}'`);
  });
}

test('/health comes from the render cache: one HTML per refresh, its own inline scripts allowed by hash only', async ({
  request,
}) => {
  // A page view as a browser asks for it: the cache serves documents only.
  const view = () => request.get('/health', { headers: { accept: 'text/html' } });
  // Two views in a row fall in one refresh interval, unless one just ended: then the next two do.
  let [first, second] = [await view(), await view()];
  if ((await first.text()) !== (await second.text())) [first, second] = [second, await view()];
  expect(await second.text(), 'the same render for both visitors').toBe(await first.text());

  for (const response of [first, second]) {
    expect(response.status()).toBe(200);
    expectStaticHeaders(response, '/health');
    const csp = directives(response.headers()['content-security-policy']!);
    expectDocumentPolicy(csp);
    const script = csp.get('script-src') ?? [];
    expect(
      script.filter((v) => v.startsWith("'nonce-")),
      'a shared page carries no nonce',
    ).toEqual([]);
    expect(script, "'strict-dynamic' would block the hashed page's chunks").not.toContain("'strict-dynamic'");
    expect(script).toContain("'self'");

    const html = await response.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attrs]) => !/\ssrc=/.test(` ${attrs}`),
    );
    expect(inline.length).toBeGreaterThan(0);
    const allowed = inline.map(([, , text]) => `'sha256-${createHash('sha256').update(text!).digest('base64')}'`);
    expect(script.filter((v) => v.startsWith("'sha256-")).sort(), 'exactly the inline scripts of this HTML').toEqual(
      [...new Set(allowed)].sort(),
    );
    const sources = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
    for (const src of sources) expect(src, 'chunks come from the build output').toMatch(/^\/_next\/static\//);
    expect(html, 'no inline event handlers').not.toMatch(/<[^>]+\son[a-z]+=["']/i);
  }
});

test('a request for /health that does not ask for HTML (a client-side prefetch) is rendered for itself', async ({
  request,
}) => {
  // Next strips the RSC headers and `_rsc` before its proxy runs; the Accept header is what tells a prefetch apart.
  const response = await request.get('/health?_rsc=abc', { headers: { accept: '*/*', rsc: '1' } });
  expect(response.status()).toBe(200);
  const script = directives(response.headers()['content-security-policy']!).get('script-src') ?? [];
  expect(
    script.some((v) => v.startsWith("'nonce-")),
    'a per-request nonce, not the cached page',
  ).toBe(true);
  expect(await response.text(), 'the RSC payload, not an HTML document').not.toMatch(/^\s*<!DOCTYPE html>/i);
});

test('the cached /health policy blocks a script injected into its HTML', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(event.violatedDirective);
    });
  });
  // What a markup injection would add to the shared HTML, served with the policy the server sent for it.
  await page.route('**/health', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', '<script>window.__injected = true</script></body>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/health');
  // The page's own scripts ran (React hydrated: the theme switch answers)...
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Light' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // ...the injected one did not.
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.filter((v) => v.startsWith('script-src')).length).toBeGreaterThan(0);
});

for (const route of API_ROUTES) {
  test(`${route} carries the security headers and a no-content policy`, async ({ request }) => {
    const response = await request.get(route);
    expect(response.status(), route).toBeLessThan(500);
    expectStaticHeaders(response, route);
    const csp = directives(response.headers()['content-security-policy'] ?? '');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
}

test('pages run and hydrate under the policy with no violation', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  for (const route of PAGES) {
    await page.goto(route);
    // The theme switch responds without a reload only once React has hydrated: proof the scripts ran.
    await page.getByTestId('theme-toggle').getByRole('button', { name: 'Light' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByTestId('theme-toggle').getByRole('button', { name: 'System' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  }
  // The health page's charts and the stress panel load lazily, after first paint: wait for them too.
  await page.goto('/health');
  await renderAllCharts(page);
  expect(violations).toEqual([]);
});

test('the browser accepts every feature the Permissions-Policy names', async ({ page }) => {
  // Chromium warns once per document for a feature it does not know, and such a feature denies nothing.
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Permissions-Policy')) complaints.push(message.text());
  });
  const response = await page.goto('/health');
  expect(response?.headers()['permissions-policy'], 'the header is there to be checked').toMatch(/camera=\(\)/);
  expect(complaints).toEqual([]);
});

test('another site cannot frame the app', async ({ page, baseURL }) => {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes("frame-ancestors 'none'")) refusals.push(message.text());
  });
  // A page on a different origin (about:blank's opaque origin) embeds the transaction page.
  await page.setContent(`<iframe id="framed" src="${baseURL}/tranches/1" width="800" height="600"></iframe>`);
  await expect
    .poll(() => refusals.length, { message: 'Chromium reports the frame-ancestors refusal' })
    .toBeGreaterThan(0);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed?.url(), 'the frame shows the browser error page, not the app').toMatch(/^chrome-error:/);
});

test('a section that fails shows its error and leaves the rest of the page', async ({ page }) => {
  // A corrupted answer from the chart data route (as a broken proxy or a half-deployed server might send).
  await page.route('**/api/health/series**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ range: 'all', samples: 'garbage', premiums: 42 }),
    }),
  );
  await page.goto('/health');
  // Charts fetch their data only when scrolled near.
  await page.getByTestId('chart-solvency').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('section-failed').first()).toBeVisible();
  await expect(page.getByTestId('section-failed').first()).toContainText('could not be shown');
  // The server-rendered figures and the charts' text alternatives (summary, table page, CSV) are still there.
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByTestId('loss-row').first()).toBeVisible();
  await expect(page.getByTestId('summary-solvency')).toContainText('lowest');
  await expect(page.getByTestId('data-solvency')).toHaveAttribute('href', /\/health\/data\/solvency/);
});
