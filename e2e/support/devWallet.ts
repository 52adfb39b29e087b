import { expect, type Page } from '@playwright/test';
import { tabTo } from './keyboard';

const DEV_WALLET = 'Dev wallet (anvil test keys)';

/** Connects the dev wallet with the mouse (RainbowKit's modal) and picks anvil account `index`. */
export async function connectDevWallet(page: Page, index: number): Promise<void> {
  await page.getByRole('button', { name: 'Connect Wallet' }).first().click();
  await page.getByText(DEV_WALLET).click();
  await page.getByTestId('dev-account-select').selectOption(String(index));
  await expect(page.getByTestId('dev-account-select')).toHaveValue(String(index));
}

/** The same with the keyboard only: Tab to the header's button, Enter, Tab to the dev wallet, Enter, arrows. */
export async function connectDevWalletWithKeyboard(page: Page, index: number): Promise<void> {
  await tabTo(page, page.getByRole('banner').getByRole('button', { name: 'Connect Wallet' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: DEV_WALLET }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await selectDevAccountWithKeyboard(page, index);
}

/** Focuses the header's account select and moves it to `index` with the arrow keys. */
export async function selectDevAccountWithKeyboard(page: Page, index: number): Promise<void> {
  const select = page.getByTestId('dev-account-select');
  await tabTo(page, select);
  const current = Number(await select.inputValue());
  const key = index > current ? 'ArrowDown' : 'ArrowUp';
  for (let step = 0; step < Math.abs(index - current); step += 1) await page.keyboard.press(key);
  await expect(select).toHaveValue(String(index));
}
