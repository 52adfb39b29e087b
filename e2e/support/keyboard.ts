import { expect, type Locator, type Page } from '@playwright/test';

/** Enough Tab presses to cross the longest page (header, forms, tables) from top to bottom. */
const MAX_TABS = 150;

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/**
 * Moves focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user would, and checks that the focus
 * can be seen there. Fails if the element is not in the tab order.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  await expect(target).toBeVisible();
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const max = options.max ?? MAX_TABS;
  for (let presses = 0; presses <= max; presses += 1) {
    if (await isFocused(target)) {
      await expectFocusVisible(target);
      return;
    }
    await page.keyboard.press(key);
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? 'nothing');
  throw new Error(`${String(target)} was not reached in ${max} presses of ${key}; focus is on ${focused}`);
}

/** The focused element draws a focus indicator: a non-zero outline or a box-shadow ring while :focus-visible. */
export async function expectFocusVisible(target: Locator): Promise<void> {
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: computed.outlineStyle,
      outlineWidth: Number.parseFloat(computed.outlineWidth),
      boxShadow: computed.boxShadow,
      html: element.outerHTML.slice(0, 160),
    };
  });
  expect(style.focusVisible, `${style.html} matches :focus-visible`).toBe(true);
  const outline = style.outlineStyle !== 'none' && style.outlineWidth > 0;
  const ring = style.boxShadow !== 'none';
  expect(outline || ring, `focus indicator (outline or ring) on ${style.html}: ${JSON.stringify(style)}`).toBe(true);
}

/** Types into the focused field after clearing it, key by key. */
export async function typeInFocused(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
