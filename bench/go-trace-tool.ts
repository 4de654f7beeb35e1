/**
 * The peer for the trace benchmark: how long `go tool trace` takes to load the same file,
 * measured as the issue defines it: from start until its HTTP server answers. It listens
 * before parsing and serves only once the trace is parsed and split, so the first answer
 * marks the end of its load. The binary is located with `go tool -n trace` so that building
 * the tool is not timed; BROWSER=true keeps it from opening a browser.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';

/** Go 1.26's `go tool trace` needed 12–14 GB here for a 170 MB trace (72–83× the file); with a margin. */
const MEMORY_PER_TRACE_BYTE = 90;

export type GoTraceLoad = { skipped: string } | {
  skipped?: undefined;
  ms: number;
  /** The tool's peak resident size (VmHWM), bytes. */
  peakRssBytes: number;
  goVersion: string;
};

function availableBytes(): number {
  try {
    const m = /MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'));
    return m ? Number(m[1]) * 1024 : Infinity;
  } catch {
    return Infinity;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** One GET /: the connection is accepted at once (the tool listens first) and answered after the load. */
function answers(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The body of GET `path`, or null when it fails. */
function get(port: number, path: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(res.statusCode === 200 ? Buffer.concat(chunks).toString('utf8') : null));
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => {
      req.destroy();
      resolve(null);
    });
    req.end();
  });
}

/**
 * `go tool trace`'s first timeline page: loaded as above, then the first piece of its
 * "View trace by proc" (the JSON its trace viewer fetches for that page) served whole.
 */
export function goToolTraceTimeline(path: string, timeoutMs = 600_000): Promise<GoTraceLoad | null> {
  return goToolTraceLoad(path, timeoutMs, async (port, left) => {
    const index = await get(port, '/', left);
    const link = index && /href="\/trace\?([^"]*view=proc[^"]*)"/.exec(index.replace(/&amp;/g, '&'));
    if (!link) throw new Error('go tool trace lists no timeline page');
    if ((await get(port, `/jsontrace?${link[1]}`, left)) === null) throw new Error('go tool trace did not serve its first timeline page');
  });
}

/**
 * Loads `path` with `go tool trace`; null when there is no Go toolchain. `then` (timed too)
 * runs once its server answers.
 */
export async function goToolTraceLoad(
  path: string,
  timeoutMs = 600_000,
  then?: (port: number, leftMs: number) => Promise<void>,
): Promise<GoTraceLoad | null> {
  const need = statSync(path).size * MEMORY_PER_TRACE_BYTE;
  if (availableBytes() < need) return { skipped: `needs about ${(need / 1e9).toFixed(0)} GB of free memory` };
  let bin: string;
  let goVersion: string;
  try {
    goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
    bin = execFileSync('go', ['tool', '-n', 'trace'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(bin, [`-http=127.0.0.1:${port}`, path], { stdio: 'ignore', env: { ...process.env, BROWSER: 'true' } });
  let exited = false;
  child.on('exit', () => (exited = true));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!))), 200);
  try {
    for (;;) {
      if (exited) throw new Error('go tool trace exited before serving');
      const left = timeoutMs - (performance.now() - t0);
      if (left <= 0) throw new Error(`go tool trace did not answer within ${timeoutMs / 1000} s`);
      if (await answers(port, left)) break;
      await new Promise((r) => setTimeout(r, 20)); // refused: not listening yet
    }
    await then?.(port, timeoutMs - (performance.now() - t0));
    const ms = performance.now() - t0;
    peak = Math.max(peak, peakRss(child.pid!));
    return { ms, peakRssBytes: peak, goVersion };
  } finally {
    clearInterval(sampler);
    child.kill('SIGKILL');
  }
}
