/** dist/ served under /goroscope/ (as a GitHub Pages project site) works, and asks nothing from outside it. */
import { expect, test } from '@playwright/test';
import { dropFiles, fixture, gotoApp, row, shot, pressShortcut } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
const BASE = `http://127.0.0.1:${PORT}/goroscope/`;

test('the built site works from a sub-path', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // The sample is fetched relative to the page, so it loads here too.
  await gotoApp(page, BASE);
  await dropFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await expect(row(page, 'heap.pb.gz')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('flame-chart').locator('g.frame[name="main.(*RuleStore).loadAllRules"]')).toBeVisible();
  await pressShortcut(page, '2');
  await expect(page.getByRole('table', { name: 'Top functions' }).locator('td.name-cell').first()).toBeVisible();
  await shot(page, 'subpath');
  const outside = requests.filter((u) => !u.startsWith(BASE) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(outside).toEqual([]);
});
