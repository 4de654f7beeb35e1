/** Archives of many pods' profiles: one drop, entries grouped by pod and kind, bad entries named, the rest kept. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeTarGz, makeZip } from '../test/helpers/archives';
import { dropFiles, fixture, frames, gotoApp, row, shot } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'goroscope-archive-'));
const read = (d: string, name: RegExp) => new Uint8Array(readFileSync(fixture(d, name)));
const write = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const pods = ['api-7d4b9c6f5-x2k9p', 'api-7d4b9c6f5-m4q8z'];
const entries = () =>
  pods.flatMap((pod) => [
    { name: `${pod}/heap.pb.gz`, bytes: read('incident1', /^heap-before\.pb\.gz$/) },
    { name: `${pod}/goroutine-20240501T120000.txt`, bytes: read('incident3', /^goroutine-t1\.debug2\.txt$/) },
    { name: `${pod}/goroutine-20240501T120500.txt`, bytes: read('incident3', /^goroutine-t2\.debug2\.txt$/) },
  ]);

const entry = (page: Page, path: string) => page.getByTestId('archive-entry').and(page.locator(`[data-path="${path}"]`));

test('a zip of pod folders: grouped pod → kind → snapshots; bad entries named with their reason; a profile inside opens', async ({ page }) => {
  test.setTimeout(120_000);
  const zip = write('pods.zip', await makeZip([
    ...entries(),
    { name: '../x', bytes: read('incident1', /^heap-after\.pb\.gz$/) },
    { name: 'secret/heap.pb.gz', bytes: read('incident1', /^heap-after\.pb\.gz$/), password: 'hunter2' },
    { name: `${pods[0]}/<img src=x onerror=alert(1)>.txt`, bytes: new TextEncoder().encode('just some words\n') },
  ]));
  const full = await makeTarGz(entries());
  const truncated = write('cut.tar.gz', full.subarray(0, Math.floor(full.length * 0.6)));
  await gotoApp(page);
  await dropFiles(page, [zip, truncated]);

  const tree = row(page, 'pods.zip').getByTestId('archive-tree');
  await expect(tree.getByTestId('pod-group')).toHaveCount(4);
  const podNames = await tree.getByTestId('pod-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')));
  expect(podNames).toEqual([...pods].sort().concat('secret', '(no pod)'));
  for (const pod of pods) {
    const g = tree.locator(`[data-pod="${pod}"]`);
    // The markup-named text file is unreadable, kept under its pod.
    await expect(g.locator('.tree-count').first()).toHaveText(pod === pods[0] ? '4' : '3');
    await expect(g.locator('[data-kind="goroutine"] .tree-count')).toHaveText('2');
    await expect(g.locator('[data-kind="heap"] .tree-count')).toHaveText('1');
  }
  // Names are data: the entry named like markup is text.
  await expect(entry(page, `${pods[0]}/<img src=x onerror=alert(1)>.txt`)).toContainText('<img src=x onerror=alert(1)>.txt');
  await expect(entry(page, '../x').getByTestId('file-error')).toHaveText(/path leaves the archive/);
  await expect(entry(page, 'secret/heap.pb.gz').getByTestId('file-error')).toHaveText(/password-protected/);
  // The truncated archive keeps what came before the cut and says where it stopped.
  const cut = row(page, 'cut.tar.gz');
  await expect(cut.getByTestId('archive-entry').filter({ has: page.getByTestId('file-error') })).toHaveText(/truncated/);
  await expect(cut.getByTestId('archive-entry').filter({ hasNot: page.getByTestId('file-error') }).first()).toBeVisible();
  await shot(page, 'archive-pods');

  await entry(page, `${pods[1]}/heap.pb.gz`).locator('button').click();
  expect((await frames(page)).length).toBeGreaterThan(10);
  // Listed from a lean summary, read in full once shown: the info panel gets the whole of it.
  await page.getByRole('tab', { name: /Info/ }).click();
  await expect(page.getByRole('region', { name: 'Profile information' })).toContainText(/\d+ functions, \d+ locations, \d+ mappings/);
  await page.getByRole('tab', { name: /Flame graph/ }).click();

  // Merge replicas: the pods' heaps as one profile, its info panel says how much each pod holds.
  await row(page, 'pods.zip').getByRole('group', { name: 'Merge replicas' }).getByRole('button', { name: 'heap ×2' }).click();
  await expect(row(page, 'heap · 2 pods merged')).toHaveAttribute('aria-current', 'true');
  expect((await frames(page)).length).toBeGreaterThan(10);
  // A frame's tooltip says how much of it each pod holds: the same heap in both, half each.
  await page.getByTestId('flame-chart').locator('g.frame').nth(2).hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText(/by pod\s*2 pods/);
  for (const pod of pods) await expect(tip).toContainText(new RegExp(`${pod}[^%]+ · 50\\.00% of this frame`));
  await shot(page, 'archive-merge-tooltip');
  await page.getByRole('tab', { name: /Info/ }).click();
  const byPod = page.getByRole('table', { name: 'Label pod' });
  for (const pod of pods) await expect(byPod).toContainText(pod);
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await shot(page, 'archive-pods-dark');
});

test('10,000 tiny entries: the first 2,000 read, the limit named, the tab still opens files', async ({ page }) => {
  test.setTimeout(180_000);
  const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `pod-${i}/x.txt`, bytes: new Uint8Array([0x61]), stored: true }));
  const zip = write('many.zip', await makeZip(many));
  await gotoApp(page);
  await dropFiles(page, [zip], { timeout: 120_000 });
  const limit = row(page, 'many.zip').getByTestId('file-error').filter({ hasText: 'more than 2,000 entries (the limit)' });
  await expect(limit).toHaveCount(1);
  await dropFiles(page, [fixture('incident1', /^heap-after\.pb\.gz$/)]);
  await expect(row(page, 'heap-after.pb.gz')).toHaveAttribute('data-status', 'ready');
});

/** Five replicas, one of them sick: its heap and goroutines have grown (incident1's later heap, incident3's later dump). */
function replicas(): { name: string; bytes: Uint8Array }[] {
  const names = ['shop-5f9c7d8b6-2kq4z', 'shop-5f9c7d8b6-7hx9m', 'shop-5f9c7d8b6-b8v2n', 'shop-5f9c7d8b6-q6w5t', 'shop-5f9c7d8b6-z4n8p'];
  const sick = names[2];
  return names.flatMap((pod) => [
    { name: `${pod}-heap-20240501T120000.pb.gz`, bytes: read('incident1', pod === sick ? /^heap-after\.pb\.gz$/ : /^heap-before\.pb\.gz$/) },
    { name: `${pod}-goroutine-20240501T120000.pb.gz`, bytes: read('incident3', /^goroutine-t1\.pb\.gz$/) },
    { name: `${pod}-goroutine-20240501T121000.pb.gz`, bytes: read('incident3', pod === sick ? /^goroutine-t2\.pb\.gz$/ : /^goroutine-t1\.pb\.gz$/) },
  ]);
}

