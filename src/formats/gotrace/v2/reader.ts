/**
 * Streams a v2 trace into a TraceEventSink, generation by generation: per-M batch cursors
 * in a min-heap by time, the ordering state machine deciding which event is legal next,
 * CPU samples merged in by time (golang/go src/internal/trace/reader.go, batchcursor.go).
 *
 * The scan is a resumable state machine (`V2Scanner.run(deadline)`), so the same code
 * serves a blocking parse and a cooperative one that yields to the event loop.
 */
import type { TraceSymbols } from '../../../model/trace';
import { EventBuffer, type EventConsumer } from '../events';
import { CHECK_EVERY, PROGRESS_MS, type ScanOptions, type ScanResult, type TraceScanner, cancelledError, emptyScanResult } from '../scan';
import { TraceFormatError, readUv } from '../bytes';
import { type BatchRef, type Generation, readCpuSamples, readGeneration, resolveTables } from './generation';
import { Ordering } from './order';
import { SPECS, TIMED_ARGS } from './spec';
import { HEADER_SIZE } from '../header';

/**
 * Throws the decoding error of an event. Kept out of the decoding loop: a throw with a
 * built message inside it makes V8 allocate on every event.
 */
function decodeError(kind: number, at: number, typ: number): never {
  if (kind === 0) {
    const msg = SPECS[typ] ? `found event without a timestamp: type=${typ}` : `found invalid event type: ${typ}`;
    throw new TraceFormatError(`${msg} (offset ${at})`, at);
  }
  const what = kind === 1 ? 'found invalid uvarint for timestamp' : 'found invalid uvarint';
  throw new TraceFormatError(`${what} (offset ${at})`, at);
}

/**
 * One M's events, decoded one at a time straight from the batch bytes into the cursor's
 * fields (no intermediate columns: the ordering reads each event once). A decoding error
 * is thrown when the cursor reaches the bad event, as the Go reader would.
 */
export class Cursor {
  private bi = -1;
  /** Decoding position in the current batch, and the time of its last decoded event. */
  private pos = 0;
  private end = 0;
  private last = NaN;
  /** Bytes of batches fully read. */
  private doneBytes = 0;
  typ = 0;
  time = NaN;
  offset = NaN;
  readonly args = new Float64Array(4);
  constructor(
    private readonly buf: Uint8Array,
    readonly m: number,
    /** Index of this M in the ordering's M state. */
    readonly mi: number,
    private batches: BatchRef[],
    private readonly unit: number,
    private readonly base: number,
  ) {}

  /** Bytes of this M's batches read so far. */
  consumed(): number {
    if (this.bi < 0 || this.bi >= this.batches.length) return this.doneBytes;
    return this.doneBytes + (this.pos - this.batches[this.bi].start);
  }

  /** Moves to the next non-empty batch; false at the end. */
  private nextBatch(): boolean {
    const batches = this.batches;
    while (this.pos >= this.end) {
      if (this.bi >= 0 && this.bi < batches.length) this.doneBytes += batches[this.bi].end - batches[this.bi].start;
      this.bi++;
      if (this.bi >= batches.length) return false;
      const b = batches[this.bi];
      this.pos = b.start;
      this.end = b.end;
      this.last = Math.trunc(b.time * this.unit) - this.base;
    }
    return true;
  }

  /** Reads the next event of this M; false when its batches are exhausted. */
  next(): boolean {
    if (this.pos >= this.end && !this.nextBatch()) return false;
    const buf = this.buf;
    const end = this.end;
    const at = this.pos;
    const typ = buf[at];
    const na = TIMED_ARGS[typ];
    if (na < 0) return this.fail(0, at, typ);
    const args = this.args;
    let p = readUv(buf, at + 1, end, args, 0);
    if (p < 0) return this.fail(1, at, typ);
    const dt = args[0];
    for (let k = 0; k < na - 1 && p >= 0; k++) p = readUv(buf, p, end, args, k);
    if (p < 0) return this.fail(2, at, typ);
    this.pos = p;
    this.last += Math.trunc(dt * this.unit);
    this.time = this.last;
    this.typ = typ;
    this.offset = at;
    return true;
  }

  /** Nothing after a bad event is readable: the cursor stays on it and throws. */
  private fail(kind: number, at: number, typ: number): never {
    this.end = 0;
    this.pos = 0;
    this.batches = [];
    return decodeError(kind, at, typ);
  }
}

// Min-heap by event time, with the Go reader's exact sift rules (ties keep their order).
function siftUp(h: Cursor[], i: number): number {
  while (i > 0 && h[(i - 1) >> 1].time > h[i].time) {
    const p = (i - 1) >> 1;
    const t = h[p];
    h[p] = h[i];
    h[i] = t;
    i = p;
  }
  return i;
}
function siftDown(h: Cursor[], i: number): void {
  const n = h.length;
  for (;;) {
    let m = i;
    let mt = h[i].time;
    const l = 2 * i + 1;
    const r = l + 1;
    if (l < n && h[l].time < mt) {
      m = l;
      mt = h[l].time;
    }
    if (r < n && h[r].time < mt) m = r;
    if (m === i) return;
    const t = h[i];
    h[i] = h[m];
    h[m] = t;
    i = m;
  }
}
function heapUpdate(h: Cursor[], i: number): void {
  if (siftUp(h, i) !== i) return;
  siftDown(h, i);
}
function heapRemove(h: Cursor[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    const t = h[p];
    h[p] = h[i];
    h[i] = t;
    i = p;
  }
  h[0] = h[h.length - 1];
  h.length--;
  if (h.length > 0) siftDown(h, 0);
}

