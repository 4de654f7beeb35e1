/**
 * File to painted flame graph in headless Chromium: goroscope (the built dist/) next to
 * speedscope (its npm package, served locally) on the same files, in the same run.
 * First view is timed in the page, the same way for both: from the file input's change
 * event to the animation frame after the first one that shows the flame graph (so that
 * frame has been painted); Playwright's own round trips are not in it. Memory is the peak
 * resident size of the renderer processes (page and its workers) above what they used
 * before the file was given, sampled every 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { mb, rendererPids, rendererRss } from './measure';
import { serveDirs } from './static-server';

/** BENCH_PORT and BENCH_DIST let two benches (or a bench and a build) run side by side. */
const PORT = Number(process.env.BENCH_PORT ?? 4391);

interface FirstView {
  ms: number;
  peakBytes: number;
}

/**
 * Gives `file` to the page's file input and times it in the page until `shown()` holds
 * (checked every animation frame, a string: see the zoom timer below), one frame more.
 */
async function firstView(page: Page, input: string, file: string, shown: string): Promise<FirstView> {
  await page.evaluate(`
    document.querySelector(${JSON.stringify(input)}).addEventListener('change', () => {
      const t0 = performance.now();
      const shown = () => ${shown};
      const poll = () => (shown() ? requestAnimationFrame(() => (window.__firstViewMs = performance.now() - t0)) : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    }, { capture: true, once: true });
  `);
  const pids = rendererPids();
  const base = rendererRss(pids);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rendererRss(pids))), 50);
  try {
    await page.locator(input).setInputFiles(file);
    const done = await page.waitForFunction(() => (window as unknown as { __firstViewMs?: number }).__firstViewMs, null, { timeout: 300_000 });
    const ms = (await done.jsonValue()) as number;
    return { ms, peakBytes: Math.max(peak, rendererRss(pids)) - base };
  } finally {
    clearInterval(timer);
  }
}

const nextPaint = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** goroscope, the sample shown first (as a visitor sees it): a dropped file is selected and drawn. */
async function oursFirstView(page: Page, file: string): Promise<FirstView> {
  await page.goto(`http://127.0.0.1:${PORT}/app/`);
  await page.locator('[data-testid=file-row][data-status=ready]').first().waitFor();
  await page.locator('[data-testid=flame-chart] g.frame').first().waitFor();
  const name = JSON.stringify(basename(file));
  return firstView(
    page,
    '[data-testid=file-input]',
    file,
    `document.querySelector('[data-testid=file-row][aria-current=true]')?.getAttribute('data-file-name') === ${name} &&
      document.querySelectorAll('[data-testid=flame-chart] g.frame').length > 1`,
  );
}

/** After a first view: a zoom click, then the Compare tab against a copy of the file. */
async function oursAfter(page: Page, file: string): Promise<{ zoomMs: number; diffMs: number }> {
  const name = basename(file);
  // Zoom: click the widest frame below the root.
  const box = await page.evaluate(() => {
    let best: { r: DOMRect; name: string } | null = null;
    for (const g of document.querySelectorAll('[data-testid=flame-chart] g.frame')) {
      const r = g.getBoundingClientRect();
      if (g.getAttribute('name') !== 'root' && (!best || r.width > best.r.width)) best = { r, name: g.getAttribute('name') ?? '' };
    }
    return best && { x: best.r.x + best.r.width / 2, y: best.r.y + best.r.height / 2, name: best.name };
  });
  if (!box) throw new Error('no frame to zoom into');
  // Timed inside the page: from the click event to the first animation frame in which the
  // breadcrumb names the clicked frame and the chart has been redrawn from it.
  // (A string, not a function: tsx would wrap named inner functions in a helper the page lacks.)
  await page.evaluate(`
    document.addEventListener('click', () => {
      const t0 = performance.now();
      const zoomed = ${JSON.stringify(box.name)};
      const poll = () => {
        const crumb = document.querySelector('[aria-label="Zoom path"]')?.textContent ?? '';
        // Queried afresh: the chart element itself may be replaced while the worker answers.
        const top = document.querySelector('[data-testid=flame-chart] g.frame')?.getAttribute('name');
        if (crumb.includes(zoomed) && top === zoomed) window.__zoomMs = performance.now() - t0;
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, { capture: true, once: true });
  `);
  await page.mouse.click(box.x, box.y);
  const zoomMs = (await (
    await page.waitForFunction(() => (window as unknown as { __zoomMs?: number }).__zoomMs)
  ).jsonValue()) as number;
  // Compare: the same profile again under another name, then the Compare tab with the
  // suggested pair (the two just opened): from the tab click to a painted diff flame graph.
  const copy = `copy-of-${name}`;
  await page.getByTestId('file-input').setInputFiles({ name: copy, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
  await page.locator(`[data-testid=file-row][data-file-name="${copy}"][data-status=ready]`).waitFor({ timeout: 120_000 });
  const d0 = performance.now();
  await page.getByRole('tab', { name: /Compare/ }).click();
  await page.getByTestId('diff-flame-chart').locator('g.frame').first().waitFor({ timeout: 120_000 });
  await nextPaint(page);
  return { zoomMs, diffMs: performance.now() - d0 };
}

async function speedscope(page: Page, file: string): Promise<FirstView> {
  await page.goto(`http://127.0.0.1:${PORT}/speedscope/index.html`);
  await page.locator('input[type=file]').waitFor({ state: 'attached' });
  // speedscope names the document after the profile once it has drawn it.
  return firstView(page, 'input[type=file]', file, `document.title.includes(${JSON.stringify(basename(file))}) && !!document.querySelector('canvas')`);
}

/** Runs of goroscope's first view per file (fresh pages): the machine is shared, so a median and a range. */
const RUNS = 3;

/** Builds the site into its own folder (BENCH_DIST, else bench/out/dist), so a concurrent `npm run build` cannot pull it away. */
export function buildSite(): string {
  const out = resolve(process.env.BENCH_DIST ?? 'bench/out/dist');
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], { stdio: 'ignore' });
  if (!existsSync(`${out}/index.html`)) throw new Error('vite build produced no index.html');
  return out;
}

