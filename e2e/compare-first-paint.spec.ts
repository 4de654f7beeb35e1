/**
 * The diff flame graph is what the Compare tab shows first: the worker is asked for it
 * before the table (which needs whole call trees), for the first pair and again when the
 * meaning changes, and the table keeps its previous rows on screen until its turn.
 */
import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixtures, gotoApp } from './helpers';

/**
 * Records every worker request and answer by method, in order, from page start, and how
 * many diff table rows were on screen whenever the diff flame graph was asked for.
 */
async function recordWorkerCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    const rowsAtFlame: number[] = [];
    Object.assign(window, { __calls: log, __rowsAtFlame: rowsAtFlame });
    const Base = window.Worker;
    window.Worker = class extends Base {
      private readonly methods = new Map<number, string>();
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<{ type: string; seq: number }>) => {
          if (e.data.type !== 'progress') log.push(`answer ${this.methods.get(e.data.seq)}`);
        });
      }
      override postMessage(m: { method?: string; seq: number }, transfer?: Transferable[] | StructuredSerializeOptions): void {
        if (m.method) {
          this.methods.set(m.seq, m.method);
          log.push(`ask ${m.method}`);
          if (m.method === 'diffFlame') rowsAtFlame.push(document.querySelectorAll('[data-testid=diff-table] tbody tr').length);
        }
        super.postMessage(m, transfer as Transferable[]);
      }
    };
  });
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.filter((c) => /diff(Flame|Top)/.test(c)));

test('the worker is asked for the diff flame graph before the diff table', async ({ page }) => {
  await recordWorkerCalls(page);
  await gotoApp(page);
  // The drop lands on the Compare tab.
  await dropFiles(page, fixtures('incident1', /^heap-(before|after)\.pb\.gz$/));
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  await expect(page.getByTestId('diff-table').locator('tbody tr').first()).toBeVisible();
  expect(await calls(page)).toEqual(['ask diffFlame', 'answer diffFlame', 'ask diffTop', 'answer diffTop']);

  // A new meaning: the flame is asked again first, and the table keeps its rows meanwhile.
  await page.getByRole('radio', { name: /Delta of cumulative/ }).check();
  await expect.poll(async () => (await calls(page)).length).toBe(8);
  expect((await calls(page)).slice(4)).toEqual(['ask diffFlame', 'answer diffFlame', 'ask diffTop', 'answer diffTop']);
  const rowsAtFlame = await page.evaluate(() => (window as unknown as { __rowsAtFlame: number[] }).__rowsAtFlame);
  expect(rowsAtFlame[0]).toBe(0);
  expect(rowsAtFlame[1]).toBeGreaterThan(0);
  await expect(page.getByTestId('diff-table').locator('tbody tr').first()).toBeVisible();
});

test('frames are drawn at their full width at once, not grown over an animation', async ({ page }) => {
  await gotoApp(page);
  // Checked when the frames appear, before any animation frame could widen them: the drop lands on the diff.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const frames = [...document.querySelectorAll('[data-testid=diff-flame-chart] g.frame')];
      if (frames.length === 0) return;
      observer.disconnect();
      const short = frames.filter((g) => Number(g.querySelector('rect')?.getAttribute('width')) !== Number(g.getAttribute('width')));
      Object.assign(window, { __short: short.length, __frames: frames.length });
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  await dropFiles(page, fixtures('incident1', /^heap-(before|after)\.pb\.gz$/));
  await expect(page.getByTestId('diff-flame-chart').locator('g.frame').first()).toBeVisible();
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __short: number; __frames: number };
    return { __short: w.__short, __frames: w.__frames };
  });
  expect(seen.__frames).toBeGreaterThan(10);
  expect(seen.__short).toBe(0);
});
