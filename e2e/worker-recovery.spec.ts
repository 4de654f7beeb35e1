/** A worker that stops answering is replaced: the other files are opened again, the one it was busy with is named and left alone. */
import { expect, test } from '@playwright/test';
import { fixture, frames, gotoApp, pickFiles, row, shot } from './helpers';

test('a stuck worker is restarted, every other file reopened, and the file it was opening marked', async ({ page }) => {
  test.setTimeout(90_000);
  await gotoApp(page);
  await pickFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/), fixture('incident4', /^heap\.pb\.gz$/)]);
  await row(page, 'cpu.pb.gz').locator('.file-main').click();
  await expect.poll(async () => (await frames(page)).length).toBeGreaterThan(10);
  const before = page.workers().length;

  // Wedge the worker (an endless loop, as a hostile file could cause), then give it a file.
  const entry = page.workers().find((w) => /entry/.test(w.url()))!;
  await entry.evaluate('setTimeout(() => { for (;;) {} }, 0)');
  await page.getByTestId('file-input').setInputFiles(fixture('debug1', /^heap\.txt$/));

  const stuck = row(page, 'heap.txt');
  await expect(stuck).toHaveAttribute('data-status', 'error', { timeout: 45_000 });
  await expect(stuck).toContainText(/stopped answering .* while opening it/);
  await expect(stuck).toContainText('open it again to retry');
  // The others come back by themselves, in a new worker, and show as before.
  for (const name of ['cpu.pb.gz', 'heap.pb.gz']) await expect(row(page, name)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await row(page, 'cpu.pb.gz').locator('.file-main').click();
  await expect.poll(async () => (await frames(page)).length).toBeGreaterThan(10);
  expect(page.workers().length).toBeGreaterThanOrEqual(before);
  await shot(page, 'worker-recovered');
  // Opening the file again retries it, in the new worker.
  await pickFiles(page, [fixture('debug1', /^heap\.txt$/)]);
  await expect(row(page, 'heap.txt').last()).toHaveAttribute('data-status', 'ready');
});
