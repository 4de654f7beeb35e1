/** The flame graph: incident 4's loader stands out; zoom, breadcrumb, search and tooltip work. */
import { expect, test, type Page } from '@playwright/test';
import { fixture, frames, gotoApp, pickFiles, row, selectSampleType, shot, pressShortcut } from './helpers';

const LOADER = 'main.(*RuleStore).loadAllRules';

/** The loader is at least as wide as every frame that is not one of its callers, and spans most of the graph. */
async function expectLoaderWidest(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const fs = await frames(page);
      const loader = fs.find((f) => f.name === LOADER);
      const root = fs.find((f) => f.name === 'root');
      if (!loader || !root) return 'loader or root not drawn';
      // Callers sit above the loader (icicle: root on top) and cover its x range.
      const isCaller = (f: (typeof fs)[number]) => f.y < loader.y && f.x <= loader.x + 0.5 && f.x + f.width >= loader.x + loader.width - 0.5;
      const wider = fs.filter((f) => f !== loader && !isCaller(f) && f.width > loader.width + 0.5);
      if (wider.length) return `wider than the loader: ${wider.map((f) => f.name).join(', ')}`;
      return loader.width >= 0.9 * root.width ? 'ok' : `loader is only ${Math.round((100 * loader.width) / root.width)}% wide`;
    })
    .toBe('ok');
}

test.beforeEach(async ({ page }) => {
  await gotoApp(page);
  await pickFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await expect(row(page, 'heap.pb.gz')).toHaveAttribute('data-status', 'ready');
});

test("incident 4: the loader is the widest frame under main, for inuse_space and alloc_space", async ({ page }) => {
  await expect(page.getByLabel('Sample type').locator('option:checked')).toHaveText(/^inuse_space/);
  await expectLoaderWidest(page);
  await shot(page, 'incident4-heap-inuse-space');
  await selectSampleType(page, 'alloc_space');
  await expect(page.getByTestId('flame-total')).toContainText('alloc_space');
  await expectLoaderWidest(page);
  await shot(page, 'incident4-heap-alloc-space');
});

test('click zooms into a frame, the breadcrumb leads back, Esc resets', async ({ page }) => {
  const chart = page.getByTestId('flame-chart');
  await chart.locator('g.frame[name="main.fakeDB.queryProperties"]').click();
  const crumbs = page.getByRole('navigation', { name: 'Zoom path' });
  await expect(crumbs.locator('[aria-current=location]')).toHaveText('main.fakeDB.queryProperties');
  // The zoomed node is now the drawn root, as wide as the chart.
  await expect.poll(async () => (await frames(page))[0]?.name).toBe('main.fakeDB.queryProperties');
  await expect(page.getByTestId('flame-total')).toContainText('zoomed');
  await shot(page, 'flame-zoomed');

  await crumbs.getByRole('button', { name: LOADER }).click();
  await expect(crumbs.locator('[aria-current=location]')).toHaveText(LOADER);
  await expect.poll(async () => (await frames(page))[0]?.name).toBe(LOADER);

  await pressShortcut(page, 'Escape');
  await expect(crumbs.locator('[aria-current=location]')).toHaveText('all');
  await expect.poll(async () => (await frames(page))[0]?.name).toBe('root');
});

test('search highlights matches and reports their exact share of the total', async ({ page }) => {
  await pressShortcut(page, '/');
  await expect(page.getByLabel('Search frames')).toBeFocused();
  await page.keyboard.type('queryProperties');
  await expect(page.locator('.search-result')).toHaveText(/^\d+\.\d\d% of total · .+ · 1 function$/);
  const fills = await page.getByTestId('flame-chart').locator('g.frame[name="main.fakeDB.queryProperties"] rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
  expect(fills.length).toBeGreaterThan(0);
  for (const f of fills) expect(f).toMatch(/^hsl\(312,/);
  await shot(page, 'flame-search');
});

test('the tooltip shows the value in the sample unit, % of total and % of parent', async ({ page }) => {
  await page.getByTestId('flame-chart').locator(`g.frame[name="${LOADER}"]`).hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip.locator('.flame-tooltip-name')).toHaveText(LOADER);
  await expect(tip).toContainText(/value\s*[\d.]+ (KiB|MiB|GiB) \([\d,]+ bytes\)/);
  await expect(tip).toContainText(/of total\s*\d+\.\d\d%/);
  await expect(tip).toContainText(/of parent\s*\d+\.\d\d%/);
  await shot(page, 'flame-tooltip');
});