/** The files, in order; after the first one's first view its zoom and Compare are timed too. */
export async function benchBrowser(files: string[]): Promise<void> {
  const dist = buildSite();
  const speedscopeDir = resolve(dirname(createRequire(import.meta.url).resolve('speedscope/package.json')), 'dist/release');
  const server = await serveDirs({ '/app/': dist, '/speedscope/': speedscopeDir }, PORT);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log(`browser: headless Chromium ${browser.version()}; first view = file input change → painted flame graph, timed in the page`);
    // A fresh context (and renderer) per tool, closed before the next one starts.
    const inFreshPage = async <T>(run: (page: Page) => Promise<T>): Promise<T> => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        return await run(await context.newPage());
      } finally {
        await context.close();
      }
    };
    for (const [i, file] of files.entries()) {
      const gz = statSync(file).size;
      const runs: FirstView[] = [];
      let after: { zoomMs: number; diffMs: number } | null = null;
      for (let r = 0; r < RUNS; r++) {
        const [v, z] = await inFreshPage(async (page) => {
          const v = await oursFirstView(page, file);
          return [v, i === 0 && r === 0 ? await oursAfter(page, file) : null] as const;
        });
        runs.push(v);
        after ??= z;
      }
      const b = await inFreshPage((page) => speedscope(page, file));
      const ms = runs.map((r) => r.ms).sort((x, y) => x - y);
      const a = { ms: ms[RUNS >> 1], peakBytes: Math.max(...runs.map((r) => r.peakBytes)) };
      const memory = (r: FirstView) => `peak renderer memory +${mb(r.peakBytes).toFixed(0)} MB`;
      console.log(`  ${basename(file)} (${mb(gz).toFixed(1)} MB gzip):`);
      console.log(`    goroscope  ${a.ms.toFixed(0).padStart(7)} ms (median of ${RUNS}, ${ms[0].toFixed(0)}–${ms[RUNS - 1].toFixed(0)})  ${memory(a)}`);
      console.log(`    speedscope ${b.ms.toFixed(0).padStart(7)} ms  ${memory(b)}`);
      console.log(`    → ${(a.ms / b.ms).toFixed(3)}× speedscope's time (targets: ≤ 300 ms, ≤ 0.05×), ${(a.peakBytes / b.peakBytes).toFixed(2)}× its memory (target ≤ 0.20)`);
      if (after) {
        const { zoomMs, diffMs } = after;
        console.log(`    goroscope zoom click → painted        ${zoomMs.toFixed(0).padStart(7)} ms (target < 100 ms)`);
        console.log(`    goroscope Compare tab → painted diff  ${diffMs.toFixed(0).padStart(7)} ms (target < 500 ms; cpu default: -diff_base -normalize)`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}
