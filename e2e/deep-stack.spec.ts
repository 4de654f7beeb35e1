/** A stack of 100,000 frames (a runaway recursion) is drawn, its views answer, and the file beside it stays usable. */
import { expect, test } from '@playwright/test';
import { fixture, frames, gotoApp, pickFiles, row, shot } from './helpers';

test('a profile with a 100k-frame stack opens and draws, and the file beside it keeps working', async ({ page }) => {
  test.setTimeout(90_000);
  await gotoApp(page);
  // One at a time: two CPU profiles opened together would land on their diff.
  await pickFiles(page, [fixture('bad', /^deep-stack\.pb\.gz$/)]);
  await pickFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'deep-stack.pb.gz')).toHaveAttribute('data-status', 'ready');
  await row(page, 'deep-stack.pb.gz').locator('.file-main').click();
  const t0 = Date.now();
  await expect.poll(async () => (await frames(page)).map((f) => f.name), { timeout: 30_000 }).toEqual(expect.arrayContaining(['main.main', 'main.recurse', 'main.other']));
  console.log(`deep stack drawn in ${Date.now() - t0} ms`);
  await shot(page, 'deep-stack-flame');
  await page.getByRole('tab', { name: /Top/ }).click();
  const top = page.getByRole('table', { name: 'Top functions' });
  await expect(top.getByRole('button', { name: 'main.leaf' })).toBeVisible();
  // The file beside it is drawn as usual.
  await row(page, 'cpu.pb.gz').locator('.file-main').click();
  await page.getByRole('tab', { name: /Flame/ }).click();
  await expect.poll(async () => (await frames(page)).some((f) => f.name === 'main.(*RuleStore).loadAllRules')).toBe(true);
});
