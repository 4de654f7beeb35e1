/**
 * `npm run bench`: prints our numbers next to a peer measured in the same run.
 * `npm run bench -- NAME` runs one part (pprof, browser, diff, goroutines, trace, timeline, archive).
 * The big inputs for goroutines and trace (and browser's second CPU profile) are generated
 * once with Go into bench/out/ (not committed); without Go those parts say so and are skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { benchArchive } from './archive';
import { benchBrowser } from './browser';
import { benchDiff } from './diff';
import { benchGoroutines } from './goroutines';
import { mb } from './measure';
import { benchPprof } from './pprof';
import { goToolTraceLoad, goToolTraceTimeline } from './go-trace-tool';
import { benchTrace, benchTraceBrowser } from './trace';
import { benchTimeline, timelineLine } from './timeline';
import { xexpRead } from './xexp-trace';

const LARGE_CPU = 'test/fixtures/large/cpu-large.pb.gz';
const WIDE_CPU = 'test/fixtures/large/cpu-wide.pb.gz';
const OUT = resolve('bench/out');

function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a fixture generator (its own Go module) once; returns the output path or null. */
function generated(name: string, moduleDir: string, pkg: string, args: string[]): string | null {
  const out = resolve(OUT, name);
  if (existsSync(out)) return out;
  if (!hasGo()) {
    console.log(`${name}: skipped (no Go toolchain to generate it)`);
    return null;
  }
  mkdirSync(OUT, { recursive: true });
  console.log(`${name}: generating with ${moduleDir} (once)…`);
  execFileSync('go', ['run', pkg, ...args.map((a) => a.replace('$OUT', out))], { cwd: moduleDir, stdio: 'inherit' });
  return out;
}

const parts: Record<string, () => Promise<void>> = {
  pprof: async () => void (await benchPprof(LARGE_CPU)),
  browser: async () => {
    // Another shape (cmd/widecpu): shallow stacks over ~20,000 functions, a unique request id per sample.
    await benchBrowser([LARGE_CPU, WIDE_CPU]);
  },
  diff: async () => {
    const r = await benchDiff(LARGE_CPU, LARGE_CPU);
    console.log(`diff: large CPU profile vs a changed copy, cold (both call trees built) → first diff flame: ${r.ms.toFixed(0)} ms, ${r.nodes} nodes`);
  },
  goroutines: async () => {
    const dump = generated('goroutines-1m.txt', 'test/fixtures/gen/incident3', './million', ['$OUT']);
    if (!dump) return;
    const r = await benchGoroutines(dump);
    console.log(
      `goroutines: ${r.goroutines} goroutines, ${mb(r.bytes).toFixed(0)} MB debug=2 text → ${r.groups} groups in ${r.ms} ms (${r.cpuMs} ms CPU), ` +
        `peak memory ${(r.peakHeapBytes / r.bytes).toFixed(2)}× the text (targets: < 5 s, < 3×)`,
    );
  },
  trace: async () => {
    const trace = generated('big.trace', 'test/fixtures/gen/trace-big', '.', ['$OUT']);
    if (!trace) return;
    const r = await benchTrace(trace);
    const mbps = (ms: number) => (r.bytes / 1e6 / (ms / 1000)).toFixed(1);
    const line = (who: string, ms: number, extra: string) =>
      console.log(`  ${who.padEnd(32)} ${ms.toFixed(0).padStart(8)} ms ${mbps(ms).padStart(7)} MB/s  ${extra}`);
    console.log(
      `trace: ${(r.bytes / 1e6).toFixed(0)} MB, ${r.events} events, ${r.goroutines} goroutines (targets: ≥ 100 MB/s in Node and in a Chromium worker, peak memory < 3× the file)`,
    );
    line('goroscope, Node, 1 thread', r.ms, `peak RSS ${(r.peakRssBytes / r.bytes).toFixed(2)}× the file (a parse in a fresh process, file included)`);
    line('goroscope, Node, 2 threads', r.pipedMs, `peak RSS ${(r.pipedPeakRssBytes / r.bytes).toFixed(2)}× the file (reader on a worker thread)`);
    const b = await benchTraceBrowser(trace, 2, 'async');
    line('goroscope, Chromium, 1 worker', b.ms, `renderer RSS +${(b.peakRssBytes / r.bytes).toFixed(2)}× the file`);
    const p = await benchTraceBrowser(trace, 2, 'piped');
    line('goroscope, Chromium, 2 workers', p.ms, `renderer RSS +${(p.peakRssBytes / r.bytes).toFixed(2)}× the file (the app's path for traces over 4 MB)`);
    const x = xexpRead(trace);
    if (x) line('golang.org/x/exp/trace (read)', x.ms, `peak RSS ${(x.peakRssBytes / r.bytes).toFixed(2)}× the file (reading the events only, no analysis; ${x.events} events)`);
    const go = await goToolTraceLoad(trace);
    if (go && go.skipped !== undefined) console.log(`  go tool trace: skipped (${go.skipped})`);
    else if (go) line(`go tool trace (${go.goVersion})`, go.ms, `peak RSS ${(go.peakRssBytes / r.bytes).toFixed(2)}× the file (until its HTTP server answers)`);
    console.log(`  ${'golang.org/x/exp/trace (quoted)'.padEnd(32)} ${'(by the Go team)'.padStart(8)}    ~25 MB/s`);
  },
  archive: async () => {
    const tgz = generated('pods-1g.tar.gz', 'test/fixtures/gen', './cmd/podsbench', ['-out', '$OUT', '-size', String(1 << 30)]);
    if (!tgz) return;
    const r = await benchArchive(tgz);
    console.log(
      `archive: ${mb(r.bytes).toFixed(0)} MB .tar.gz, ${r.entries} entries in ${r.pods} pods → grouped list and pod table in ${(r.ms / 1000).toFixed(1)} s, ` +
        `peak RSS +${(r.peakRssGrowth / r.bytes).toFixed(2)}× the archive (targets: ≤ 15 s, ≤ 1.5×); odd pod first: ${r.firstPod}`,
    );
  },
  timeline: async () => {
    const sizes: [string, number][] = [
      ['200 MB', 200],
      ['1 GB', 1000],
    ];
    console.log(`timeline: generated v2 traces in headless Chromium (the built site), on ${availableParallelism()} cores`);
    for (const [name, mbs] of sizes) {
      const trace = generated(`timeline-${mbs}.trace`, 'test/fixtures/gen/trace-big', '.', ['$OUT', String(mbs)]);
      if (!trace) return;
      console.log(timelineLine(name, await benchTimeline(trace)));
      if (mbs === 200) {
        // The app's path on 3+ cores (a thread builds the timeline during the load), here sharing this machine's cores.
        console.log(timelineLine(`${name}, page told 4 cores`, await benchTimeline(trace, 4)));
        const go = await goToolTraceTimeline(trace);
        if (go && go.skipped !== undefined) console.log(`  go tool trace: skipped (${go.skipped})`);
        else if (go) console.log(`  go tool trace (${go.goVersion}) on 200 MB: first timeline page after ${(go.ms / 1000).toFixed(1)} s, peak RSS ${(go.peakRssBytes / 1e9).toFixed(1)} GB`);
      }
    }
  },
};

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const [name, run] of Object.entries(parts)) if (!only || only === name) await run();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
