/** Incident 3 in the browser: two goroutine dumps dropped, grouped by stack, compared, leak named. */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropFiles, fixture, gotoApp, pickFiles, pressShortcut, row, shot } from './helpers';

const T1 = fixture('incident3', /^goroutine-t1\.debug2\.txt$/);
const T2 = fixture('incident3', /^goroutine-t2\.debug2\.txt$/);

/** The Goroutines tab on its stacks (the two dumps dropped together landed on their comparison). */
async function openGoroutinesTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Goroutines/ }).click();
  await expect(page.getByRole('region', { name: 'Goroutines' })).toBeVisible();
  await subtab(page, 'By stack').click();
}

const subtab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Goroutine views' }).getByRole('tab', { name: new RegExp(name) });

test.beforeEach(async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [T1, T2]);
  await expect(row(page, 'goroutine-t1.debug2.txt')).toHaveAttribute('data-status', 'ready');
  await expect(row(page, 'goroutine-t2.debug2.txt')).toHaveAttribute('data-status', 'ready');
});

test('grouped by stack: the netpoll-parked subscription stack first, with its count, states and creator', async ({ page }) => {
  await row(page, 'goroutine-t2.debug2.txt').locator('.file-main').click();
  await openGoroutinesTab(page);
  await expect(page.getByTestId('goroutine-summary')).toContainText('656 goroutines');
  const table = page.getByRole('table', { name: 'Goroutines grouped by stack' });
  const first = table.getByTestId('group-row').first();
  await expect(first).toContainText('internal/poll.runtime_pollWait');
  await expect(first).toContainText('main.subscribe');
  await expect(first.locator('td').nth(2)).toHaveText('649');
  await expect(first).toContainText('IO wait');
  await expect(first).toContainText('main.startSubscriber');
  // The likeliest leak is named above the table.
  await expect(page.getByRole('note', { name: 'Most likely leak' })).toContainText('main.subscribe');
  await shot(page, 'goroutines-by-stack');

  // Expand: the whole stack with file:line, by keyboard.
  await first.getByRole('button').focus();
  await page.keyboard.press('Enter');
  const stack = page.getByRole('list', { name: /^Stack of internal\/poll\.runtime_pollWait/ });
  await expect(stack).toBeVisible();
  await expect(stack.locator('li')).toHaveCount(12);
  await expect(stack).toContainText('subscriber.go:44');
  await expect(page.getByRole('cell', { name: /created by main\.startSubscriber/ })).toBeVisible();
  await shot(page, 'goroutines-stack-expanded');
  await page.keyboard.press('ArrowDown');
  await expect(table.getByTestId('group-row').nth(1).getByRole('button')).toBeFocused();

  // Sort by a column and filter by state.
  await table.getByRole('button', { name: /^Goroutines/ }).click();
  await expect(table.getByRole('columnheader', { name: /Goroutines/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByTestId('group-row').first().locator('td').nth(2)).toHaveText('1');
  await page.getByLabel('Filter by state').selectOption('select');
  await expect(page.getByTestId('groups-status')).toContainText('match');
  for (const r of await table.getByTestId('group-row').all()) await expect(r).toContainText('select');
  await page.getByLabel('Filter by state').selectOption('');
  await pressShortcut(page, '/');
  await expect(page.getByLabel('Filter stacks by function or file')).toBeFocused();
  await page.keyboard.type('subscriber.go');
  await expect(page.getByTestId('groups-status')).toContainText('1 stack, 649 goroutines of 656 match');
  await page.getByLabel('Filter stacks by function or file').fill('');

  // Who spawns them.
  await subtab(page, 'Who spawns them').click();
  const creators = page.getByRole('table', { name: 'Goroutines by creator' });
  await expect(creators.getByTestId('creator-group').first()).toContainText('main.startSubscriber');
  await expect(creators.getByTestId('creator-group').first()).toContainText('IO wait');
  await shot(page, 'goroutines-creators');
});

test('compare t1 → t2: the leaking stack first, with the growth in the headline; leak suspects name the shape', async ({ page }) => {
  await openGoroutinesTab(page);
  await subtab(page, 'Compare snapshots').click();
  await expect(page.getByLabel('Before snapshot')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Before snapshot').locator('option:checked')).toContainText('goroutine-t1.debug2.txt');
  await expect(page.getByLabel('After snapshot').locator('option:checked')).toContainText('goroutine-t2.debug2.txt');
  const headline = page.getByTestId('compare-headline');
  await expect(headline).toContainText('+324 goroutines; 100% of the growth in 1 stack: main.subscribe');
  await expect(headline).toContainText('332 → 656');
  const table = page.getByRole('table', { name: 'Stack groups compared between snapshots' });
  const first = table.getByTestId('compare-row').first();
  await expect(first).toContainText('main.subscribe');
  await expect(first.locator('td').nth(1)).toHaveText('325');
  await expect(first.locator('td').nth(2)).toHaveText('649');
  await expect(first.locator('td').nth(3)).toHaveText('+324');
  await expect(first.locator('td').nth(4)).toContainText('→');
  await shot(page, 'goroutines-compare');

  await first.getByRole('button').click();
  await expect(table.getByRole('list', { name: /^Stack of main\.subscribe/ })).toContainText('bufio.(*Reader).ReadString');
  await shot(page, 'goroutines-compare-expanded');

  // Swap: the stack now shrinks and the headline says so.
  await page.getByRole('button', { name: 'Swap before and after' }).click();
  await expect(headline).toContainText('−324 goroutines');
  await expect(page.getByLabel('Before snapshot').locator('option:checked')).toContainText('goroutine-t2.debug2.txt');
  await page.getByRole('button', { name: 'Swap before and after' }).click();
  await expect(headline).toContainText('+324 goroutines');

  // Leak suspects for t2, measured against t1.
  await row(page, 'goroutine-t2.debug2.txt').locator('.file-main').click();
  await subtab(page, 'Leak suspects').click();
  const suspects = page.getByRole('list', { name: 'Leak suspects, most likely first' });
  const top = suspects.getByTestId('leak-suspect').first();
  await expect(top).toContainText('main.subscribe');
  await expect(top).toContainText('+324');
  await expect(top.getByRole('note', { name: /Known leak shape: A subscription or receive with no cancellation/ })).toBeVisible();
  await expect(top.getByRole('list', { name: 'Why it is a suspect' })).toContainText('blocked in IO wait');
  await expect(page.getByRole('region', { name: 'Goroutines' }).getByText('goroutine-t1.debug2.txt', { exact: true })).toBeVisible();
  await shot(page, 'goroutines-leaks');
  await top.getByRole('button', { name: 'Show in stacks' }).click();
  await expect(page.getByLabel('Filter stacks by function or file')).toHaveValue('main.subscribe');
  await expect(page.getByTestId('groups-status')).toContainText('1 stack, 649 goroutines');
});

test('dark theme, the URL keeps the tab, and other files do not offer it', async ({ page }) => {
  await row(page, 'goroutine-t2.debug2.txt').locator('.file-main').click();
  await openGoroutinesTab(page);
  expect(new URL(page.url()).hash).toContain('view=goroutines');
  await pressShortcut(page, 't');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('table', { name: 'Goroutines grouped by stack' }).getByTestId('group-row').first().getByRole('button').click();
  await shot(page, 'goroutines-dark');
  await subtab(page, 'Compare snapshots').click();
  await expect(page.getByTestId('compare-headline')).toContainText('+324');
  await shot(page, 'goroutines-compare-dark');
  await subtab(page, 'Leak suspects').click();
  await expect(page.getByTestId('leak-suspect').first()).toBeVisible();
  await shot(page, 'goroutines-leaks-dark');
  await pressShortcut(page, 't');

  // A heap profile has no Goroutines tab; the flame graph stands in.
  await dropFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await row(page, 'heap.pb.gz').locator('.file-main').click();
  await expect(page.getByRole('tab', { name: /Goroutines/ })).toHaveCount(0);
  await expect(page.getByTestId('flame-chart')).toBeVisible();
});

test('a text file that is not a goroutine dump gets a clear message', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'goroscope-e2e-'));
  const path = join(dir, 'goroutines-notes.txt');
  writeFileSync(
    path,
    '2026-01-12T10:00:01Z INFO goroutine count climbing: 4812\n2026-01-12T10:05:01Z WARN goroutines: 9624 (see dashboard)\nTODO: take /debug/pprof/goroutine?debug=2 next time\n',
  );
  await dropFiles(page, [path]);
  const r = row(page, 'goroutines-notes.txt');
  await expect(r).toHaveAttribute('data-status', 'error');
  await expect(r.getByTestId('file-error')).toContainText('not a goroutine dump, not a debug=1 text profile');
  await r.locator('.file-main').click();
  await expect(page.locator('.status-box')).toContainText('could not be opened');
  await expect(page.locator('.status-box')).toContainText('not a goroutine dump, not a debug=1 text profile');
  await shot(page, 'goroutines-not-a-dump');
});

