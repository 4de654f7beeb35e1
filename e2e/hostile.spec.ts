/**
 * Hostile strings stay inert everywhere they show: a profile whose function names, paths,
 * labels, mapping, build id and comment carry markup and script that would set
 * window.__pwned, bidi controls, a 1 MB name and invalid UTF-8, opened under a file name
 * that is itself markup, walked through every tab its kind has, with tooltips, the help
 * and the export menu open. Nothing may run, no CSP violation may fire, and the names must
 * read as the literal text.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixture, frames, gotoApp, row, shot } from './helpers';

const PWN = '<img src=x onerror="window.__pwned=1">';
const FILE_NAME = '<img src=x onerror=window.__pwned=1>.pb.gz';
/** The profile's "main.\u202Eevil\u202C.reversed" as shown: each bidi control a visible mark, nothing reordered. */
const BIDI_SHOWN = 'main.⟨U+202E⟩evil⟨U+202C⟩.reversed';
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Drops the bytes (base64) as a file of the given name, which no file system would allow. */
async function dropAs(page: Page, b64: string, name: string): Promise<void> {
  await page.evaluate(
    ([b64, name]) => {
      const bin = atob(b64);
      const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    [b64, name],
  );
}

test('markup, scripts, bidi controls, a 1 MB name and invalid UTF-8 are inert text in every view', async ({ page }) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  await page.exposeFunction('__violation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => void (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await gotoApp(page);

  // Dropped under a file name that is markup too.
  const b64 = readFileSync(fixture('bad', /^hostile\.pb\.gz$/)).toString('base64');
  await dropAs(page, b64, FILE_NAME);
  const r = row(page, FILE_NAME);
  await expect(r).toHaveAttribute('data-status', 'ready');
  await expect(r.locator('.file-name')).toHaveText(FILE_NAME);
  await r.locator('.file-main').click();

  const names = async () => (await frames(page)).map((f) => f.name);
  await expect.poll(names).toEqual(expect.arrayContaining([PWN, '<script>window.__pwned=1</script>', BIDI_SHOWN]));
  // Invalid UTF-8 reads as replacement characters, not as markup or an error.
  expect((await names()).some((n) => n.startsWith('main.bad') && n.includes('\uFFFD'))).toBe(true);
  const chart = page.getByTestId('flame-chart');
  await chart.locator(`g.frame[name="${PWN.replace(/"/g, '\\"')}"]`).first().hover();
  await expect(page.getByRole('tooltip')).toContainText(PWN);
  const bidi = chart.locator(`g.frame[name="${BIDI_SHOWN}"]`).first();
  await bidi.hover();
  await expect(page.getByRole('tooltip')).toContainText(BIDI_SHOWN);
  expect(await chart.textContent()).not.toMatch(BIDI_CONTROL);
  expect(await page.getByRole('tooltip').textContent()).not.toMatch(BIDI_CONTROL);
  await shot(page, 'hostile-flame');

  // Every tab this file has, each left to draw, then the help and the export menu.
  const tabs = page.getByRole('tab');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(300);
  }
  await page.getByRole('tab', { name: /Top/ }).click();
  const top = page.getByRole('table', { name: 'Top functions' });
  await expect(top.getByRole('button', { name: PWN })).toBeVisible();
  await expect(top.getByRole('button', { name: BIDI_SHOWN })).toHaveText(BIDI_SHOWN);
  expect(await top.textContent()).not.toMatch(BIDI_CONTROL);
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  const exportButton = page.getByRole('button', { name: 'Export' });
  if ((await exportButton.count()) > 0) {
    await exportButton.first().click();
    await page.keyboard.press('Escape');
  }
  await shot(page, 'hostile-top');

  // The tab's title names the file, as text.
  expect(await page.title()).toBe(`${FILE_NAME} — goroscope`);
  // A file name with a bidi override reads as stored, in the list and the title.
  await dropAs(page, b64, 'report\u202Egnp.pb.gz');
  const bidiRow = row(page, 'report⟨U+202E⟩gnp.pb.gz');
  await expect(bidiRow.locator('.file-name')).toHaveText('report⟨U+202E⟩gnp.pb.gz');
  await bidiRow.locator('.file-main').click();
  await expect(page).toHaveTitle('report⟨U+202E⟩gnp.pb.gz — goroscope');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('#root img, #root script, #root svg[onload]').count()).toBe(0);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
