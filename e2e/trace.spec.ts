/** Incident 2 through the Trace tab: goroutine analysis, the creation burst, snapshots, profiles inside the trace. */
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixtures, frameNames, gotoApp, row, rows, shot } from './helpers';

const WHEEL = 'github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run';
const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

async function openIncident2Trace(page: Page): Promise<void> {
  await gotoApp(page);
  await dropFiles(page, fixtures('incident2'), { timeout: 120_000 });
  await expect(rows(page)).toHaveCount(6);
  await expect(row(page, /-trace-/)).toHaveAttribute('data-status', 'ready');
  await row(page, /-trace-/).locator('.file-main').click();
  // A trace opens on its timeline; the analysis is the next tab.
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: /Trace/ }).click();
  await expect(page.getByTestId('trace-view')).toBeVisible();
}

test.describe('incident 2 trace', () => {
  test.setTimeout(240_000);

  test('goroutine analysis puts the timing wheel first and the chart shows the burst', async ({ page }) => {
    await openIncident2Trace(page);
    await expect(page.getByRole('tab', { name: /Trace/ })).toHaveAttribute('aria-selected', 'true');
    const summary = page.getByTestId('trace-summary');
    await expect(summary).toContainText('1.26');
    await expect(summary).toContainText('Goroutines');

    // First row by count (the default sort): the timing wheel's start function with its count.
    const table = page.getByRole('table', { name: 'Goroutine analysis' });
    const first = table.locator('tbody > tr').first();
    await expect(first).toHaveAttribute('data-group', WHEEL);
    await expect(first.locator('td').first()).toHaveText(/collection\.\(\*TimingWheel\)\.run/);
    const count = num(await first.locator('td').nth(1).textContent());
    expect(count).toBeGreaterThan(10000);
    // All of them still alive at the end.
    expect(num(await first.locator('td').nth(2).textContent())).toBe(count);

    // The creation chart: the wheel's series is drawn in many buckets; the headline names it.
    const chart = page.getByTestId('creation-chart');
    expect(await chart.locator(`g[data-series="${WHEEL}"] rect`).count()).toBeGreaterThan(20);
    const headline = page.getByTestId('creation-headline');
    await expect(headline).toContainText('collection.(*TimingWheel).run');
    await expect(headline).toContainText('still alive at the end');
    const m = /went from ([\d,]+) to ([\d,]+)/.exec((await headline.textContent()) ?? '');
    expect(m).not.toBeNull();
    expect(num(m![2]!) - num(m![1]!)).toBeGreaterThan(20000);
    await shot(page, 'trace-incident2');

    // Hover shows exact numbers.
    const box = (await chart.locator('svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
    const tip = page.getByTestId('creation-tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('created');
    await expect(tip).toContainText('live at bucket end');
    await shot(page, 'trace-creation-tooltip');

    // Keyboard: focus the chart and step through buckets.
    await page.mouse.move(0, 0);
    await chart.focus();
    await page.keyboard.press('End');
    await expect(tip).toBeVisible();

    // Sorting by another column, then back.
    await table.getByRole('button', { name: /^Exec time/ }).click();
    await expect(table.locator('thead th[aria-sort="descending"]')).toHaveText(/Exec time/);
    await expect(table.locator('tbody > tr').first()).toHaveAttribute('data-group', 'main.main.func1');
    await table.getByRole('button', { name: /^Goroutines/ }).click();
    await expect(table.locator('tbody > tr').first()).toHaveAttribute('data-group', WHEEL);
  });

  test('a group opens to its goroutines; a snapshot shows them waiting; two instants compare', async ({ page }) => {
    await openIncident2Trace(page);
    const table = page.getByRole('table', { name: 'Goroutine analysis' });
    await table.locator('tbody > tr').first().getByRole('button').click();
    const list = page.getByRole('table', { name: `Goroutines started at ${WHEEL}` });
    await expect(list).toBeVisible();
    await expect(list.locator('tbody tr td.alive').first()).toHaveText('alive at end');
    // Virtualised: far fewer rows in the DOM than goroutines in the group.
    expect(await list.locator('tbody tr').count()).toBeLessThan(200);
    await list.locator('tbody tr[aria-rowindex]').first().click();
    await expect(page.getByRole('list', { name: /^Creation stack of goroutine/ })).toContainText('NewTimingWheel');
    await expect(page.getByRole('group', { name: /^Profiles of the goroutines started at/ })).toBeVisible();
    await shot(page, 'trace-group-open');
    await table.locator('tbody > tr').first().getByRole('button').click();

    // Snapshot at the end: thousands of wheels waiting.
    await page.getByRole('button', { name: 'Goroutines at the end' }).click();
    const snap = page.getByTestId('snapshot-table');
    await expect(snap).toBeVisible({ timeout: 60_000 });
    const top = snap.locator('tbody > tr').first();
    expect(num(await top.locator('td').first().textContent())).toBeGreaterThan(10000);
    await expect(top.locator('td').nth(1)).toHaveText(/^Waiting/);
    // Compare with B, set early in the trace with the slider's keyboard.
    await page.getByLabel('Compare with B').check();
    const delta = page.getByTestId('snapshot-delta');
    await expect(delta).toBeVisible({ timeout: 60_000 });
    await page.getByRole('slider', { name: 'Snapshot A', exact: true }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('slider', { name: 'B', exact: true }).focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('heading', { name: /^Change from A \(0 ns, [\d,]+\) to B \(4\.\d+ s/ })).toBeVisible({ timeout: 60_000 });
    await expect(delta.locator('tbody > tr').first().locator('td').first()).toHaveText(/^\+\d{1,3},\d{3}/, { timeout: 60_000 });
    await page.getByTestId('snapshot-delta').scrollIntoViewIfNeeded();
    await shot(page, 'trace-snapshot-compare');
  });

  test('Sync blocking opens in the flame graph as a file of its own', async ({ page }) => {
    await openIncident2Trace(page);
    const profiles = page.getByRole('group', { name: 'Profiles of the whole trace' });
    const sync = profiles.getByRole('button', { name: /Sync blocking/ });
    await expect(sync).toBeEnabled();
    await expect(sync).toContainText(/\d+(\.\d+)? (µs|ms|s|h)|\d+m \d+s/);
    await sync.scrollIntoViewIfNeeded();
    await shot(page, 'trace-profiles');
    await sync.click();
    const derived = row(page, /^sync blocking · main-1-trace-/);
    await expect(derived).toHaveAttribute('data-status', 'ready');
    await expect(derived).toHaveAttribute('aria-current', 'true');
    // It has no bytes of its own: the list says where it comes from instead of "0 B".
    await expect(derived.locator('.file-size')).toHaveText('from trace');
    await expect(page.getByRole('tab', { name: /Flame graph/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('flame-total')).toContainText('delay');
    const names = await frameNames(page);
    expect(names.size).toBeGreaterThan(3);
    await shot(page, 'trace-sync-flame');
    // The top table works on it too.
    await page.getByRole('tab', { name: /Top/ }).click();
    await expect(page.getByRole('table', { name: 'Top functions' }).locator('tbody td.name-cell').first()).toBeVisible();
    // Back on the trace, the same button selects the same file.
    await row(page, /^main-1-trace-\d+\.pprof$/).locator('.file-main').click();
    await page.getByRole('tab', { name: /Trace/ }).click();
    await expect(page.getByTestId('trace-view')).toBeVisible();
    await page.getByRole('group', { name: 'Profiles of the whole trace' }).getByRole('button', { name: /Sync blocking/ }).click();
    await expect(rows(page)).toHaveCount(7);
  });

  test('dark theme and heap/GC chart', async ({ page }) => {
    await openIncident2Trace(page);
    await page.getByRole('button', { name: /theme/i }).first().click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await shot(page, 'trace-dark');
    const heap = page.getByTestId('heap-chart');
    await heap.scrollIntoViewIfNeeded();
    await expect(heap.locator('path.heap-line')).toHaveAttribute('d', /M.+L/);
    expect(await heap.locator('rect.gc-band').count()).toBeGreaterThan(0);
    expect(await heap.locator('rect.stw').count()).toBeGreaterThan(0);
    const box = (await heap.locator('svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(page.getByTestId('heap-tooltip')).toContainText('heap in use');
    await shot(page, 'trace-heap-dark');
  });
});
