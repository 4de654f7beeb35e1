/** Sample type, filters, granularity, the top table, the info panel, shortcuts and the URL hash. */
import { expect, test } from '@playwright/test';
import { fixture, frameNames, gotoApp, pickFiles, row, selectSampleType, setFilter, shot, pressShortcut } from './helpers';

const LOADER = 'main.(*RuleStore).loadAllRules';
const hashParam = (url: string, k: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(k);

test.beforeEach(async ({ page }) => {
  await gotoApp(page);
  await pickFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await expect(row(page, 'heap.pb.gz')).toHaveAttribute('data-status', 'ready');
});

test('switching the sample type changes the view and the URL', async ({ page }) => {
  const before = await page.getByTestId('flame-total').textContent();
  expect(before).toContain('inuse_space');
  await selectSampleType(page, 'alloc_objects');
  await expect(page.getByTestId('flame-total')).toContainText('alloc_objects');
  await expect(page.getByTestId('flame-total')).not.toHaveText(before!);
  expect(hashParam(page.url(), 'st')).toBe('alloc_objects');
  // alloc_* count everything since start: frames freed since show up that inuse does not have.
  await expect.poll(async () => (await frameNames(page)).has('main.fakeDB.queryRules')).toBe(true);
});

test('focus and ignore change the view as pprof would', async ({ page }) => {
  const all = await frameNames(page);
  expect(all.has('main.main')).toBe(true);
  expect(all.has(LOADER)).toBe(true);

  await setFilter(page, 'Focus', 'queryProperties');
  // Only stacks through queryProperties remain: its callers and callees, nothing beside them.
  await expect.poll(async () => (await frameNames(page)).has('main.main')).toBe(false);
  const focused = await frameNames(page);
  expect(focused.has('main.fakeDB.queryProperties')).toBe(true);
  expect(focused.has(LOADER)).toBe(true);
  await shot(page, 'filter-focus');

  await setFilter(page, 'Focus', '');
  await setFilter(page, 'Ignore', 'loadAllRules');
  // Samples through the loader are dropped entirely.
  await expect.poll(async () => (await frameNames(page)).has(LOADER)).toBe(false);
  const ignored = await frameNames(page);
  expect(ignored.has('main.fakeDB.queryProperties')).toBe(false);
  expect(ignored.has('main.main')).toBe(true);
  await shot(page, 'filter-ignore');

  await setFilter(page, 'Ignore', '');
  await setFilter(page, 'Hide', '^main\\.\\(\\*RuleStore\\)\\.Rules$');
  // Hidden frames vanish from the stacks but their samples stay.
  await expect.poll(async () => (await frameNames(page)).has('main.(*RuleStore).Rules')).toBe(false);
  expect((await frameNames(page)).has(LOADER)).toBe(true);
});

test('the active transforms show in order, each removable', async ({ page }) => {
  await setFilter(page, 'Ignore', 'queryRules');
  await page.getByRole('radio', { name: 'Lines' }).click();
  await setFilter(page, 'Focus', 'fakeDB');
  const chips = page.getByRole('list', { name: 'Active transforms' }).getByRole('listitem');
  await expect(chips).toHaveText([/^Ignore: queryRules/, /^Granularity: line/, /^Focus: fakeDB/]);
  await shot(page, 'transforms-list');
  await chips.nth(0).getByRole('button', { name: 'Remove' }).click();
  await expect(chips).toHaveText([/^Granularity: line/, /^Focus: fakeDB/]);
  await expect(page.getByLabel('Ignore', { exact: true })).toHaveValue('');
  expect(new URL(page.url()).hash).toBe('#g=line&focus=fakeDB');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(chips).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Functions' })).toHaveAttribute('aria-checked', 'true');
});

test('an invalid regex is flagged and not applied', async ({ page }) => {
  const input = page.getByLabel('Focus', { exact: true });
  await input.fill('load(');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error')).toBeVisible();
  // The view keeps working with the filter left out.
  expect((await frameNames(page)).has('main.main')).toBe(true);
  await shot(page, 'filter-invalid-regex');
  await input.fill('load');
  await expect(input).toHaveAttribute('aria-invalid', 'false');
});

test('granularity switches to function+line frames', async ({ page }) => {
  await page.getByRole('radio', { name: 'Lines' }).click();
  expect(hashParam(page.url(), 'g')).toBe('line');
  await expect.poll(async () => [...(await frameNames(page))].some((n) => /^main\.\(\*RuleStore\)\.loadAllRules .+:\d+$/.test(n))).toBe(true);
  await shot(page, 'granularity-line');
});

test('the top table sorts, filters and sets focus', async ({ page }) => {
  await pressShortcut(page, '2');
  const table = page.getByRole('table', { name: 'Top functions' });
  await expect(table).toBeVisible();
  const names = () => table.locator('tbody td.name-cell').allTextContents();
  await expect.poll(async () => (await names()).length).toBeGreaterThan(3);
  // Default: flat, descending — the loader allocates most by itself.
  expect((await names())[0]).toBe(LOADER);
  await shot(page, 'top-table');

  await table.getByRole('button', { name: 'cum', exact: true }).click();
  await expect(table.locator('th[aria-sort=descending]')).toHaveText(/cum/);
  await expect.poll(async () => (await names()).slice(0, 4)).toContain('main.main.func1');

  await table.getByRole('button', { name: 'name', exact: true }).click();
  await expect(table.locator('th[aria-sort=ascending]')).toHaveText(/name/);
  await expect.poll(async () => {
    const n = await names();
    return n.length > 1 && n.every((x, i) => i === 0 || n[i - 1]! <= x);
  }).toBe(true);

  await page.getByLabel('Filter functions').fill('fakeDB');
  await expect.poll(async () => (await names()).every((n) => n.includes('fakeDB'))).toBe(true);

  await table.getByRole('button', { name: 'main.fakeDB.queryProperties' }).click();
  await expect(page.getByLabel('Focus', { exact: true })).toHaveValue('^main\\.fakeDB\\.queryProperties$');
});

test('the info panel explains the sample type', async ({ page }) => {
  await page.getByRole('tab', { name: /Info/ }).click();
  const explain = page.getByTestId('sample-type-explanation');
  // The fixture's program sets its own MemProfileRate, so the sampling figure is read from the file.
  await expect(explain).toHaveText(/^inuse_space: bytes live at the last GC \(allocated and not yet freed\), sampled every \d+ KiB allocated$/);
  const panel = page.getByRole('region', { name: 'Profile information' });
  await expect(panel).toContainText('heap profile');
  await expect(panel).toContainText('Samples');
  await shot(page, 'info-panel');
  await selectSampleType(page, 'alloc_space');
  await expect(explain).toContainText('alloc_space: bytes allocated since the program started');
});

test('the view state lives in the URL hash and survives a reload', async ({ page }) => {
  await page.goto('./#view=top&st=alloc_space&g=line&focus=fakeDB');
  await expect(page.getByRole('tab', { name: /Top/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Sample type').locator('option:checked')).toHaveText(/^alloc_space/);
  await expect(page.getByRole('radio', { name: 'Lines' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Focus', { exact: true })).toHaveValue('fakeDB');
  // Only settings travel: no file name or profile data in the URL.
  expect(page.url()).not.toContain('heap');
});

test('keyboard: tabs by number, ? opens help, t toggles the theme', async ({ page }) => {
  await pressShortcut(page, '3');
  await expect(page.getByRole('tab', { name: /Info/ })).toHaveAttribute('aria-selected', 'true');
  await pressShortcut(page, '1');
  await expect(page.getByRole('tab', { name: /Flame graph/ })).toHaveAttribute('aria-selected', 'true');
  await pressShortcut(page, '?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await shot(page, 'shortcuts-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const theme = await page.locator('html').getAttribute('data-theme');
  await pressShortcut(page, 't');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme!);
  const other = theme === 'dark' ? 'light' : 'dark';
  await shot(page, `theme-${other}-flame`);
  await pressShortcut(page, '2');
  await expect(page.getByRole('table', { name: 'Top functions' }).locator('td.name-cell').first()).toBeVisible();
  await shot(page, `theme-${other}-top`);
  await pressShortcut(page, '3');
  await shot(page, `theme-${other}-info`);
  // The choice is remembered.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', other);
});

test('the flame graph follows the window width', async ({ page }) => {
  const rootWidth = async () => (await page.getByTestId('flame-chart').locator('svg').getAttribute('width')) ?? '0';
  const wide = Number(await rootWidth());
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(async () => Number(await rootWidth())).toBeLessThan(wide - 300);
  await shot(page, 'narrow-window');
});

test('every control, region and table has an accessible name', async ({ page }) => {
  for (const tab of ['1', '2', '3']) {
    await pressShortcut(page, tab);
    const unnamed = await page.evaluate(() => {
      const out: string[] = [];
      const named = (el: Element) =>
        !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length || el.textContent?.trim());
      for (const el of document.querySelectorAll('button, input, select, textarea, table, [role=tablist], [role=toolbar], [role=radiogroup], main, aside, nav')) {
        if (!named(el)) out.push(el.outerHTML.slice(0, 80));
      }
      return out;
    });
    expect(unnamed).toEqual([]);
  }
});

test('the first theme follows the system colour scheme', async ({ browser }) => {
  for (const colorScheme of ['dark', 'light'] as const) {
    const ctx = await browser.newContext({ colorScheme });
    const page = await ctx.newPage();
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await ctx.close();
  }
});
