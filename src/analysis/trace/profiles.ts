/**
 * Profiles inside a trace, as ordinary Profiles (flame graph, top and diff work on them):
 * the four `go tool trace -pprof` profiles and the CPU samples, for the whole trace or one
 * goroutine group (start function).
 */
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import type { Profile } from '../../model/profile';
import { PPROF_KINDS, type PprofKind, type TraceModel, type TraceSymbols } from '../../model/trace';

/** Maps trace stacks into a ProfileBuilder's trie, once per stack. */
export class StackMapper {
  private readonly nodes = new Map<number, number>();
  private readonly frames = new Map<number, number>();
  constructor(
    private readonly syms: TraceSymbols,
    readonly builder: ProfileBuilder,
  ) {}

  node(stack: number): number {
    let n = this.nodes.get(stack);
    if (n !== undefined) return n;
    const len = this.syms.stackLength(stack);
    const frames = new Array<number>(len);
    for (let i = 0; i < len; i++) frames[i] = this.frame(this.syms.stackFrame(stack, i));
    n = this.builder.stackLeafFirst(frames);
    this.nodes.set(stack, n);
    return n;
  }

  private frame(f: number): number {
    let b = this.frames.get(f);
    if (b === undefined) {
      const s = this.syms;
      b = this.builder.frame(s.strings[s.funcOf(f)], s.strings[s.fileOf(f)], s.lineOf(f));
      this.frames.set(f, b);
    }
    return b;
  }
}

/**
 * `go tool trace -pprof=<kind>`: net (network blocking), sync (synchronization blocking),
 * syscall, sched (scheduler latency). Sample types contentions/count, delay/nanoseconds.
 * `group`: restrict to goroutines with this start function.
 */
export function derivedProfile(model: TraceModel, kind: PprofKind, group?: string): Profile {
  const k = PPROF_KINDS.indexOf(kind);
  const d = model.derived;
  const b = new ProfileBuilder(2);
  const map = new StackMapper(model.symbols, b);
  const groupId = group === undefined ? -1 : model.symbols.strings.indexOf(group);
  // Same stack in several groups → one sample per stack, like the Go tool.
  const rows = new Map<number, number>();
  const acc: number[][] = [];
  for (let i = 0; i < d.count; i++) {
    if (d.kind[i] !== k) continue;
    if (group !== undefined && d.group[i] !== groupId) continue;
    let r = rows.get(d.stack[i]);
    if (r === undefined) {
      r = acc.length;
      rows.set(d.stack[i], r);
      acc.push([d.stack[i], 0, 0]);
    }
    acc[r][1] += d.contentions[i];
    acc[r][2] += d.delayNs[i];
  }
  for (const [stack, n, ns] of acc) b.sample(map.node(stack), [n, ns]);
  const meta = simpleMeta('trace', [
    { type: 'contentions', unit: 'count' },
    { type: 'delay', unit: 'nanoseconds' },
  ]);
  meta.defaultSampleType = 1;
  meta.periodType = { type: 'trace', unit: 'count' };
  meta.period = 1;
  meta.durationNanos = model.summary.endNs;
  meta.comments = [`go tool trace -pprof=${kind}${group !== undefined ? ` (goroutines started at ${group})` : ''}`];
  return b.build(meta);
}

/** The CPU profile samples recorded in the trace (Go 1.19+ with CPU profiling on), optionally of one group or time range. */
export function cpuSamplesProfile(model: TraceModel, group?: string, range?: { t0: number; t1: number }): Profile {
  const c = model.cpuSamples;
  const b = new ProfileBuilder(1);
  const map = new StackMapper(model.symbols, b);
  let allowed: Set<number> | null = null;
  if (group !== undefined) {
    allowed = new Set();
    const g = model.goroutines;
    for (let i = 0; i < g.count; i++) if (model.symbols.strings[g.name[i]] === group) allowed.add(g.id[i]);
  }
  const perStack = new Map<number, number>();
  for (let i = 0; i < c.count; i++) {
    if (allowed && !allowed.has(c.goroutine[i])) continue;
    if (range && !(c.timeNs[i] >= range.t0 && c.timeNs[i] < range.t1)) continue;
    perStack.set(c.stack[i], (perStack.get(c.stack[i]) ?? 0) + 1);
  }
  for (const [stack, n] of perStack) b.sample(map.node(stack), [n]);
  const meta = simpleMeta('trace', [{ type: 'samples', unit: 'count' }]);
  meta.durationNanos = range ? range.t1 - range.t0 : model.summary.endNs;
  meta.comments = ['CPU profile samples recorded in the execution trace' + (range ? ` from ${range.t0} ns to ${range.t1} ns` : '')];
  return b.build(meta);
}
