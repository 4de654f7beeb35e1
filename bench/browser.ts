/**
 * File to painted flame graph in headless Chromium: goroscope (the built dist/) next to
 * speedscope (its npm package, served locally) on the same file, in the same run.
 * Memory is the peak resident size of the renderer processes (page and its workers)
 * above what they used before the file was given, sampled every 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { mb, rendererPids, rendererRss } from './measure';
import { serveDirs } from './static-server';

const PORT = 4391;

async function measure(run: () => Promise<void>): Promise<{ ms: number; peakBytes: number }> {
  const pids = rendererPids();
  const base = rendererRss(pids);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rendererRss(pids))), 50);
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, rendererRss(pids));
  return { ms, peakBytes: peak - base };
}

const nextPaint = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function ours(page: Page, file: string): Promise<{ ms: number; peakBytes: number; zoomMs: number; diffMs: number }> {
  await page.goto(`http://127.0.0.1:${PORT}/app/`);
  await page.locator('[data-testid=file-row][data-status=ready]').first().waitFor();
  await page.locator('[data-testid=flame-chart] g.frame').first().waitFor();
  const name = basename(file);
  const r = await measure(async () => {
    await page.getByTestId('file-input').setInputFiles(file);
    const row = page.locator(`[data-testid=file-row][data-file-name="${name}"][data-status=ready]`);
    await row.waitFor({ timeout: 120_000 });
    await row.locator('button.file-main').click();
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=file-row][aria-current=true]')?.getAttribute('data-file-name') === n &&
        document.querySelectorAll('[data-testid=flame-chart] g.frame').length > 1,
      name,
    );
    await nextPaint(page);
  });
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
  return { ...r, zoomMs, diffMs: performance.now() - d0 };
}

async function speedscope(page: Page, file: string): Promise<{ ms: number; peakBytes: number }> {
  await page.goto(`http://127.0.0.1:${PORT}/speedscope/index.html`);
  await page.locator('input[type=file]').waitFor({ state: 'attached' });
  return measure(async () => {
    await page.locator('input[type=file]').setInputFiles(file);
    // speedscope names the document after the profile once it has drawn it.
    await page.waitForFunction((n) => document.title.includes(n), basename(file), { timeout: 300_000 });
    await page.locator('canvas').first().waitFor();
    await nextPaint(page);
  });
}

/** Builds the site into its own folder, so a concurrent `npm run build` cannot pull it away. */
export function buildSite(): string {
  const out = resolve('bench/out/dist');
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], { stdio: 'ignore' });
  if (!existsSync(`${out}/index.html`)) throw new Error('vite build produced no index.html');
  return out;
}

export async function benchBrowser(file: string): Promise<void> {
  const dist = buildSite();
  const speedscopeDir = resolve(dirname(createRequire(import.meta.url).resolve('speedscope/package.json')), 'dist/release');
  const server = await serveDirs({ '/app/': dist, '/speedscope/': speedscopeDir }, PORT);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log(`browser: ${file} in headless Chromium ${browser.version()}`);
    // A fresh context (and renderer) per tool, closed before the next one starts.
    const inFreshPage = async <T>(run: (page: Page) => Promise<T>): Promise<T> => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        return await run(await context.newPage());
      } finally {
        await context.close();
      }
    };
    const a = await inFreshPage((page) => ours(page, file));
    const b = await inFreshPage((page) => speedscope(page, file));
    const line = (n: string, r: { ms: number; peakBytes: number }) =>
      `  ${n.padEnd(34)} ${r.ms.toFixed(0).padStart(7)} ms  peak renderer memory +${mb(r.peakBytes).toFixed(0)} MB`;
    console.log(line('goroscope: file → painted flame', a));
    console.log(line('speedscope: file → painted flame', b));
    console.log(`  goroscope zoom click → painted        ${a.zoomMs.toFixed(0).padStart(7)} ms (target < 100 ms)`);
    console.log(`  goroscope Compare tab → painted diff  ${a.diffMs.toFixed(0).padStart(7)} ms (target < 500 ms; cpu default: -diff_base -normalize)`);
    console.log(`  → time ${(a.ms / b.ms).toFixed(2)}× speedscope (target ≤ 0.10), memory ${(a.peakBytes / b.peakBytes).toFixed(2)}× (target ≤ 0.20)`);
  } finally {
    await browser.close();
    server.close();
  }
}
