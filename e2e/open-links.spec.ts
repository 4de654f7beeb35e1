/**
 * Links to profiles hosted next to the built site: `#open=…&open=…` opens them as if
 * dropped, with the rest of the hash as the view; a link elsewhere is refused in the file
 * list without a request; "Copy link" writes a link that opens the same files again.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixture, rows, row, shot } from './helpers';

const HOSTED = join(resolve(process.env.DIST_DIR ?? 'dist'), 'profiles');

test.beforeAll(() => {
  mkdirSync(HOSTED, { recursive: true });
  copyFileSync(fixture('incident5', /heap-1\.pb\.gz$/), join(HOSTED, 'heap-1.pb.gz'));
  copyFileSync(fixture('incident5', /heap-2\.pb\.gz$/), join(HOSTED, 'heap-2.pb.gz'));
});
test.afterAll(() => rmSync(HOSTED, { recursive: true, force: true }));

test('#open= opens two hosted profiles with the view in the same hash, and Copy link gives it back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#open=profiles/heap-1.pb.gz&open=profiles/heap-2.pb.gz&view=top');
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, 'profiles/heap-1.pb.gz')).toHaveAttribute('data-status', 'ready');
  await expect(row(page, 'profiles/heap-2.pb.gz')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByRole('tab', { name: /^Top/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Top functions' }).locator('tbody tr').first()).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toMatch(/^#open=profiles\/heap-1\.pb\.gz&open=profiles\/heap-2\.pb\.gz&view=top/);
  await shot(page, 'open-links-light');
  await page.goto(link);
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, 'profiles/heap-2.pb.gz')).toHaveAttribute('data-status', 'ready');
});

test('links to other sites or out of the folder are refused with a message, never fetched', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('./#open=https://evil.example/x.pb.gz&open=../secret.pb.gz&open=profiles/missing.pb.gz');
  await expect(rows(page)).toHaveCount(3);
  await expect(row(page, 'https://evil.example/x.pb.gz')).toHaveAttribute('data-status', 'error');
  await expect(row(page, 'https://evil.example/x.pb.gz')).toContainText('only paths relative to this page');
  await expect(row(page, '../secret.pb.gz')).toContainText("leaves the page's folder");
  await expect(row(page, 'profiles/missing.pb.gz')).toContainText('404');
  expect(requested.some((u) => u.includes('evil.example') || u.includes('secret'))).toBe(false);
  await page.keyboard.press('t');
  await shot(page, 'open-links-refused-dark');
});
