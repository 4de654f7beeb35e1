/**
 * The ordered event stream between a trace reader (v1 or v2) and its consumer, in chunks:
 * readers append high-level events (as the Go reader would emit them) into reusable typed
 * columns, and hand each full chunk to an EventConsumer in one call. No object and no
 * boxed number per event; the consumer's loop is tight and monomorphic.
 *
 * Row layout: ids and values that may exceed 32 bits (goroutine, proc, task ids, metric
 * values) go to `f` (Float64Array, F slots per row); small integers (states, string and
 * stack ids, flags) go to `n` (Int32Array, N slots per row). Rows are as narrow as the
 * widest kind needs: the builder reads every byte of them.
 *   K_SYNC        –
 *   K_GO          f: goid, ctxG, ctxP          n: from*8+to (goTransitionCode), reason, evStack, stStack
 *   K_PROC        f: proc, ctxG, ctxP          n: from, to
 *   K_RANGE       f: scopeId, ctxG, ctxP       n: kind (0 begin, 1 active, 2 end), name, scope, stack
 *   K_METRIC      f: value                     n: metric
 *   K_LABEL       f: goid                      n: label
 *   K_TASK        f: id, parent, ctxG          n: begin (1/0), name, stack
 *   K_REGION      f: task, ctxG                n: begin (1/0), name, stack
 *   K_LOG         f: task, ctxG                n: key, value, stack
 *   K_CPU         f: goid, proc                n: stack
 *   K_EXP         –                            n: type
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

export const F = 3;
export const N = 4;

/** A goroutine transition's two states in one number (the K_GO row's n[0]). */
export function goTransitionCode(from: number, to: number): number {
  return from * 8 + to;
}
export function fromState(code: number): number {
  return code >> 3;
}
export function toState(code: number): number {
  return code & 7;
}
/** Events per chunk; readers flush when it is full (a reader step adds at most CHUNK_SLACK). */
export const CHUNK = 4096;
export const CHUNK_SLACK = 16;

/** Row columns in the layout above (an EventBuffer, or a batch of them sent between workers). */
export interface EventRows {
  readonly kind: Uint8Array;
  readonly time: Float64Array;
  readonly f: Float64Array;
  readonly n: Int32Array;
}

export interface EventConsumer {
  /** Rows [0, n) of `ev` are the next events, in order. */
  consume(ev: EventRows, n: number): void;
  /** True once the consumer wants no more events (snapshots stop at their instant). */
  readonly stopped?: boolean;
  /**
   * A consumer that keeps whole chunks (to send them to another thread) takes the rows'
   * arrays instead of reading them, and hands back empty ones made by `newRows(chunk)`;
   * the buffer then fills chunks of `chunk` rows, so no row is ever copied.
   */
  readonly takesRows?: { chunk: number; take(rows: EventRows, n: number): EventRows };
}

/** Empty row columns for chunks of `chunk` rows (plus the slack a reader step may add). */
export function newRows(chunk: number): EventRows {
  const cap = chunk + CHUNK_SLACK;
  return { kind: new Uint8Array(cap), time: new Float64Array(cap), f: new Float64Array(cap * F), n: new Int32Array(cap * N) };
}

export class EventBuffer implements EventRows {
  kind: Uint8Array;
  time: Float64Array;
  f: Float64Array;
  n: Int32Array;
  /** Rows at which readers flush. */
  readonly chunk: number;
  /** Rows pending. */
  len = 0;
  /** Events handed on so far (`total` adds the pending ones). */
  private flushed = 0;
  /** Last emitted time; every event is forced strictly after it, as the Go reader does. */
  lastTs = -Infinity;

  constructor(readonly out: EventConsumer) {
    this.chunk = out.takesRows?.chunk ?? CHUNK;
    const rows = newRows(this.chunk);
    this.kind = rows.kind;
    this.time = rows.time;
    this.f = rows.f;
    this.n = rows.n;
  }

  /** Starts a row of kind `k` at raw time `t` (made monotonic); returns its index. */
  row(k: number, t: number): number {
    if (t <= this.lastTs) t = this.lastTs + 1;
    this.lastTs = t;
    const i = this.len++;
    this.kind[i] = k;
    this.time[i] = t;
    return i;
  }

  /** Events appended since the start (for the summary). */
  get total(): number {
    return this.flushed + this.len;
  }

  flush(): void {
    if (this.len === 0) return;
    const n = this.len;
    this.len = 0;
    this.flushed += n;
    const taker = this.out.takesRows;
    if (!taker) return this.out.consume(this, n);
    const next = taker.take({ kind: this.kind, time: this.time, f: this.f, n: this.n }, n);
    this.kind = next.kind;
    this.time = next.time;
    this.f = next.f;
    this.n = next.n;
  }

