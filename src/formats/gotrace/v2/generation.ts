/**
 * Reading one v2 generation: all its batches (a generation's string and stack tables come
 * anywhere in it, usually at the end), then resolving its tables into TraceSymbols.
 * Mirrors golang/go src/internal/trace/generation.go and batch.go.
 */
import type { TraceSymbols } from '../../../model/trace';
import { LocalIds } from '../build/idmap';
import { cancelledError } from '../scan';
import { ByteReader, TraceFormatError, wireId } from '../bytes';
import { decodeUtf8 } from '../../utf8';
import {
  EV_CLOCK_SNAPSHOT,
  EV_CPU_SAMPLE,
  EV_CPU_SAMPLES,
  EV_END_OF_GENERATION,
  EV_EVENT_BATCH,
  EV_EXPERIMENTAL_BATCH,
  EV_FREQUENCY,
  EV_STACK,
  EV_STACKS,
  EV_STRING,
  EV_STRINGS,
  EV_SYNC,
  MAX_BATCH_SIZE,
  MAX_FRAMES_PER_STACK,
  MAX_STRING_SIZE,
} from './spec';

/** One batch: its data lies in buf[start, end); `time` is the header timestamp (ticks). */
export interface BatchRef {
  gen: number;
  m: number;
  exp: number;
  time: number;
  start: number;
  end: number;
  /** File offset of the batch header (for error messages). */
  offset: number;
  endOfGeneration: boolean;
}

export interface Generation {
  gen: number;
  /** Minimum batch time (ticks). */
  minTs: number;
  /** ns per tick (Go's `frequency`), 0 if the generation has no frequency event. */
  unit: number;
  hasClock: boolean;
  clockTicks: number;
  clockSec: number;
  clockNsec: number;
  /** Per-M event batches in file order; `ms` in order of first appearance. */
  ms: number[];
  batches: Map<number, BatchRef[]>;
  stringBatches: BatchRef[];
  stackBatches: BatchRef[];
  cpuBatches: BatchRef[];
  experimentalBatches: number;
  /** Local string id → TraceSymbols string id (-1: none). */
  strings: LocalIds;
  /** Local stack id → TraceSymbols stack id (-1: none). */
  stacks: LocalIds;
  /** CPU samples sorted by time: ticks converted to relative ns later. */
  cpu: { time: number[]; g: number[]; p: number[]; m: number[]; stack: number[] };
  /** File offset just past this generation's last batch. */
  endOffset: number;
  /** Cut short (1.26+ without its end marker): tables may be missing, read it tolerantly. */
  truncated: boolean;
}

function newGeneration(): Generation {
  return {
    gen: 0,
    minTs: 0,
    unit: 0,
    hasClock: false,
    clockTicks: 0,
    clockSec: 0,
    clockNsec: 0,
    ms: [],
    batches: new Map(),
    stringBatches: [],
    stackBatches: [],
    cpuBatches: [],
    experimentalBatches: 0,
    strings: new LocalIds(),
    stacks: new LocalIds(),
    cpu: { time: [], g: [], p: [], m: [], stack: [] },
    endOffset: 0,
    truncated: false,
  };
}

/** Reads the batch at `pos`. Throws TraceFormatError; returns null at EOF. */
export function readBatch(buf: Uint8Array, pos: number): BatchRef | null {
  if (pos >= buf.length) return null;
  const offset = pos;
  const typ = buf[pos];
  if (typ === EV_END_OF_GENERATION) {
    return { gen: 0, m: -1, exp: 0, time: 0, start: pos, end: pos + 1, offset, endOfGeneration: true };
  }
  if (typ !== EV_EVENT_BATCH && typ !== EV_EXPERIMENTAL_BATCH) {
    throw new TraceFormatError(`expected batch event, got event ${typ} at offset ${offset}`, offset);
  }
  const r = new ByteReader(buf, pos + 1, buf.length);
  let exp = 0;
  if (typ === EV_EXPERIMENTAL_BATCH) {
    exp = r.byte();
    if (exp < 0) throw new TraceFormatError(`truncated batch header at offset ${offset}`, offset);
  }
  const gen = r.uv();
  const m = r.uv();
  const time = r.uv();
  const size = r.uv();
  if (Number.isNaN(gen) || Number.isNaN(m) || Number.isNaN(time) || Number.isNaN(size)) {
    throw new TraceFormatError(`truncated or corrupt batch header at offset ${offset}`, offset);
  }
  if (size > MAX_BATCH_SIZE) {
    throw new TraceFormatError(`invalid batch size ${size} at offset ${offset}, maximum is ${MAX_BATCH_SIZE}`, offset);
  }
  if (r.pos + size > buf.length) {
    throw new TraceFormatError(
      `failed to read full batch at offset ${offset}: read ${buf.length - r.pos} but wanted ${size}`,
      offset,
      gen,
    );
  }
  // Small-integer offsets (not doubles) keep the decoding loops in integer arithmetic.
  const start = r.pos >>> 0;
  return { gen, m: wireId(m), exp, time, start, end: (start + size) >>> 0, offset, endOfGeneration: false };
}

