/** Privacy is a property: a whole session makes no request off the page's origin, and names are never markup. */
import { expect, test, type Page } from '@playwright/test';
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
