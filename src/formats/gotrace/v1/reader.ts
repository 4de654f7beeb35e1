/**
 * v1 traces (Go 1.11–1.21 formats: headers go 1.11, 1.19, 1.21), read as the Go sources
 * define them (go1.21 src/internal/trace/parser.go and order.go; the 1.25+ copy
 * src/internal/trace/internal/tracev1/) and converted into the same high-level event
 * stream the v2 reader produces, with the rules of src/internal/trace/tracev1.go.
 *
 * A v1 trace has no index and keeps its frequency and stack table at the very end, so it is
 * read in two phases (each resumable, so the scan can yield to the event loop):
 *   1. index (trace-index.ts): walk every raw event (raw.ts) once; note each P's batches,
 *      read strings, stacks, the frequency, timer goroutines and CPU samples;
 *   2. stream: decode the Ps' batches (batch.ts) and merge them by goroutine sequence
 *      numbers and time (order.ts, the frontier algorithm of order.go); give syscall exits
 *      their real time, which moves them earlier, so the order is a stable sort by time
 *      (settle.ts, as parser.go's); run the Go parser's post-processing checks (check.ts)
 *      and convert each event (convert.ts) as soon as its place in that order is certain.
 * An event's place is certain once no later event can sort before it: the merge is in time
 * order, and a syscall exit moves back at most to its goroutine's syscall block, so events
 * wait only behind the earliest syscall still open (and a syscall's conversion waits for
 * its goroutine's next event). Only the waiting events are kept, in a ring (ordered.ts),
 * so memory follows how long syscalls stay open, not the length of the trace.
 */
import type { TraceSymbols } from '../../../model/trace';
import { TraceFormatError, fail } from '../bytes';
import { EventBuffer, type EventConsumer } from '../events';
import { CHECK_EVERY, PROGRESS_MS, type ScanOptions, type ScanResult, type TraceScanner, cancelledError, emptyScanResult } from '../scan';
import type { ProcStream } from './batch';
import { PostCheck } from './check';
import { Converter } from './convert';
import { Merge } from './order';
import { RawReader } from './raw';
import { Settle } from './settle';
import * as V from './spec';
import { TraceIndex } from './trace-index';

/** A decoding error while indexing: say where, and why nothing can be shown. */
function truncationHint(e: TraceFormatError, size: number): TraceFormatError {
  return new TraceFormatError(
    `${e.message}; the v1 trace is corrupt or cut short at byte ${e.offset} of ${size} ` +
      `(Go 1.11–1.21 write the clock frequency and the stack table at the very end, so nothing before the cut can be shown)`,
    e.offset,
  );
}

const PHASE_INDEX = 0;
const PHASE_STREAM = 1;
const PHASE_DONE = 2;

/** What the stream phase works with, made once the index is read. */
interface Stream {
  merge: Merge;
  settle: Settle;
  check: PostCheck;
  conv: Converter;
  /** The CPU samples' stream, whose events keep the P they were taken on. */
  cpu: ProcStream;
  nsPerTick: number;
}