export interface ReadGenResult {
  gen: Generation | null;
  /** <1.26: the first batch of the next generation, read while looking for the end. */
  spill: BatchRef | null;
  /** An error found after at least one good batch; reported once the generation is done. */
  deferredError: TraceFormatError | null;
}

/**
 * Reads the generation starting at `pos` (or at `spill`). Go 1.26+ generations end with an
 * EndOfGeneration byte; older ones end where a batch of the next generation begins.
 */
export function readGeneration(
  buf: Uint8Array,
  pos: number,
  minor: number,
  spill: BatchRef | null,
  shouldStop: () => boolean,
): ReadGenResult & { pos: number } {
  const g = newGeneration();
  const withMarker = minor >= 26;
  let deferredError: TraceFormatError | null = null;
  let nextSpill: BatchRef | null = null;
  let any = false;
  if (spill) {
    g.gen = spill.gen;
    g.minTs = spill.time;
    addBatch(buf, g, spill, minor);
    any = true;
  }
  let sawEnd = false;
  for (;;) {
    if (shouldStop()) throw cancelledError();
    let b: BatchRef | null;
    try {
      b = readBatch(buf, pos);
    } catch (e) {
      if (!(e instanceof TraceFormatError)) throw e;
      if (!any) throw e;
      // Keep what was read: the generation is shown (tolerantly), then the error reported.
      deferredError = withMarker
        ? new TraceFormatError(`incomplete generation ${g.gen} (trace likely truncated): ${e.message}`, e.offset)
        : e;
      // A cut batch of the next generation leaves this one whole (pre-1.26 layout).
      g.truncated = withMarker || e.gen === 0 || e.gen === g.gen;
      break;
    }
    if (b === null) {
      if (withMarker && any) {
        deferredError = new TraceFormatError(`incomplete generation ${g.gen}: the trace ends at byte ${pos} without its end marker (truncated)`, pos);
        g.truncated = true;
      }
      break;
    }
    if (b.endOfGeneration) {
      pos = b.end;
      if (!withMarker) throw new TraceFormatError(`unexpected end-of-generation marker at offset ${b.offset}`, b.offset);
      sawEnd = true;
      break;
    }
    if (b.gen === 0) throw new TraceFormatError(`invalid generation number 0 at offset ${b.offset}`, b.offset);
    if (g.gen === 0) g.gen = b.gen;
    if (b.gen !== g.gen) {
      if (!withMarker && b.gen === g.gen + 1) {
        nextSpill = b;
        pos = b.end;
        break;
      }
      const msg = withMarker
        ? 'broken trace: missing end-of-generation event, or generations are interleaved'
        : 'generations out of order';
      throw new TraceFormatError(`${msg} (batch at offset ${b.offset})`, b.offset);
    }
    pos = b.end;
    if (!any || b.time < g.minTs) g.minTs = b.time;
    any = true;
    addBatch(buf, g, b, minor);
  }
  if (!any && !sawEnd) return { gen: null, spill: null, deferredError, pos };
  g.endOffset = nextSpill ? nextSpill.offset : pos;
  if (g.unit === 0) throw new TraceFormatError(`no frequency event found in generation ${g.gen}`, g.endOffset);
  if (minor >= 25 && !g.hasClock && !g.truncated) {
    throw new TraceFormatError(`no clock snapshot event found in generation ${g.gen}`, g.endOffset);
  }
  return { gen: g, spill: nextSpill, deferredError, pos };
}

