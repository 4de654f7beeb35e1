/**
 * Offline after the first visit: the service worker precaches the app shell (and only it),
 * the app then loads with the network off; a new build waits until the page offers
 * "new version available — reload".
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { gotoApp, shot } from './helpers';

const SW = join(resolve(process.env.DIST_DIR ?? 'dist'), 'sw.js');

test.describe.configure({ mode: 'serial' });

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the app loads with the network off, and caches no file it did not ship', async ({ page, context }) => {
  await gotoApp(page);
  await controlled(page);
  const cached = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
    return out;
  });
  expect(cached).toContain('/index.html');
  expect(cached).toContain('/samples/heap-incident4.pb.gz');
  expect(cached.every((p) => p === '/index.html' || p.startsWith('/assets/') || p.startsWith('/samples/'))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
  await expect(page.getByTestId('file-row').first()).toHaveAttribute('data-status', 'ready');
  await context.setOffline(false);
});

test('a new build is offered, not swapped in: "new version available — reload"', async ({ page }) => {
  const original = readFileSync(SW, 'utf8');
  try {
    await gotoApp(page);
    await controlled(page);
    appendFileSync(SW, `\n// ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('status').filter({ hasText: 'New version available' });
    await expect(banner).toBeVisible();
    await shot(page, 'update-banner-light');
    await page.keyboard.press('t');
    await shot(page, 'update-banner-dark');
    const before = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'reload' }).click()]);
    await controlled(page);
    await expect(banner).toHaveCount(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(before);
  } finally {
    writeFileSync(SW, original);
  }
});
