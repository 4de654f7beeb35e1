/**
 * Streams a v2 trace into a TraceEventSink, generation by generation: per-M batch cursors
 * in a min-heap by time, the ordering state machine deciding which event is legal next,
 * CPU samples merged in by time (golang/go src/internal/trace/reader.go, batchcursor.go).
 */
import type { TraceEventSink, TraceSymbols, TraceWarning } from '../../../model/trace';
import { ByteReader, TraceFormatError } from './bytes';
import { type BatchRef, type Generation, readCpuSamples, readGeneration, resolveTables } from './generation';
import { Ordering } from './order';
import { SPECS, TIMED_ARGS } from './spec';
import { HEADER_SIZE } from '../header';

export interface ScanOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: { aborted: boolean };
}

export interface ScanResult {
  generations: number;
  firstGeneration: number;
  /** Absolute ns (trace clock) of relative time 0. */
  clockBaseNs: number;
  wallClockBaseNs: number;
  endNs: number;
  events: number;
  procs: number;
  experimentalBatches: number;
  warnings: TraceWarning[];
  error: TraceWarning | null;
}

class Cursor {
  idx = 0;
  pos = 0;
  end = 0;
  hasLast = false;
  lastTs = 0;
  typ = 0;
  time = 0;
  offset = 0;
  readonly args = new Float64Array(5);
  constructor(
    readonly m: number,
    readonly batches: BatchRef[],
  ) {
    if (batches.length > 0) {
      this.pos = batches[0].start;
      this.end = batches[0].end;
    }
  }

