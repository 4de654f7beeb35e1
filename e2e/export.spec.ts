/**
 * Export menu: each download's contents checked. The pprof export decodes (with the app's
 * own decoder) to the view's sample type and total; the diff export carries the base
 * negated; the menu is reachable and usable from the keyboard.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Download, type Page } from '@playwright/test';
import { decodePprof } from '../src/formats/pprof/decode';
import { dropFiles, fixture, gotoApp, shot } from './helpers';

async function exportItem(page: Page, item: RegExp): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menuitem', { name: item }).click();
    })(),
  ]);
  return download;
}

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
});
