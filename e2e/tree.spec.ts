/** The call tree table (treegrid) top-down and bottom-up, from the keyboard, and the bottom-up flame graph. */
import { expect, test } from '@playwright/test';
import { fixture, frameNames, gotoApp, pickFiles, pressShortcut, row, shot } from './helpers';

const hashParam = (url: string, k: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(k);

test.beforeEach(async ({ page }) => {
  await gotoApp(page);
  await pickFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('data-status', 'ready');
});

test('bottom-up: the tree table from the keyboard, the flame graph, and the URL', async ({ page }) => {
  await page.getByRole('tab', { name: 'Call tree' }).click();
  const topDown = page.getByRole('treegrid', { name: 'Call tree, top-down' });
  await expect(topDown.getByRole('row').nth(1)).toBeVisible();
  await pressShortcut(page, 'b');
  const tree = page.getByRole('treegrid', { name: 'Call tree, bottom-up' });
  const first = tree.locator('tbody tr').first();
  await expect(first).toBeVisible();
  expect(hashParam(page.url(), 'inv')).toBe('1');
  // The largest leaf function (pprof -top's first row by flat) heads the bottom-up tree, with its flat as total.
  await expect(first).toContainText('internal/runtime/maps.ctrlGroup.matchH2');
  await expect(first.locator('td').nth(1)).toHaveAttribute('title', '380,000,000 nanoseconds');
  await expect(first.locator('td').nth(0)).toHaveAttribute('title', '380,000,000 nanoseconds');

  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await first.press('ArrowLeft');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await first.press('ArrowRight');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await first.press('ArrowRight');
  const caller = tree.locator('tbody tr').nth(1);
  await expect(caller).toBeFocused();
  await expect(caller).toHaveAttribute('aria-level', '2');
  const callerName = ((await caller.locator('td').last().textContent()) ?? '').replace(/^[▸▾ ]/, '').trim();
  await caller.press('ArrowLeft');
  await expect(first).toBeFocused();
  await shot(page, 'tree-bottom-up');

  // Enter: the flame graph, bottom-up, zoomed to the node.
  await caller.press('Enter');
  await expect(page.getByRole('tab', { name: /Flame graph/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Bottom-up' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await frameNames(page)).has(callerName)).toBe(true);
  await shot(page, 'flame-bottom-up');
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await page.getByRole('tab', { name: 'Call tree' }).click();
  await expect(tree.locator('tbody tr').first()).toBeVisible();
  await shot(page, 'tree-bottom-up-dark');
});
