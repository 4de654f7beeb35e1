/**
 * Trace parse benchmark: throughput and peak memory of parseTrace on one file, next to a
 * bare byte scan of the same bytes measured in the same run (the machine is often shared,
 * so the scan says how fast it is right now). Runs are repeated and the best is reported.
 * The Node runs time the parser bundled (bench/bundle.ts), as the browser runs do.
 * Make a big trace with `go run ./test/fixtures/gen/trace-big /tmp/big.trace`.
 * Run: node --expose-gc --import tsx bench/trace.ts /tmp/big.trace [runs]
 *      node --import tsx bench/trace.ts /tmp/big.trace --browser   (parse in a Chromium worker)
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { bundleForNode, importBundled } from './bundle';
import { rendererRss } from './measure';
import { spawnNodeTraceThread } from './node-trace-thread';

type GoTrace = typeof import('../src/formats/gotrace');

export interface TraceBench {
  bytes: number;
  /** Best wall time of the blocking parse. */
  ms: number;
  mbPerSec: number;
  /** Best throughput of parseTraceAsync (50 ms slices, macrotask between them). */
  asyncMbPerSec: number;
  /** A loop over every byte (counts varint terminators), MB/s, best of the run. */
  byteScanMbPerSec: number;
  /** Peak resident memory of a parse in a fresh process (bench/trace-peak.ts), the file included. */
  peakRssBytes: number;
  /** Best wall time of the piped parse: reader on a worker thread (started beforehand), model built here. */
  pipedMs: number;
  pipedPeakRssBytes: number;
  events: number;
  goroutines: number;
}

function byteScan(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] < 0x80) n++;
  return n;
}

/** Peak resident memory of one parse in a child process (`script`: bench/trace-peak.ts bundled). */
function peakInFreshProcess(script: string, path: string, readerEntry: string | null): number {
  const args = [script, path, ...(readerEntry ? ['--piped', '--reader', readerEntry] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return (JSON.parse(out.trim().split('\n').pop()!) as { peakBytes: number }).peakBytes;
}

export async function benchTrace(path: string, runs = 3): Promise<TraceBench> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const { parseTrace, parseTraceAsync, parseTracePiped } = await importBundled<GoTrace>('src/formats/gotrace/index.ts', 'gotrace');
  const readerEntry = await bundleForNode('bench/node-trace-thread.ts', 'trace-reader');
  const peakScript = await bundleForNode('bench/trace-peak.ts', 'trace-peak');
  const bytes = new Uint8Array(readFileSync(path));
  const mb = bytes.length / 1e6;
  let best = Infinity;
  let bestAsync = Infinity;
  let bestPiped = Infinity;
  let scan = Infinity;
  let events = 0;
  let goroutines = 0;
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      byteScan(bytes);
      scan = Math.min(scan, performance.now() - t);
    }
    gc?.();
    let t0 = performance.now();
    let model = parseTrace(bytes);
    best = Math.min(best, performance.now() - t0);
    events = model.summary.events;
    goroutines = model.summary.goroutines;
    model = undefined as never;
    gc?.();
    t0 = performance.now();
    model = await parseTraceAsync(bytes);
    bestAsync = Math.min(bestAsync, performance.now() - t0);
    model = undefined as never;
    gc?.();
    const reader = await spawnNodeTraceThread('reader', readerEntry);
    const lent = bytes.slice(); // the pipe takes the buffer away; the app's file bytes need no copy
    t0 = performance.now();
    await parseTracePiped(lent, reader.port);
    bestPiped = Math.min(bestPiped, performance.now() - t0);
    await reader.close();
  }
  return {
    bytes: bytes.length,
    ms: best,
    mbPerSec: mb / (best / 1000),
    asyncMbPerSec: mb / (bestAsync / 1000),
    byteScanMbPerSec: mb / (scan / 1000),
    peakRssBytes: peakInFreshProcess(peakScript, path, null),
    pipedMs: bestPiped,
    pipedPeakRssBytes: peakInFreshProcess(peakScript, path, readerEntry),
    events,
    goroutines,
  };
}

export interface TraceBrowserBench {
  bytes: number;
  /** The parse in a dedicated worker of headless Chromium (fetch excluded). */
  ms: number;
  mbPerSec: number;
  /** The bare byte scan, in the same worker. */
  byteScanMbPerSec: number;
  /** Peak resident size of the renderer processes above their size before the load. */
  peakRssBytes: number;
  events: number;
  goroutines: number;
}

/**
 * The same parse in a Web Worker of headless Chromium: the trace is fetched into the
 * worker, then parsed with parseTraceAsync (`sync`: parseTrace; `piped`: parseTracePiped
 * with the reader in a nested worker started inside the timing, as the app's worker does
 * for large traces). Needs /usr/bin/chromium (or CHROMIUM_PATH).
 */
