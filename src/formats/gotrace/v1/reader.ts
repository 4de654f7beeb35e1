/**
 * v1 traces (Go 1.11–1.21 formats: headers go 1.11, 1.19, 1.21), read as the Go sources
 * define them (go1.21 src/internal/trace/parser.go and order.go; the 1.25+ copy
 * src/internal/trace/internal/tracev1/) and converted into the same high-level event
 * stream the v2 reader produces, with the rules of src/internal/trace/tracev1.go.
 *
 * A v1 trace has no index and keeps its frequency and stack table at the very end, so it is
 * read in two phases (each resumable, so the scan can yield to the event loop):
 *   1. index: walk every event once; note each P's batches, read strings, stacks, the
 *      frequency, timer goroutines and CPU samples;
 *   2. stream: merge the per-P event streams by goroutine sequence numbers and time (the
 *      frontier algorithm of order.go); give syscall exits their real time, which moves
 *      them earlier, so the order is a stable sort by time (as parser.go's); run the Go
 *      parser's post-processing checks (state validation, fake Ps) and convert each event
 *      (tracev1.go) as soon as its place in that order is certain.
 * An event's place is certain once no later event can sort before it: the merge is in time
 * order, and a syscall exit moves back at most to its goroutine's syscall block, so events
 * wait only behind the earliest syscall still open (and a syscall's conversion waits for
 * its goroutine's next event). Only the waiting events are kept, in a ring (ordered.ts),
 * so memory follows how long syscalls stay open, not the length of the trace.
 */
import {
  GO_NOT_EXIST,
  GO_RUNNABLE,
  GO_RUNNING,
  GO_SYSCALL,
  GO_UNDETERMINED,
  GO_WAITING,
  METRIC_GOMAXPROCS,
  METRIC_HEAP_ALLOC,
  METRIC_HEAP_GOAL,
  NONE,
  PROC_IDLE,
  PROC_RUNNING,
  PROC_UNDETERMINED,
  SCOPE_GOROUTINE,
  SCOPE_NONE,
  SCOPE_PROC,
  type TraceSymbols,
} from '../../../model/trace';
import { IdIndex, LocalIds } from '../build/idmap';
import { CHECK_EVERY, PROGRESS_MS, type ScanOptions, type ScanResult, type TraceScanner, cancelledError, emptyScanResult } from '../scan';
import { EventBuffer, type EventConsumer } from '../events';
import { HEADER_SIZE } from '../header';
import { TraceFormatError, decodeUtf8 } from '../v2/bytes';
import { DONE, MOVED, Ordered, PairHeap } from './ordered';
import * as V from './spec';

const MAX_U64 = 18446744073709551615; // 2^64-1 as a double
const MAX_I32 = 2147483647;
/** uv's `what` for event arguments (the message names the event type only on failure). */
const ARGUMENT = 'argument';

// Goroutine states of the ordering (order.go) and of the post-processing (parser.go).
const G_DEAD = 0;
const G_RUNNABLE = 1;
const G_RUNNING = 2;
const G_WAITING = 3;
/** Sequence sentinels: "any" (noseq) before, "keep"/"one more" (noseq/seqinc) after. */
const NOSEQ = -1;
const SEQINC = -2;

/** Decoded raw event: type, count of args, args (timestamp first for timed events). */
class Raw {
  typ = 0;
  n = 0;
  /** Length-prefixed args fill at most 2048 bytes. */
  readonly args = new Float64Array(2048);
  /** UserLog message (start/end offsets in the file). */
  strStart = 0;
  strEnd = 0;
}

/** One P's events: its batches (file offsets), decoded one batch at a time. */
class ProcStream {
  /** Index in the reader's streams (set when ordering starts). */
  ix = -1;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  bi = 0;
  /** The G last running on this P (carried from batch to batch, parser.go lastGs). */
  lastG = 0;
  // Decoded events of the current batch.
  n = 0;
  i = 0;
  ts = new Float64Array(64);
  typ = new Uint8Array(64);
  g = new Float64Array(64);
  a = new Float64Array(64 * 4);
  stk = new Float64Array(64);
  done = false;
  constructor(readonly pid: number) {}

  /** Grows the columns to at least `cap` events, keeping what they hold. */
  ensure(cap: number): void {
    if (this.ts.length >= cap) return;
    const n = Math.max(cap, this.ts.length * 2);
    const ts = new Float64Array(n);
    ts.set(this.ts);
    this.ts = ts;
    const typ = new Uint8Array(n);
    typ.set(this.typ);
    this.typ = typ;
    const g = new Float64Array(n);
    g.set(this.g);
    this.g = g;
    const a = new Float64Array(n * 4);
    a.set(this.a);
    this.a = a;
    const stk = new Float64Array(n);
    stk.set(this.stk);
    this.stk = stk;
  }
}

/** A decoding error while indexing: say where, and why nothing can be shown. */
function truncationHint(e: TraceFormatError, size: number): TraceFormatError {
  return new TraceFormatError(
    `${e.message}; the v1 trace is corrupt or cut short at byte ${e.offset} of ${size} ` +
      `(Go 1.11–1.21 write the clock frequency and the stack table at the very end, so nothing before the cut can be shown)`,
    e.offset,
  );
}

function fail(msg: string, offset: number): never {
  throw new TraceFormatError(msg, offset);
}

const PHASE_INDEX = 0;
const PHASE_STREAM = 1;
const PHASE_DONE = 2;

export class V1Scanner implements TraceScanner {
  private readonly res: ScanResult = emptyScanResult(1);
  private readonly ev: EventBuffer;
  private phase = PHASE_INDEX;
  private lastProgress = -Infinity;
  private readonly raw = new Raw();

  // Phase 1 state and results.
  private pos = HEADER_SIZE;
  private curProc: ProcStream | null = null;
  private readonly procs: ProcStream[] = [];
  private readonly procOf = new Map<number, ProcStream>();
  private ticksPerSec = 0;
  /** v1 string id → TraceSymbols string id. */
  private readonly strings = new LocalIds();
  private readonly stringIds = new Set<number>();
  /** Raw stacks: id → PCs; PC → frame (func string, file string, line), first one wins. */
  private readonly rawStacks = new Map<number, number[]>();
  private readonly pcFrames = new Map<number, [number, number, number]>();
  /** v1 stack id → TraceSymbols stack id (set after the index phase). */
  private readonly stacks = new LocalIds();
  private readonly timerGoids = new Set<number>();
  private readonly cpu = { ts: [] as number[], p: [] as number[], g: [] as number[], stk: [] as number[] };

