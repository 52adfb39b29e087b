import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { connectDevWallet } from './support/devWallet';
import { tabTo } from './support/keyboard';
import { seededProposalId } from './support/proposals';
import { renderAllCharts, renderBacktestCharts } from './support/charts';
import { TRANCHE_IDS } from '../lib/protocol/tranches';

/** Anvil account the dev wallet shows: one with tUSD, BSG and a voting history, so every panel has content. */
const ACCOUNT = 1;
const PHONE = { width: 375, height: 812 };

interface AuditedPage {
  name: string;
  path: (proposalId: string) => string;
  /** Whether the page has wallet UI (its body or header changes once a wallet is connected). */
  wallet: boolean;
  /** Resolves once the page's data (figures, lazy charts, panels) has rendered. */
  ready: (page: Page, connected: boolean) => Promise<void>;
  /** What a visitor comes to the page to do; must be on screen and in the tab order at 375 px. */
  mainAction: (page: Page, connected: boolean) => Locator;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

const PAGES: AuditedPage[] = [
  {
    name: 'home',
    path: () => '/',
    wallet: true,
    ready: async (page) => {
      await expect(page.getByTestId('tranche-2-total-assets')).toBeVisible();
      await expect(page.getByTestId('wallet-button-loading')).toHaveCount(0);
    },
    mainAction: (page) => nav(page, 'Tranches'),
  },
  {
    name: 'health',
    path: () => '/health',
    wallet: false,
    ready: async (page) => {
      await renderAllCharts(page);
      await expect(page.getByTestId('loss-row').first()).toBeVisible();
      await page.getByTestId('stress-section').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('stress-panel')).toHaveAttribute('data-mc-state', 'done', { timeout: 30_000 });
      await page.getByTestId('loss-histogram-slot').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('loss-histogram')).toBeVisible();
      await renderBacktestCharts(page);
    },
    mainAction: (page) => page.getByTestId('csv-solvency'),
  },
  {
    name: 'chart data',
    path: () => '/health/data/share-price',
    wallet: false,
    ready: async (page) => {
      await expect(page.getByTestId('table-share-price').locator('tbody tr').first()).toBeVisible();
    },
    mainAction: (page) => page.getByTestId('csv-share-price'),
  },
  {
    name: 'tranches',
    path: () => '/tranches',
    wallet: true,
    ready: async (page) => {
      for (const id of TRANCHE_IDS) await expect(page.getByTestId(`tranche-${id}-apr`)).toBeVisible();
    },
    mainAction: (page) => page.getByTestId('tranche-1-open'),
  },
  ...[0, 1].map((id): AuditedPage => ({
    name: `tranche ${id}`,
    path: () => `/tranches/${id}`,
    wallet: true,
    ready: async (page, connected) => {
      await expect(page.getByTestId('lens-age')).toBeVisible();
      await expect(page.getByTestId('tranche-quote-source')).toBeVisible();
      // The history charts draw only once scrolled near: bring them in, so the scan covers them drawn.
      for (const kind of ['price', 'apr', 'capital'])
        await page.getByTestId(`chart-tranche-${kind}`).scrollIntoViewIfNeeded();
      await expect(page.getByTestId('tranche-chart-rendered')).toHaveCount(3);
      if (connected) {
        await expect(page.getByTestId('position-shares')).toBeVisible();
        await page.getByTestId('position-history').scrollIntoViewIfNeeded();
        await expect(
          page.getByTestId('position-history-last').or(page.getByTestId('position-history-empty')),
        ).toBeVisible();
      }
    },
    mainAction: (page, connected) =>
      connected
        ? page.getByTestId('deposit-submit')
        : page.getByRole('main').getByRole('button', { name: 'Connect Wallet' }),
  })),
  {
    name: 'governance',
    path: () => '/governance',
    wallet: true,
    ready: async (page, connected) => {
      await expect(page.getByTestId('proposal-row').first()).toBeVisible();
      if (connected) await expect(page.getByTestId('voting-power-panel')).toBeVisible();
    },
    mainAction: (page) => page.getByTestId('proposal-link').first(),
  },
  {
    name: 'proposal',
    path: (proposalId) => `/governance/${proposalId}`,
    wallet: true,
    ready: async (page, connected) => {
      await expect(page.getByTestId('proposal-state')).not.toHaveAttribute('data-state', 'loading');
      if (connected) await expect(page.getByTestId('vote-panel')).toBeVisible();
    },
    mainAction: (page, connected) =>
      connected
        ? page.getByTestId('vote-submit')
        : page.getByRole('main').getByRole('button', { name: 'Connect Wallet' }),
  },
  {
    name: 'new proposal',
    path: () => '/governance/new',
    wallet: true,
    ready: async (page, connected) => {
      await expect(page.getByTestId('template-select')).toBeVisible();
      if (connected) await expect(page.getByTestId('proposal-threshold')).toContainText('your voting power');
    },
    mainAction: (page, connected) => page.getByTestId(connected ? 'propose-submit' : 'propose-submit-connect'),
  },
];

/** Every page, with and without a connected wallet where it has wallet UI. */
const VARIANTS = PAGES.flatMap((audited) =>
  (audited.wallet ? [false, true] : [false]).map((connected) => ({ audited, connected })),
);

let proposalId: string;
test.beforeAll(async () => {
  proposalId = await seededProposalId();
});

async function open(page: Page, audited: AuditedPage, connected: boolean) {
  await page.goto(audited.path(proposalId));
  if (connected) await connectDevWallet(page, ACCOUNT);
  await audited.ready(page, connected);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((element) => element.outerHTML.slice(0, 120));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  expect
    .soft(overflow.scrollWidth, `the document scrolls sideways; past the right edge:\n${overflow.wide.join('\n')}`)
    .toBeLessThanOrEqual(overflow.clientWidth);
}

async function expectOnScreenAndReachable(page: Page, action: Locator) {
  await action.scrollIntoViewIfNeeded();
  await expect(action).toBeInViewport({ ratio: 1 });
  const box = await action.boundingBox();
  expect(box, 'the main action has a box').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await tabTo(page, action);
  await expect(action).toBeInViewport({ ratio: 1 });
}

for (const { audited, connected } of VARIANTS) {
  const name = `${audited.name}${connected ? ' (wallet connected)' : ''}`;
  test(`${name}: no serious or critical axe violation in dark and light schemes and at 375 px; usable at 375 px`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const where = `${audited.path(proposalId)}${connected ? ' connected' : ''}`;
    await open(page, audited, connected);
    const backgrounds = new Set<string>();
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await expectNoSeriousViolations(page, `${where}, ${colorScheme}`);
    }
    expect.soft(backgrounds.size, 'the light scan ran on the light theme (another page background)').toBe(2);

    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page, `${where}, 375 px`);
    await expectOnScreenAndReachable(page, audited.mainAction(page, connected));
  });
}
