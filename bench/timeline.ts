/**
 * The trace timeline in headless Chromium, on the built site: a generated trace is opened
 * as a user would (the file picker); then
 *  - first timeline: from the trace being ready (its goroutine table can show) to the first
 *    paint of the timeline with tiles (the page's "timeline-first-paint" mark);
 *  - frames: wheel steps at the pointer from the whole trace down to about one event, then
 *    pans with D: for each input, the time from the event to the end of the paint it caused
 *    (the page's "timeline-draw" measures), median and 95th percentile;
 *  - exact detail: at the deepest zoom, how long until the window read from the trace lands;
 *  - memory: the renderer processes' resident size added by the timeline, over the size once
 *    the trace was ready.
 * Run: node --import tsx bench/timeline.ts FILE.trace [CORES]
 */
import { chromium, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { buildSite } from './browser';
import { rendererPids, rendererRss } from './measure';
import { serveDirs } from './static-server';

const PORT = 4392;

/** Progress on stderr, so a long run says where it is. */
const log = (msg: string) => process.stderr.write(`  timeline: ${msg}\n`);

export interface TimelineBench {
  bytes: number;
  /** File given → trace ready (parsed; the goroutine table can show). */
  readyMs: number;
  /** Trace ready → first timeline painted with tiles. */
  firstTimelineMs: number;
  /** Input → painted, per wheel step and pan. */
  frameP50: number;
  frameP95: number;
  frames: number;
  /** The deepest zoom's exact window: from the last wheel step to tiles no longer pending. */
  exactMs: number;
  /** Renderer memory the timeline added (peak over the size once the trace was ready). */
  addedBytes: number;
  /** The same at the end of the run (what stays once the build's scratch is collected). */
  settledBytes: number;
  /** Span of the deepest view, ns. */
  deepestNs: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/**
 * One input inside the page and the paint it caused: `action` is a statement run in the page
 * with `el` the timeline; resolves with the ms from the input to the end of the first paint
 * after it. (Strings, not functions: tsx would wrap named inner functions in a helper the
 * page lacks.)
 */
async function inputToPaint(page: Page, action: string): Promise<number> {
  return (await page.evaluate(`
    new Promise((resolve) => {
      const el = document.querySelector('[data-testid=timeline]');
      const before = performance.getEntriesByName('timeline-draw').length;
      const t0 = performance.now();
      ${action};
      const wait = () => {
        const draws = performance.getEntriesByName('timeline-draw');
        if (draws.length > before) {
          const d = draws[before];
          resolve(d.startTime + d.duration - t0);
        } else if (performance.now() - t0 > 5000) resolve(NaN);
        else setTimeout(wait, 0);
      };
      setTimeout(wait, 0);
    })
  `)) as number;
}

/**
 * `cores`: what the page is told navigator.hardwareConcurrency is (the app gives a large
 * trace's timeline a thread of its own with 3 or more); the machine's own by default.
 */
export async function benchTimeline(path: string, cores?: number): Promise<TimelineBench> {
  const dist = buildSite();
  const server = await serveDirs({ '/app/': dist }, PORT);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    if (cores !== undefined) await page.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} })`);
    await page.goto(`http://127.0.0.1:${PORT}/app/`);
    await page.locator('[data-testid=file-row][data-status=ready]').first().waitFor();
    const pids = rendererPids();
    const t0 = performance.now();
    await page.getByTestId('file-input').setInputFiles(path);
    const row = page.locator(`[data-testid=file-row][data-file-name="${basename(path)}"][data-status=ready]`);
    await row.waitFor({ timeout: 900_000 });
    const readyMs = performance.now() - t0;
    log(`ready after ${(readyMs / 1000).toFixed(1)} s`);
    const readyAt = (await page.evaluate('performance.now()')) as number;
    const base = rendererRss(pids);
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, rendererRss(pids))), 50);
    try {
      await row.locator('.file-main').click();
      await page.waitForFunction(() => performance.getEntriesByName('timeline-first-paint').length > 0, null, { timeout: 900_000, polling: 20 });
      const firstAt = (await page.evaluate("performance.getEntriesByName('timeline-first-paint')[0].startTime")) as number;
      log(`first timeline painted`);
      const tl = page.getByTestId('timeline');
      const p0 = (await tl.getByRole('listitem', { name: 'P0', exact: true }).boundingBox())!;
      const box = (await tl.boundingBox())!;
      const y = p0.y + p0.height / 2;
      const xs = [0.5, 0.3, 0.62, 0.45, 0.55];
      const frames: number[] = [];
      const span = async () => Number(await tl.getAttribute('data-t1')) - Number(await tl.getAttribute('data-t0'));
      // Zoom at the pointer down to about one event (the narrowest window), then pan.
      for (let i = 0; i < 200 && (await span()) > 1000; i++) {
        const x = p0.x + p0.width + (box.x + box.width - p0.x - p0.width) * xs[i % xs.length];
        frames.push(
          await inputToPaint(
            page,
            `el.dispatchEvent(new WheelEvent('wheel', { deltaY: -150, clientX: ${x}, clientY: ${y}, bubbles: true, cancelable: true }))`,
          ),
        );
      }
      const deepestNs = await span();
      log(`zoomed to ${deepestNs} ns in ${frames.length} steps`);
      const zoomedAt = (await page.evaluate('performance.now()')) as number;
      await page.waitForFunction(() => !document.querySelector('[data-testid=timeline][data-pending]'), null, { timeout: 300_000, polling: 20 });
      const exactMs = ((await page.evaluate('performance.now()')) as number) - zoomedAt;
      log(`exact window after ${exactMs.toFixed(0)} ms`);
      await tl.focus();
      for (let i = 0; i < 60; i++) {
        frames.push(await inputToPaint(page, `el.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', bubbles: true }))`));
      }
      // Zoom back out to the whole trace, painting every step.
      for (let i = 0; i < 200 && (await span()) < Number(await tl.getAttribute('data-end')); i++) {
        frames.push(await inputToPaint(page, `el.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }))`));
      }
      const ok = frames.filter((f) => Number.isFinite(f));
      return {
        bytes: statSync(path).size,
        readyMs,
        firstTimelineMs: firstAt - readyAt,
        frameP50: quantile(ok, 0.5),
        frameP95: quantile(ok, 0.95),
        frames: ok.length,
        exactMs,
        addedBytes: Math.max(peak, rendererRss(pids)) - base,
        settledBytes: rendererRss(pids) - base,
        deepestNs,
      };
    } finally {
      clearInterval(sampler);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

export function timelineLine(name: string, r: TimelineBench): string {
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return (
    `  ${name.padEnd(10)} ready ${(r.readyMs / 1000).toFixed(1)} s → first timeline +${f(r.firstTimelineMs)} (target ≤ 1 s); ` +
    `frames p50 ${f(r.frameP50)}, p95 ${f(r.frameP95)} over ${r.frames} inputs, zoom to ${r.deepestNs} ns; ` +
    `exact window after ${f(r.exactMs)}; timeline memory peak +${(r.addedBytes / 1e6).toFixed(0)} MB = ${(r.addedBytes / r.bytes).toFixed(2)}× the file ` +
    `(target ≤ 0.5×), at the end +${(r.settledBytes / 1e6).toFixed(0)} MB = ${(r.settledBytes / r.bytes).toFixed(2)}×`
  );
}

const isMain = process.argv[1]?.endsWith('bench/timeline.ts');
if (isMain) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: bench/timeline.ts FILE.trace');
    process.exit(2);
  }
  const cores = process.argv[3] ? Number(process.argv[3]) : undefined;
  void benchTimeline(path, cores).then((r) => console.log(timelineLine(path, r)));
}
