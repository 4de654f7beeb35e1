/** Totals of each profile inside a trace (go tool trace -pprof=…, plus CPU samples), without building them. */
import { PPROF_KINDS, type TraceModel } from '../../model/trace';

/** Profiles a trace holds: `go tool trace -pprof=<kind>` plus the CPU samples. */
export type DerivedKind = 'cpu' | 'sync' | 'net' | 'syscall' | 'sched';
export const DERIVED_KINDS: readonly DerivedKind[] = ['cpu', 'sync', 'net', 'syscall', 'sched'];

export interface DerivedTotal {
  kind: DerivedKind;
  /** Distinct stacks (0 means there is nothing to show). */
  stacks: number;
  /** Delay in ns for the blocking kinds, samples for cpu. */
  value: number;
  unit: 'nanoseconds' | 'count';
  /** Contentions (blocking kinds) or samples (cpu). */
  events: number;
}

/** Each profile's totals, of all goroutines or of one start-function group's. */
export function derivedTotals(model: TraceModel, group?: string): DerivedTotal[] {
  const out: DerivedTotal[] = [];
  const groupId = group === undefined ? -1 : model.symbols.strings.indexOf(group);
  let allowed: Set<number> | null = null;
  if (group !== undefined) {
    allowed = new Set();
    const g = model.goroutines;
    for (let i = 0; i < g.count; i++) if (g.name[i] === groupId) allowed.add(g.id[i]);
  }
  const cs = model.cpuSamples;
  const cpuStacks = new Set<number>();
  let samples = 0;
  for (let i = 0; i < cs.count; i++) {
    if (allowed && !allowed.has(cs.goroutine[i])) continue;
    samples++;
    cpuStacks.add(cs.stack[i]);
  }
  out.push({ kind: 'cpu', stacks: cpuStacks.size, value: samples, unit: 'count', events: samples });
  const d = model.derived;
  for (const kind of ['sync', 'net', 'syscall', 'sched'] as const) {
    const k = PPROF_KINDS.indexOf(kind);
    const stacks = new Set<number>();
    let delay = 0;
    let events = 0;
    for (let i = 0; i < d.count; i++) {
      if (d.kind[i] !== k) continue;
      if (group !== undefined && d.group[i] !== groupId) continue;
      stacks.add(d.stack[i]);
      delay += d.delayNs[i];
      events += d.contentions[i];
    }
    out.push({ kind, stacks: stacks.size, value: delay, unit: 'nanoseconds', events });
  }
  return out;
}