  // Phase 2 state.
  /** Procs whose head event is not in the frontier: the first availN entries (no resizing per event). */
  private available: ProcStream[] = [];
  private availN = 0;
  /** Every event stream (the Ps', then the CPU samples'), by index. */
  private streams: ProcStream[] = [];
  /**
   * The frontier, as order.go's: (time, 0, stream index) of each stream whose head event is
   * ready; the head is the stream's event i - 1 (it cannot advance while in the frontier).
   */
  private readonly frontier = new PairHeap();
  private readonly gIndex = new IdIndex();
  private gStatus = new Uint8Array(1024);
  private gSeq = new Float64Array(1024);
  private gCount = 0;
  private gcSeq = 0;
  private gcStatus = G_DEAD;
  private readonly out = new Ordered();
  private cpuProc: ProcStream | null = null;
  /** Time of the last merged event (before syscall exits are moved). */
  private lastMergeTs = -Infinity;
  /** Per goroutine: time of its last syscall block; of its still open one; its last event. */
  private readonly lastSysBlock = new Map<number, number>();
  private readonly openBlock = new Map<number, number>();
  private readonly lastOf = new IdIndex();
  /** Open syscall blocks by time (stale entries are skipped lazily): (ts, 0, g). */
  private readonly blocks = new PairHeap();
  /** Moved syscall exits waiting for their turn: (ts, index, index). */
  private readonly moved = new PairHeap();
  /** The next unmoved event to convert (logical index). */
  private u = 0;
  private emitted = 0;
  private minTs = 0;
  private nsPerTick = 0;
  private check: PostCheck | null = null;
  private conv: Converter | null = null;

  constructor(
    private readonly buf: Uint8Array,
    private readonly ver: number,
    private readonly sink: EventConsumer,
    private readonly syms: TraceSymbols,
    private readonly opts: ScanOptions = {},
  ) {
    this.ev = new EventBuffer(sink);
    this.res.generations = 1;
  }

