/**
 * Land where the user is going: two snapshots of one kind dropped together open on their
 * comparison, the older as base; three open on the series ranking. The file list marks
 * base and target, and `x` swaps them.
 */
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixture, fixtures, gotoApp, pressShortcut, row, shot } from './helpers';

const view = (page: Page, name: RegExp) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name });
const mark = (page: Page, file: string) => row(page, file).getByTestId('pair-mark');

/** Base and target as the file list says them, in words (visible and in the rows' accessible names). */
async function expectMarks(page: Page, base: string, target: string): Promise<void> {
  await expect(mark(page, base)).toHaveText('base');
  await expect(mark(page, target)).toHaveText('target');
  await expect(row(page, base).locator('.file-main')).toHaveAccessibleName(/, base of the comparison$/);
  await expect(row(page, target).locator('.file-main')).toHaveAccessibleName(/, target of the comparison$/);
}

test("incident 1: before and after dropped together open on their diff, growth under the workqueue's AddAfter", async ({ page }) => {
  await gotoApp(page);
  // "after" first: the profiles' own times still make "before" the base.
  await dropFiles(page, [fixture('incident1', /^heap-after\.pb\.gz$/), fixture('incident1', /^heap-before\.pb\.gz$/)]);

  await expect(view(page, /^Compare/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist', { name: 'Compare view' }).getByRole('tab', { name: 'Diff' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Base profile (before)').locator('option:checked')).toHaveText('heap-before.pb.gz');
  await expect(page.getByLabel('Target profile (after)').locator('option:checked')).toHaveText('heap-after.pb.gz');
  await expectMarks(page, 'heap-before.pb.gz', 'heap-after.pb.gz');

  // The biggest growth is the delaying queue's waiting heap, reached through AddAfter.
  const table = page.getByTestId('diff-table');
  const first = table.locator('tbody tr').first();
  await expect(first.locator('.fn-name')).toHaveText(/workqueue\.(\(\*delayingType\[.*\]\)\.(AddAfter|waitingLoop)|insert\[|\(\*waitForPriorityQueue)/);
  await expect(first.locator('td').nth(2)).toHaveText(/^\+/);
  const addAfter = table.locator('tbody tr').filter({ has: page.locator('.fn-name', { hasText: /delayingType\[.*\]\)\.AddAfter$/ }) });
  await expect(addAfter.locator('td').nth(6)).toHaveText(/^\+/);
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').filter({ hasText: /AddAfter/ }).first()).toBeVisible();
  await shot(page, 'compare-landing-incident1');

  // The dark theme, as the landing shows it.
  await pressShortcut(page, 't');
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  await shot(page, 'compare-landing-incident1-dark');
  await pressShortcut(page, 't');
});

test('x swaps base and target; the marks and the pickers follow, and it is listed under ?', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, fixtures('incident1', /^heap-(before|after)\.pb\.gz$/));
  await expectMarks(page, 'heap-before.pb.gz', 'heap-after.pb.gz');
  const firstDelta = page.getByTestId('diff-table').locator('tbody tr').first().locator('td').nth(2);
  await expect(firstDelta).toHaveText(/^\+/);

  await pressShortcut(page, 'x');
  await expectMarks(page, 'heap-after.pb.gz', 'heap-before.pb.gz');
  await expect(page.getByLabel('Base profile (before)').locator('option:checked')).toHaveText('heap-after.pb.gz');
  await expect(page.getByLabel('Target profile (after)').locator('option:checked')).toHaveText('heap-before.pb.gz');
  // The growth is now a loss: biggest growth first means the queue is no longer on top.
  await expect(page.getByTestId('diff-table').locator('tbody tr').filter({ has: page.locator('.fn-name', { hasText: /AddAfter$/ }) }).locator('td').nth(6)).toHaveText(/^−/);

  await pressShortcut(page, 'x');
  await expectMarks(page, 'heap-before.pb.gz', 'heap-after.pb.gz');

  // The marks are about what is on screen: on the flame graph there is no comparison.
  await view(page, /^Flame graph/).click();
  await expect(page.getByTestId('pair-mark')).toHaveCount(0);
  await view(page, /^Compare/).click();
  await expectMarks(page, 'heap-before.pb.gz', 'heap-after.pb.gz');

  await pressShortcut(page, '?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row').filter({ has: page.locator('kbd', { hasText: /^x$/ }) })).toContainText('swap base and target');
});

