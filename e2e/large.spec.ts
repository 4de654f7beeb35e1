/** The top table stays virtual: 100k functions render only a screenful of rows, and scrolling pages in the rest. */
import { expect, test } from '@playwright/test';
import { gotoApp, row, shot, waitParsed, pressShortcut } from './helpers';

test('a 100k-function top table renders only the visible rows', async ({ page }) => {
  test.setTimeout(120_000);
  await gotoApp(page);
  const N = 100_000;
  // Collapsed stacks: fn_i has a flat value of i+1, so flat-descending order is fn_99999 … fn_0.
  const lines: string[] = [];
  for (let i = 0; i < N; i++) lines.push(`main;fn_${i} ${i + 1}`);
  await page.getByTestId('file-input').setInputFiles({ name: 'wide.folded', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n') + '\n') });
  await waitParsed(page, 60_000);
  await expect(row(page, 'wide.folded')).toHaveAttribute('data-status', 'ready');

  await pressShortcut(page, '2');
  const table = page.getByRole('table', { name: 'Top functions' });
  await expect(page.locator('.top-bar')).toContainText('100,001 functions');
  await expect(table.locator('td.name-cell').first()).toHaveText('fn_99999');
  const rendered = await table.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeLessThan(100);

  await page.locator('.top-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.locator('td.name-cell', { hasText: /^fn_0$/ })).toBeVisible();
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(100);
  await shot(page, 'top-100k-bottom');

  await page.locator('.top-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(table.locator('td.name-cell', { hasText: /^fn_5\d{4}$/ }).first()).toBeVisible();
});
