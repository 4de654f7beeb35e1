/**
 * Incident 1 in the browser: drop the two heap profiles, open Compare, and the growth
 * points at the workqueue's waiting heap (AddAfter / waitingLoop). Toggling the meaning
 * and -normalize changes the percentages exactly as `go tool pprof` prints them
 * (test/reference/diff/golden.json was made by the real tool).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixture, fixtures, gotoApp, shot } from './helpers';

interface GoldenRow {
  name: string;
  flatPct: number;
}
const golden = JSON.parse(readFileSync('test/reference/diff/golden.json', 'utf8')) as Record<string, { rows: GoldenRow[] }>;

const QUEUE = /workqueue\.(\(\*delayingType\[.*\]\)\.(AddAfter|waitingLoop)|insert\[|\(\*waitForPriorityQueue)/;

async function openCompare(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Compare/ }).click();
  await expect(page.getByRole('region', { name: 'Compare profiles' })).toBeVisible();
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  await expect(page.getByTestId('diff-table').locator('tbody tr').first()).toBeVisible();
}

/** The first row of the diff table: its function and its flat Δ% as shown. */
async function firstRow(page: Page): Promise<{ name: string; flatPct: number }> {
  const row = page.getByTestId('diff-table').locator('tbody tr').first();
  const name = (await row.locator('.fn-name').textContent()) ?? '';
  const pct = (await row.locator('td').nth(3).textContent()) ?? '';
  return { name, flatPct: Number(pct.replace('−', '-').replace(/[+%]/g, '')) };
}

/**
 * Waits until the first row shows the |flat%| `go tool pprof` printed for its function
 * under `id` (from the golden), then returns it. A change of settings may pass through
 * other meanings' tables on its way (the radio, then the checkbox), so "the number
 * changed" does not show the last one has arrived; the match does.
 */
async function firstRowAsPprof(page: Page, id: string): Promise<{ name: string; flatPct: number }> {
  const off = async () => {
    const row = await firstRow(page);
    const want = golden[`incident1 inuse_space ${id}`]?.rows.find((r) => r.name === row.name)?.flatPct;
    return want === undefined ? Infinity : Math.abs(Math.abs(row.flatPct) - want);
  };
  await expect.poll(off, { message: `the first row shows pprof ${id}'s flat%` }).toBeLessThanOrEqual(0.051);
  return firstRow(page);
}

/**
 * The red frame that grew most by itself: the widest bar of own (self) growth, where the
 * memory was allocated — callers above it are red only because of it. With its ancestors.
 */
async function widestRedFrame(page: Page) {
  return page.getByTestId('diff-flame-chart').locator('g.frame').evaluateAll((gs) => {
    type D = { data: { name: string; selfAfter: number; selfBefore: number }; ancestors(): D[] };
    let best: { path: string[]; grew: number; fill: string } | null = null;
    for (const g of gs) {
      const d = (g as unknown as { __data__: D }).__data__;
      const grew = d.data.selfAfter - d.data.selfBefore;
      const fill = g.querySelector('rect')?.getAttribute('fill') ?? '';
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(fill);
      const red = !!m && Number(m[1]) > Number(m[2]) + 40 && Number(m[1]) > Number(m[3]) + 40;
      if (red && grew > 0 && (!best || grew > best.grew)) best = { path: d.ancestors().map((a) => a.data.name).reverse(), grew, fill };
    }
    return best;
  });
}

test('incident 1: the diff points at the workqueue waiting path; meaning and normalize change numbers as pprof does', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, fixtures('incident1', /^heap-(before|after)\.pb\.gz$/));
  await openCompare(page);

  // The pair just dropped is offered, earlier profile as base.
  await expect(page.getByLabel('Base profile (before)').locator('option:checked')).toHaveText('heap-before.pb.gz');
  await expect(page.getByLabel('Target profile (after)').locator('option:checked')).toHaveText('heap-after.pb.gz');
  await expect(page.getByTestId('compare-explain')).toContainText('Compare to base (pprof -diff_base)');

  const first = await firstRowAsPprof(page, '-diff_base');
  expect(first.name).toMatch(QUEUE);
  expect(first.flatPct).toBeGreaterThan(0);

  const red = await widestRedFrame(page);
  expect(red, 'a red frame that grew').not.toBeNull();
  expect(red!.path.join(' > ')).toMatch(/AddAfter|waitingLoop/);
  await shot(page, 'compare-incident1-diff');

  // Tooltip: before, after, delta, delta %, as text.
  const frame = page.getByTestId('diff-flame-chart').locator('g.frame', { has: page.locator('rect') }).filter({ hasText: /AddAfter/ }).first();
  await frame.hover();
  const tip = page.locator('.compare-tooltip');
  await expect(tip).toBeVisible();
  for (const label of ['before', 'after', 'delta', 'delta % of base total']) await expect(tip.locator('dt', { hasText: new RegExp(`^${label}$`) })).toHaveCount(1);
  await shot(page, 'compare-incident1-tooltip');
  await page.mouse.move(5, 5);

  // -base: same differences, percentages of the total change.
  await page.getByRole('radio', { name: /Delta of cumulative/ }).check();
  await expect(page.getByTestId('compare-explain')).toContainText('Delta of a cumulative profile (pprof -base)');
  const base = await firstRowAsPprof(page, '-base');
  expect(base.name).toBe(first.name);
  expect(base.flatPct).toBeGreaterThan(0);
  await shot(page, 'compare-incident1-base');

  // -normalize with -diff_base: the target is scaled to the base total; the numbers shrink.
  await page.getByRole('radio', { name: /Compare to base/ }).check();
  await page.getByRole('checkbox', { name: /Normalize/ }).check();
  await expect(page.getByTestId('compare-explain')).toContainText('so both totals match');
  const norm = await firstRowAsPprof(page, '-diff_base -normalize');
  expect(norm.name).toMatch(QUEUE);
  expect(Math.abs(norm.flatPct)).toBeLessThan(Math.abs(first.flatPct));
  await shot(page, 'compare-incident1-normalized');
});

test('compare: series ranking, side by side, colour-blind palette, dark theme, a base nothing can be diffed with', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [...fixtures('incident5', /^heap-\d\.pb\.gz$/), fixture('incident4', /^goroutine\.pb\.gz$/)]);
  // Three heap snapshots dropped together land on their series ranking.
  const series = page.getByTestId('series-table');
  await expect(series.locator('tbody tr').first()).toContainText('main.(*reportJob).collect');
  await expect(series.locator('tbody tr').first()).toContainText('2 of 2');
  await shot(page, 'compare-series-incident5');

  await page.getByRole('tab', { name: 'Diff' }).click();
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  await page.getByLabel('Diff colour palette').selectOption('orange-purple');
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  await shot(page, 'compare-dark-colour-blind');
  await page.getByRole('button', { name: /Switch to light theme/ }).click();

  await page.getByRole('tab', { name: 'Side by side' }).click();
  await expect(page.getByTestId('compare-sides').getByTestId('flame-chart')).toHaveCount(2);
  await shot(page, 'compare-side-by-side');

  // A goroutine profile as base: no heap profile is offered as its target, and the panel says why.
  await page.getByRole('tab', { name: 'Diff' }).click();
  await page.getByLabel('Base profile (before)').selectOption({ label: 'goroutine.pb.gz' });
  await expect(page.getByLabel('Target profile (after)')).toBeDisabled();
  await expect(page.getByTestId('compare-no-target')).toContainText('No other open profile has the sample types of goroutine.pb.gz');
  await shot(page, 'compare-incomparable');
});