  // Row writers.
  sync(t: number): void {
    this.row(K_SYNC, t);
  }
  go(t: number, goid: number, from: number, to: number, reason: number, evStack: number, stStack: number, ctxG: number, ctxP: number): void {
    const i = this.row(K_GO, t);
    const f = this.f;
    const n = this.n;
    const fb = i * F;
    const nb = i * N;
    f[fb] = goid;
    f[fb + 1] = ctxG;
    f[fb + 2] = ctxP;
    n[nb] = goTransitionCode(from, to);
    n[nb + 1] = reason;
    n[nb + 2] = evStack;
    n[nb + 3] = stStack;
  }
  proc(t: number, proc: number, from: number, to: number, ctxG: number, ctxP: number): void {
    const i = this.row(K_PROC, t);
    this.f[i * F] = proc;
    this.f[i * F + 1] = ctxG;
    this.f[i * F + 2] = ctxP;
    this.n[i * N] = from;
    this.n[i * N + 1] = to;
  }
  range(t: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number, ctxP: number, stack: number): void {
    const i = this.row(K_RANGE, t);
    this.f[i * F] = scopeId;
    this.f[i * F + 1] = ctxG;
    this.f[i * F + 2] = ctxP;
    this.n[i * N] = kind;
    this.n[i * N + 1] = name;
    this.n[i * N + 2] = scope;
    this.n[i * N + 3] = stack;
  }
  metric(t: number, metric: number, value: number): void {
    const i = this.row(K_METRIC, t);
    this.f[i * F] = value;
    this.n[i * N] = metric;
  }
  label(t: number, goid: number, label: number): void {
    const i = this.row(K_LABEL, t);
    this.f[i * F] = goid;
    this.n[i * N] = label;
  }
  task(t: number, begin: boolean, id: number, parent: number, name: number, ctxG: number, stack: number): void {
    const i = this.row(K_TASK, t);
    this.f[i * F] = id;
    this.f[i * F + 1] = parent;
    this.f[i * F + 2] = ctxG;
    this.n[i * N] = begin ? 1 : 0;
    this.n[i * N + 1] = name;
    this.n[i * N + 2] = stack;
  }
  region(t: number, begin: boolean, task: number, name: number, ctxG: number, stack: number): void {
    const i = this.row(K_REGION, t);
    this.f[i * F] = task;
    this.f[i * F + 1] = ctxG;
    this.n[i * N] = begin ? 1 : 0;
    this.n[i * N + 1] = name;
    this.n[i * N + 2] = stack;
  }
  log(t: number, task: number, key: number, value: number, ctxG: number, stack: number): void {
    const i = this.row(K_LOG, t);
    this.f[i * F] = task;
    this.f[i * F + 1] = ctxG;
    this.n[i * N] = key;
    this.n[i * N + 1] = value;
    this.n[i * N + 2] = stack;
  }
  cpuSample(t: number, goid: number, proc: number, stack: number): void {
    const i = this.row(K_CPU, t);
    this.f[i * F] = goid;
    this.f[i * F + 1] = proc;
    this.n[i * N] = stack;
  }
  experimental(t: number, type: number): void {
    const i = this.row(K_EXP, t);
    this.n[i * N] = type;
  }
}

/** Feeds the chunked stream to a classic one-call-per-event TraceEventSink. */
export class SinkAdapter implements EventConsumer {
  constructor(private readonly sink: TraceEventSink) {}

  get stopped(): boolean {
    return this.sink.stopped === true;
  }

  consume(ev: EventRows, count: number): void {
    const s = this.sink;
    const f = ev.f;
    const n = ev.n;
    for (let i = 0; i < count; i++) {
      if (s.stopped) return;
      const t = ev.time[i];
      const fb = i * F;
      const nb = i * N;
      switch (ev.kind[i]) {
        case K_SYNC:
          s.sync(t);
          break;
        case K_GO:
          s.goTransition(t, f[fb], fromState(n[nb]), toState(n[nb]), n[nb + 1], n[nb + 2], n[nb + 3], f[fb + 1], f[fb + 2]);
          break;
        case K_PROC:
          s.procTransition(t, f[fb], n[nb], n[nb + 1], f[fb + 1], f[fb + 2]);
          break;
        case K_RANGE:
          s.range(t, n[nb], n[nb + 1], n[nb + 2], f[fb], f[fb + 1], f[fb + 2], n[nb + 3]);
          break;
        case K_METRIC:
          s.metric(t, n[nb], f[fb]);
          break;
        case K_LABEL:
          s.label(t, f[fb], n[nb]);
          break;
        case K_TASK:
          s.task(t, n[nb] === 1, f[fb], f[fb + 1], n[nb + 1], f[fb + 2], n[nb + 2]);
          break;
        case K_REGION:
          s.region(t, n[nb] === 1, f[fb], n[nb + 1], f[fb + 1], n[nb + 2]);
          break;
        case K_LOG:
          s.log(t, f[fb], n[nb], n[nb + 1], f[fb + 1], n[nb + 2]);
          break;
        case K_CPU:
          s.cpuSample(t, f[fb], f[fb + 1], n[nb]);
          break;
        case K_EXP:
          s.experimental(t, n[nb]);
          break;
      }
    }
  }
}
