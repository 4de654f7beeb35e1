/** A trace over 4 MB goes through the piped parse (nested "trace reader" and, with the cores for it, "trace timeline" workers) in the built app. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, gotoApp, row } from './helpers';

test('a 6 MB trace is read on a second worker and its event count matches golang.org/x/exp/trace', async ({ page }) => {
  test.setTimeout(120_000);
  const { events } = JSON.parse(readFileSync(fixture('traces/busy', /xexp\.json$/), 'utf8')) as { events: number };
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await gotoApp(page);
  await dropFiles(page, [fixture('traces/busy', /\.trace\.gz$/)], { timeout: 90_000 });
  await expect(row(page, /busy/)).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await row(page, /busy/).locator('.file-main').click();
  await page.getByRole('tab', { name: /Trace/ }).click();
  const summary = page.getByTestId('trace-summary');
  await expect(summary).toContainText(events.toLocaleString('en-US'));
  expect(workers.some((u) => /trace-reader/.test(u))).toBe(true);
});

test('with three cores or more, a large trace’s timeline is built on a third worker while it loads, and is there when it is ready', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await gotoApp(page);
  await dropFiles(page, [fixture('traces/busy', /\.trace\.gz$/)], { timeout: 90_000 });
  await expect(row(page, /busy/)).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  expect(workers.some((u) => /timeline-thread/.test(u))).toBe(true);
  await row(page, /busy/).locator('.file-main').click();
  const tl = page.getByTestId('timeline');
  await expect(tl.getByRole('listitem', { name: 'P0', exact: true })).toBeVisible();
  await expect(tl).not.toHaveAttribute('data-t1', '0');
});