test('pod against pod: the sick pod first, its outlier compared with the median pod and with the others merged', async ({ page }) => {
  test.setTimeout(120_000);
  const tgz = write('shop.tar.gz', await makeTarGz(replicas()));
  await gotoApp(page);
  await dropFiles(page, [tgz]);
  await expect(row(page, 'shop.tar.gz').getByTestId('pod-group')).toHaveCount(5);
  await row(page, 'shop.tar.gz').getByTestId('open-pod-table').click();
  const dialog = page.getByRole('dialog', { name: 'Pod against pod' });
  const table = dialog.getByRole('table', { name: 'Pods by kind' });
  await expect(table.getByTestId('pod-row')).toHaveCount(5);
  await expect(table.getByTestId('pod-row').first()).toHaveAttribute('data-pod', 'shop-5f9c7d8b6-b8v2n');
  await expect(table.getByTestId('pod-row').first().locator('td[data-outlier]')).toHaveCount(2);
  // Goroutines across pods: the stack that grew (only in the sick pod) comes first, with its growth.
  const stacks = dialog.getByRole('table', { name: 'Goroutine stacks by pod' });
  await expect(stacks.getByTestId('pod-stack').first()).toContainText('grows in 1 of 5');
  await expect(stacks.getByTestId('pod-stack').first()).toContainText('(+324)');
  await shot(page, 'pod-table');

  await dialog.getByRole('button', { name: 'Compare heap of shop-5f9c7d8b6-b8v2n with the median pod' }).click();
  const median = dialog.getByRole('region', { name: /heap: shop-5f9c7d8b6-b8v2n against the median pod/ });
  await expect(median.locator('svg g').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Compare heap of shop-5f9c7d8b6-b8v2n with the other pods merged' }).click();
  const others = dialog.getByRole('region', { name: /against the other 4 pods merged/ });
  await expect(others.locator('svg g').first()).toBeVisible();
  await shot(page, 'pod-table-compare');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await row(page, 'shop.tar.gz').getByTestId('open-pod-table').click();
  await expect(table.getByTestId('pod-row')).toHaveCount(5);
  await shot(page, 'pod-table-dark');
});

test('over time across pods: the growth ranking per pod and on the pods merged at each step', async ({ page }) => {
  test.setTimeout(120_000);
  const heaps = [1, 2, 3].map((i) => read('incident5', new RegExp(`^heap-${i}\\.pb\\.gz$`)));
  const pods3 = ['db-0', 'db-1', 'db-2'];
  const zip = write('series.zip', await makeZip(pods3.flatMap((pod) => heaps.map((bytes, i) => ({ name: `${pod}/heap-${i + 1}.pb.gz`, bytes })))));
  await gotoApp(page);
  await dropFiles(page, [zip]);
  await row(page, 'series.zip').getByTestId('open-pod-table').click();
  const dialog = page.getByRole('dialog', { name: 'Pod against pod' });
  const series = dialog.getByRole('region', { name: 'Growth over time across pods' });
  await series.getByRole('combobox', { name: 'Series of' }).selectOption({ label: 'heap: (all pods merged)' });
  await expect(series.getByTestId('series-table').locator('tbody tr').first()).toBeVisible();
  await expect(series).toContainText('heap step 1 · 3 pods merged → heap step 2 · 3 pods merged → heap step 3 · 3 pods merged');
  await series.getByRole('combobox', { name: 'Series of' }).selectOption({ label: 'heap: db-1 (3 snapshots)' });
  await expect(series).toContainText('db-1/heap-1.pb.gz → db-1/heap-2.pb.gz → db-1/heap-3.pb.gz');
  await expect(series.getByTestId('series-table').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'pod-series');
});