  /** Reads the next event of this M; false when its batches are exhausted. */
  next(r: ByteReader, unit: number, base: number): boolean {
    while (this.pos === this.end) {
      this.idx++;
      if (this.idx >= this.batches.length) return false;
      this.pos = this.batches[this.idx].start;
      this.end = this.batches[this.idx].end;
      this.hasLast = false;
    }
    if (!this.hasLast) {
      this.lastTs = Math.trunc(this.batches[this.idx].time * unit) - base;
      this.hasLast = true;
    }
    const at = this.pos;
    const typ = r.buf[at];
    const n = TIMED_ARGS[typ];
    if (n < 0) {
      const msg = SPECS[typ] ? `found event without a timestamp: type=${typ}` : `found invalid event type: ${typ}`;
      throw new TraceFormatError(`${msg} (offset ${at})`, at);
    }
    const buf = r.buf;
    const end = this.end;
    let p = at + 1;
    // One-byte varints dominate; take the general path only for longer ones.
    let dt: number;
    if (p < end && buf[p] < 0x80) dt = buf[p++];
    else {
      r.pos = p;
      r.end = end;
      dt = r.uv();
      if (Number.isNaN(dt)) throw new TraceFormatError(`found invalid uvarint for timestamp (offset ${at})`, at);
      p = r.pos;
    }
    const args = this.args;
    for (let i = 0; i < n - 1; i++) {
      if (p < end && buf[p] < 0x80) {
        args[i] = buf[p++];
        continue;
      }
      r.pos = p;
      r.end = end;
      const v = r.uv();
      if (Number.isNaN(v)) throw new TraceFormatError(`found invalid uvarint (offset ${at})`, at);
      args[i] = v;
      p = r.pos;
    }
    this.typ = typ;
    this.offset = at;
    this.time = Math.trunc(dt * unit) + this.lastTs;
    this.lastTs = this.time;
    this.pos = p;
    return true;
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
  for (;;) {
    let m = i;
    let mt = i < h.length ? h[i].time : Infinity;
    const l = 2 * i + 1;
    const r = l + 1;
    if (l < h.length && h[l].time < mt) {
      m = l;
      mt = h[l].time;
    }
    if (r < h.length && h[r].time < mt) m = r;
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
  siftDown(h, 0);
}

export function scanV2(
  buf: Uint8Array,
  minor: number,
  sink: TraceEventSink,
  syms: TraceSymbols,
  opts: ScanOptions = {},
): ScanResult {
  const res: ScanResult = {
    generations: 0,
    firstGeneration: 0,
    clockBaseNs: 0,
    wallClockBaseNs: 0,
    endNs: 0,
    events: 0,
    procs: 0,
    experimentalBatches: 0,
    warnings: [],
    error: null,
  };
  const order = new Ordering(sink, syms);
  const signal = opts.signal;
  const stop = (): boolean => signal?.aborted === true;
  let base = NaN;
  let pos = HEADER_SIZE;
  let spill: BatchRef | null = null;
  let deferred: TraceFormatError | null = null;
  const r = new ByteReader(buf, 0, 0);
  try {
    for (;;) {
      if (deferred) throw deferred;
      const rg = readGeneration(buf, pos, minor, spill, stop);
      pos = rg.pos;
      spill = rg.spill;
      deferred = rg.deferredError;
      const g = rg.gen;
      if (!g) break;
      resolveTables(buf, g, syms);
      readCpuSamples(buf, g);
      if (Number.isNaN(base)) {
        base = Math.trunc(g.minTs * g.unit);
        res.clockBaseNs = base;
        res.firstGeneration = g.gen;
      }
      if (g.hasClock && res.wallClockBaseNs === 0) {
        const snap = Math.trunc(g.clockTicks * g.unit) - base;
        res.wallClockBaseNs = g.clockSec * 1e9 + g.clockNsec - snap;
      }
      res.experimentalBatches += g.experimentalBatches;
      try {
        runGeneration(r, g, order, sink, base, stop);
      } catch (e) {
        // In a cut-short generation, the cut is the real cause of any ordering failure.
        if (g.truncated && deferred && e instanceof TraceFormatError) throw deferred;
        throw e;
      }
      res.generations++;
      opts.onProgress?.(g.endOffset, buf.length);
      if (sink.stopped) return finish(res, order, buf);
      if (deferred) {
        sink.sync(order.t(order.lastTs));
        throw deferred;
      }
      if (!spill && minor < 26) break;
    }
    if (res.generations > 0) sink.sync(order.t(order.lastTs));
  } catch (e) {
    if (e instanceof TraceFormatError) {
      res.error = { offset: e.offset, message: e.message };
    } else throw e;
  }
  opts.onProgress?.(res.error ? res.error.offset : buf.length, buf.length);
  return finish(res, order, buf);
}

function finish(res: ScanResult, order: Ordering, buf: Uint8Array): ScanResult {
  void buf;
  res.endNs = order.lastTs === -Infinity ? 0 : order.lastTs;
  res.events = order.events;
  res.procs = order.procCount;
  return res;
}

function runGeneration(
  r: ByteReader,
  g: Generation,
  order: Ordering,
  sink: TraceEventSink,
  base: number,
  stop: () => boolean,
): void {
  order.setGeneration(g);
  const unit = g.unit;
  const frontier: Cursor[] = [];
  for (const m of g.ms) {
    const c = new Cursor(m, g.batches.get(m)!);
    if (!c.next(r, unit, base)) continue;
    frontier.push(c);
    siftUp(frontier, frontier.length - 1);
  }
  sink.sync(order.t(Math.trunc(g.minTs * unit) - base));

  const cpu = g.cpu;
  const cpuTimes = cpu.time.map((t) => Math.trunc(t * unit) - base);
  let ci = 0;
  let n = 0;
  for (;;) {
    if ((++n & 0xffff) === 0 && (stop() || sink.stopped)) {
      if (stop()) throw new Error('aborted');
      return;
    }
    if (ci < cpuTimes.length && (frontier.length === 0 || cpuTimes[ci] < frontier[0].time)) {
      const stk = order.stack(cpu.stack[ci], 'CPUSample');
      sink.cpuSample(order.t(cpuTimes[ci]), cpu.g[ci], cpu.p[ci], stk);
      ci++;
      continue;
    }
    if (frontier.length === 0) return;
    if (!tryAdvance(r, frontier, 0, order, unit, base, g.truncated)) {
      frontier.sort(byTime);
      let ok = false;
      for (let i = 1; i < frontier.length; i++) {
        if (tryAdvance(r, frontier, i, order, unit, base, g.truncated)) {
          ok = true;
          break;
        }
      }
      if (!ok && g.truncated) {
        // Events this one waits for were cut off: drop it and carry on (best effort).
        const c = frontier[0];
        if (c.next(r, unit, base)) heapUpdate(frontier, 0);
        else heapRemove(frontier, 0);
        continue;
      }
      if (!ok) {
        const c = frontier[0];
        throw new TraceFormatError(
          `broken trace: failed to advance in generation ${g.gen}: no M can make progress ` +
            `(M ${c.m} waits at ${SPECS[c.typ]?.name ?? c.typ}, offset ${c.offset})`,
          c.offset,
        );
      }
    }
  }
}

function byTime(a: Cursor, b: Cursor): number {
  return a.time - b.time;
}

function tryAdvance(r: ByteReader, h: Cursor[], i: number, order: Ordering, unit: number, base: number, tolerant: boolean): boolean {
  const c = h[i];
  try {
    if (!order.advance(c.typ, c.time, c.args, c.m, c.offset)) return false;
  } catch (e) {
    // In a cut-short generation, state the lost part should have set up may be missing.
    if (!tolerant || !(e instanceof TraceFormatError)) throw e;
    order.skipped++;
  }
  if (c.next(r, unit, base)) heapUpdate(h, i);
  else heapRemove(h, i);
  return true;
}
