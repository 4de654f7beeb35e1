/**
 * Source lines (pprof -list) from a folder picked in the page: the incident-4 loader's
 * lines beside the generator's own source (test/fixtures/gen), the hottest line's value as
 * go tool pprof -list prints it (the committed golden), and the messages for a file the
 * folder does not hold.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatExact, formatValue } from '../src/state/format';
import { FIXTURES, fixture, gotoApp, pickFiles, pressShortcut, row, shot } from './helpers';

const FN = 'main.(*RuleStore).loadAllRules';
const GEN = join(FIXTURES, 'gen');

interface Routine {
  name: string;
  flat: number;
  cum: number;
  lines: { line: number; flat: number; cum: number }[];
}
const golden = (JSON.parse(readFileSync(join(FIXTURES, 'golden', 'list.json'), 'utf8')) as { file: string; sampleType: { type: string }; routines: Routine[] }[]).find(
  (g) => g.file.endsWith('incident4/heap.pb.gz') && g.sampleType.type === 'inuse_space',
)!;
const loader = golden.routines.find((r) => r.name === FN)!;
const hottest = loader.lines.reduce((a, b) => (b.cum > a.cum ? b : a));

const listing = (page: Page) => page.getByRole('region', { name: `Source lines of ${FN}` });
const lineRow = (page: Page, n: number) => listing(page).locator(`tr[data-line="${n}"]`);
const folderInput = (page: Page) => page.getByLabel('Source folder to read files from');

test.beforeEach(async ({ page }) => {
  await gotoApp(page);
  await pickFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await expect(row(page, 'heap.pb.gz')).toHaveAttribute('data-status', 'ready');
});

test("the loader's source from the generator's folder: pprof -list's values, the hottest line in view", async ({ page }) => {
  // From a top row's menu.
  await page.getByRole('tab', { name: 'Top' }).click();
  const top = page.getByRole('table', { name: 'Top functions' });
  await top.getByRole('row').filter({ has: page.getByRole('button', { name: FN, exact: true }) }).getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Source lines' }).click();
  await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/Choose the folder of your checkout/)).toBeVisible();
  // pprof's ROUTINE totals, before any folder.
  await expect(page.getByTestId('source-totals')).toContainText(`flat ${formatValue(loader.flat, 'bytes')} · cum ${formatValue(loader.cum, 'bytes')}`);

  await folderInput(page).setInputFiles(GEN);
  await expect(page.getByTestId('source-folder-status')).toContainText(/gen: \d+ files listed/);
  const hot = lineRow(page, hottest.line);
  await expect(hot).toHaveClass(/hottest/);
  await expect(hot.locator('td.num').nth(1)).toHaveText(formatValue(hottest.cum, 'bytes'));
  await expect(hot.locator('td.num').nth(1)).toHaveAttribute('title', new RegExp(`\\(${formatExact(hottest.cum, 'bytes').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
  await expect(hot.locator('td.code')).toHaveText('\t\trules[p.RuleID].Properties[p.Key] = p.Value');
  await expect(hot).toBeInViewport();
  // Every line with a value, as pprof printed it.
  for (const l of loader.lines) {
    await expect(lineRow(page, l.line).locator('td.num').nth(0)).toHaveText(l.flat ? formatValue(l.flat, 'bytes') : '.');
    await expect(lineRow(page, l.line).locator('td.num').nth(1)).toHaveText(l.cum ? formatValue(l.cum, 'bytes') : '.');
  }
  // The function's lines, then the whole file.
  await expect(lineRow(page, 80).locator('td.code')).toHaveText(/^func \(s \*RuleStore\) loadAllRules/);
  await expect(lineRow(page, 1)).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveCount(0);
  await shot(page, 'source-light');
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await shot(page, 'source-dark');
  await page.getByRole('button', { name: 'Whole file' }).click();
  await expect(hot).toBeInViewport();
  await expect(lineRow(page, 1)).toHaveCount(0);
  await listing(page).evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(lineRow(page, 1).locator('td.code')).toHaveText(/^\/\/ Command incident4/);
  await expect(lineRow(page, 1)).toHaveClass(/outside/);
});

test('l opens the source of the callers/callees function; a file the folder lacks is said, with what was tried', async ({ page }) => {
  await page.getByRole('tab', { name: 'Callers/callees' }).click();
  await page.getByLabel('Function to show the callers and callees of').fill(FN);
  await page.getByLabel('Function to show the callers and callees of').press('Enter');
  await expect(page.getByTestId('sandwich-total')).toBeVisible();
  await pressShortcut(page, 'l');
  await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
  await pressShortcut(page, '?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(/l\s*Source: the lines of the function/);
  await page.keyboard.press('Escape');

  // Another program's folder: its main.go is not the loader's.
  await folderInput(page).setInputFiles(join(GEN, 'cmd', 'incident1'));
  const missing = page.getByTestId('source-not-found');
  await expect(missing).toContainText('is not in incident1 (1 file listed)');
  await expect(missing).toContainText('Looked for a file ending in incident4/main.go, cmd/incident4/main.go');
  await expect(missing.getByRole('button', { name: 'incident1/main.go' })).toBeVisible();
  await shot(page, 'source-not-found');

  // A standard-library function: no such file in the generator's folder.
  await folderInput(page).setInputFiles(GEN);
  await page.getByLabel('Function to show the source lines of').fill('fmt.Sprintf');
  // Enter takes the first suggestion: wait for the list of the text typed.
  await expect(page.locator('datalist option').first()).toHaveAttribute('value', 'fmt.Sprintf');
  await page.getByLabel('Function to show the source lines of').press('Enter');
  await expect(missing).toContainText(/print\.go is not in gen \(\d+ files listed\)\. Looked for a file ending in fmt\/print\.go/);
});

test('a generated file of 99k lines: the whole file scrolls to the hottest line, with only the rows in view drawn', async ({ page }) => {
  await pickFiles(page, [fixture('large', /^cpu-large\.pb\.gz$/)]);
  await row(page, 'cpu-large.pb.gz').click();
  await page.getByRole('tab', { name: 'Source' }).click();
  await page.getByLabel('Function to show the source lines of').fill('main.renderIndex0');
  await expect(page.locator('datalist option').first()).toHaveAttribute('value', 'main.renderIndex0');
  await page.getByLabel('Function to show the source lines of').press('Enter');
  await folderInput(page).setInputFiles(GEN);
  const region = page.getByRole('region', { name: 'Source lines of main.renderIndex0' });
  await expect(region.locator('tr.hottest')).toBeInViewport();
  const started = Date.now();
  await page.getByRole('button', { name: 'Whole file' }).click();
  await expect(region.getByRole('table')).toHaveAttribute('aria-rowcount', '99008');
  await expect(region.locator('tr.hottest')).toBeInViewport();
  console.log(`whole file of 99,007 lines shown in ${Date.now() - started} ms`);
  expect(await region.locator('tbody tr').count()).toBeLessThan(200);
  await shot(page, 'source-large-whole');
});

test('source text is shown as text: markup in a file runs nothing; an edited file is flagged', async ({ page }) => {
  // A checkout whose main.go was edited since the build: markup where the hot line was, no declaration at line 80.
  const root = mkdtempSync(join(tmpdir(), 'goroscope-src-'));
  mkdirSync(join(root, 'incident4'));
  const lines = Array.from({ length: 100 }, (_, i) => `// line ${i + 1}`);
  lines[hottest.line - 1] = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  writeFileSync(join(root, 'incident4', 'main.go'), lines.join('\n'));
  await page.getByRole('tab', { name: 'Source' }).click();
  await page.getByLabel('Function to show the source lines of').fill(FN);
  await expect(page.locator('datalist option').first()).toHaveAttribute('value', FN);
  await page.getByLabel('Function to show the source lines of').press('Enter');
  await folderInput(page).setInputFiles(join(root, 'incident4'));
  await expect(lineRow(page, hottest.line).locator('td.code')).toHaveText(lines[hottest.line - 1]);
  await expect(listing(page).locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByRole('note')).toContainText(`the profile says ${FN} starts on line 80, which here reads “// line 80”`);
  await shot(page, 'source-edited');
  rmSync(root, { recursive: true });
});
