/** Stack transforms from a flame frame's menu and a top row's, listed in order, undoable, and kept by a link. */
import { expect, test, type Page } from '@playwright/test';
import { fixture, frameNames, gotoApp, pickFiles, pressShortcut, row, setFilter, shot } from './helpers';

const MERGED = 'main.fakeDB.queryProperties';
const DROPPED = 'runtime.gcBgMarkWorker';
const FOCUSED = 'main.main.func1';

async function openCpu(page: Page) {
  await pickFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('data-status', 'ready');
}

const frameMenu = async (page: Page, name: string) => {
  await page.getByTestId('flame-chart').locator(`g.frame[name="${name}"]`).first().click({ button: 'right' });
  return page.getByRole('menu', { name: `Actions on ${name}` });
};
const listed = (page: Page) => page.getByRole('list', { name: 'Active transforms' }).locator('li .mono').allTextContents();

test('three transforms from the menus, in order in the list and the URL; a reload reopens the same view; u undoes', async ({ page }) => {
  await gotoApp(page);
  await openCpu(page);
  expect((await frameNames(page)).has(MERGED)).toBe(true);
  expect((await frameNames(page)).has(DROPPED)).toBe(true);

  await (await frameMenu(page, MERGED)).getByRole('menuitem', { name: 'Merge into its callers' }).click();
  await expect.poll(async () => (await frameNames(page)).has(MERGED)).toBe(false);

  // The top table's ⋯ opens the same menu, from the keyboard.
  await page.getByRole('tab', { name: 'Top' }).click();
  await page.getByLabel('Filter functions').fill(DROPPED);
  const topRow = page.getByRole('table', { name: 'Top functions' }).getByRole('row').filter({ has: page.getByRole('button', { name: DROPPED, exact: true }) });
  await topRow.getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu', { name: `Actions on ${DROPPED}` });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Drop samples through it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /Flame graph/ }).click();
  await expect.poll(async () => (await frameNames(page)).has(DROPPED)).toBe(false);

  await (await frameMenu(page, FOCUSED)).getByRole('menuitem', { name: 'Focus on this function' }).click();
  await expect.poll(async () => (await frameNames(page)).has('main.main')).toBe(false);
  const labels = [`Merge into callers: ${MERGED}`, `Drop samples through: ${DROPPED}`, `Focus on function: ${FOCUSED}`];
  expect(await listed(page)).toEqual(labels);
  const params = [...new URLSearchParams(new URL(page.url()).hash.slice(1)).keys()];
  expect(params.filter((k) => ['merge', 'drop', 'focusfn'].includes(k))).toEqual(['merge', 'drop', 'focusfn']);
  const before = [...(await frameNames(page))].sort();
  await shot(page, 'transforms-three');

  await page.reload();
  await openCpu(page);
  await page.getByText('cpu.pb.gz').last().click();
  await expect.poll(async () => [...(await frameNames(page))].sort()).toEqual(before);
  expect(await listed(page)).toEqual(labels);

  await pressShortcut(page, 'u');
  await expect.poll(() => listed(page)).toEqual(labels.slice(0, 2));
  await expect.poll(async () => (await frameNames(page)).has('main.main')).toBe(true);
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await shot(page, 'transforms-dark');
});

test('a typed prefix collapses into one frame from the keyboard; pprof -show and -prune_from as a filter and a menu step', async ({ page }) => {
  await gotoApp(page);
  await openCpu(page);
  await pressShortcut(page, 'c');
  const input = page.getByLabel('Collapse', { exact: true });
  await expect(input).toBeFocused();
  // Punctuation alone is refused, and says why.
  await input.fill('/');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'letter or digit' })).toBeVisible();
  await input.press('Enter');
  await expect(page.getByRole('list', { name: 'Active transforms' })).toHaveCount(0);
  await shot(page, 'collapse-prefix-invalid');

  // The runtime's folders (runtime/, internal/runtime/…) become one frame per run.
  await input.fill('runtime/*');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect.poll(() => listed(page)).toEqual(['Collapse: runtime/*']);
  await expect.poll(async () => (await frameNames(page)).has('runtime/*')).toBe(true);
  expect((await frameNames(page)).has('runtime.mallocgc')).toBe(false);
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('collapse')).toBe('runtime/');
  await shot(page, 'collapse-prefix-light');

  // Prune what loadAllRules calls: its callees go, its width stays.
  const LOADER = 'main.(*RuleStore).loadAllRules';
  await (await frameMenu(page, LOADER)).getByRole('menuitem', { name: 'Prune its callees' }).click();
  await expect.poll(async () => (await frameNames(page)).has(MERGED)).toBe(false);
  expect((await frameNames(page)).has(LOADER)).toBe(true);
  await expect.poll(() => listed(page)).toEqual(['Collapse: runtime/*', 'Prune callees of: ^main\\.\\(\\*RuleStore\\)\\.loadAllRules$']);

  // Show keeps only main's frames.
  await setFilter(page, 'Show', '^main\\.');
  await expect.poll(async () => [...(await frameNames(page))].every((n) => n === 'root' || n.startsWith('main.'))).toBe(true);

  await pressShortcut(page, 'u');
  await pressShortcut(page, 'u');
  await expect.poll(() => listed(page)).toEqual(['Collapse: runtime/*']);
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await pressShortcut(page, 'c');
  await page.keyboard.type('github.com/aws/');
  await shot(page, 'collapse-prefix-dark');
});