export class V1Scanner implements TraceScanner {
  private readonly res: ScanResult = emptyScanResult(1);
  private readonly ev: EventBuffer;
  private phase = PHASE_INDEX;
  private lastProgress = -Infinity;
  private readonly raw: RawReader;
  private readonly index: TraceIndex;
  private stream: Stream | null = null;
  private emitted = 0;
  private minTs = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly ver: number,
    private readonly sink: EventConsumer,
    private readonly syms: TraceSymbols,
    private readonly opts: ScanOptions = {},
  ) {
    this.ev = new EventBuffer(sink);
    this.res.generations = 1;
    this.raw = new RawReader(buf, ver, syms);
    this.index = new TraceIndex(buf, this.raw);
  }

  progress(): number {
    const len = this.buf.length;
    // Weights: index 20%, the rest 80% of the file.
    switch (this.phase) {
      case PHASE_INDEX:
        return Math.floor(0.2 * this.index.pos);
      case PHASE_STREAM: {
        const procs = this.index.procs;
        let done = 0;
        for (const p of procs) done += p.done ? 1 : p.bi / Math.max(1, p.starts.length);
        return Math.floor(len * (0.2 + 0.8 * (procs.length ? done / procs.length : 1)));
      }
      default:
        return this.res.error ? this.res.error.offset : len;
    }
  }

  result(): ScanResult {
    const res = this.res;
    res.endNs = this.ev.lastTs === -Infinity ? 0 : this.ev.lastTs;
    res.events = this.ev.total;
    return res;
  }

  run(deadline: number): boolean {
    if (this.phase === PHASE_DONE) return true;
    try {
      for (;;) {
        if (this.opts.signal?.aborted) throw cancelledError();
        let finished: boolean;
        switch (this.phase) {
          case PHASE_INDEX:
            try {
              finished = this.index.walk(deadline);
            } catch (e) {
              throw e instanceof TraceFormatError ? truncationHint(e, this.buf.length) : e;
            }
            if (finished) this.startStream();
            break;
          case PHASE_STREAM:
            finished = this.merge(deadline);
            if (finished) {
              this.finishStream();
              this.phase = PHASE_DONE;
            }
            break;
          default:
            finished = true;
        }
        if (this.phase === PHASE_DONE) break;
        if (!finished || performance.now() >= deadline) {
          this.reportProgress(false);
          return false;
        }
      }
    } catch (e) {
      if (!(e instanceof TraceFormatError)) throw e;
      this.res.error = { offset: e.offset, message: e.message };
      // What was converted before the error is kept (as for v2 traces).
      this.res.generations = this.emitted > 0 ? 1 : 0;
      this.res.procs = this.stream?.conv.seenProcs.size ?? 0;
      this.phase = PHASE_DONE;
    }
    this.ev.flush();
    this.reportProgress(true);
    return true;
  }

  private reportProgress(force: boolean): void {
    const cb = this.opts.onProgress;
    if (!cb) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    cb(this.progress(), this.buf.length);
  }

  private startStream(): void {
    const index = this.index;
    const end = this.buf.length;
    if (index.ticksPerSec === 0) {
      fail(
        `no EvFrequency event: the trace is incomplete (Go 1.11–1.21 write the clock frequency and the stack table at its very end, so a cut trace cannot be shown)`,
        end,
      );
    }
    const stacks = index.resolveStacks(this.syms);
    const cpu = index.cpuStream();
    const settle = new Settle(index.timerGoids, end);
    this.stream = {
      merge: new Merge([...index.procs, cpu], this.raw, end),
      settle,
      check: new PostCheck(settle.out, stacks),
      conv: new Converter(settle.out, this.ev, this.syms, this.ver, stacks, this.raw.strings),
      cpu,
      nsPerTick: 1e9 / index.ticksPerSec,
    };
    this.phase = PHASE_STREAM;
  }

  /** Merges events until the end (true) or the deadline (false), converting those whose place is certain. */
  private merge(deadline: number): boolean {
    const { merge, settle, cpu } = this.stream!;
    let n = 0;
    for (;;) {
      if (++n === CHECK_EVERY) {
        n = 0;
        if (this.opts.signal?.aborted) throw cancelledError();
        if (this.sink.stopped) return true;
        if (performance.now() >= deadline) {
          this.ev.flush();
          return false;
        }
      }
      const p = merge.next();
      if (p === null) {
        this.drain(true);
        return true;
      }
      const e = p.i - 1;
      let typ = p.typ[e];
      // "Local" events only served the ordering.
      if (typ === V.EV_GO_START_LOCAL) typ = V.EV_GO_START;
      else if (typ === V.EV_GO_UNBLOCK_LOCAL) typ = V.EV_GO_UNBLOCK;
      else if (typ === V.EV_GO_SYS_EXIT_LOCAL) typ = V.EV_GO_SYS_EXIT;
      const b = e * 4;
      // A CPU sample keeps the P it was taken on (parser.go sets Event.P from its args).
      settle.add(p.ts[e], typ, p === cpu ? p.a[b + 1] : p.pid, p.g[e], p.a[b], p.a[b + 1], p.a[b + 2], p.a[b + 3], p.stk[e]);
      this.drain(false);
    }
  }

  /** Checks and converts the events whose place is certain, in order; `final`: all that are left. */
  private drain(final: boolean): void {
    const settle = this.stream!.settle;
    settle.open(final);
    for (let s = settle.next(); s >= 0; s = settle.next()) {
      this.emit(s, settle.blocked);
      settle.done(s);
      if (this.ev.len >= this.ev.chunk) this.ev.flush();
      if (this.sink.stopped) return;
    }
  }

  private emit(s: number, sysBlocked: boolean): void {
    const st = this.stream!;
    const ts = st.settle.out.ts[s];
    if (this.emitted++ === 0) {
      // The first Sync comes 1 ns before the first event (reader.go); time 0 of the model.
      this.minTs = ts;
      this.res.clockBaseNs = -1;
      st.conv.base = -1;
      this.ev.sync(0);
    }
    st.check.event(s, this.buf.length);
    st.conv.event(s, sysBlocked, Math.trunc((ts - this.minTs) * st.nsPerTick));
  }

  private finishStream(): void {
    if (this.emitted > 0 && !this.sink.stopped) this.ev.sync(this.ev.lastTs);
    this.res.procs = this.stream!.conv.seenProcs.size;
    this.stream = null;
  }
}
