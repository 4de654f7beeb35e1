/**
 * What must hold of anything a parser accepts, and of the analysis run on it: every index
 * in range, every number finite, tables no larger than the input can describe, totals the
 * sum of their parts. A failed check throws an Error saying which.
 */
import { buildCallTree } from '../../src/analysis/calltree/calltree';
import { topEntries } from '../../src/analysis/calltree/top';
import { groupByStack } from '../../src/analysis/goroutines/group-by-stack';
import { toSnapshot } from '../../src/analysis/goroutines/snapshot';
import { goroutineGroups } from '../../src/analysis/trace';
import type { OpenedFile } from '../../src/formats/open';
import type { GoroutineDump } from '../../src/model/goroutines';
import type { Profile } from '../../src/model/profile';
import type { TimelineModel } from '../../src/model/timeline';
import type { TraceModel } from '../../src/model/trace';

function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`invariant broken: ${what}`);
}

function indexes(a: ArrayLike<number>, n: number, lo: number, hi: number, what: string): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (!(Number.isInteger(v) && v >= lo && v < hi)) throw new Error(`invariant broken: ${what}[${i}] = ${v}, outside [${lo}, ${hi})`);
  }
}

function finite(a: ArrayLike<number>, n: number, what: string): void {
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i])) throw new Error(`invariant broken: ${what}[${i}] = ${a[i]}`);
}

/**
 * Any table is at most this many rows per input byte (plus a few): a parser that makes
 * more from a short input was driven by a count in the file, not by its content.
 */
const ROWS_PER_BYTE = 8;

export function checkProfile(p: Profile, inputBytes: number): void {
  const most = ROWS_PER_BYTE * inputBytes + 64;
  const ns = p.strings.length;
  must(p.strings[0] === '', 'strings[0] is ""');
  for (const t of [p.frames.count, p.stacks.count, p.samples.count, p.labels.count]) must(t <= most, `a table of ${t} rows from ${inputBytes} bytes`);
  indexes(p.frames.func, p.frames.count, 0, ns, 'frames.func');
  indexes(p.frames.file, p.frames.count, 0, ns, 'frames.file');
  indexes(p.frames.line, p.frames.count, 0, 2 ** 31, 'frames.line');
  must(p.stacks.count >= 1 && p.stacks.parent[0] === -1, 'stack trie has its root');
  for (let n = 1; n < p.stacks.count; n++) {
    must(p.stacks.parent[n] >= 0 && p.stacks.parent[n] < n, `stack node ${n}'s parent comes before it`);
    must(p.stacks.frame[n] >= 0 && p.stacks.frame[n] < p.frames.count, `stack node ${n}'s frame exists`);
  }
  indexes(p.samples.stack, p.samples.count, 0, p.stacks.count, 'samples.stack');
  must(p.samples.values.length === p.sampleTypes.length, 'one value column per sample type');
  p.samples.values.forEach((col, i) => finite(col, p.samples.count, `samples.values[${i}]`));
  must(p.sampleTypes.length === 0 || (p.defaultSampleType >= 0 && p.defaultSampleType < p.sampleTypes.length), 'default sample type exists');
  indexes(p.labels.sample, p.labels.count, 0, p.samples.count, 'labels.sample');
  indexes(p.labels.key, p.labels.count, 0, ns, 'labels.key');
  indexes(p.labels.str, p.labels.count, -1, ns, 'labels.str');
  finite(p.labels.num, p.labels.count, 'labels.num');
  const loc = p.sampleLocations;
  if (loc) {
    const locations = loc.frameStart.length - 1;
    must(loc.stacks.count === p.samples.count, 'a location stack per sample');
    for (let i = 1; i <= locations; i++) must(loc.frameStart[i] >= loc.frameStart[i - 1], 'location frames ascend');
    indexes(loc.stacks.data, loc.stacks.start[loc.stacks.count] ?? 0, 0, locations, 'sampleLocations.stacks');
    indexes(loc.frames, loc.frameStart[locations] ?? 0, 0, p.frames.count, 'sampleLocations.frames');
  }
  // The analysis every view starts from.
  for (let t = 0; t < p.sampleTypes.length; t++) {
    const tree = buildCallTree(p, { sampleType: t, granularity: 'function' });
    must(Number.isFinite(tree.profileTotal), `sample type ${t}: total is finite`);
    let flat = 0;
    for (const e of topEntries(tree)) flat += e.flat;
    // Samples with no frames stay at the root, as its own value.
    const root = tree.total[0] - tree.self[0];
    must(Math.abs(flat - root) <= 1e-6 * Math.max(1, Math.abs(root)), `sample type ${t}: flat values add up to the root's total (${flat} vs ${root})`);
  }
}

export function checkDump(d: GoroutineDump, p: Profile): void {
  indexes(d.state, d.count, 0, d.states.length, 'dump.state');
  indexes(d.stack, d.count, 0, p.stacks.count, 'dump.stack');
  indexes(d.sample, d.count, 0, p.samples.count, 'dump.sample');
  indexes(d.createdBy, d.count, -1, p.frames.count, 'dump.createdBy');
  indexes(d.section, d.count, 0, Math.max(1, d.sections.length), 'dump.section');
  finite(d.id, d.count, 'dump.id');
}

function checkTimeline(tl: TimelineModel, goroutines: number): void {
  must(tl.goroutines.count === goroutines, 'a timeline lane per goroutine');
  for (const runs of [tl.goroutines, tl.procs]) {
    const total = runs.offset[runs.count];
    must(runs.offset[0] === 0 && total === runs.time.length, 'lane offsets cover the runs');
    for (let l = 0; l < runs.count; l++) {
      must(runs.offset[l + 1] >= runs.offset[l], 'lane offsets ascend');
      for (let r = runs.offset[l] + 1; r < runs.offset[l + 1]; r++) must(runs.time[r] >= runs.time[r - 1], 'a lane\'s runs in time order');
    }
    finite(runs.time, total, 'run times');
  }
}

export function checkTrace(m: TraceModel, inputBytes: number): void {
  const g = m.goroutines;
  must(g.count <= ROWS_PER_BYTE * inputBytes + 64, `${g.count} goroutines from ${inputBytes} bytes`);
  must(Number.isFinite(m.summary.endNs) && m.summary.endNs >= 0, 'the trace ends at a finite time');
  finite(g.id, g.count, 'goroutines.id');
  indexes(g.name, g.count, 0, m.symbols.strings.length, 'goroutines.name');
  let inGroups = 0;
  for (const grp of goroutineGroups(m, 'count')) inGroups += grp.count;
  must(inGroups === g.count, `goroutine groups hold every goroutine (${inGroups} of ${g.count})`);
  if (m.timeline) checkTimeline(m.timeline, g.count);
}

/** Everything `openBytes` gave for an input of `inputBytes` (before any compression). */
export function checkOpened(o: OpenedFile, inputBytes: number): void {
  if (o.profile) checkProfile(o.profile, inputBytes);
  if (o.goroutines && o.profile) checkDump(o.goroutines, o.profile);
  if (o.profile && (o.goroutines || o.kind.kind === 'goroutine-dump')) groupByStack(toSnapshot({ profile: o.profile, dump: o.goroutines ?? null }));
  if (o.trace) checkTrace(o.trace.model, inputBytes);
}