function addBatch(buf: Uint8Array, g: Generation, b: BatchRef, minor: number): void {
  if (b.exp !== 0) {
    g.experimentalBatches++;
    return;
  }
  // The first data byte decides the batch kind (batch.go isStringsBatch etc.).
  const kind = b.end > b.start ? buf[b.start] : -1;
  if (kind === EV_STRINGS) g.stringBatches.push(b);
  else if (kind === EV_STACKS) g.stackBatches.push(b);
  else if (kind === EV_CPU_SAMPLES) g.cpuBatches.push(b);
  else if ((kind === EV_FREQUENCY && minor < 25) || (kind === EV_SYNC && minor >= 25)) readSync(buf, g, b, minor);
  else pushM(g, b);
}

function pushM(g: Generation, b: BatchRef): void {
  let list = g.batches.get(b.m);
  if (!list) {
    list = [];
    g.batches.set(b.m, list);
    g.ms.push(b.m);
  }
  list.push(b);
}

function readSync(buf: Uint8Array, g: Generation, b: BatchRef, minor: number): void {
  const r = new ByteReader(buf, b.start, b.end);
  if (minor >= 25) r.pos++; // EvSync
  let lastTs = b.time;
  while (r.pos < r.end) {
    const at = r.pos;
    const ev = r.byte();
    if (ev === EV_FREQUENCY) {
      if (g.unit !== 0) throw new TraceFormatError(`found multiple frequency events (offset ${at})`, at);
      const f = r.uv();
      if (Number.isNaN(f)) throw new TraceFormatError(`bad frequency varint at offset ${at}`, at);
      g.unit = 1.0 / (f / 1e9);
      if (!Number.isFinite(g.unit) || g.unit <= 0) throw new TraceFormatError(`invalid frequency ${f} at offset ${at}`, at);
    } else if (ev === EV_CLOCK_SNAPSHOT && minor >= 25) {
      if (g.hasClock) throw new TraceFormatError(`found multiple clock snapshot events (offset ${at})`, at);
      g.hasClock = true;
      const dt = r.uv();
      r.uv(); // mono
      const sec = r.uv();
      const nsec = r.uv();
      if (Number.isNaN(nsec)) throw new TraceFormatError(`bad clock snapshot at offset ${at}`, at);
      lastTs += dt;
      g.clockTicks = lastTs;
      g.clockSec = sec;
      g.clockNsec = nsec;
    } else {
      throw new TraceFormatError(`expected frequency or clock snapshot event, got ${ev} (offset ${at})`, at);
    }
  }
}

