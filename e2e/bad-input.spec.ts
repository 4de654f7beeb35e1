/** Bad input: each bad file gets a clear message on its own row; the rest keep working; the worker survives. */
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, frames, gotoApp, row, rows, shot, pressShortcut } from './helpers';

const BAD = ['empty.pb.gz', 'random.bin', 'truncated.pb.gz', 'gzip-bomb.gz', 'nonsense.txt'];

test('each bad file fails on its own row, with a message; the good file is drawn', async ({ page }) => {
  test.setTimeout(180_000);
  await gotoApp(page);
  const bad = BAD.map((n) => fixture('bad', new RegExp(`^${n.replace(/\./g, '\\.')}$`)));
  const heap = fixture('incident4', /^heap\.pb\.gz$/);
  const t0 = Date.now();
  // The good file must not wait for the bad ones.
  const dropped = dropFiles(page, [...bad, heap], { timeout: 150_000 });
  await expect(row(page, 'heap.pb.gz')).toHaveAttribute('data-status', 'ready');
  await shot(page, 'bad-inputs-parsing');
  await dropped;
  console.log(`bad inputs settled in ${Date.now() - t0} ms`);

  await expect(rows(page)).toHaveCount(BAD.length + 1);
  for (const name of BAD) {
    const r = row(page, name);
    await expect(r).toHaveAttribute('data-status', 'error');
    // A sentence, not a bare code: long enough to say what it seemed to be and what is wrong.
    await expect(r.getByTestId('file-error')).toHaveText(/\w.{15,}/);
  }
  await expect(row(page, 'heap.pb.gz')).toHaveAttribute('data-status', 'ready');
  await row(page, 'heap.pb.gz').locator('.file-main').click();
  expect((await frames(page)).some((f) => f.name === 'main.(*RuleStore).loadAllRules')).toBe(true);
  await shot(page, 'bad-inputs');

  // Selecting a failed file explains it in the main area too.
  await row(page, 'random.bin').locator('.file-main').click();
  await expect(page.locator('.status-box')).toContainText('could not be opened');
  await shot(page, 'bad-input-selected');

  // The worker is still alive: a new file opens and a view is computed.
  await dropFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('data-status', 'ready');
  await row(page, 'cpu.pb.gz').locator('.file-main').click();
  await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
  await pressShortcut(page, '2');
  await expect(page.getByRole('table', { name: 'Top functions' }).locator('td.name-cell').first()).toBeVisible();
});
