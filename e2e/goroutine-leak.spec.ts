/**
 * Go 1.26's goroutine leak detector in the browser: a dump with "(leaked)" marks and the
 * goroutineleak profile itself. The runtime's verdict shows in the table and leads the
 * leak suspects; the idle pool beside it is not called a leak.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixture, gotoApp, row, shot } from './helpers';

const DUMP = fixture('goroutineleak', /^goroutine\.debug2\.txt$/);
const PROFILE = fixture('goroutineleak', /^goroutineleak\.pb\.gz$/);
const { leaked } = JSON.parse(readFileSync(fixture('goroutineleak', /^expect\.json$/), 'utf8')) as { leaked: number };

async function openGoroutines(page: Page, file: RegExp): Promise<void> {
  await row(page, file).locator('.file-main').click();
  await page.getByRole('tab', { name: /Goroutines/ }).click();
  await expect(page.getByRole('region', { name: 'Goroutines' })).toBeVisible();
}

test('leaked goroutines are marked in the table and lead the leak suspects; the goroutineleak profile opens as goroutines', async ({ page }) => {
  await gotoApp(page);
  await dropFiles(page, [DUMP, PROFILE]);
  await expect(row(page, /^goroutineleak\.pb\.gz$/).getByTestId('file-kind')).toHaveText('goroutineleak profile');

  await openGoroutines(page, /^goroutine\.debug2\.txt$/);
  const leakedChips = page.locator('.g-chip.tone-leaked');
  await expect(leakedChips).toHaveCount(1);
  await expect(leakedChips).toHaveText(`leaked ${leaked}`);
  await expect(leakedChips).toHaveAttribute('title', /marked leaked by the runtime's leak detector/);
  const callout = page.getByRole('note', { name: 'Most likely leak' });
  await expect(callout).toContainText('main.fetchPrice.func1');
  await expect(callout).toContainText(`${leaked} marked leaked by the runtime`);
  await shot(page, 'goroutines-leaked-table');

  await page.getByRole('tablist', { name: 'Goroutine views' }).getByRole('tab', { name: /Leak suspects/ }).click();
  const top = page.getByTestId('leak-suspect').first();
  await expect(top).toContainText('main.fetchPrice.func1');
  await expect(top).toContainText(`${leaked} marked leaked by the runtime`);
  await expect(page.getByTestId('leak-suspect').filter({ hasText: 'main.startPool.func1' })).toHaveCount(0);
  await shot(page, 'goroutines-leaked-suspects');

  // The profile itself: every goroutine in it is one the detector found. The view stays on its sub-tab.
  await openGoroutines(page, /^goroutineleak\.pb\.gz$/);
  await expect(page.getByTestId('leak-suspect').first()).toContainText(`${leaked} marked leaked by the runtime`);
  await page.getByRole('tablist', { name: 'Goroutine views' }).getByRole('tab', { name: /By stack/ }).click();
  await expect(page.locator('.g-chip.tone-leaked')).toHaveText(`leaked ${leaked}`);
  await shot(page, 'goroutines-leak-profile');
});
