/**
 * Snapshot at an instant: every goroutine's state and where it is (as a debug=2 dump would
 * show it) at time T. Computed by replaying the trace into a small sink that stops at T,
 * so no per-event history has to be kept in memory.
 */
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import type { Profile } from '../../model/profile';
import {
  GO_NOT_EXIST,
  GO_STATE_NAMES,
  GO_UNDETERMINED,
  GO_WAITING,
  type TraceEventSink,
  type TraceModel,
} from '../../model/trace';
import { StackMapper } from './profiles';

export interface SnapshotRow {
  id: number;
  /** Start function. */
  name: string;
  state: string;
  /** Block reason when waiting ("chan receive", "select", "network", ...). */
  reason: string;
  /** Since when it has been in this state (relative ns). */
  sinceNs: number;
  /** Its own most recent stack (where it blocked, stopped or entered the syscall); 0 unknown. */
  stack: number;
}

export interface Snapshot {
  timeNs: number;
  rows: SnapshotRow[];
  /** Goroutines per stack (sample type goroutines/count), like a goroutine profile. */
  profile: Profile;
  countsByState: Record<string, number>;
}

/** Collects goroutine states up to `timeNs`; ignores everything later. */
export class SnapshotSink implements TraceEventSink {
  stopped = false;
  readonly state = new Map<number, { state: number; reason: number; since: number; stack: number }>();
  constructor(readonly timeNs: number) {}

  /** Past T but still in T's generation: only goroutines first declared there matter. */
  private after = false;
  private lastSync = 0;
  private past(t: number): boolean {
    if (t > this.timeNs) this.after = true;
    return this.after;
  }
  sync(t: number): void {
    if (this.past(t)) this.stopped = true;
    else this.lastSync = t;
  }
  goTransition(t: number, goid: number, from: number, to: number, reason: number, _ev: number, stStack: number): void {
    if (this.stopped || from === to) return;
    if (this.past(t)) {
      // Goroutines untouched in a generation are declared at its end; they were in that
      // state since the generation began, so also at T.
      if (from === GO_UNDETERMINED && !this.state.has(goid) && !(to === GO_WAITING && this.isForever(reason))) {
        this.state.set(goid, { state: to, reason: to === GO_WAITING ? reason : 0, since: this.lastSync, stack: stStack });
      }
      return;
    }
    if (to === GO_NOT_EXIST || (to === GO_WAITING && reason !== 0 && this.isForever(reason))) {
      this.state.delete(goid);
      return;
    }
    const prev = this.state.get(goid);
    this.state.set(goid, { state: to, reason: to === GO_WAITING ? reason : 0, since: t, stack: stStack || prev?.stack || 0 });
  }
  /** Blocked "forever" counts as gone, as in the goroutine summary. */
  foreverId = -1;
  private isForever(reason: number): boolean {
    return reason === this.foreverId;
  }
  procTransition(t: number): void {
    this.past(t);
  }
  range(t: number): void {
    this.past(t);
  }
  metric(t: number): void {
    this.past(t);
  }
  label(t: number): void {
    this.past(t);
  }
  task(t: number): void {
    this.past(t);
  }
  region(t: number): void {
    this.past(t);
  }
  log(t: number): void {
    this.past(t);
  }
  cpuSample(t: number): void {
    this.past(t);
  }
  experimental(t: number): void {
    this.past(t);
  }
}

/**
 * `replay` must stream the same trace into the sink using `model.symbols` (the worker
 * passes `(sink) => scanTraceAsync(bytes, sink, model.symbols)`), so stack ids agree.
 */
export async function snapshotAt(model: TraceModel, timeNs: number, replay: (sink: TraceEventSink) => unknown): Promise<Snapshot> {
  const sink = new SnapshotSink(timeNs);
  sink.foreverId = model.symbols.strings.indexOf('forever');
  // The worker's replay is a sliced scan (a promise); a plain scan works too.
  await replay(sink);
  const strings = model.symbols.strings;
  const nameById = new Map<number, number>();
  const g = model.goroutines;
  for (let i = 0; i < g.count; i++) if (g.creationNs[i] <= timeNs) nameById.set(g.id[i], g.name[i]);
  const rows: SnapshotRow[] = [];
  const countsByState: Record<string, number> = {};
  const b = new ProfileBuilder(1);
  const map = new StackMapper(model.symbols, b);
  const perStack = new Map<number, number>();
  for (const [id, s] of sink.state) {
    const state = GO_STATE_NAMES[s.state];
    rows.push({ id, name: strings[nameById.get(id) ?? 0], state, reason: strings[s.reason], sinceNs: s.since, stack: s.stack });
    countsByState[state] = (countsByState[state] ?? 0) + 1;
    perStack.set(s.stack, (perStack.get(s.stack) ?? 0) + 1);
  }
  for (const [stack, n] of perStack) b.sample(map.node(stack), [n]);
  rows.sort((a, b2) => a.id - b2.id);
  const meta = simpleMeta('trace', [{ type: 'goroutines', unit: 'count' }]);
  meta.comments = [`goroutines at ${timeNs} ns into the trace`];
  return { timeNs, rows, profile: b.build(meta), countsByState };
}

/** Per-stack goroutine count change between two snapshots (b minus a), biggest first. */
export function snapshotDelta(a: Snapshot, b: Snapshot): { stack: number; before: number; after: number }[] {
  const count = (s: Snapshot): Map<number, number> => {
    const m = new Map<number, number>();
    for (const r of s.rows) m.set(r.stack, (m.get(r.stack) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const out: { stack: number; before: number; after: number }[] = [];
  for (const stack of new Set([...ca.keys(), ...cb.keys()])) out.push({ stack, before: ca.get(stack) ?? 0, after: cb.get(stack) ?? 0 });
  return out.sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before));
}