/** A debug=2 dump of `n` goroutines on `stacks` distinct stacks (one function each). */
function bigDump(n: number, stacks: number): string {
  const out: string[] = ['goroutine 1 [running]:\nmain.main()\n\t/app/main.go:10 +0x1d\n'];
  for (let i = 0; i < n; i++) {
    const k = i % stacks;
    out.push(
      `goroutine ${i + 2} [chan receive, ${k % 90} minutes]:\nmain.worker${k}(0xc000010000)\n\t/app/workers.go:${k + 1} +0x2a\n` +
        `created by main.spawn in goroutine 1\n\t/app/main.go:20 +0x3c\n`,
    );
  }
  return out.join('\n');
}

test('100,000 goroutines on 10,000 stacks: only the visible rows exist, and the end is reachable', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'goroscope-e2e-'));
  const path = join(dir, 'goroutines-100k.txt');
  writeFileSync(path, bigDump(100_000, 10_000));
  await pickFiles(page, [path]);
  await row(page, 'goroutines-100k.txt').locator('.file-main').click();
  await openGoroutinesTab(page);
  const table = page.getByRole('table', { name: 'Goroutines grouped by stack' });
  await expect(page.getByTestId('groups-status')).toHaveText('10,001 stacks, 100,001 goroutines');
  await expect(table).toHaveAttribute('aria-rowcount', '10002');
  const rendered = await table.getByTestId('group-row').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(80);
  await expect(table.getByTestId('group-row').first().locator('td').nth(2)).toHaveText('10');
  await shot(page, 'goroutines-100k');

  // Sort by where they are blocked, A→Z, then jump to the last row with the keyboard.
  await table.getByRole('button', { name: /^Blocked in/ }).click();
  await expect(table.getByTestId('group-row').first()).toContainText('main.main');
  await table.getByTestId('group-row').first().getByRole('button').focus();
  await page.keyboard.press('End');
  const last = table.locator('tr[aria-rowindex="10002"]');
  await expect(last).toContainText('main.worker9999');
  await expect(last.getByRole('button')).toBeFocused();
  expect(await table.getByTestId('group-row').count()).toBeLessThan(80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: /^Stack of main\.worker9999/ })).toContainText('workers.go:10000');
  await shot(page, 'goroutines-100k-end');
});