  progress(): number {
    const len = this.buf.length;
    // Weights: index 20%, the rest 80% of the file.
    switch (this.phase) {
      case PHASE_INDEX:
        return Math.floor(0.2 * this.pos);
      case PHASE_STREAM: {
        const total = this.procs.length;
        let done = 0;
        for (const p of this.procs) done += p.done ? 1 : p.bi / Math.max(1, p.starts.length);
        return Math.floor(len * (0.2 + 0.8 * (total ? done / total : 1)));
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
              finished = this.index(deadline);
            } catch (e) {
              throw e instanceof TraceFormatError ? truncationHint(e, this.buf.length) : e;
            }
            if (finished) this.startOrder();
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
      this.res.procs = this.conv?.seenProcs.size ?? 0;
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

  // ---- Raw events (parser.go readRawEvent) ----

  /** Reads a uvarint at `p`; returns the value and sets `uvEnd`, or throws. */
  private uvEnd = 0;
  /** `what` names the field in the error; ARGUMENT: an argument of the event in this.raw. */
  private uv(p: number, at: number, what: string): number {
    const buf = this.buf;
    let x = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (p >= buf.length) return this.badVarint(what, at);
      const b = buf[p++];
      if (b < 0x80) {
        if (i === 9 && b > 1) break;
        this.uvEnd = p;
        return x + b * mul;
      }
      x += (b & 0x7f) * mul;
      mul *= 128;
    }
    return this.badVarint(what, at);
  }

  private badVarint(what: string, at: number): never {
    const field = what === ARGUMENT ? `failed to read event ${this.raw.typ} argument` : what;
    return fail(`${field}: malformatted base-128 varint (offset ${at})`, at);
  }

  /**
   * Reads the raw event at `pos` into this.raw; returns the position after it, or -1 at
   * the end of the file. Strings are stored when `keepStrings` (the index phase).
   */
  private readRaw(pos: number, keepStrings: boolean): number {
    const buf = this.buf;
    if (pos >= buf.length) return -1;
    const at = pos;
    const b = buf[pos++];
    const typ = b & 0x3f;
    const narg = (b >> 6) + 1;
    const raw = this.raw;
    if (typ === V.EV_NONE || typ >= V.EV_COUNT || V.DESCS[typ].minVersion > this.ver) {
      fail(`unknown event type ${typ} (offset ${at})`, at);
    }
    raw.typ = typ;
    raw.n = 0;
    if (typ === V.EV_STRING) {
      const id = this.uv(pos, at, 'string id');
      pos = this.uvEnd;
      const len = this.uv(pos, at, 'string length');
      pos = this.uvEnd;
      if (keepStrings) {
        if (id === 0) fail(`string has invalid id 0 (offset ${at})`, at);
        if (this.stringIds.has(id)) fail(`string has duplicate id ${id} (offset ${at})`, at);
        if (len === 0) fail(`string has invalid length 0 (offset ${at})`, at);
        if (len > 1e6) fail(`string has too large length ${len} (offset ${at})`, at);
      }
      if (pos + len > buf.length) fail(`failed to read trace: unexpected EOF in a string (offset ${at})`, at);
      if (keepStrings) {
        this.stringIds.add(id);
        this.strings.set(id, this.syms.intern(decodeUtf8(buf, pos, pos + len)));
      }
      return pos + len;
    }
    if (typ === V.EV_BATCH) {
      if (narg !== 2) fail(`EvBatch has wrong number of arguments: got ${narg}, want 2 (offset ${at})`, at);
      const pid = this.uv(pos, at, 'batch');
      pos = this.uvEnd;
      if (pid !== MAX_U64 && pid > MAX_I32) fail(`processor ID ${pid} is larger than maximum of ${MAX_I32} (offset ${at})`, at);
      const ticks = this.uv(pos, at, 'batch');
      raw.args[0] = pid === MAX_U64 ? -1 : pid;
      raw.args[1] = ticks;
      raw.n = 2;
      return this.uvEnd;
    }
    if (narg <= 3) {
      for (let i = 0; i < narg; i++) {
        raw.args[i] = this.uv(pos, at, ARGUMENT);
        pos = this.uvEnd;
      }
      raw.n = narg;
    } else {
      const len = this.uv(pos, at, ARGUMENT);
      pos = this.uvEnd;
      if (len > 2048) {
        fail(`failed to read event ${typ} argument: length-prefixed argument too big: ${len} bytes, limit is 2048 (offset ${at})`, at);
      }
      const end = pos + len;
      if (end > buf.length) fail(`failed to read trace: unexpected EOF (offset ${at})`, at);
      let n = 0;
      while (pos < end) {
        if (n === raw.args.length) fail(`event ${typ} has too many arguments (offset ${at})`, at);
        raw.args[n++] = this.uv(pos, at, ARGUMENT);
        pos = this.uvEnd;
        if (pos > end) fail(`failed to read event ${typ} argument: malformatted base-128 varint (offset ${at})`, at);
      }
      raw.n = n;
      if (typ === V.EV_USER_LOG) {
        const sz = this.uv(pos, at, 'user log message');
        pos = this.uvEnd;
        if (sz > 1e6) fail(`string is too large (len=${sz}) (offset ${at})`, at);
        if (pos + sz > buf.length) fail(`failed to read trace: unexpected EOF (offset ${at})`, at);
        raw.strStart = pos;
        raw.strEnd = pos + sz;
        pos += sz;
      }
    }
    return pos;
  }

  private checkArgs(at: number): void {
    const raw = this.raw;
    const want = V.ARG_NUM[raw.typ];
    if (want >= 0 && raw.n !== want) {
      fail(`${V.DESCS[raw.typ].name} has wrong number of arguments: want ${want}, got ${raw.n} (offset ${at})`, at);
    }
  }

  // ---- Phase 1: index ----

  private index(deadline: number): boolean {
    const buf = this.buf;
    const raw = this.raw;
    let n = 0;
    for (;;) {
      if (++n === CHECK_EVERY) {
        n = 0;
        if (performance.now() >= deadline) return false;
      }
      const at = this.pos;
      const next = this.readRaw(at, true);
      if (next < 0) break;
      this.pos = next;
      const typ = raw.typ;
      if (typ === V.EV_STRING) continue;
      if (typ === V.EV_BATCH) {
        const pid = raw.args[0];
        if (this.curProc) this.curProc.ends.push(at);
        let p = this.procOf.get(pid);
        if (!p) {
          p = new ProcStream(pid);
          this.procOf.set(pid, p);
          this.procs.push(p);
        }
        p.starts.push(at);
        this.curProc = p;
        continue;
      }
      if (!this.curProc) fail(`read event ${typ} with current P of 0, but P has no batches yet (offset ${at})`, at);
      this.checkArgs(at);
      switch (typ) {
        case V.EV_FREQUENCY:
          this.ticksPerSec = raw.args[0];
          if (this.ticksPerSec <= 0) fail(`time stamps out of order (frequency ${raw.args[0]}) (offset ${at})`, at);
          break;
        case V.EV_TIMER_GOROUTINE:
          this.timerGoids.add(raw.args[0]);
          break;
        case V.EV_STACK: {
          if (raw.n < 2) fail(`EvStack has wrong number of arguments: want at least 2, got ${raw.n} (offset ${at})`, at);
          const size = raw.args[1];
          if (size > 1000) fail(`EvStack has bad number of frames: ${size} (offset ${at})`, at);
          if (raw.n !== 2 + 4 * size) fail(`EvStack has wrong number of arguments: want ${2 + 4 * size}, got ${raw.n} (offset ${at})`, at);
          const id = raw.args[0];
          if (id !== 0 && size > 0) {
            const pcs: number[] = [];
            for (let i = 0; i < size; i++) {
              const pc = raw.args[2 + i * 4];
              pcs.push(pc);
              if (!this.pcFrames.has(pc)) this.pcFrames.set(pc, [raw.args[3 + i * 4], raw.args[4 + i * 4], raw.args[5 + i * 4]]);
            }
            this.rawStacks.set(id % 4294967296, pcs);
          }
          break;
        }
        case V.EV_CPU_SAMPLE: {
          // [ts delta, real ts, p, g, stack]
          this.cpu.ts.push(raw.args[1]);
          const p = raw.args[2];
          this.cpu.p.push(p === MAX_U64 || p > MAX_I32 ? -1 : p);
          this.cpu.g.push(raw.args[3]);
          this.cpu.stk.push(raw.args[4] % 4294967296);
          break;
        }
      }
    }
    if (this.curProc) this.curProc.ends.push(buf.length);
    return true;
  }

  private startOrder(): void {
    if (this.ticksPerSec === 0) {
      fail(
        `no EvFrequency event: the trace is incomplete (Go 1.11–1.21 write the clock frequency and the stack table at its very end, so a cut trace cannot be shown)`,
        this.buf.length,
      );
    }
    // Resolve frames and stacks now that every string is known.
    const syms = this.syms;
    const frameOf = new Map<number, number>();
    const str = (id: number): number => {
      const s = this.strings.get(id);
      return s < 0 ? 0 : s;
    };
    const frames: number[] = [];
    for (const [id, pcs] of this.rawStacks) {
      frames.length = 0;
      for (const pc of pcs) {
        let f = frameOf.get(pc);
        if (f === undefined) {
          const fr = this.pcFrames.get(pc)!;
          f = syms.frame(pc, str(fr[0]), str(fr[1]), fr[2]);
          frameOf.set(pc, f);
        }
        frames.push(f);
      }
      this.stacks.set(id, syms.stack(frames));
    }
    this.rawStacks.clear();
    this.pcFrames.clear();
    // CPU samples: their own stream, sorted by the time the signal handler took.
    const c = this.cpu;
    const idx = c.ts.map((_, i) => i).sort((a, b) => c.ts[a] - c.ts[b]);
    const cp = new ProcStream(V.PROFILE_P);
    cp.ensure(idx.length + 1);
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j];
      cp.ts[j] = c.ts[i];
      cp.typ[j] = V.EV_CPU_SAMPLE;
      cp.g[j] = c.g[i];
      cp.a[j * 4] = 0;
      cp.a[j * 4 + 1] = c.p[i];
      cp.a[j * 4 + 2] = c.g[i];
      cp.stk[j] = c.stk[i];
    }
    cp.n = idx.length;
    cp.bi = 0;
    this.cpuProc = cp;
    this.streams = [...this.procs, cp];
    this.streams.forEach((p, ix) => (p.ix = ix));
    this.available = [...this.streams];
    this.availN = this.available.length;
    this.nsPerTick = 1e9 / this.ticksPerSec;
    this.check = new PostCheck(this.out, (id) => this.stacks.get(id) > 0);
    this.conv = new Converter(this.out, this.ev, this.syms, this.ver, this.stacks, this.strings);
    this.phase = PHASE_STREAM;
  }

  // ---- Phase 2: order (order.go, parser.go parseEventBatches) ----

  /** Decodes the next batch of `p` (parser.go loadBatch / parseEvent); false when none is left. */
  private loadBatch(p: ProcStream): boolean {
    if (p === this.cpuProc) return false;
    if (p.bi >= p.starts.length) return false;
    const raw = this.raw;
    const start = p.starts[p.bi];
    const end = p.ends[p.bi];
    p.bi++;
    let pos = start;
    let lastTs = 0;
    let lastG = p.lastG;
    let n = 0;
    p.ensure(64);
    while (pos < end) {
      const at = pos;
      pos = this.readRaw(pos, false);
      const typ = raw.typ;
      switch (typ) {
        case V.EV_BATCH:
          lastTs = raw.args[1];
          continue;
        case V.EV_STRING:
        case V.EV_STACK:
        case V.EV_FREQUENCY:
        case V.EV_TIMER_GOROUTINE:
        case V.EV_CPU_SAMPLE:
          continue;
      }
      if (n === p.ts.length) p.ensure(n * 2);
      const ts = lastTs + raw.args[0];
      lastTs = ts;
      const d = V.DESCS[typ];
      const b = n * 4;
      p.a[b] = p.a[b + 1] = p.a[b + 2] = p.a[b + 3] = 0;
      let stk = 0;
      for (let i = 1; i < raw.n; i++) {
        if (i === raw.n - 1 && d.stack) stk = raw.args[i] % 4294967296;
        else if (i - 1 < 4) p.a[b + i - 1] = raw.args[i];
      }
      let g = lastG;
      switch (typ) {
        case V.EV_GO_START:
        case V.EV_GO_START_LOCAL:
        case V.EV_GO_START_LABEL:
          lastG = p.a[b];
          g = lastG;
          break;
        case V.EV_GO_END:
        case V.EV_GO_STOP:
        case V.EV_GO_SCHED:
        case V.EV_GO_PREEMPT:
        case V.EV_GO_SLEEP:
        case V.EV_GO_BLOCK:
        case V.EV_GO_BLOCK_SEND:
        case V.EV_GO_BLOCK_RECV:
        case V.EV_GO_BLOCK_SELECT:
        case V.EV_GO_BLOCK_SYNC:
        case V.EV_GO_BLOCK_COND:
        case V.EV_GO_BLOCK_NET:
        case V.EV_GO_SYS_BLOCK:
        case V.EV_GO_BLOCK_GC:
          lastG = 0;
          break;
        case V.EV_GO_SYS_EXIT:
        case V.EV_GO_WAITING:
        case V.EV_GO_IN_SYSCALL:
          g = p.a[b];
          break;
        case V.EV_USER_LOG:
          // The message, interned (parser.go keeps an inline-string table).
          p.a[b + 3] = this.syms.intern(decodeUtf8(this.buf, raw.strStart, raw.strEnd));
          break;
      }
      void at;
      p.ts[n] = ts;
      p.typ[n] = typ;
      p.g[n] = g;
      p.stk[n] = stk;
      n++;
    }
    p.lastG = lastG;
    p.n = n;
    p.i = 0;
    return true;
  }

  private gSlot(g: number): number {
    let s = this.gIndex.get(g);
    if (s >= 0) return s;
    s = this.gCount++;
    if (s === this.gStatus.length) {
      const st = new Uint8Array(s * 2);
      st.set(this.gStatus);
      this.gStatus = st;
      const sq = new Float64Array(s * 2);
      sq.set(this.gSeq);
      this.gSeq = sq;
    }
    this.gIndex.set(g, s);
    return s;
  }

  // stateTransition of order.go for the head event of `p`: fills the fields below.
  private tG = 0; // goroutine (or -2: GC, -3: unordered)
  private tInitSeq = 0;
  private tInitStatus = 0;
  private tNextSeq = 0;
  private tNextStatus = 0;

  private transitionOf(typ: number, g: number, a0: number, a1: number): void {
    switch (typ) {
      case V.EV_GO_CREATE:
        this.set(a0, 0, G_DEAD, 1, G_RUNNABLE);
        return;
      case V.EV_GO_WAITING:
      case V.EV_GO_IN_SYSCALL:
        this.set(g, 1, G_RUNNABLE, 2, G_WAITING);
        return;
      case V.EV_GO_START:
      case V.EV_GO_START_LABEL:
        this.set(g, a1, G_RUNNABLE, a1 + 1, G_RUNNING);
        return;
      case V.EV_GO_START_LOCAL:
        this.set(g, NOSEQ, G_RUNNABLE, SEQINC, G_RUNNING);
        return;
      case V.EV_GO_BLOCK:
      case V.EV_GO_BLOCK_SEND:
      case V.EV_GO_BLOCK_RECV:
      case V.EV_GO_BLOCK_SELECT:
      case V.EV_GO_BLOCK_SYNC:
      case V.EV_GO_BLOCK_COND:
      case V.EV_GO_BLOCK_NET:
      case V.EV_GO_SLEEP:
      case V.EV_GO_SYS_BLOCK:
      case V.EV_GO_BLOCK_GC:
        this.set(g, NOSEQ, G_RUNNING, NOSEQ, G_WAITING);
        return;
      case V.EV_GO_SCHED:
      case V.EV_GO_PREEMPT:
        this.set(g, NOSEQ, G_RUNNING, NOSEQ, G_RUNNABLE);
        return;
      case V.EV_GO_UNBLOCK:
      case V.EV_GO_SYS_EXIT:
        this.set(a0, a1, G_WAITING, a1 + 1, G_RUNNABLE);
        return;
      case V.EV_GO_UNBLOCK_LOCAL:
      case V.EV_GO_SYS_EXIT_LOCAL:
        this.set(a0, NOSEQ, G_WAITING, SEQINC, G_RUNNABLE);
        return;
      case V.EV_GC_START:
        this.set(-2, a0, G_DEAD, a0 + 1, G_DEAD);
        return;
      default:
        this.tG = -3;
    }
  }

  private set(g: number, initSeq: number, initStatus: number, nextSeq: number, nextStatus: number): void {
    this.tG = g;
    this.tInitSeq = initSeq;
    this.tInitStatus = initStatus;
    this.tNextSeq = nextSeq;
    this.tNextStatus = nextStatus;
  }

  /** Sequence number and status of goroutine `g` (-2: the GC), into curSeq / curStatus. */
  private curSeq = 0;
  private curStatus = G_DEAD;
  private loadCurrent(g: number): void {
    if (g === -2) {
      this.curSeq = this.gcSeq;
      this.curStatus = this.gcStatus;
      return;
    }
    const s = this.gIndex.get(g);
    this.curSeq = s < 0 ? 0 : this.gSeq[s];
    this.curStatus = s < 0 ? G_DEAD : this.gStatus[s];
  }

  private ready(): boolean {
    if (this.tG === -3) return true;
    this.loadCurrent(this.tG);
    return (this.tInitSeq === NOSEQ || this.tInitSeq === this.curSeq) && this.tInitStatus === this.curStatus;
  }

  private applyTransition(at: number): void {
    if (this.tG === -3) return;
    if (!this.ready()) fail('encountered impossible goroutine state transition', at);
    const seq = this.curSeq;
    let next = this.tNextSeq;
    if (next === NOSEQ) next = seq;
    else if (next === SEQINC) next = seq + 1;
    if (this.tG === -2) {
      this.gcSeq = next;
      this.gcStatus = this.tNextStatus;
      return;
    }
    const s = this.gSlot(this.tG);
    this.gSeq[s] = next;
    this.gStatus[s] = this.tNextStatus;
  }

  private merge(deadline: number): boolean {
    const out = this.out;
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
      const av = this.available;
      for (let i = 0; i < this.availN; i++) {
        const p = av[i];
        let gone = false;
        while (p.i >= p.n) {
          if (!this.loadBatch(p)) {
            p.done = true;
            av[i--] = av[--this.availN];
            gone = true;
            break;
          }
        }
        if (gone) continue;
        const e = p.i;
        this.transitionOf(p.typ[e], p.g[e], p.a[e * 4], p.a[e * 4 + 1]);
        if (!this.ready()) continue;
        p.i++;
        av[i--] = av[--this.availN];
        this.frontier.push(p.ts[e], 0, p.ix);
      }
      if (this.frontier.size === 0) {
        for (const p of this.procs) if (!p.done) fail('no consistent ordering of events possible', this.buf.length);
        this.drain(true);
        return true;
      }
      const p = this.streams[this.frontier.topVal()];
      this.frontier.pop();
      const e = p.i - 1;
      let typ = p.typ[e];
      const b = e * 4;
      this.transitionOf(typ, p.g[e], p.a[b], p.a[b + 1]);
      // "Local" events only served the ordering.
      if (typ === V.EV_GO_START_LOCAL) typ = V.EV_GO_START;
      else if (typ === V.EV_GO_UNBLOCK_LOCAL) typ = V.EV_GO_UNBLOCK;
      else if (typ === V.EV_GO_SYS_EXIT_LOCAL) typ = V.EV_GO_SYS_EXIT;
      // A CPU sample keeps the P it was taken on (parser.go sets Event.P from its args).
      const i = out.push(p.ts[e], typ, p === this.cpuProc ? p.a[b + 1] : p.pid, p.g[e], p.a[b], p.a[b + 1], p.a[b + 2], p.a[b + 3], p.stk[e]);
      this.applyTransition(this.buf.length);
      av[this.availN++] = p;
      this.place(i);
      this.drain(false);
    }
  }

  /**
   * A merged event's place in the final order (parser.go, after the merge): times must not
   * go back; a syscall exit takes its real time (so it moves earlier, behind its block at
   * most); syscall exits and timer unblocks go to fake Ps. Links the goroutine's previous
   * event to this one, for the syscall look-ahead.
   */
  private place(i: number): void {
    const out = this.out;
    const s = out.slot(i);
    const t = out.ts[s];
    if (t < this.lastMergeTs) fail('time stamps out of order', this.buf.length);
    this.lastMergeTs = t;
    const typ = out.typ[s];
    const g = out.g[s];
    if (typ === V.EV_GO_SYS_BLOCK || typ === V.EV_GO_IN_SYSCALL) {
      this.lastSysBlock.set(g, t);
      this.openBlock.set(g, t);
      this.blocks.push(t, 0, g);
    } else if (typ === V.EV_GO_SYS_EXIT) {
      this.openBlock.delete(g);
      const real = out.a2[s];
      if (real !== 0) {
        const block = this.lastSysBlock.get(g) ?? 0;
        if (block === 0) fail('stray syscall exit', this.buf.length);
        if (real < block) fail('time stamps out of order', this.buf.length);
        if (real !== t) {
          out.ts[s] = real;
          out.flags[s] |= MOVED;
          this.moved.push(real, i, i);
        }
      }
      out.p[s] = V.SYSCALL_P;
    } else if (typ === V.EV_GO_UNBLOCK && this.timerGoids.size > 0 && this.timerGoids.has(g)) {
      out.p[s] = V.TIMER_P;
    }
    const prev = this.lastOf.get(g);
    if (prev >= out.tail) out.next[out.slot(prev)] = i;
    this.lastOf.set(g, i);
  }

  /** No event merged from now on sorts before this time: the merge's, or an open syscall's. */
  private watermark(): number {
    let w = this.lastMergeTs;
    const b = this.blocks;
    while (b.size > 0) {
      const t = b.topKey();
      if (this.openBlock.get(b.topVal()) === t) {
        if (t < w) w = t;
        break;
      }
      b.pop();
    }
    return w;
  }

  /**
   * Checks and converts the events whose place is certain, in order: the earlier of the
   * next unmoved event and the earliest moved exit, by (time, merge position). `final`:
   * the merge is over, everything left goes.
   */
  private drain(final: boolean): void {
    const out = this.out;
    const moved = this.moved;
    const w = final ? Infinity : this.watermark();
    for (;;) {
      while (this.u < out.head && out.flags[out.slot(this.u)] & MOVED) this.u++;
      let i = this.u < out.head ? this.u : -1;
      if (moved.size > 0) {
        const mt = moved.topKey();
        const ut = i < 0 ? Infinity : out.ts[out.slot(i)];
        if (mt < ut || (mt === ut && moved.topVal() < i)) i = moved.topVal();
      }
      if (i < 0) return;
      const s = out.slot(i);
      if (out.ts[s] > w) return;
      let blocked = false;
      if (out.typ[s] === V.EV_GO_SYS_CALL) {
        // tracev1.go looks at the goroutine's next event to see whether the syscall blocked.
        const next = out.next[s];
        if (next < 0 && !final) return;
        blocked = next >= 0 && out.typ[out.slot(next)] === V.EV_GO_SYS_BLOCK;
      }
      if (i === this.u) this.u++;
      else moved.pop();
      this.emit(s, blocked);
      out.flags[s] |= DONE;
      out.release();
      if (this.ev.len >= this.ev.chunk) this.ev.flush();
      if (this.sink.stopped) return;
    }
  }

  private emit(s: number, sysBlocked: boolean): void {
    const ts = this.out.ts[s];
    if (this.emitted++ === 0) {
      // The first Sync comes 1 ns before the first event (reader.go); time 0 of the model.
      this.minTs = ts;
      this.res.clockBaseNs = -1;
      this.conv!.base = -1;
      this.ev.sync(0);
    }
    this.check!.event(s, this.buf.length);
    this.conv!.event(s, sysBlocked, this.ns(ts));
  }

  private ns(ticks: number): number {
    return Math.trunc((ticks - this.minTs) * this.nsPerTick);
  }

  private finishStream(): void {
    if (this.emitted > 0 && !this.sink.stopped) this.ev.sync(this.ev.lastTs);
    this.res.procs = this.conv!.seenProcs.size;
    this.check = null;
    this.conv = null;
  }
}