test('the target is chosen among the profiles that can be diffed with the base', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [...fixtures('incident1', /^heap-(before|after)\.pb\.gz$/), fixture('incident4', /^goroutine\.pb\.gz$/)]);
  await expect(view(page, /^Compare/)).toHaveAttribute('aria-selected', 'true');
  const target = page.getByLabel('Target profile (after)');
  // Any profile can be the base; the goroutine profile is no target for a heap profile.
  await expect(page.getByLabel('Base profile (before)').locator('option')).toHaveText(['heap-after.pb.gz', 'heap-before.pb.gz', 'goroutine.pb.gz']);
  await expect(target.locator('option')).toHaveText(['heap-after.pb.gz']);
  await page.getByLabel('Base profile (before)').selectOption({ label: 'goroutine.pb.gz' });
  await expect(target).toBeDisabled();
  await expect(page.getByTestId('compare-no-target')).toContainText('No other open profile has the sample types of goroutine.pb.gz');
  await expect(page.getByTestId('pair-mark')).toHaveCount(0);
  await page.getByLabel('Base profile (before)').selectOption({ label: 'heap-before.pb.gz' });
  await expect(target.locator('option:checked')).toHaveText('heap-after.pb.gz');
  await expectMarks(page, 'heap-before.pb.gz', 'heap-after.pb.gz');
});

test("incident 3: two goroutine dumps open on the snapshot comparison, main.subscribe's growth first", async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident3', /^goroutine-t2\.debug2\.txt$/), fixture('incident3', /^goroutine-t1\.debug2\.txt$/)]);

  await expect(view(page, /^Goroutines/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist', { name: 'Goroutine views' }).getByRole('tab', { name: /Compare snapshots/ })).toHaveAttribute('aria-selected', 'true');
  // A dump carries no time: the names order them.
  await expect(page.getByLabel('Before snapshot').locator('option:checked')).toHaveText(/^goroutine-t1\.debug2\.txt/);
  await expect(page.getByTestId('compare-headline')).toContainText('+324 goroutines; 100% of the growth in 1 stack: main.subscribe');
  await expect(page.getByTestId('compare-row').first()).toContainText('main.subscribe');
  await expectMarks(page, 'goroutine-t1.debug2.txt', 'goroutine-t2.debug2.txt');
  await shot(page, 'compare-landing-incident3');

  await pressShortcut(page, 'x');
  await expectMarks(page, 'goroutine-t2.debug2.txt', 'goroutine-t1.debug2.txt');
  await expect(page.getByTestId('compare-headline')).toContainText('−324 goroutines');
  await expect(page.getByLabel('Before snapshot').locator('option:checked')).toHaveText(/^goroutine-t2\.debug2\.txt/);
});

test('three snapshots of one kind open on the series ranking', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, fixtures('incident5', /^heap-\d\.pb\.gz$/).reverse());
  await expect(view(page, /^Compare/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist', { name: 'Compare view' }).getByRole('tab', { name: 'Series' })).toHaveAttribute('aria-selected', 'true');
  const series = page.getByTestId('series-table');
  await expect(series.locator('tbody tr').first()).toContainText('main.(*reportJob).collect');
  await expect(series.locator('tbody tr').first()).toContainText('2 of 2');
  // Exactly the dropped three (dropped newest first), oldest first.
  await expect(page.getByText('heap-1.pb.gz → heap-2.pb.gz → heap-3.pb.gz')).toBeVisible();
  await shot(page, 'compare-landing-series');
});

test('one file, or one of each kind, opens as before: the first file', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/), fixture('incident4', /^heap\.pb\.gz$/), fixture('incident4', /^goroutine\.pb\.gz$/)]);
  await expect(view(page, /^Flame graph/)).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('pair-mark')).toHaveCount(0);
});
