/**
 * Export menu: each download's contents checked. The pprof export decodes (with the app's
 * own decoder) to the view's sample type and total; the diff export carries the base
 * negated; the menu is reachable and usable from the keyboard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Download } from '@playwright/test';
import { decodePprof } from '../src/formats/pprof/decode';
import { exportItem } from './export-item';
import { dropFiles, fixture, fixtures, gotoApp, shot, SHOTS } from './helpers';

const profileOf = async (d: Download) => decodePprof(gunzipSync(readFileSync((await d.path())!)));

test('Export → pprof: the view as shown, with its sample type, decodes', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await page.getByRole('combobox', { name: 'Sample type' }).selectOption({ label: 'alloc_space (bytes)' });
  const d = await exportItem(page, /^pprof profile \(/);
  expect(d.suggestedFilename()).toBe('heap-view.pb.gz');
  const p = await profileOf(d);
  expect(p.sampleTypes).toEqual([{ type: 'alloc_space', unit: 'bytes' }]);
  const total = p.samples.values[0].reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);
});

const text = async (d: Download) => readFileSync((await d.path())!, 'utf8');

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

test('Export → flame graph as SVG (text as text) and PNG at 1× and 2×', async ({ page }) => {
  await gotoApp(page);
  const top = (await page.getByTestId('flame-chart').locator('g.frame').nth(1).getAttribute('name'))!;
  const svg = await text(await exportItem(page, /SVG/));
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent), width: Number(doc.documentElement.getAttribute('width')), height: Number(doc.documentElement.getAttribute('height')), foreign: doc.querySelectorAll('foreignObject').length };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.foreign).toBe(0);
  expect(parsed.texts).toContain(top);
  const chartWidth = Number(await page.getByTestId('flame-chart').locator('svg').first().getAttribute('width'));
  expect(parsed.width).toBe(chartWidth);
  const onePng = readFileSync((await (await exportItem(page, /PNG \(1×\)/)).path())!);
  writeFileSync(join(SHOTS, 'export-flame-1x.png'), onePng);
  const one = pngSize(onePng);
  expect(one).toEqual({ width: parsed.width, height: parsed.height });
  const two = pngSize(readFileSync((await (await exportItem(page, /PNG \(2×\)/)).path())!));
  expect(two).toEqual({ width: 2 * parsed.width, height: 2 * parsed.height });
});

test('Export → top table as CSV: every row, exact values next to formatted ones', async ({ page }) => {
  await gotoApp(page);
  await page.getByRole('tab', { name: /^Top/ }).click();
  const firstName = (await page.locator('.top-table tbody tr').first().locator('td').last().textContent())!;
  const csv = await text(await exportItem(page, /Top table as CSV/));
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('name,file,flat (bytes),flat,flat%,sum%,cum (bytes),cum,cum%');
  const cells = lines[1].split(',');
  expect(firstName).toContain(cells[0]);
  expect(Number(cells[2])).toBeGreaterThan(0);
  expect(cells[3]).toMatch(/iB$/);
  expect(lines.length).toBeGreaterThan(3);
});

test('the Export menu works from the keyboard and lists its formats', async ({ page }) => {
  await gotoApp(page);
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await shot(page, 'export-menu-light');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'export-menu-dark');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('Export → redacted pprof: the preview lists what goes, the file holds none of it', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('labels', /^cpu\.pb\.gz$/)]);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /redacted/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export redacted pprof' });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('region', { name: 'What will be replaced' });
  await expect(preview.getByRole('row').nth(1)).toBeVisible();
  const originals = await preview.locator('.redact-original').allTextContents();
  expect(originals).toContain('main.serve');
  expect(originals.some((s) => s.startsWith('runtime.'))).toBe(false);
  await shot(page, 'export-redact-light');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export redacted' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-redacted\.pb\.gz$/);
  await expect(dialog.getByRole('status')).toContainText('checked to hold none of them');
  const raw = gunzipSync(readFileSync((await download.path())!));
  for (const s of originals) expect(raw.includes(Buffer.from(s)), s).toBe(false);
  expect(raw.includes(Buffer.from('runtime.'))).toBe(true);
  await page.keyboard.press('t');
  await shot(page, 'export-redact-dark');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('Export on Compare → pprof diff: base negated, labelled as -diff_base labels it', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident1', /heap-before/), fixture('incident1', /heap-after/)]);
  await page.getByRole('tab', { name: /Compare/ }).click();
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  const d = await exportItem(page, /^pprof diff profile.*\.pb\.gz\)$/);
  const p = await profileOf(d);
  const values = Array.from(p.samples.values[0]);
  expect(values.some((v) => v < 0)).toBe(true);
  expect(values.some((v) => v > 0)).toBe(true);
  const keys = new Set(Array.from(p.labels.key, (k) => p.strings[k]));
  expect(keys.has('pprof::base')).toBe(true);
  const csv = (await text(await exportItem(page, /Diff table as CSV/))).trim().split('\r\n');
  expect(csv[0].startsWith('name,file,flat before (bytes),flat after (bytes),flat Δ (bytes)')).toBe(true);
  expect(csv.length).toBeGreaterThan(2);
  const svg = await text(await exportItem(page, /SVG/));
  expect(svg).toContain('<pattern');
  expect(svg).toContain('striped: only on one side');
  writeFileSync(join(SHOTS, 'export-diff-flame-1x.png'), readFileSync((await (await exportItem(page, /PNG \(1×\)/)).path())!));
});

test('Export on Goroutines → the groups as debug=1 text, with the total shown', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident3', /goroutine-t2\.pb\.gz$/)]);
  await page.getByRole('tab', { name: /Goroutines/ }).click();
  const summary = page.getByTestId('goroutine-summary');
  await expect(summary).toContainText('goroutine');
  const total = Number(((await summary.locator('strong').textContent()) ?? '').replace(/[^0-9]/g, ''));
  const body = await text(await exportItem(page, /debug=1 text/));
  const lines = body.split('\n');
  expect(lines[0]).toBe(`goroutine profile: total ${total}`);
  expect(lines[1]).toMatch(/^\d+ @$/);
  expect(lines[2]).toMatch(/^#\t0x0\t.+\+0x0\t.+:\d+$/);
  const csv = (await text(await exportItem(page, /Goroutine groups as CSV/))).trim().split('\r\n');
  expect(csv[0]).toBe('goroutines,leaked,percent,states,wait min (minutes),wait max (minutes),blocked in,top user frame,created by,labels,example ids');
  const counts = csv.slice(1).map((l) => Number(l.split(',')[0]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
});

test('Export on the trace → the goroutine analysis as CSV: every group, times in ns beside formatted ones', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident2', /-trace-/)], { timeout: 120_000 });
  await page.getByRole('tab', { name: /^Trace/ }).click();
  const section = page.getByRole('region', { name: 'Goroutine analysis' });
  await expect(section.getByRole('table')).toBeVisible();
  const download = await exportItem(page, /Goroutine analysis as CSV/, section);
  const csv = (await text(download)).trim().split('\r\n');
  expect(csv[0].startsWith('start function,goroutines,alive at end,exec total (ns),exec total,exec mean (ns),schedWait total (ns)')).toBe(true);
  const hint = (await section.locator('.hint').textContent()) ?? '';
  const [goroutines, groups] = (hint.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
  expect(csv.length - 1).toBe(groups);
  // The second cell is the group's count (a quoted first cell may hold commas).
  const counts = csv.slice(1).map((l) => Number(l.replace(/^("(?:[^"]|"")*"|[^,]*),/, '').split(',')[0]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(goroutines);
});

test('Export on the series ranking → every ranked function as CSV, one value per snapshot', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, fixtures('incident5', /^heap-\d\.pb\.gz$/));
  await page.getByRole('tab', { name: /Compare/ }).click();
  await page.getByRole('tab', { name: 'Series' }).click();
  const section = page.getByRole('region', { name: 'Growth across snapshots' });
  await expect(section.getByTestId('series-table').locator('tbody tr').first()).toContainText('main.(*reportJob).collect');
  const download = await exportItem(page, /Series ranking as CSV/, section);
  const csv = (await text(download)).trim().split('\r\n');
  const header = csv[0].split(',');
  expect(header.slice(0, 3)).toEqual(['rank', 'function', 'file']);
  expect(header.filter((h) => /^heap-\d\.pb\.gz \(bytes\)$/.test(h))).toHaveLength(3);
  expect(csv[1]).toMatch(/^1,main\.\(\*reportJob\)\.collect,/);
  // Every ranked function, not only the hundred shown.
  expect(csv.length - 1).toBeGreaterThanOrEqual(await section.getByTestId('series-table').locator('tbody tr').count());
});