/** PostCheck's state per goroutine, in columns (a trace can have millions of goroutines). */
class GStates {
  private readonly slotOf = new IdIndex();
  private count = 0;
  state = new Uint8Array(1024);
  lastTyp = new Uint8Array(1024);
  assist = new Uint8Array(1024);

  has(id: number): boolean {
    return this.slotOf.get(id) >= 0;
  }

  /** The goroutine's slot; a goroutine not seen before starts dead. */
  slot(id: number): number {
    const s = this.slotOf.get(id);
    return s >= 0 ? s : this.create(id, G_DEAD, 0);
  }

  create(id: number, state: number, lastTyp: number): number {
    const s = this.count++;
    if (s === this.state.length) {
      const grow = (a: Uint8Array) => {
        const b = new Uint8Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.state = grow(this.state);
      this.lastTyp = grow(this.lastTyp);
      this.assist = grow(this.assist);
    }
    this.slotOf.set(id, s);
    this.state[s] = state;
    this.lastTyp[s] = lastTyp;
    this.assist[s] = 0;
    return s;
  }
}

/** parser.go postProcessTrace: checks the state machine and assigns some fake Ps. */
class PostCheck {
  private readonly gs = new GStates();
  private readonly pState = new Map<number, { running: boolean; g: number; sweep: boolean }>();
  private readonly tasks = new Set<number>();
  private readonly regions = new Map<number, { task: number; name: number }[]>();
  private gc = false;
  private stw = false;