/** Resolves the generation's strings and stacks into `syms` (after all its batches are read). */
export function resolveTables(buf: Uint8Array, g: Generation, syms: TraceSymbols): void {
  for (const b of g.stringBatches) {
    const r = new ByteReader(buf, b.start + 1, b.end);
    while (r.pos < r.end) {
      const at = r.pos;
      if (r.byte() !== EV_STRING) throw new TraceFormatError(`expected string event at offset ${at}`, at);
      const id = r.uv();
      const len = r.uv();
      if (Number.isNaN(len)) throw new TraceFormatError(`bad string entry at offset ${at}`, at);
      if (len > MAX_STRING_SIZE) throw new TraceFormatError(`invalid string size ${len} at offset ${at}`, at);
      if (r.pos + len > r.end) throw new TraceFormatError(`failed to read full string at offset ${at}`, at);
      if (id === 0 || g.strings.has(id)) throw new TraceFormatError(`multiple strings with the same ID ${id} (offset ${at})`, at);
      g.strings.set(id, syms.intern(decodeUtf8(buf, r.pos, r.pos + len)));
      r.pos += len;
    }
  }
  // PC → global frame; the first description of a PC in a generation wins.
  const pcFrames = new Map<number, number>();
  const frames: number[] = [];
  for (const b of g.stackBatches) {
    const r = new ByteReader(buf, b.start + 1, b.end);
    while (r.pos < r.end) {
      const at = r.pos;
      if (r.byte() !== EV_STACK) throw new TraceFormatError(`expected stack event at offset ${at}`, at);
      const id = r.uv();
      const n = r.uv();
      if (Number.isNaN(n)) throw new TraceFormatError(`bad stack entry at offset ${at}`, at);
      if (n > MAX_FRAMES_PER_STACK) throw new TraceFormatError(`invalid stack size ${n} at offset ${at}, maximum is 128`, at);
      frames.length = 0;
      for (let i = 0; i < n; i++) {
        const pc = r.uv();
        const fn = r.uv();
        const file = r.uv();
        const line = r.uv();
        if (Number.isNaN(line)) throw new TraceFormatError(`reading frame ${i + 1} of stack ${id} at offset ${at}`, at);
        let f = pcFrames.get(pc);
        if (f === undefined) {
          const fnG = lookupString(g, fn, `func string ID ${fn} for stack ${id}`, at);
          const fileG = lookupString(g, file, `file string ID ${file} for stack ${id}`, at);
          f = syms.frame(pc, fnG, fileG, line);
          pcFrames.set(pc, f);
        }
        frames.push(f);
      }
      if (id === 0 || g.stacks.has(id)) throw new TraceFormatError(`multiple stacks with the same ID ${id} (offset ${at})`, at);
      g.stacks.set(id, syms.stack(frames));
    }
  }
}

function lookupString(g: Generation, id: number, what: string, at: number): number {
  if (id === 0) return 0;
  const s = g.strings.get(id);
  if (s < 0 && g.truncated) return 0; // the string table was cut off
  if (s < 0) throw new TraceFormatError(`found invalid ${what} (offset ${at})`, at);
  return s;
}

/** Decodes the CPU sample batches, sorted by time; times stay in ticks. */
export function readCpuSamples(buf: Uint8Array, g: Generation): void {
  const r = new ByteReader(buf, 0, 0);
  const rows: number[][] = [];
  for (const b of g.cpuBatches) {
    r.pos = b.start + 1;
    r.end = b.end;
    while (r.pos < r.end) {
      const at = r.pos;
      if (r.byte() !== EV_CPU_SAMPLE) throw new TraceFormatError(`expected CPU sample event at offset ${at}`, at);
      const t = r.uv();
      const m = r.uv();
      const p = r.uv();
      const gid = r.uv();
      const s = r.uv();
      if (Number.isNaN(s)) throw new TraceFormatError(`bad CPU sample at offset ${at}`, at);
      rows.push([t, wireId(m), wireId(p), gid === 0 ? -1 : gid, s]);
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  for (const row of rows) {
    g.cpu.time.push(row[0]);
    g.cpu.m.push(row[1]);
    g.cpu.p.push(row[2]);
    g.cpu.g.push(row[3]);
    g.cpu.stack.push(row[4]);
  }
}

/**
 * The trace's time span in ns told from its batch headers alone: a walk from batch to batch
 * that skips every event (a 200 MB trace has a few thousand batches), so a reader can size
 * per-time structures before reading. NaN when no frequency is found before a bad batch.
 */
export function spanFromBatches(buf: Uint8Array, pos: number, minor: number): number {
  const g = newGeneration();
  let lo = Infinity;
  let hi = -Infinity;
  for (;;) {
    let b: BatchRef | null;
    try {
      b = readBatch(buf, pos);
    } catch {
      break;
    }
    if (b === null) break;
    pos = b.end;
    if (b.endOfGeneration || b.exp !== 0) continue;
    if (b.time < lo) lo = b.time;
    if (b.time > hi) hi = b.time;
    const kind = b.end > b.start ? buf[b.start] : -1;
    if (g.unit === 0 && ((kind === EV_FREQUENCY && minor < 25) || (kind === EV_SYNC && minor >= 25))) {
      try {
        readSync(buf, g, b, minor);
      } catch {
        // A bad sync batch leaves the span unknown; the reader reports it.
      }
    }
  }
  return g.unit > 0 && hi >= lo ? (hi - lo) * g.unit : NaN;
}
