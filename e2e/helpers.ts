/** Shared steps for the e2e tests: open the built app, feed it fixture files, read the flame graph. */
import { expect, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const FIXTURES = resolve('test/fixtures');
export const SHOTS = resolve('e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Files in a fixture directory (sorted), optionally matching a pattern; fails loudly when absent. */
export function fixtures(dir: string, match: RegExp = /./): string[] {
  const d = join(FIXTURES, dir);
  if (!existsSync(d)) throw new Error(`fixture directory ${d} is missing`);
  const files = readdirSync(d).filter((f) => match.test(f)).sort().map((f) => join(d, f));
  if (files.length === 0) throw new Error(`no fixtures matching ${match} in ${d}`);
  return files;
}

export function fixture(dir: string, match: RegExp): string {
  return fixtures(dir, match)[0]!;
}

export const rows = (page: Page) => page.getByTestId('file-row');
export const row = (page: Page, name: string | RegExp) => rows(page).filter({ has: page.locator('.file-name', { hasText: name }) });

/** Opens the app and waits for the embedded sample, so later drops start from a settled page. */
export async function gotoApp(page: Page, url = './'): Promise<void> {
  await page.goto(url);
  await expect(rows(page).first()).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('flame-chart').locator('g.frame').first()).toBeVisible();
}

export async function waitParsed(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.locator('[data-testid=file-row][data-status=parsing]')).toHaveCount(0, { timeout });
}

/** Through the file picker, as a user clicking "Open files…" would. */
export async function pickFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(paths);
  await waitParsed(page);
}

/** A real drag-and-drop sequence (dragenter → dragover → drop) carrying File objects. */
export async function dropFiles(page: Page, paths: string[], opts: { screenshot?: string; timeout?: number } = {}): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), b64: readFileSync(p).toString('base64') }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    (window as unknown as { __dt: DataTransfer }).__dt = dt;
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
  await expect(page.locator('.drop-overlay')).toBeVisible();
  if (opts.screenshot) await shot(page, opts.screenshot);
  await page.evaluate(() => {
    const dt = (window as unknown as { __dt: DataTransfer }).__dt;
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  await waitParsed(page, opts.timeout);
}

/** Ctrl+V of text, as the browser delivers it. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }));
  }, text);
  await waitParsed(page);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

export interface Frame {
  name: string;
  x: number;
  y: number;
  width: number;
}

/** The drawn frames (d3-flame-graph puts the name and geometry on each <g>). */
export async function frames(page: Page): Promise<Frame[]> {
  const chart = page.getByTestId('flame-chart');
  await expect(chart.locator('g.frame').first()).toBeVisible();
  return chart.locator('g.frame').evaluateAll((gs) =>
    gs.map((g) => {
      const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '') ?? ['', '0', '0'];
      return {
        name: g.getAttribute('name') ?? '',
        x: Number(m[1]),
        y: Number(m[2]),
        width: Number(g.querySelector('rect')?.getAttribute('width') ?? 0),
      };
    }),
  );
}

export async function frameNames(page: Page): Promise<Set<string>> {
  return new Set((await frames(page)).map((f) => f.name));
}

export async function selectSampleType(page: Page, type: string): Promise<void> {
  const select = page.getByLabel('Sample type');
  const value = await select.locator('option', { hasText: new RegExp(`^${type} \\(`) }).getAttribute('value');
  await select.selectOption(value!);
}

/** Types into a pprof filter box and waits for the (debounced) value to reach the URL hash. */
export async function setFilter(page: Page, which: 'Focus' | 'Ignore' | 'Hide' | 'Show', value: string): Promise<void> {
  await page.getByLabel(which, { exact: true }).fill(value);
  await page.getByLabel(which, { exact: true }).press('Enter');
  const key = which.toLowerCase();
  await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key) ?? '').toBe(value);
}

/** A shortcut key pressed with nothing focused (shortcuts are ignored while typing in a field). */
export async function pressShortcut(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}