  constructor(
    private readonly out: Ordered,
    private readonly stackExists: (id: number) => boolean,
  ) {
    this.gs.create(0, G_RUNNING, 0);
  }

  private p(id: number): { running: boolean; g: number; sweep: boolean } {
    let s = this.pState.get(id);
    if (!s) this.pState.set(id, (s = { running: false, g: 0, sweep: false }));
    return s;
  }

  private checkRunning(p: { g: number }, gState: number, evG: number, name: string, allowG0: boolean, at: number): void {
    if (gState !== G_RUNNING) fail(`g ${evG} is not running while ${name}`, at);
    if (p.g !== evG) fail(`p is not running g ${evG} while ${name}`, at);
    if (!allowG0 && evG === 0) fail(`g 0 did ${name}`, at);
  }

  event(i: number, at: number): void {
    const out = this.out;
    const typ = out.typ[i];
    const evG = out.g[i];
    const evP = out.p[i];
    const name = V.DESCS[typ].name;
    switch (typ) {
      case V.EV_PROC_START: {
        const p = this.p(evP);
        if (p.running) fail(`p ${evP} is running before start`, at);
        p.running = true;
        break;
      }
      case V.EV_PROC_STOP: {
        const p = this.p(evP);
        if (!p.running) fail(`p ${evP} is not running before stop`, at);
        if (p.g !== 0) fail(`p ${evP} is running a goroutine ${p.g} during stop`, at);
        p.running = false;
        break;
      }
      case V.EV_GC_START:
        if (this.gc) fail('previous GC is not ended before a new one', at);
        this.gc = true;
        out.p[i] = V.GC_P;
        break;
      case V.EV_GC_DONE:
        if (!this.gc) fail('bogus GC end', at);
        this.gc = false;
        break;
      case V.EV_STW_START:
        if (this.stw) fail('previous STW is not ended before a new one', at);
        this.stw = true;
        break;
      case V.EV_STW_DONE:
        if (!this.stw) fail('bogus STW end', at);
        this.stw = false;
        break;
      case V.EV_GC_SWEEP_START: {
        const p = this.p(evP);
        if (p.sweep) fail('previous sweeping is not ended before a new one', at);
        p.sweep = true;
        break;
      }
      case V.EV_GC_MARK_ASSIST_START: {
        const g = this.gs.slot(evG);
        if (this.gs.assist[g]) fail('previous mark assist is not ended before a new one', at);
        this.gs.assist[g] = 1;
        break;
      }
      case V.EV_GC_MARK_ASSIST_DONE:
        this.gs.assist[this.gs.slot(evG)] = 0;
        break;
      case V.EV_GC_SWEEP_DONE: {
        const p = this.p(evP);
        if (!p.sweep) fail('bogus sweeping end', at);
        p.sweep = false;
        break;
      }
      case V.EV_GO_WAITING:
      case V.EV_GO_IN_SYSCALL: {
        const g = this.gs.slot(evG);
        if (this.gs.state[g] !== G_RUNNABLE) fail(`g ${evG} is not runnable before ${name}`, at);
        this.gs.state[g] = G_WAITING;
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_CREATE: {
        this.checkRunning(this.p(evP), this.gs.state[this.gs.slot(evG)], evG, name, true, at);
        const ng = out.a0[i];
        if (this.gs.has(ng)) fail(`g ${ng} already exists`, at);
        this.gs.create(ng, G_RUNNABLE, typ);
        break;
      }
      case V.EV_GO_START:
      case V.EV_GO_START_LABEL: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        if (this.gs.state[g] !== G_RUNNABLE) fail(`g ${evG} is not runnable before start`, at);
        if (p.g !== 0) fail(`p ${evP} is already running g ${p.g} while start g ${evG}`, at);
        this.gs.state[g] = G_RUNNING;
        this.gs.lastTyp[g] = 0;
        p.g = evG;
        break;
      }
      case V.EV_GO_END:
      case V.EV_GO_STOP: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = G_DEAD;
        p.g = 0;
        if (typ === V.EV_GO_END) this.regions.delete(evG);
        break;
      }
      case V.EV_GO_SCHED:
      case V.EV_GO_PREEMPT: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = G_RUNNABLE;
        p.g = 0;
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_UNBLOCK: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        if (this.gs.state[g] !== G_RUNNING) fail(`g ${evG} is not running while unpark`, at);
        if (evP !== V.TIMER_P && p.g !== evG) fail(`p ${evP} is not running g ${evG} while unpark`, at);
        const target = out.a0[i];
        const g1 = this.gs.slot(target);
        if (this.gs.state[g1] !== G_WAITING) fail(`g ${target} is not waiting before unpark`, at);
        if (this.gs.lastTyp[g1] === V.EV_GO_BLOCK_NET) out.p[i] = V.NETPOLL_P;
        this.gs.state[g1] = G_RUNNABLE;
        this.gs.lastTyp[g1] = typ;
        break;
      }
      case V.EV_GO_SYS_CALL: {
        const g = this.gs.slot(evG);
        this.checkRunning(this.p(evP), this.gs.state[g], evG, name, false, at);
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_SYS_BLOCK: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = G_WAITING;
        p.g = 0;
        break;
      }
      case V.EV_GO_SYS_EXIT: {
        const g = this.gs.slot(evG);
        if (this.gs.state[g] !== G_WAITING) fail(`g ${evG} is not waiting during syscall exit`, at);
        this.gs.state[g] = G_RUNNABLE;
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_SLEEP:
      case V.EV_GO_BLOCK:
      case V.EV_GO_BLOCK_SEND:
      case V.EV_GO_BLOCK_RECV:
      case V.EV_GO_BLOCK_SELECT:
      case V.EV_GO_BLOCK_SYNC:
      case V.EV_GO_BLOCK_COND:
      case V.EV_GO_BLOCK_NET:
      case V.EV_GO_BLOCK_GC: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = G_WAITING;
        this.gs.lastTyp[g] = typ;
        p.g = 0;
        break;
      }
      case V.EV_USER_TASK_CREATE: {
        const id = out.a0[i];
        if (this.tasks.has(id)) fail(`task id conflicts (id:${id})`, at);
        this.tasks.add(id);
        break;
      }
      case V.EV_USER_TASK_END:
        this.tasks.delete(out.a0[i]);
        break;
      case V.EV_USER_REGION: {
        const mode = out.a1[i];
        const task = out.a0[i];
        const nm = out.a2[i];
        let list = this.regions.get(evG);
        if (mode === 0) {
          if (!list) this.regions.set(evG, (list = []));
          list.push({ task, name: nm });
        } else if (mode === 1) {
          if (list && list.length > 0) {
            const s = list[list.length - 1];
            if (s.task !== task || s.name !== nm) fail(`misuse of region in goroutine ${evG}: span end does not match the inner-most active span start`, at);
            list.pop();
            if (list.length === 0) this.regions.delete(evG);
          }
        } else {
          fail(`invalid user region mode: ${mode}`, at);
        }
        break;
      }
    }
    const stk = out.stk[i] >>> 0;
    if (stk !== 0 && !this.stackExists(stk)) out.stk[i] = 0;
  }
}

