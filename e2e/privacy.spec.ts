/** Privacy is a property: a whole session makes no request off the page's origin, and names are never markup. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exportItem } from './export-item';
import { dropFiles, fixture, fixtures, frames, gotoApp, pasteText, pickFiles, row, selectSampleType, setFilter, shot, pressShortcut } from './helpers';

/** Every request, websocket and CSP violation of the page, for checking at the end. */
function record(page: Page) {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => problems.push(`websocket ${ws.url()}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog fired: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { requests, problems };
}

function offOrigin(requests: string[], origin: string): string[] {
  return requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.origin !== origin;
  });
}

/** Every tab the selected file has (flame, top, info, callers, goroutines, timeline, trace, compare…), each left to draw. */
async function visitEveryView(page: Page) {
  const tabs = page.getByRole('tab');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(250);
  }
  await tabs.first().click();
}

test('a session that opens files and visits every view stays on its own origin', async ({ page, baseURL }) => {
  const { requests, problems } = record(page);
  await gotoApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self'");

  await dropFiles(page, fixtures('incident2'));
  await pickFiles(page, fixtures('incident4', /\.pb\.gz$/));
  await pasteText(page, 'main;a;b 3\nmain;c 1\n');
  for (const name of ['main-1-cpu-', 'main-1-mem-', 'main-1-mutex-', 'main-1-block-', 'main-1-threadcreate-', 'main-1-trace-', 'heap.pb.gz', 'cpu.pb.gz', 'pasted-1.txt']) {
    await row(page, name).first().locator('.file-main').click();
    await visitEveryView(page);
  }
  // Exercise every control once, on incident 4's heap profile.
  await row(page, 'heap.pb.gz').locator('.file-main').click();
  await selectSampleType(page, 'alloc_space');
  await page.getByRole('radio', { name: 'Lines' }).click();
  await page.getByRole('radio', { name: 'Functions' }).click();
  await setFilter(page, 'Focus', 'main');
  await setFilter(page, 'Focus', '');
  await page.getByTestId('flame-chart').locator('g.frame').nth(1).click();
  await page.getByTestId('flame-chart').locator('g.frame').first().hover();
  await page.getByLabel('Search frames').fill('Rules');
  await pressShortcut(page, 'Escape');
  await pressShortcut(page, '?');
  await pressShortcut(page, 'Escape');
  await pressShortcut(page, 't');
  await visitEveryView(page);
  await shot(page, 'privacy-session-end');

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(0);
  expect(offOrigin(requests, origin)).toEqual([]);
  expect(problems).toEqual([]);
});

/** CSP violations as the page reports them (the console's wording aside). */
async function listenForViolations(page: Page, problems: string[]): Promise<void> {
  await page.exposeFunction('__violation', (v: string) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => void (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/**
 * Runs every item of every Export menu on the page once per file (`done` holds the labels
 * already run for it): a plain item downloads, an item ending in "…" opens its dialog,
 * whose primary button downloads (then it is closed). Each download must be made in the page (blob: or data:).
 */
async function exportEverything(page: Page, done: Set<string>): Promise<void> {
  const menus = page.locator('.export-menu');
  for (let m = 0; m < (await menus.count()); m++) {
    const menu: Locator = menus.nth(m);
    const button = menu.getByRole('button', { name: 'Export', exact: true });
    if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
    await button.click();
    const labels = await page.getByRole('menuitem').allTextContents();
    await page.keyboard.press('Escape');
    for (const label of labels) {
      if (done.has(label)) continue;
      done.add(label);
      let download;
      if (label.endsWith('…')) {
        await button.click();
        await page.getByRole('menuitem', { name: label, exact: true }).click();
        const dialog = page.getByRole('dialog');
        [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('.btn.primary').click()]);
        await dialog.getByRole('button', { name: 'Close' }).click();
        await expect(dialog).toBeHidden();
      } else download = await exportItem(page, label, menu);
      expect(download.url(), label).toMatch(/^(blob|data):/);
    }
  }
}

/** Each tab of the selected file, each sub-view tab inside it, its Export menus run, and a frame's menu opened. */
async function walkWithExports(page: Page): Promise<Set<string>> {
  const done = new Set<string>();
  const views = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
  for (let i = 0; i < (await views.count()); i++) {
    await views.nth(i).click();
    await page.waitForTimeout(300);
    const inner = page.locator('[role=tablist]:not([aria-label="Views"]) [role=tab]');
    const subviews = Math.max(1, await inner.count());
    for (let j = 0; j < subviews; j++) {
      if ((await inner.count()) > j) {
        await inner.nth(j).click();
        await page.waitForTimeout(300);
      }
      await exportEverything(page, done);
    }
    const frame = page.getByTestId('flame-chart').locator('g.frame').nth(1);
    if (await frame.isVisible()) {
      await frame.click({ button: 'right' });
      await expect(page.getByRole('menu', { name: /^Actions on / })).toBeVisible();
      await page.keyboard.press('Escape');
    }
  }
  return done;
}

test('every export of every view, for a file of each kind, is made in the page and nothing runs', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const { requests, problems } = record(page);
  await listenForViolations(page, problems);
  await gotoApp(page);
  // A profile, a goroutine dump, a trace, a series of three heaps (a diff pair among them), an archive.
  await dropFiles(page, [fixture('incident4', /^heap\.pb\.gz$/)]);
  await dropFiles(page, [fixture('goroutine-versions/go1.22', /^goroutine\.debug2\.txt$/)]);
  await dropFiles(page, [fixture('incident2', /^main-1-trace-/)]);
  await dropFiles(page, fixtures('incident5', /^heap-\d\.pb\.gz$/));
  await dropFiles(page, [fixture('pods', /^pods-named\.zip$/)]);

  const exported = new Set<string>();
  for (const name of ['heap.pb.gz', 'goroutine.debug2.txt', 'main-1-trace-', 'heap-3.pb.gz']) {
    await row(page, name).first().locator('.file-main').click();
    for (const label of await walkWithExports(page)) exported.add(label);
  }
  // The archive: an entry's views and exports, then the pod table.
  const archive = row(page, 'pods-named.zip');
  await archive.getByTestId('open-pod-table').click();
  await expect(page.getByRole('dialog', { name: 'Pod against pod' })).toBeVisible();
  await page.keyboard.press('Escape');
  await archive.getByTestId('archive-entry').first().locator('button').click();
  for (const label of await walkWithExports(page)) exported.add(label);
  // Every kind of export the app has, each made at least once.
  expect([...exported]).toEqual(
    expect.arrayContaining([
      'Flame graph as SVG',
      'Flame graph as PNG (1×)',
      'Flame graph as PNG (2×)',
      'pprof profile (.pb.gz)',
      'pprof profile, redacted…',
      'Top table as CSV',
      'Diff table as CSV',
      'pprof diff profile (-diff_base) (.pb.gz)',
      'pprof diff profile (-diff_base), redacted…',
      'Series ranking as CSV',
      'Goroutine groups as CSV',
      'Goroutine groups as debug=1 text',
      'Goroutine analysis as CSV',
    ]),
  );
  await shot(page, 'privacy-exports-end');

  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(offOrigin(requests, new URL(baseURL!).origin)).toEqual([]);
  expect(problems).toEqual([]);
});

test('names with markup are shown as text and nothing runs', async ({ page }) => {
  const { problems } = record(page);
  await gotoApp(page);
  await pickFiles(page, [fixture('bad', /^xss\.pb\.gz$/)]);
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '<script>alert(2)</script>';

  const chart = page.getByTestId('flame-chart');
  await expect.poll(async () => (await frames(page)).map((f) => f.name)).toEqual(expect.arrayContaining([IMG, SCRIPT]));
  // The label is the literal text, and no element was made from it.
  const imgFrames = chart.locator(`g.frame[name="${IMG}"]`);
  expect(await imgFrames.count()).toBeGreaterThan(0);
  for (const label of await imgFrames.locator('.d3-flame-graph-label').all()) await expect(label).toHaveText(IMG);
  expect(await page.locator('#root img, .flame-tooltip img').count()).toBe(0);
  expect(await page.locator('body script').count()).toBe(0);

  await imgFrames.first().hover();
  await expect(page.getByRole('tooltip').locator('.flame-tooltip-name')).toHaveText(IMG);
  expect(await page.getByRole('tooltip').locator('img').count()).toBe(0);
  await shot(page, 'xss-flame-tooltip');

  await imgFrames.first().click();
  await expect(page.getByRole('navigation', { name: 'Zoom path' }).locator('[aria-current=location]')).toHaveText(IMG);

  await pressShortcut(page, '2');
  const table = page.getByRole('table', { name: 'Top functions' });
  await expect(table.getByRole('button', { name: SCRIPT })).toBeVisible();
  await expect(table.getByRole('button', { name: `main.safe & sound 'quoted' "name"` })).toBeVisible();
  await shot(page, 'xss-top');

  // Give any injected handler time to fire before judging.
  await page.waitForTimeout(500);
  expect(problems).toEqual([]);
});
