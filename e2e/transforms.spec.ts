/** Stack transforms from a flame frame's menu and a top row's, listed in order, undoable, and kept by a link. */
import { expect, test, type Page } from '@playwright/test';
import { fixture, frameNames, gotoApp, pickFiles, pressShortcut, row, shot } from './helpers';

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
