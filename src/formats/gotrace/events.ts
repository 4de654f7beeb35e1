/**
 * The ordered event stream between a trace reader (v1 or v2) and its consumer, in chunks:
 * readers append high-level events (as the Go reader would emit them) into reusable typed
 * columns, and hand each full chunk to an EventConsumer in one call. No object and no
 * boxed number per event; the consumer's loop is tight and monomorphic.
 *
 * Row layout (`a` has STRIDE slots per event; unused slots are left as they were):
 *   K_SYNC        –
 *   K_GO          goid, from, to, reason, evStack, stStack, ctxG, ctxP
 *   K_PROC        proc, from, to, ctxG, ctxP
 *   K_RANGE       kind (0 begin, 1 active, 2 end), name, scope, scopeId, ctxG, ctxP, stack
 *   K_METRIC      metric, value
 *   K_LABEL       goid, label
 *   K_TASK        begin (1/0), id, parent, name, ctxG, stack
 *   K_REGION      begin (1/0), task, name, ctxG, stack
 *   K_LOG         task, key, value, ctxG, stack
 *   K_CPU         goid, proc, stack
 *   K_EXP         type
 */
import type { TraceEventSink } from '../../model/trace';

export const K_SYNC = 0;
export const K_GO = 1;
export const K_PROC = 2;
export const K_RANGE = 3;
export const K_METRIC = 4;
export const K_LABEL = 5;
export const K_TASK = 6;
export const K_REGION = 7;
export const K_LOG = 8;
export const K_CPU = 9;
export const K_EXP = 10;

export const STRIDE = 8;
/** Events per chunk; readers flush when fewer than CHUNK_SLACK rows are left. */
export const CHUNK = 4096;
export const CHUNK_SLACK = 16;

export interface EventConsumer {
  /** Rows [0, n) of `ev` are the next events, in order. */
  consume(ev: EventBuffer, n: number): void;
  /** True once the consumer wants no more events (snapshots stop at their instant). */
  readonly stopped?: boolean;
}

export class EventBuffer {
  readonly kind = new Uint8Array(CHUNK + CHUNK_SLACK);
  readonly time = new Float64Array(CHUNK + CHUNK_SLACK);
  readonly a = new Float64Array((CHUNK + CHUNK_SLACK) * STRIDE);
  n = 0;
  /** Events appended since the start (for the summary). */
  total = 0;
  /** Last emitted time; every event is forced strictly after it, as the Go reader does. */
  lastTs = -Infinity;

  constructor(readonly out: EventConsumer) {}

  /** Starts a row of kind `k` at raw time `t` (made monotonic); returns its arg base. */
  row(k: number, t: number): number {
    if (t <= this.lastTs) t = this.lastTs + 1;
    this.lastTs = t;
    const i = this.n++;
    this.total++;
    this.kind[i] = k;
    this.time[i] = t;
    return i * STRIDE;
  }

  /** Hands the pending rows to the consumer when the chunk is (nearly) full. */
  maybeFlush(): void {
    if (this.n >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.n === 0) return;
    const n = this.n;
    this.n = 0;
    this.out.consume(this, n);
  }