test('mixed encodings: a debug=0 profile and debug=1 text compare like dumps; no states, and it says so', async ({ page }) => {
  await pickFiles(page, [fixture('incident3', /^goroutine-t1\.pb\.gz$/), fixture('incident3', /^goroutine-t2\.debug1\.txt$/)]);
  await row(page, 'goroutine-t1.pb.gz').locator('.file-main').click();
  await openGoroutinesTab(page);
  await expect(page.getByTestId('goroutine-summary')).toContainText('332 goroutines');
  await expect(page.getByTestId('goroutine-summary')).toContainText('debug=0');
  const first = page.getByRole('table', { name: 'Goroutines grouped by stack' }).getByTestId('group-row').first();
  await expect(first.locator('td').nth(2)).toHaveText('325');
  await expect(first.locator('td').nth(4)).toHaveText('—');
  await expect(page.getByText('No states, waits or created-by in this encoding')).toBeVisible();
  await expect(page.getByLabel('Filter by state')).toBeDisabled();
  await shot(page, 'goroutines-debug0');
  // Four goroutine files are open; pick the two encodings by hand.
  await subtab(page, 'Compare snapshots').click();
  const before = page.getByLabel('Before snapshot');
  const after = page.getByLabel('After snapshot');
  await before.selectOption({ label: (await before.locator('option', { hasText: 'goroutine-t1.pb.gz' }).textContent())! });
  await after.selectOption({ label: (await after.locator('option', { hasText: 'goroutine-t2.debug1.txt' }).textContent())! });
  await expect(page.getByTestId('compare-headline')).toContainText('+324 goroutines; 100% of the growth in 1 stack: main.subscribe');
  await expect(page.getByRole('table', { name: 'Stack groups compared between snapshots' }).getByTestId('compare-row').first().locator('td').nth(3)).toHaveText('+324');
  await shot(page, 'goroutines-compare-mixed');
  await subtab(page, 'Who spawns them').click();
  await expect(page.getByText(/grouped by their start function/)).toBeVisible();
});
