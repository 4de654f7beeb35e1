/** pprof's inline marks in the top table, and the callers/callees view reached from the top table, a flame frame's menu, its own picker and a link. */
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixture, fixtures, gotoApp, pickFiles, pressShortcut, row, shot } from './helpers';

const FN = 'main.fakeDB.queryProperties';
const hashParam = (url: string, k: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(k);
const peekRow = (page: Page, name: string) => page.getByRole('table', { name: /^Callers and callees of/ }).getByRole('row').filter({ hasText: name });

test.beforeEach(async ({ page }) => {
  await gotoApp(page);
  await pickFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await expect(row(page, 'cpu.pb.gz')).toHaveAttribute('data-status', 'ready');
});

test('the top table marks inlined functions as pprof does, and says so in the tooltip', async ({ page }) => {
  await page.getByRole('tab', { name: 'Top' }).click();
  const mark = page.getByRole('table', { name: 'Top functions' }).getByRole('row').filter({ hasText: 'internal/runtime/maps.ctrlGroup.matchH2' }).locator('.inline-mark');
  await expect(mark).toHaveText(' (inline)');
  await expect(mark).toHaveAttribute('title', /every call into this function was inlined/);
});

test('callers and callees: from the top table, pprof -peek numbers, flame graphs both ways, in the URL', async ({ page }) => {
  await page.getByRole('tab', { name: 'Top' }).click();
  const top = page.getByRole('table', { name: 'Top functions' });
  await top.getByRole('row').filter({ has: page.getByRole('button', { name: FN, exact: true }) }).getByRole('button', { name: 'Callers and callees' }).click();
  await expect(page.getByRole('tab', { name: 'Callers/callees' })).toHaveAttribute('aria-selected', 'true');
  // go tool pprof -peek: 980ms cum, all from loadAllRules, half of it in fmt.Sprintf.
  await expect(page.getByTestId('sandwich-total')).toContainText('cum 980');
  await expect(peekRow(page, 'main.(*RuleStore).loadAllRules')).toContainText('100.00%');
  await expect(peekRow(page, 'fmt.Sprintf')).toContainText('50.00%');
  await expect(peekRow(page, 'runtime.concatstring3')).toContainText('19.39%');
  const callers = page.getByRole('region', { name: `Callers of ${FN}` });
  const callees = page.getByRole('region', { name: `Callees of ${FN}` });
  await expect(callers.locator('g.frame[name="main.(*RuleStore).loadAllRules"]')).toHaveCount(1);
  await expect(callees.locator('g.frame[name="fmt.Sprintf"]')).toHaveCount(1);
  // Callers are drawn upwards: a caller sits above the function.
  // Read in one go: a chart redrawn for a new width replaces its frames.
  const above = (region: typeof callers, upper: string, lower: string) =>
    region.evaluate((el, [a, b]) => {
      const top = (n: string) => el.querySelector(`g.frame[name="${CSS.escape(n)}"]`)?.getBoundingClientRect().top ?? NaN;
      return top(a!) < top(b!);
    }, [upper, lower]);
  await expect.poll(() => above(callers, 'main.(*RuleStore).loadAllRules', FN)).toBe(true);
  await expect.poll(() => above(callees, FN, 'fmt.Sprintf')).toBe(true);
  expect(hashParam(page.url(), 'fn')).toBe(FN);
  expect(hashParam(page.url(), 'view')).toBe('sandwich');
  await shot(page, 'sandwich-light');
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await shot(page, 'sandwich-dark');

  // A link reopens the same function.
  await page.reload();
  await pickFiles(page, [fixture('incident4', /^cpu\.pb\.gz$/)]);
  await page.getByText('cpu.pb.gz').last().click();
  await expect(peekRow(page, 'fmt.Sprintf')).toContainText('50.00%');

  // A name in the table moves the view to that function.
  await peekRow(page, 'fmt.Sprintf').getByRole('button').click();
  await expect(page.getByTestId('sandwich-total')).toContainText('cum 520');
  expect(hashParam(page.url(), 'fn')).toBe('fmt.Sprintf');
});

test('callers and callees: from a flame frame\'s menu, and the picker from the keyboard', async ({ page }) => {
  await page.getByTestId('flame-chart').locator(`g.frame[name="${FN}"]`).first().click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions on ${FN}` }).getByRole('menuitem', { name: 'Callers and callees' }).click();
  await expect(page.getByRole('tab', { name: 'Callers/callees' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sandwich-total')).toContainText('cum 980');

  await pressShortcut(page, '/');
  const picker = page.getByLabel('Function to show the callers and callees of');
  await expect(picker).toBeFocused();
  await picker.fill('loadAllRules');
  await expect(page.locator('datalist option').first()).toHaveAttribute('value', 'main.(*RuleStore).loadAllRules');
  await picker.press('Enter');
  expect(hashParam(page.url(), 'fn')).toBe('main.(*RuleStore).loadAllRules');
  await expect(peekRow(page, FN)).toContainText('%');
});

test('callers and callees from a goroutine stack', async ({ page }) => {
  await pickFiles(page, [fixture('incident3', /^goroutine-t2\.debug2\.txt$/)]);
  await page.getByRole('tab', { name: 'Goroutines' }).click();
  const table = page.getByRole('table', { name: 'Goroutines grouped by stack' });
  await table.getByTestId('group-row').first().getByRole('button').click();
  const stack = page.getByRole('list', { name: /^Stack of/ });
  const func = (await stack.getByRole('button').first().textContent())!;
  await stack.getByRole('button').first().click();
  await expect(page.getByRole('tab', { name: 'Callers/callees' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: `Callers of ${func}` }).locator('g.frame').first()).toBeVisible();
  await expect(page.getByTestId('sandwich-total')).toContainText('cum');
  await shot(page, 'sandwich-goroutines');
});

test('callers and callees on a diff: before, after and the change, as pprof -peek -diff_base, and as diff flame graphs', async ({ page }) => {
  const RESYNC = 'main.(*controller).resync';
  await dropFiles(page, fixtures('incident1', /^heap-(before|after)\.pb\.gz$/));
  await page.getByRole('tab', { name: /Compare/ }).click();
  const table = page.getByTestId('diff-table');
  await table.getByRole('button', { name: RESYNC, exact: true }).waitFor();
  // From the keyboard: the row's callers-and-callees button.
  await table.getByRole('row').filter({ has: page.getByRole('button', { name: RESYNC, exact: true }) }).getByRole('button', { name: 'Callers and callees' }).focus();
  await page.keyboard.press('Enter');
  const peekTable = page.getByTestId('diff-peek-table');
  // go tool pprof -peek -diff_base: all of resync's +22,521,066 B came through main.main.
  const caller = peekTable.getByRole('row').filter({ hasText: 'main.main' });
  await expect(caller.locator('td').nth(3)).toHaveAttribute('title', '22,521,066 bytes');
  await expect(caller.locator('td').nth(4)).toHaveText('100.00%');

  // The same edges as diff flame graphs: main.main above resync, the workqueue's AddRateLimited below.
  const callers = page.getByRole('region', { name: `Callers of ${RESYNC}, before and after`, exact: true });
  const callees = page.getByRole('region', { name: `Callees of ${RESYNC}, before and after`, exact: true });
  await expect(callers.locator('g.frame[name="main.main"]')).toHaveAttribute('data-delta', '22521066');
  await expect(callers.locator(`g.frame[name="${RESYNC}"]`)).toHaveAttribute('data-delta', '22521066');
  await expect(callees.locator('g.frame[name^="k8s.io/client-go/util/workqueue.(*rateLimitingType"][name$=".AddRateLimited"]')).toHaveAttribute('data-delta', '22521066');
  const top = (region: typeof callers, name: string) => region.locator(`g.frame[name="${name}"]`).evaluate((el) => el.getBoundingClientRect().top);
  await expect.poll(async () => (await top(callers, 'main.main')) < (await top(callers, RESYNC))).toBe(true);

  // Tooltip: base, target, delta and its share of the base total (pprof's cum% on the diff: 86.70%).
  await callers.locator('g.frame[name="main.main"]').hover();
  // Each chart has its tooltip: the shown one.
  const tip = page.locator('.compare-tooltip:not([hidden])');
  await expect(tip).toBeVisible();
  const value = (label: string) => tip.locator('dt', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(value('before')).toHaveText(/\d/);
  await expect(value('after')).toHaveText(/\d/);
  await expect(value('delta')).toHaveText(/^\+21\.5/);
  await expect(value('delta % of base total')).toHaveText('+86.7%');
  await shot(page, 'sandwich-diff');
  await page.mouse.move(5, 5);
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await callees.scrollIntoViewIfNeeded();
  await shot(page, 'sandwich-diff-dark');
});

test("callers and callees of a trace's derived profile", async ({ page }) => {
  test.setTimeout(120_000);
  await dropFiles(page, [fixture('incident2', /-trace-/)], { timeout: 90_000 });
  await row(page, /-trace-/).locator('.file-main').click();
  await page.getByRole('tab', { name: /^Trace/ }).click();
  await page.getByRole('group', { name: 'Profiles of the whole trace' }).getByRole('button', { name: /Sync blocking/ }).click();
  await expect(row(page, /^sync blocking · /)).toHaveAttribute('data-status', 'ready');
  const frame = page.getByTestId('flame-chart').locator('g.frame').nth(1);
  const name = (await frame.getAttribute('name'))!;
  await frame.click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions on ${name}` }).getByRole('menuitem', { name: 'Callers and callees' }).click();
  await expect(page.getByTestId('sandwich-total')).toContainText('cum');
  await expect(page.getByRole('region', { name: `Callees of ${name}` }).locator('g.frame').first()).toBeVisible();
});
