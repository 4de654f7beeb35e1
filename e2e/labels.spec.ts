/**
 * Labels in the browser: a CPU profile recorded under pprof.Do labels splits by
 * endpoint and tenant as `go tool pprof -tags` reports it, a value click keeps only
 * its samples (-tagfocus), and the top table then agrees with pprof's for that filter.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, gotoApp, row, shot } from './helpers';

interface Golden {
  tags: { keys: { key: string; total: number; values: { value: string; total: number }[] }[] };
  top: { total: number; top: { name: string; flat: number }[] };
}
const golden = JSON.parse(readFileSync('test/fixtures/golden/labels.json', 'utf8')) as Record<string, Golden>;
const all = golden['labels/cpu.pb.gz -sample_index=cpu -tagfocus= -tagignore='];
const globex = golden['labels/cpu.pb.gz -sample_index=cpu -tagfocus=tenant=globex -tagignore='];
const pct = (v: number, total: number) => `${((100 * v) / total).toFixed(2)}%`;

test('labels: the -tags breakdown, and a value click focuses on its samples as -tagfocus does', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('labels', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByLabel('Tag focus')).toBeVisible();

  await page.getByRole('tab', { name: /Info/ }).click();
  const labels = page.getByRole('region', { name: 'Labels' });
  for (const k of all.tags.keys) {
    const table = labels.getByRole('table', { name: `Label ${k.key}` });
    for (const v of k.values) {
      await expect(table.getByRole('row', { name: new RegExp(`^${v.value.replace(/[/]/g, '\\/')} `) })).toContainText(pct(v.total, all.top.total));
    }
  }
  await shot(page, 'labels-info');

  await labels.getByRole('button', { name: 'globex' }).click();
  await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('tagfocus')).toBe('tenant=^globex$');
  await expect(page.getByLabel('Tag focus')).toHaveValue('tenant=^globex$');
  await expect(labels.getByRole('table', { name: 'Label tenant' }).getByRole('row')).toHaveCount(1);

  await page.getByRole('tab', { name: /Top/ }).click();
  const first = page.locator('.top-table tbody tr').first();
  await expect(first).toContainText(globex.top.top[0].name);
  await shot(page, 'labels-top-tagfocus');
});

test("label filters are offered where samples have labels: a heap's object sizes, not an unlabelled CPU profile", async ({ page }) => {
  await gotoApp(page);
  // The embedded sample is a Go heap profile: every sample has a numeric "bytes" label.
  await expect(page.getByLabel('Tag focus')).toHaveAttribute('title', /Keys: bytes$/);
  await dropFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByLabel('Focus', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Tag focus')).toHaveCount(0);
});

test("goroutine groups show their goroutines' labels, and the filter box finds a group by label", async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [fixture('incident3', /^goroutine-t1\.pb\.gz$/)]);
  await page.getByRole('tab', { name: /Goroutines/ }).click();
  const table = page.getByRole('table', { name: 'Goroutines grouped by stack' });
  await expect(table.getByRole('columnheader', { name: 'Labels' })).toBeVisible();
  const subscribers = table.getByRole('row').filter({ hasText: 'main.subscribe' });
  // The commonest label shows; the other is behind "+1", with its count in the tooltip.
  await expect(subscribers.locator('.g-label')).toHaveText('channel=orders 217');
  await expect(subscribers.getByText('+1', { exact: true })).toHaveAttribute('title', 'channel=payments: 108');
  await page.getByPlaceholder(/Filter by function or file/).fill('payments');
  await expect(table.locator('tbody tr').filter({ hasText: /\S/ })).toHaveCount(1);
  await shot(page, 'goroutines-labels');
});