/** The earliest time among the root's children (Infinity when it has none). */
function childMin(h: Cursor[]): number {
  const l = h.length > 1 ? h[1].time : Infinity;
  const r = h.length > 2 ? h[2].time : Infinity;
  return l < r ? l : r;
}

function byTime(a: Cursor, b: Cursor): number {
  return a.time - b.time;
}

export class V2Scanner implements TraceScanner {
  private readonly res: ScanResult = emptyScanResult(0);
  private readonly order: Ordering;
  private readonly ev: EventBuffer;
  private base = NaN;
  private pos = HEADER_SIZE;
  private spill: BatchRef | null = null;
  private deferred: TraceFormatError | null = null;
  private done = false;
  private lastProgress = -Infinity;
  // The generation being run.
  private g: Generation | null = null;
  private genStart = HEADER_SIZE;
  private genBytes = 1;
  private frontier: Cursor[] = [];
  private cursors: Cursor[] = [];
  private cpuTimes = new Float64Array(0);
  private ci = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly minor: number,
    private readonly sink: EventConsumer,
    syms: TraceSymbols,
    private readonly opts: ScanOptions = {},
  ) {
    this.ev = new EventBuffer(sink);
    this.order = new Ordering(this.ev, syms);
    this.syms = syms;
    if (opts.startOffset !== undefined) this.pos = Math.max(HEADER_SIZE, Math.min(buf.length, opts.startOffset));
  }
  private readonly syms: TraceSymbols;

  progress(): number {
    if (this.done) return this.res.error ? this.res.error.offset : this.buf.length;
    if (!this.g) return this.pos;
    let consumed = 0;
    for (const c of this.cursors) consumed += c.consumed();
    const frac = Math.min(1, consumed / this.genBytes);
    return Math.floor(this.genStart + (this.g.endOffset - this.genStart) * frac);
  }

  result(): ScanResult {
    const res = this.res;
    const ev = this.ev;
    res.endNs = ev.lastTs === -Infinity ? 0 : ev.lastTs;
    res.events = ev.total;
    res.procs = this.order.procCount;
    return res;
  }

  run(deadline: number): boolean {
    if (this.done) return true;
    try {
      for (;;) {
        if (this.g) {
          if (!this.runEvents(deadline)) return false;
          if (this.finishGeneration()) break;
          if (performance.now() >= deadline) return false;
        }
        if (!this.startGeneration()) break;
      }
      if (!this.sink.stopped && this.res.generations > 0) this.ev.sync(this.ev.lastTs);
    } catch (e) {
      if (!(e instanceof TraceFormatError)) throw e;
      this.res.error = { offset: e.offset, message: e.message };
    }
    this.ev.flush();
    this.done = true;
    this.g = null;
    this.opts.onProgress?.(this.progress(), this.buf.length);
    return true;
  }

  private checkSignal(): void {
    if (this.opts.signal?.aborted) throw cancelledError();
  }

  /** Reads the next generation and sets up its cursors; false at the end of the trace. */
  private startGeneration(): boolean {
    this.checkSignal();
    if (this.deferred) throw this.deferred;
    const buf = this.buf;
    const genStart = this.spill ? this.spill.offset : this.pos;
    const rg = readGeneration(buf, this.pos, this.minor, this.spill, () => this.opts.signal?.aborted === true);
    this.pos = rg.pos;
    this.spill = rg.spill;
    this.deferred = rg.deferredError;
    const g = rg.gen;
    if (!g) return false;
    resolveTables(buf, g, this.syms);
    readCpuSamples(buf, g);
    const res = this.res;
    if (Number.isNaN(this.base)) {
      this.base = Math.trunc(g.minTs * g.unit);
      res.clockBaseNs = this.base;
      res.firstGeneration = g.gen;
    }
    const base = this.base;
    res.generationIndex.offset.push(genStart);
    res.generationIndex.startNs.push(Math.trunc(g.minTs * g.unit) - base);
    if (g.hasClock && res.wallClockBaseNs === 0) {
      const snap = Math.trunc(g.clockTicks * g.unit) - base;
      res.wallClockBaseNs = g.clockSec * 1e9 + g.clockNsec - snap;
    }
    res.experimentalBatches += g.experimentalBatches;

    const order = this.order;
    order.setGeneration(g);
    const unit = g.unit;
    const frontier: Cursor[] = [];
    const cursors: Cursor[] = [];
    let bytes = 0;
    for (const m of g.ms) {
      const batches = g.batches.get(m)!;
      for (const b of batches) bytes += b.end - b.start;
      const c = new Cursor(buf, m, m < 0 ? -1 : order.mIndexOf(m), batches, unit, base);
      cursors.push(c);
      if (!this.nextOf(c, g)) continue;
      frontier.push(c);
      siftUp(frontier, frontier.length - 1);
    }
    this.ev.sync(Math.trunc(g.minTs * unit) - base);
    const cpu = g.cpu;
    const cpuTimes = new Float64Array(cpu.time.length);
    for (let i = 0; i < cpuTimes.length; i++) cpuTimes[i] = Math.trunc(cpu.time[i] * unit) - base;
    this.g = g;
    this.genStart = genStart;
    this.genBytes = Math.max(1, bytes);
    this.frontier = frontier;
    this.cursors = cursors;
    this.cpuTimes = cpuTimes;
    this.ci = 0;
    return true;
  }

  /** After a generation's events: true when the scan is over. */
  private finishGeneration(): boolean {
    const g = this.g!;
    this.g = null;
    this.cursors = [];
    this.res.generations++;
    this.reportProgress(g.endOffset, true);
    if (this.sink.stopped) return true;
    if (this.deferred) {
      this.ev.sync(this.ev.lastTs);
      throw this.deferred;
    }
    return !this.spill && this.minor < 26;
  }

  private reportProgress(done: number, force: boolean): void {
    const cb = this.opts.onProgress;
    if (!cb) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    cb(done, this.buf.length);
  }

  /** Next event of a cursor; in a cut-short generation a broken tail just ends the M. */
  private nextOf(c: Cursor, g: Generation): boolean {
    if (!g.truncated) return c.next();
    try {
      return c.next();
    } catch (e) {
      if (e instanceof TraceFormatError && this.deferred) return false;
      throw e;
    }
  }

  /** Runs the current generation's events; false when paused at the deadline. */
  private runEvents(deadline: number): boolean {
    const g = this.g!;
    const h = this.frontier;
    const order = this.order;
    const sink = this.sink;
    const ev = this.ev;
    const cpuTimes = this.cpuTimes;
    const ncpu = cpuTimes.length;
    const truncated = g.truncated;
    let ci = this.ci;
    let n = 0;
    // While the head's next event is no later than its children's, the heap needs no sift.
    let bound = childMin(h);
    try {
      for (;;) {
        if (++n === CHECK_EVERY) {
          n = 0;
          this.checkSignal();
          if (sink.stopped) return true;
          if (performance.now() >= deadline) {
            ev.flush();
            return false;
          }
          this.ci = ci;
          this.reportProgress(this.progress(), false);
        }
        if (ci < ncpu && (h.length === 0 || cpuTimes[ci] < h[0].time)) {
          const cpu = g.cpu;
          const stk = order.stack(cpu.stack[ci], 'CPUSample');
          ev.cpuSample(cpuTimes[ci], cpu.g[ci], cpu.p[ci], stk);
          ci++;
          if (ev.len >= ev.chunk) ev.flush();
          continue;
        }
        if (h.length === 0) return true;
        const c = h[0];
        if (!truncated) {
          if (order.advance(c)) {
            if (!c.next()) {
              heapRemove(h, 0);
              bound = childMin(h);
            } else if (c.time > bound) {
              siftDown(h, 0);
              bound = childMin(h);
            }
            if (ev.len >= ev.chunk) ev.flush();
            continue;
          }
        } else if (this.tryAdvance(0)) {
          bound = childMin(h);
          if (ev.len >= ev.chunk) ev.flush();
          continue;
        }
        this.slowAdvance();
        bound = childMin(h);
        if (ev.len >= ev.chunk) ev.flush();
      }
    } catch (e) {
      // In a cut-short generation, the cut is the real cause of any ordering failure.
      if (truncated && this.deferred && e instanceof TraceFormatError) throw this.deferred;
      throw e;
    } finally {
      this.ci = ci;
    }
  }

  /** The earliest event cannot go yet: try the others in time order (reader.go). */
  private slowAdvance(): void {
    const g = this.g!;
    const h = this.frontier;
    h.sort(byTime);
    for (let i = 1; i < h.length; i++) if (this.tryAdvance(i)) return;
    const c = h[0];
    if (g.truncated) {
      // Events this one waits for were cut off: drop it and carry on (best effort).
      if (this.nextOf(c, g)) heapUpdate(h, 0);
      else heapRemove(h, 0);
      return;
    }
    throw new TraceFormatError(
      `broken trace: failed to advance in generation ${g.gen}: no M can make progress ` +
        `(M ${c.m} waits at ${SPECS[c.typ]?.name ?? c.typ}, offset ${c.offset})`,
      c.offset,
    );
  }

  private tryAdvance(i: number): boolean {
    const g = this.g!;
    const h = this.frontier;
    const c = h[i];
    try {
      if (!this.order.advance(c)) return false;
    } catch (e) {
      // In a cut-short generation, state the lost part should have set up may be missing.
      if (!g.truncated || !(e instanceof TraceFormatError)) throw e;
      this.order.skipped++;
    }
    if (this.nextOf(c, g)) heapUpdate(h, i);
    else heapRemove(h, i);
    return true;
  }
}
