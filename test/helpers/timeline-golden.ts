/**
 * The timeline goldens (`*.timeline.json.gz`, written by test/reference/xexp-timeline from
 * golang.org/x/exp/trace): reading them, putting our TimelineModel in the same terms, and
 * listing the differences in a few readable lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ungzip } from 'pako';
import {
  LANE_ABSENT,
  LANE_BLOCKED_NET,
  LANE_BLOCKED_OTHER,
  LANE_BLOCKED_SYNC,
  LANE_GC_ASSIST,
  LANE_RUNNABLE,
  LANE_RUNNING,
  LANE_SYSCALL,
  type TimelineModel,
} from '../../src/model/timeline';
import type { TraceModel } from '../../src/model/trace';

/** One goroutine lifetime: parallel arrays, one element per state transition (from ≠ to). */
interface GoldenLifetime {
  id: number;
  /** ns since firstTimeNs. */
  t: number[];
  /** Go's GoState names: NotExist, Undetermined, Runnable, Running, Waiting, Syscall. */
  from: string[];
  to: string[];
  reason: string[];
  /** goid of the goroutine that made the transition happen (unblocker, creator), -1 none. */
  by: number[];
  /** Leaf function of the transition's own stack, '' when it has none. */
  leaf: string[];
}

/** The goroutine-running slices of one P, sorted by start. */
interface GoldenProc {
  id: number;
  start: number[];
  end: number[];
  /** goid. */
  g: number[];
}

