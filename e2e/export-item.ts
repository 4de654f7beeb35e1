/** The download dance of an Export menu, shared by the export and privacy tests. */
import type { Download, Locator, Page } from '@playwright/test';

/** Picks `item` from the Export menu inside `scope` (the page's only one by default); resolves with the download. */
export async function exportItem(page: Page, item: RegExp | string, scope: Page | Locator = page): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await scope.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menuitem', { name: item, exact: typeof item === 'string' }).click();
    })(),
  ]);
  return download;
}