/** tracev1.go: turns the ordered v1 events into the v2 reader's high-level events. */
class Converter {
  base = 0;
  private preInit = true;
  private readonly createdPreInit = new Set<number>();
  private readonly tasks = new Map<number, { name: number; parent: number }>();
  readonly seenProcs = new Set<number>();
  private lastStwReason = 0;
  private readonly reasons = new Map<number, number>();
  private readonly nameGCMark: number;
  private readonly nameSweep: number;
  private readonly nameAssist: number;
  private readonly stwNames = new Map<string, number>();

  constructor(
    private readonly out: Ordered,
    private readonly ev: EventBuffer,
    private readonly syms: TraceSymbols,
    private readonly ver: number,
    private readonly stacks: LocalIds,
    private readonly strings: LocalIds,
  ) {
    this.nameGCMark = syms.intern('GC concurrent mark phase');
    this.nameSweep = syms.intern('GC incremental sweep');
    this.nameAssist = syms.intern('GC mark assist');
  }

  private stack(id: number): number {
    if (id === 0) return 0;
    const s = this.stacks.get(id);
    return s < 0 ? 0 : s;
  }

  private str(id: number): number {
    if (id === 0) return 0;
    const s = this.strings.get(id);
    return s < 0 ? 0 : s;
  }

  private reason(typ: number): number {
    let r = this.reasons.get(typ);
    if (r === undefined) {
      r = this.syms.intern(V.blockReason(typ) ?? '');
      this.reasons.set(typ, r);
    }
    return r;
  }