export interface TimelineGolden {
  firstTimeNs: number;
  /** The last event's time, ns since firstTimeNs. */
  endNs: number;
  goroutines: GoldenLifetime[];
  /** Sorted by P id; only Ps that ran a goroutine. */
  procs: GoldenProc[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const XEXP_TIMELINE_DIR = join(ROOT, 'test/reference/xexp-timeline');

function parseGz(bytes: Uint8Array): TimelineGolden {
  return JSON.parse(new TextDecoder().decode(ungzip(bytes))) as TimelineGolden;
}

/** Reads a committed golden (path relative to the repository root). */
export function readTimelineGolden(path: string): TimelineGolden {
  return parseGz(new Uint8Array(readFileSync(join(ROOT, path))));
}

/** Runs the Go program on `tracePath` (relative to the repository root) and reads what it wrote. */
export function runXexpTimeline(tracePath: string): TimelineGolden {
  const dir = mkdtempSync(join(tmpdir(), 'xexp-timeline-'));
  try {
    const out = join(dir, 'out.json.gz');
    execFileSync('go', ['run', '.', join(ROOT, tracePath), out], { cwd: XEXP_TIMELINE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    return parseGz(new Uint8Array(readFileSync(out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Go state a lane code stands for (the blocked codes all are Go's Waiting). */
function goStateOfLane(code: number): string {
  switch (code) {
    case LANE_ABSENT:
      return 'NotExist';
    case LANE_RUNNING:
    case LANE_GC_ASSIST:
      return 'Running';
    case LANE_RUNNABLE:
      return 'Runnable';
    case LANE_SYSCALL:
      return 'Syscall';
    case LANE_BLOCKED_SYNC:
    case LANE_BLOCKED_NET:
    case LANE_BLOCKED_OTHER:
      return 'Waiting';
  }
  return `lane code ${code}`;
}

/** Our timeline in the golden's terms; `from` is left empty (ours has no from). */
export function ourTimeline(model: TraceModel, tl: TimelineModel): TimelineGolden {
  const sy = model.symbols;
  const gid = model.goroutines.id;
  const leafOf = (stack: number): string => (stack > 0 && sy.stackLength(stack) > 0 ? sy.strings[sy.funcOf(sy.stackFrame(stack, 0))] : '');
  const goroutines: GoldenLifetime[] = [];
  const g = tl.goroutines;
  for (let i = 0; i < g.count; i++) {
    const lt: GoldenLifetime = { id: gid[i], t: [], from: [], to: [], reason: [], by: [], leaf: [] };
    for (let r = g.offset[i]; r < g.offset[i + 1]; r++) {
      // Entering or leaving a GC assist while running is a run of ours, not a transition of Go's.
      if (lt.to.length > 0 && goStateOfLane(g.state[r]) === lt.to[lt.to.length - 1]) continue;
      lt.t.push(g.time[r]);
      lt.to.push(goStateOfLane(g.state[r]));
      lt.reason.push(g.reason[r] > 0 ? sy.strings[g.reason[r]] : '');
      lt.by.push(g.by[r] >= 0 ? gid[g.by[r]] : -1);
      lt.leaf.push(leafOf(g.stack[r]));
    }
    goroutines.push(lt);
  }
  const procs: GoldenProc[] = [];
  const p = tl.procs;
  for (let i = 0; i < p.count; i++) {
    const pr: GoldenProc = { id: p.proc[i], start: [], end: [], g: [] };
    const last = p.offset[i + 1];
    for (let r = p.offset[i]; r < last; r++) {
      if (p.slot[r] < 0) continue;
      pr.start.push(p.time[r]);
      pr.end.push(r + 1 < last ? p.time[r + 1] : tl.endNs);
      pr.g.push(gid[p.slot[r]]);
    }
    if (pr.start.length > 0) procs.push(pr);
  }
  procs.sort((a, b) => a.id - b.id);
  return { firstTimeNs: model.summary.clockBaseNs, endNs: tl.endNs, goroutines, procs };
}

/** Problems of the golden itself: a lifetime must start from NotExist/Undetermined, and each from is the previous to. */
export function goldenChainProblems(golden: TimelineGolden): string[] {
  const bad: string[] = [];
  golden.goroutines.forEach((lt, i) => {
    if (lt.t.length === 0) bad.push(`lifetime ${i} (g${lt.id}) has no transitions`);
    else if (lt.from[0] !== 'NotExist' && lt.from[0] !== 'Undetermined') bad.push(`lifetime ${i} (g${lt.id}) starts from ${lt.from[0]}`);
    for (let k = 1; k < lt.t.length; k++) {
      if (lt.from[k] !== lt.to[k - 1]) bad.push(`lifetime ${i} (g${lt.id}) transition ${k}: from ${lt.from[k]} after to ${lt.to[k - 1]}`);
    }
  });
  return bad.slice(0, 20);
}

const FIELDS = ['t', 'to', 'reason', 'by', 'leaf'] as const;

function transitionText(lt: GoldenLifetime, k: number): string {
  if (k < 0 || k >= lt.t.length) return '—';
  const from = lt.from.length > k ? `${lt.from[k]}→` : '→';
  return `t=${lt.t[k]} ${from}${lt.to[k]} reason=${JSON.stringify(lt.reason[k])} by=${lt.by[k]} leaf=${JSON.stringify(lt.leaf[k])}`;
}

/** A few transitions around index k of both, golden first. */
function context(gold: GoldenLifetime, ours: GoldenLifetime, k: number): string[] {
  const lines: string[] = [];
  for (let j = Math.max(0, k - 1); j <= k + 1 && (j < gold.t.length || j < ours.t.length); j++) {
    lines.push(`      [${j}] go:   ${transitionText(gold, j)}`);
    lines.push(`      [${j}] ours: ${transitionText(ours, j)}`);
  }
  return lines;
}

/**
 * The differences between our goroutine lanes and the golden lifetimes, in slot order:
 * a summary per field and kind of transition (counted where the two sequences still agree
 * on time and state), then the first few goroutines that differ with the transitions around
 * the first difference. Empty when they agree.
 */
export function goroutineTimelineDiffs(ours: TimelineGolden, golden: TimelineGolden, maxGoroutines = 8): string[] {
  const out: string[] = [];
  if (ours.goroutines.length !== golden.goroutines.length) {
    out.push(`goroutine lifetimes: ours ${ours.goroutines.length}, go ${golden.goroutines.length}`);
  }
  // field + golden from→to → [count, example]
  const byKind = new Map<string, { n: number; example: string }>();
  const note = (key: string, example: string) => {
    const e = byKind.get(key);
    if (e) e.n++;
    else byKind.set(key, { n: 1, example });
  };
  const details: string[] = [];
  let differing = 0;
  const n = Math.min(ours.goroutines.length, golden.goroutines.length);
  for (let i = 0; i < n; i++) {
    const go = golden.goroutines[i];
    const me = ours.goroutines[i];
    let first = -1;
    let firstWhat = '';
    if (me.id !== go.id) {
      first = 0;
      firstWhat = `goid: ours ${me.id}, go ${go.id}`;
    }
    const len = Math.min(me.t.length, go.t.length);
    let aligned = first < 0;
    for (let k = 0; k < len && aligned; k++) {
      for (const f of FIELDS) {
        if (me[f][k] === go[f][k]) continue;
        if (first < 0) {
          first = k;
          firstWhat = `${f}: ours ${JSON.stringify(me[f][k])}, go ${JSON.stringify(go[f][k])}`;
        }
        if (f === 't' || f === 'to') {
          note(`${f} (sequence diverges)`, `g${go.id} [${k}] ${go.from[k]}→${go.to[k]}: ours ${JSON.stringify(me[f][k])}, go ${JSON.stringify(go[f][k])}`);
          aligned = false;
          break;
        }
        note(`${f} on ${go.from[k]}→${go.to[k]}`, `g${go.id} [${k}]: ours ${JSON.stringify(me[f][k])}, go ${JSON.stringify(go[f][k])}`);
      }
    }
    if (aligned && me.t.length !== go.t.length) {
      if (first < 0) {
        first = len;
        firstWhat = `transitions: ours ${me.t.length}, go ${go.t.length}`;
      }
      note('transition count', `g${go.id}: ours ${me.t.length}, go ${go.t.length}`);
    }
    if (first < 0) continue;
    differing++;
    if (differing <= maxGoroutines) {
      details.push(`  lifetime ${i} (g${go.id}, ${go.t.length} transitions in go, ${me.t.length} ours): first difference at [${first}], ${firstWhat}`);
      details.push(...context(go, me, first));
    }
  }
  if (differing > 0) out.push(`${differing} of ${golden.goroutines.length} goroutine lifetimes differ`);
  for (const [key, { n: count, example }] of [...byKind].sort((a, b) => b[1].n - a[1].n)) out.push(`  ${key}: ${count}× (e.g. ${example})`);
  out.push(...details);
  return out;
}

/** The differences between our P lanes' goroutine runs and the golden P slices. Empty when they agree. */
export function procTimelineDiffs(ours: TimelineGolden, golden: TimelineGolden): string[] {
  const out: string[] = [];
  const mine = new Map(ours.procs.map((p) => [p.id, p]));
  const gold = new Map(golden.procs.map((p) => [p.id, p]));
  for (const id of [...new Set([...mine.keys(), ...gold.keys()])].sort((a, b) => a - b)) {
    const me = mine.get(id);
    const go = gold.get(id);
    if (!me || !go) {
      out.push(`P ${id}: ${me ? `ours has ${me.start.length} slices, go none` : `go has ${go!.start.length} slices, ours none`}`);
      continue;
    }
    let bad = 0;
    let first = -1;
    const len = Math.max(me.start.length, go.start.length);
    for (let k = 0; k < len; k++) {
      if (me.start[k] === go.start[k] && me.end[k] === go.end[k] && me.g[k] === go.g[k]) continue;
      bad++;
      if (first < 0) first = k;
    }
    if (bad === 0) continue;
    out.push(`P ${id}: ${bad} of ${go.start.length} slices differ (ours has ${me.start.length}); first at [${first}]:`);
    const slice = (p: GoldenProc, k: number) => (k < p.start.length ? `g${p.g[k]} [${p.start[k]}, ${p.end[k]})` : '—');
    for (let k = Math.max(0, first - 1); k <= first + 2 && k < len; k++) out.push(`    [${k}] go: ${slice(go, k)}   ours: ${slice(me, k)}`);
  }
  return out;
}