  // Row writers (readers use these off the hot path; hot paths inline the stores).
  sync(t: number): void {
    this.row(K_SYNC, t);
  }
  go(t: number, goid: number, from: number, to: number, reason: number, evStack: number, stStack: number, ctxG: number, ctxP: number): void {
    const b = this.row(K_GO, t);
    const a = this.a;
    a[b] = goid;
    a[b + 1] = from;
    a[b + 2] = to;
    a[b + 3] = reason;
    a[b + 4] = evStack;
    a[b + 5] = stStack;
    a[b + 6] = ctxG;
    a[b + 7] = ctxP;
  }
  proc(t: number, proc: number, from: number, to: number, ctxG: number, ctxP: number): void {
    const b = this.row(K_PROC, t);
    const a = this.a;
    a[b] = proc;
    a[b + 1] = from;
    a[b + 2] = to;
    a[b + 3] = ctxG;
    a[b + 4] = ctxP;
  }
  range(t: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number, ctxP: number, stack: number): void {
    const b = this.row(K_RANGE, t);
    const a = this.a;
    a[b] = kind;
    a[b + 1] = name;
    a[b + 2] = scope;
    a[b + 3] = scopeId;
    a[b + 4] = ctxG;
    a[b + 5] = ctxP;
    a[b + 6] = stack;
  }
  metric(t: number, metric: number, value: number): void {
    const b = this.row(K_METRIC, t);
    this.a[b] = metric;
    this.a[b + 1] = value;
  }
  label(t: number, goid: number, label: number): void {
    const b = this.row(K_LABEL, t);
    this.a[b] = goid;
    this.a[b + 1] = label;
  }
  task(t: number, begin: boolean, id: number, parent: number, name: number, ctxG: number, stack: number): void {
    const b = this.row(K_TASK, t);
    const a = this.a;
    a[b] = begin ? 1 : 0;
    a[b + 1] = id;
    a[b + 2] = parent;
    a[b + 3] = name;
    a[b + 4] = ctxG;
    a[b + 5] = stack;
  }
  region(t: number, begin: boolean, task: number, name: number, ctxG: number, stack: number): void {
    const b = this.row(K_REGION, t);
    const a = this.a;
    a[b] = begin ? 1 : 0;
    a[b + 1] = task;
    a[b + 2] = name;
    a[b + 3] = ctxG;
    a[b + 4] = stack;
  }
  log(t: number, task: number, key: number, value: number, ctxG: number, stack: number): void {
    const b = this.row(K_LOG, t);
    const a = this.a;
    a[b] = task;
    a[b + 1] = key;
    a[b + 2] = value;
    a[b + 3] = ctxG;
    a[b + 4] = stack;
  }
  cpuSample(t: number, goid: number, proc: number, stack: number): void {
    const b = this.row(K_CPU, t);
    const a = this.a;
    a[b] = goid;
    a[b + 1] = proc;
    a[b + 2] = stack;
  }
  experimental(t: number, type: number): void {
    const b = this.row(K_EXP, t);
    this.a[b] = type;
  }
}

/** Feeds the chunked stream to a classic one-call-per-event TraceEventSink. */
export class SinkAdapter implements EventConsumer {
  constructor(private readonly sink: TraceEventSink) {}

  get stopped(): boolean {
    return this.sink.stopped === true;
  }

  consume(ev: EventBuffer, n: number): void {
    const s = this.sink;
    const a = ev.a;
    for (let i = 0; i < n; i++) {
      if (s.stopped) return;
      const t = ev.time[i];
      const b = i * STRIDE;
      switch (ev.kind[i]) {
        case K_SYNC:
          s.sync(t);
          break;
        case K_GO:
          s.goTransition(t, a[b], a[b + 1], a[b + 2], a[b + 3], a[b + 4], a[b + 5], a[b + 6], a[b + 7]);
          break;
        case K_PROC:
          s.procTransition(t, a[b], a[b + 1], a[b + 2], a[b + 3], a[b + 4]);
          break;
        case K_RANGE:
          s.range(t, a[b], a[b + 1], a[b + 2], a[b + 3], a[b + 4], a[b + 5], a[b + 6]);
          break;
        case K_METRIC:
          s.metric(t, a[b], a[b + 1]);
          break;
        case K_LABEL:
          s.label(t, a[b], a[b + 1]);
          break;
        case K_TASK:
          s.task(t, a[b] === 1, a[b + 1], a[b + 2], a[b + 3], a[b + 4], a[b + 5]);
          break;
        case K_REGION:
          s.region(t, a[b] === 1, a[b + 1], a[b + 2], a[b + 3], a[b + 4]);
          break;
        case K_LOG:
          s.log(t, a[b], a[b + 1], a[b + 2], a[b + 3], a[b + 4]);
          break;
        case K_CPU:
          s.cpuSample(t, a[b], a[b + 1], a[b + 2]);
          break;
        case K_EXP:
          s.experimental(t, a[b]);
          break;
      }
    }
  }
}