export async function benchTraceBrowser(path: string, runs = 2, mode: 'async' | 'sync' | 'piped' = 'async'): Promise<TraceBrowserBench> {
  const { build } = await import('esbuild');
  const { chromium } = await import('@playwright/test');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const worker = await build({
    stdin: {
      contents: `
        import { parseTrace, parseTraceAsync, parseTracePiped } from './src/formats/gotrace';
        async function piped(bytes) {
          const reader = new Worker('/reader.js');
          try {
            return (await parseTracePiped(bytes, reader)).model;
          } finally {
            reader.terminate();
          }
        }
        self.onmessage = async (e) => {
          const bytes = new Uint8Array(await (await fetch('/trace')).arrayBuffer());
          let scan = Infinity;
          for (let k = 0; k < 3; k++) {
            const t = performance.now();
            let n = 0;
            for (let i = 0; i < bytes.length; i++) if (bytes[i] < 0x80) n++;
            scan = Math.min(scan, performance.now() - t);
          }
          const size = bytes.length; // a piped parse lends the buffer away
          const t0 = performance.now();
          const m = e.data === 'sync' ? parseTrace(bytes) : e.data === 'piped' ? await piped(bytes) : await parseTraceAsync(bytes);
          const ms = performance.now() - t0;
          self.postMessage({ ms, scan, bytes: size, events: m.summary.events, goroutines: m.summary.goroutines });
        };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  const js = worker.outputFiles[0].text;
  const reader = await build({
    entryPoints: [join(root, 'src/worker/trace-reader.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  const readerJs = reader.outputFiles[0].text;
  const size = statSync(path).size;
  const server = createServer((req, res) => {
    if (req.url === '/worker.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else if (req.url === '/reader.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(readerJs);
    else if (req.url === '/trace') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
      createReadStream(path).pipe(res);
    } else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>trace bench</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch(chromiumLaunchOptions());
  let best: TraceBrowserBench | null = null;
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const base = rendererRss();
      let peak = base;
      const timer = setInterval(() => (peak = Math.max(peak, rendererRss())), 100);
      const out = (await page.evaluate(
        (m) =>
          new Promise((resolve, reject) => {
            const w = new Worker('/worker.js');
            w.onmessage = (e) => resolve(e.data);
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage(m);
          }),
        mode,
      )) as { ms: number; scan: number; bytes: number; events: number; goroutines: number };
      clearInterval(timer);
      const mb = out.bytes / 1e6;
      const res: TraceBrowserBench = {
        bytes: out.bytes,
        ms: out.ms,
        mbPerSec: mb / (out.ms / 1000),
        byteScanMbPerSec: mb / (out.scan / 1000),
        peakRssBytes: Math.max(peak, rendererRss()) - base,
        events: out.events,
        goroutines: out.goroutines,
      };
      if (!best || res.ms < best.ms) best = res;
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return best!;
}

const isMain = process.argv[1]?.endsWith('bench/trace.ts');
if (isMain) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: bench/trace.ts FILE.trace [runs]');
    process.exit(2);
  }
  if (process.argv.includes('--browser')) {
    const mode = process.argv.includes('--sync') ? 'sync' : process.argv.includes('--piped') ? 'piped' : 'async';
    void benchTraceBrowser(path, 2, mode).then((r) =>
      console.log(
        `Chromium worker: ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms.toFixed(0)} ms = ${r.mbPerSec.toFixed(1)} MB/s ` +
          `(bare byte scan ${r.byteScanMbPerSec.toFixed(0)} MB/s in the same worker); renderer RSS peak +${(r.peakRssBytes / 1e6).toFixed(0)} MB ` +
          `(${(r.peakRssBytes / r.bytes).toFixed(2)}× file); ${r.events} events, ${r.goroutines} goroutines`,
      ),
    );
  } else void benchTrace(path, Number(process.argv[3] ?? 3)).then((r) => {
    console.log(
      `${(r.bytes / 1e6).toFixed(1)} MB: best ${r.ms.toFixed(0)} ms = ${r.mbPerSec.toFixed(1)} MB/s ` +
        `(async ${r.asyncMbPerSec.toFixed(1)} MB/s; piped ${(r.bytes / 1e3 / r.pipedMs).toFixed(1)} MB/s; bare byte scan ${r.byteScanMbPerSec.toFixed(0)} MB/s in the same run); ` +
        `peak RSS +${(r.peakRssBytes / 1e6).toFixed(0)} MB (${(r.peakRssBytes / r.bytes).toFixed(2)}× file, file included); ` +
        `${r.events} events, ${r.goroutines} goroutines`,
    );
  });
}
