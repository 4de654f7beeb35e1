/** Opening files: drop, picker and paste; every file gets a row with its kind, decided by content. */
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, fixtures, frameNames, gotoApp, pasteText, pickFiles, row, rows, shot } from './helpers';

test('a newcomer sees the embedded sample as a flame graph', async ({ page }) => {
  await gotoApp(page);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('sample');
  await expect(rows(page).first().getByTestId('file-kind')).toHaveText('heap profile');
  await shot(page, 'first-open-sample');
});

test("incident 2's six files dropped at once are each listed with the right kind", async ({ page }) => {
  await gotoApp(page);
  const files = fixtures('incident2', /^main-1-.*\.pprof$/);
  expect(files).toHaveLength(6);
  await dropFiles(page, files, { screenshot: 'drop-overlay' });

  // The sample made way for the user's own files.
  await expect(rows(page)).toHaveCount(6);
  const expected: Record<string, RegExp> = {
    cpu: /^cpu profile$/,
    mem: /^heap profile$/,
    mutex: /^mutex profile$/,
    block: /^block profile$/,
    threadcreate: /^threadcreate profile$/,
    // Named .pprof, but its content is an execution trace.
    trace: /^execution trace \(go [\d.]+\)$/,
  };
  for (const [part, kind] of Object.entries(expected)) {
    const r = row(page, new RegExp(`^main-1-${part}-\\d+\\.pprof$`));
    await expect(r).toHaveAttribute('data-status', 'ready');
    await expect(r.getByTestId('file-kind')).toHaveText(kind);
  }
  await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
  await shot(page, 'incident2-six-files');

  // The trace is recognised by content and opens on its own view.
  await row(page, /-trace-/).locator('.file-main').click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await shot(page, 'incident2-trace-selected');

  // Each pprof profile can be selected and drawn.
  for (const part of ['cpu', 'mem', 'mutex', 'block', 'threadcreate']) {
    await row(page, new RegExp(`-${part}-`)).locator('.file-main').click();
    await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
  }

  // Remove one: the rest stay.
  await page.getByRole('button', { name: /^Remove main-1-mutex-/ }).click();
  await expect(rows(page)).toHaveCount(5);
});

test('text profiles saved from /debug/pprof/NAME?debug=1 are read like their protos', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, fixtures('debug1', /\.txt$/));
  await expect(rows(page)).toHaveCount(5);
  const expected: Record<string, string> = {
    'heap.txt': 'heap profile (debug=1 text)',
    // The text does not say "allocs": it is the heap text.
    'allocs.txt': 'heap profile (debug=1 text)',
    'mutex.txt': 'mutex profile (debug=1 text)',
    'block.txt': 'block profile (debug=1 text)',
    'threadcreate.txt': 'threadcreate profile (debug=1 text)',
  };
  for (const [name, kind] of Object.entries(expected)) {
    const r = row(page, new RegExp(`^${name.replace('.', '\\.')}$`));
    await expect(r).toHaveAttribute('data-status', 'ready');
    await expect(r.getByTestId('file-kind')).toHaveText(kind);
  }

  // heap.txt and allocs.txt are two heap profiles: the drop landed on their diff.
  await row(page, /^heap\.txt$/).locator('.file-main').click();
  await page.getByRole('tab', { name: /^Flame graph/ }).click();
  await expect.poll(async () => (await frameNames(page)).has('main.loadBlobs')).toBe(true);
  await shot(page, 'debug1-heap-text');

  // The text's runtime.MemStats trailer is kept, and the sampling rate is read from its header.
  await page.getByRole('tab', { name: /Info/ }).click();
  const panel = page.getByRole('region', { name: 'Profile information' });
  await expect(panel).toContainText('heap profile (debug=1 text)');
  await expect(panel).toContainText(/HeapAlloc = \d+/);
  await expect(page.getByTestId('sample-type-explanation')).toContainText('sampled every 512 KiB allocated');
  await shot(page, 'debug1-heap-text-info');
});

test('the file picker opens several files at once', async ({ page }) => {
  await gotoApp(page);
  await pickFiles(page, fixtures('incident4', /\.pb\.gz$/));
  await expect(rows(page)).toHaveCount(fixtures('incident4', /\.pb\.gz$/).length);
  await expect(row(page, 'heap.pb.gz').getByTestId('file-kind')).toHaveText('heap profile');
  await expect(row(page, 'cpu.pb.gz').getByTestId('file-kind')).toHaveText('cpu profile');
});

test('pasted collapsed stacks become a file', async ({ page }) => {
  await gotoApp(page);
  await pasteText(page, 'main;load;parse 30\nmain;load;read 10\nmain;serve 5\n');
  const r = row(page, 'pasted-1.txt');
  await expect(r).toHaveAttribute('data-status', 'ready');
  await expect(r.getByTestId('file-kind')).toHaveText('collapsed stacks');
  await r.locator('.file-main').click();
  await expect(page.getByTestId('flame-chart').locator('g[name="parse"]')).toBeVisible();
  await shot(page, 'pasted-folded');
});

test('a pasted goroutine dump is recognised', async ({ page }) => {
  await gotoApp(page);
  const { readFileSync } = await import('node:fs');
  await pasteText(page, readFileSync(fixture('incident3', /debug2\.txt$/), 'utf8'));
  await expect(row(page, 'pasted-1.txt').getByTestId('file-kind')).toHaveText(/goroutine dump/);
});