  private stwName(reason: string): number {
    let n = this.stwNames.get(reason);
    if (n === undefined) {
      n = this.syms.intern(`stop-the-world (${reason})`);
      this.stwNames.set(reason, n);
    }
    return n;
  }

  /**
   * Converts the event in slot i, whose time is `tNs`; `sysBlocked`: for a syscall, whether
   * the goroutine's next event says it blocked.
   */
  event(i: number, sysBlocked: boolean, tNs: number): void {
    const out = this.out;
    const ev = this.ev;
    const typ = out.typ[i];
    const t = tNs - this.base;
    const evG = out.g[i];
    const p = out.p[i];
    const a0 = out.a0[i];
    const a1 = out.a1[i];
    const a2 = out.a2[i];
    const stk = this.stack(out.stk[i] >>> 0);
    const ctxG = evG === 0 ? NONE : evG;
    const ctxP = p;
    switch (typ) {
      case V.EV_GOMAXPROCS:
        if (this.preInit) {
          // The first Gomaxprocs ends the trace's start: goroutines created before it and
          // never seen since were runnable (or idle).
          this.preInit = false;
          for (const g of this.createdPreInit) ev.go(t, g, GO_UNDETERMINED, GO_RUNNABLE, 0, 0, 0, NONE, NONE);
          this.createdPreInit.clear();
          return;
        }
        ev.metric(t, METRIC_GOMAXPROCS, a0);
        return;
      case V.EV_PROC_START:
        if (this.seenProcs.has(p)) ev.proc(t, p, PROC_IDLE, PROC_RUNNING, ctxG, ctxP);
        else {
          this.seenProcs.add(p);
          ev.proc(t, p, PROC_UNDETERMINED, PROC_RUNNING, ctxG, ctxP);
        }
        return;
      case V.EV_PROC_STOP:
        if (this.seenProcs.has(p)) ev.proc(t, p, PROC_RUNNING, PROC_IDLE, ctxG, ctxP);
        else {
          this.seenProcs.add(p);
          ev.proc(t, p, PROC_UNDETERMINED, PROC_IDLE, ctxG, ctxP);
        }
        return;
      case V.EV_GC_START:
        ev.range(t, 0, this.nameGCMark, SCOPE_NONE, NONE, ctxG, ctxP, stk);
        return;
      case V.EV_GC_DONE:
        ev.range(t, 2, this.nameGCMark, SCOPE_NONE, NONE, ctxG, ctxP, 0);
        return;
      case V.EV_STW_START: {
        const name = this.stwName(V.stwReason(this.ver, a0));
        this.lastStwReason = name;
        ev.range(t, 0, name, SCOPE_GOROUTINE, ctxG, ctxG, ctxP, 0);
        return;
      }
      case V.EV_STW_DONE:
        ev.range(t, 2, this.lastStwReason || this.stwName(''), SCOPE_GOROUTINE, ctxG, ctxG, ctxP, 0);
        return;
      case V.EV_GC_SWEEP_START:
        ev.range(t, 0, this.nameSweep, SCOPE_PROC, ctxP, ctxG, ctxP, stk);
        return;
      case V.EV_GC_SWEEP_DONE:
        ev.range(t, 2, this.nameSweep, SCOPE_PROC, ctxP, ctxG, ctxP, 0);
        return;
      case V.EV_GO_CREATE:
        if (this.preInit) {
          this.createdPreInit.add(a0);
          return;
        }
        ev.go(t, a0, GO_NOT_EXIST, GO_RUNNABLE, 0, stk, this.stack(a1), ctxG, ctxP);
        return;
      case V.EV_GO_START:
        if (this.preInit) {
          this.createdPreInit.delete(a0);
          ev.go(t, a0, GO_UNDETERMINED, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
          return;
        }
        ev.go(t, a0, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_START_LABEL:
        ev.go(t, a0, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
        ev.label(t, ctxG, this.str(a2));
        return;
      case V.EV_GO_END:
        ev.go(t, ctxG, GO_RUNNING, GO_NOT_EXIST, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_SCHED:
      case V.EV_GO_PREEMPT:
        ev.go(t, ctxG, GO_RUNNING, GO_RUNNABLE, this.reason(typ), stk, stk, ctxG, ctxP);
        return;
      case V.EV_GO_STOP:
      case V.EV_GO_SLEEP:
      case V.EV_GO_BLOCK:
      case V.EV_GO_BLOCK_SEND:
      case V.EV_GO_BLOCK_RECV:
      case V.EV_GO_BLOCK_SELECT:
      case V.EV_GO_BLOCK_SYNC:
      case V.EV_GO_BLOCK_COND:
      case V.EV_GO_BLOCK_NET:
      case V.EV_GO_BLOCK_GC:
        ev.go(t, ctxG, GO_RUNNING, GO_WAITING, this.reason(typ), stk, stk, ctxG, ctxP);
        return;
      case V.EV_GO_UNBLOCK:
        ev.go(t, a0, GO_WAITING, GO_RUNNABLE, 0, stk, 0, ctxG, ctxP);
        return;
      case V.EV_GO_SYS_CALL:
        ev.go(t, ctxG, GO_RUNNING, GO_SYSCALL, 0, stk, stk, ctxG, ctxP);
        if (!sysBlocked) {
          // An instantaneous syscall becomes a 1 ns one.
          ev.go(t + 1, ctxG, GO_SYSCALL, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
        }
        return;
      case V.EV_GO_SYS_EXIT:
        ev.go(t, ctxG, GO_SYSCALL, GO_RUNNABLE, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_SYS_BLOCK:
        return;
      case V.EV_GO_WAITING:
        this.createdPreInit.delete(a0);
        ev.go(t, a0, GO_UNDETERMINED, GO_WAITING, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_IN_SYSCALL:
        this.createdPreInit.delete(a0);
        ev.go(t, a0, GO_UNDETERMINED, GO_SYSCALL, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_HEAP_ALLOC:
        ev.metric(t, METRIC_HEAP_ALLOC, a0);
        return;
      case V.EV_HEAP_GOAL:
        ev.metric(t, METRIC_HEAP_GOAL, a0);
        return;
      case V.EV_GC_MARK_ASSIST_START:
        ev.range(t, 0, this.nameAssist, SCOPE_GOROUTINE, ctxG, ctxG, ctxP, stk);
        return;
      case V.EV_GC_MARK_ASSIST_DONE:
        ev.range(t, 2, this.nameAssist, SCOPE_GOROUTINE, ctxG, ctxG, ctxP, 0);
        return;
      case V.EV_USER_TASK_CREATE: {
        const name = this.str(a2);
        this.tasks.set(a0, { name, parent: a1 });
        ev.task(t, true, a0, a1 === 0 ? NONE : a1, name, ctxG, stk);
        return;
      }
      case V.EV_USER_TASK_END: {
        const ts = this.tasks.get(a0);
        if (ts) this.tasks.delete(a0);
        // The Go converter passes the raw parent id (0 when none) with the end.
        ev.task(t, false, a0, ts ? ts.parent : NONE, ts ? ts.name : 0, ctxG, stk);
        return;
      }
      case V.EV_USER_REGION:
        ev.region(t, a1 === 0, a0, this.str(a2), ctxG, stk);
        return;
      case V.EV_USER_LOG:
        ev.log(t, a0, this.str(a1), (out.a3.get(i) ?? 0), ctxG, stk);
        return;
      case V.EV_CPU_SAMPLE:
        ev.cpuSample(t, evG === 0 ? NONE : evG, a1, stk);
        return;
      default:
        throw new TraceFormatError(`unexpected event type ${typ}`, 0);
    }
  }
}
