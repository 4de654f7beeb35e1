/**
 * profile.proto → columnar Profile, in two passes over the bytes:
 *  1. note where every sample/location/function/mapping message lies and read the
 *     scalars and string table (Go writes samples before the tables they refer to);
 *  2. decode the tables, then each sample straight into the stack trie.
 * No object is made per sample or per location.
 */
import { GrowableFloat64, GrowableInt32, grown } from '../../model/growable';
import type { FrameTable, Mapping, Profile, StackTrie, ValueType } from '../../model/profile';
import { buildTrie, type BuiltTrie, type Sequences } from '../../model/stack-trie';
import { StringTable } from '../../model/string-table';
import { FrameTableBuilder, LabelTableBuilder } from '../../model/table-builders';
import { PairIndex } from './pair-index';
import { type LocationFrames, type PruneRules, pruneFrames } from './prune';
import { decodeUtf8 } from '../utf8';
import { readValueType, Wire, WIRE_LEN, WIRE_VARINT, WireError } from './wire';
import { ParseError } from '../parse-error';

export class PprofError extends ParseError {
  constructor(message: string, offset: number) {
    super(message, offset);
    this.name = 'PprofError';
  }
}

/** Field numbers of profile.proto's Profile message. */
const enum F {
  SampleType = 1,
  Sample = 2,
  Mapping = 3,
  Location = 4,
  Function = 5,
  StringTable = 6,
  DropFrames = 7,
  KeepFrames = 8,
  TimeNanos = 9,
  DurationNanos = 10,
  PeriodType = 11,
  Period = 12,
  Comment = 13,
  DefaultSampleType = 14,
}

interface TopLevel {
  sampleTypes: [number, number][];
  samples: GrowableInt32;
  mappings: GrowableInt32;
  locations: GrowableInt32;
  functions: GrowableInt32;
  strings: GrowableInt32;
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  durationNanos: number;
  periodType: [number, number] | null;
  period: number;
  comments: number[];
  defaultSampleType: number;
}

function scanTopLevel(buf: Uint8Array): TopLevel {
  const w = new Wire(buf);
  const top: TopLevel = {
    sampleTypes: [],
    samples: new GrowableInt32(4096),
    mappings: new GrowableInt32(64),
    locations: new GrowableInt32(4096),
    functions: new GrowableInt32(4096),
    strings: new GrowableInt32(4096),
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0,
    durationNanos: 0,
    periodType: null,
    period: 0,
    comments: [],
    defaultSampleType: 0,
  };
  const ranges: Partial<Record<number, GrowableInt32>> = {
    [F.Sample]: top.samples,
    [F.Mapping]: top.mappings,
    [F.Location]: top.locations,
    [F.Function]: top.functions,
    [F.StringTable]: top.strings,
  };
  while (w.pos < w.end) {
    const tag = w.tag();
    const field = tag >>> 3;
    const wt = tag & 7;
    if (field === 0) throw new WireError('field number 0 (not a protobuf message)', w.pos);
    const list = ranges[field];
    if (list && wt === WIRE_LEN) {
      const n = w.len();
      list.push(w.pos);
      list.push(w.pos + n);
      w.pos += n;
      continue;
    }
    switch (field) {
      case F.SampleType:
        if (wt !== WIRE_LEN) throw new WireError('sample_type is not a message', w.pos);
        top.sampleTypes.push(readValueType(w));
        break;
      case F.PeriodType:
        if (wt !== WIRE_LEN) throw new WireError('period_type is not a message', w.pos);
        top.periodType = readValueType(w);
        break;
      case F.Comment:
        w.repeatedInts(wt, false, (v) => top.comments.push(v));
        break;
      case F.DropFrames:
      case F.KeepFrames:
      case F.TimeNanos:
      case F.DurationNanos:
      case F.Period:
      case F.DefaultSampleType: {
        if (wt !== WIRE_VARINT) {
          w.skip(wt);
          break;
        }
        const v = w.int64();
        if (field === F.DropFrames) top.dropFrames = v;
        else if (field === F.KeepFrames) top.keepFrames = v;
        else if (field === F.TimeNanos) top.timeNanos = v;
        else if (field === F.DurationNanos) top.durationNanos = v;
        else if (field === F.Period) top.period = v;
        else top.defaultSampleType = v;
        break;
      }
      default:
        w.skip(wt);
    }
  }
  if (w.pos !== w.end) throw new WireError('message ends mid-field', w.end);
  return top;
}

/** One char per byte (windows-1252, as the Encoding standard reads "latin1"): byte offsets are char offsets. */
const bytewise = new TextDecoder('latin1');

/**
 * The string table. Its region is decoded once, a char per byte, and each ASCII string
 * (nearly all of them) is a slice of that: a table of 100,000 names and label values
 * then costs a tenth of decoding each one on its own. Others are decoded as UTF-8.
 */
function readStrings(buf: Uint8Array, ranges: GrowableInt32): string[] {
  const out = new Array<string>(ranges.length / 2);
  let from = buf.length;
  let to = 0;
  let bytes = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    from = Math.min(from, ranges.get(i));
    to = Math.max(to, ranges.get(i + 1));
    bytes += ranges.get(i + 1) - ranges.get(i);
  }
  // Only where the table lies together (as writers put it), not spread over the file.
  const all = bytes > 4096 && to - from < 2 * bytes ? bytewise.decode(buf.subarray(from, to)) : null;
  for (let i = 0; i < ranges.length; i += 2) {
    const a = ranges.get(i);
    const b = ranges.get(i + 1);
    let ascii = all !== null;
    for (let k = a; k < b && ascii; k++) ascii = buf[k] < 0x80;
    out[i / 2] = ascii ? all!.substring(a - from, b - from) : decodeUtf8(buf, a, b);
  }
  return out;
}

/** Maps ids (uint64, usually small and dense) to table indexes. */
class IdIndex {
  /** Index by id for ids below its length (-1 where absent); read directly on hot paths. */
  readonly dense: Int32Array;
  private readonly sparse = new Map<number, number>();

  constructor(expected: number) {
    this.dense = new Int32Array(expected * 2 + 16).fill(-1);
  }

  set(id: number, index: number): void {
    if (id < this.dense.length) this.dense[id] = index;
    else this.sparse.set(id, index);
  }

  get(id: number): number {
    return id < this.dense.length ? this.dense[id] : (this.sparse.get(id) ?? -1);
  }
}

interface Functions {
  index: IdIndex;
  name: Int32Array;
  file: Int32Array;
  startLine: Int32Array;
}

function readFunctions(buf: Uint8Array, ranges: GrowableInt32, str: (i: number) => number): Functions {
  const count = ranges.length / 2;
  const fns: Functions = { index: new IdIndex(count), name: new Int32Array(count), file: new Int32Array(count), startLine: new Int32Array(count) };
  const w = new Wire(buf);
  for (let i = 0; i < count; i++) {
    w.pos = ranges.get(2 * i);
    w.end = ranges.get(2 * i + 1);
    let id = 0;
    let name = 0;
    let system = 0;
    let file = 0;
    let startLine = 0;
    while (w.pos < w.end) {
      const t = w.tag();
      const field = t >>> 3;
      if ((t & 7) !== WIRE_VARINT) w.skip(t & 7);
      else if (field === 1) id = w.uint();
      else if (field === 2) name = w.uint();
      else if (field === 3) system = w.uint();
      else if (field === 4) file = w.uint();
      else if (field === 5) startLine = w.int64();
      else w.uint();
    }
    fns.index.set(id, i);
    // A line past Int32 (or negative) is no line pprof could show.
    fns.startLine[i] = startLine > 0 && startLine <= 0x7fffffff ? startLine : 0;
    // Some writers fill only system_name; pprof falls back the same way.
    fns.name[i] = str(name !== 0 ? name : system);
    fns.file[i] = str(file);
  }
  return fns;
}

function readMappings(buf: Uint8Array, ranges: GrowableInt32, strings: string[]): { list: Mapping[]; index: IdIndex } {
  const list: Mapping[] = [];
  const index = new IdIndex(ranges.length / 2);
  const w = new Wire(buf);
  for (let i = 0; i < ranges.length; i += 2) {
    w.pos = ranges.get(i);
    w.end = ranges.get(i + 1);
    const m: Mapping = { start: 0, limit: 0, offset: 0, file: '', buildId: '' };
    let id = 0;
    while (w.pos < w.end) {
      const t = w.tag();
      if ((t & 7) !== WIRE_VARINT) {
        w.skip(t & 7);
        continue;
      }
      const v = w.uint();
      switch (t >>> 3) {
        case 1:
          id = v;
          break;
        case 2:
          m.start = v;
          break;
        case 3:
          m.limit = v;
          break;
        case 4:
          m.offset = v;
          break;
        case 5:
          m.file = strings[v] ?? '';
          break;
        case 6:
          m.buildId = strings[v] ?? '';
          break;
      }
    }
    index.set(id, list.length);
    list.push(m);
  }
  return { list, index };
}

/**
 * Locations, each expanded into its frames: a location's line[0] is the innermost
 * inlined function and its last line the function it was inlined into.
 */
interface Locations {
  index: IdIndex;
  /** Frames of location l, outermost first: frames[frameStart[l] .. frameStart[l+1]). */
  frameStart: Int32Array;
  frames: Int32Array;
  /** Frames the decoder named itself (an address, "?"): they have no function to match. */
  madeUp: Set<number>;
  /** Per frame, its function's start_line (0: unknown); empty when no function has one. */
  startLine: Int32Array;
}

function readLocations(
  buf: Uint8Array,
  ranges: GrowableInt32,
  fns: Functions,
  mappings: { list: Mapping[]; index: IdIndex },
  strings: StringTable,
  frameTable: FrameTableBuilder,
): Locations {
  const count = ranges.length / 2;
  const index = new IdIndex(count);
  const frameStart = new Int32Array(count + 1);
  const frames = new GrowableInt32(count * 2);
  const w = new Wire(buf);
  // The current location's lines (function id, line number): reused, not reallocated per location.
  let lineFn = new Float64Array(16);
  let lineNo = new Float64Array(16);
  let lines = 0;
  const unknownFn = strings.intern('?');
  const madeUp = new Set<number>();
  const hasStart = fns.startLine.some((v) => v !== 0);
  const startLine = new GrowableInt32(hasStart ? count * 2 : 0);
  // A frame keeps the start line of the first function that made it.
  const noteStart = (fr: number, f: number) => {
    while (startLine.length <= fr) startLine.push(0);
    if (startLine.data[fr] === 0) startLine.data[fr] = fns.startLine[f];
  };
  // (function, line) → frame: far cheaper than the frame table's own string keys.
  const cache = new PairIndex(count * 2);
  const frameOf = (f: number, line: number): number => {
    if (line < 0 || line > 0x7fffffff) return frameTable.frame(fns.name[f], fns.file[f], line);
    let fr = cache.get(f, line);
    if (fr < 0) {
      // This cache already keys by (function, line), so the table need not look again.
      fr = frameTable.append(fns.name[f], fns.file[f], line);
      cache.set(f, line, fr);
      if (hasStart) noteStart(fr, f);
    }
    return fr;
  };
  for (let i = 0; i < count; i++) {
    w.pos = ranges.get(2 * i);
    w.end = ranges.get(2 * i + 1);
    let id = 0;
    let mappingId = 0;
    let address = 0;
    lines = 0;
    while (w.pos < w.end) {
      const t = w.tag();
      const field = t >>> 3;
      if (field === 4 && (t & 7) === WIRE_LEN) {
        const n = w.len();
        const stop = w.pos + n;
        const outer = w.end;
        w.end = stop;
        let fn = 0;
        let line = 0;
        while (w.pos < stop) {
          const lt = w.tag();
          if ((lt & 7) !== WIRE_VARINT) w.skip(lt & 7);
          else if (lt >>> 3 === 1) fn = w.uint();
          else if (lt >>> 3 === 2) line = w.int64();
          else w.uint();
        }
        w.end = outer;
        if (lines === lineFn.length) {
          lineFn = grown(lineFn, lines + 1);
          lineNo = grown(lineNo, lines + 1);
        }
        lineFn[lines] = fn;
        lineNo[lines++] = line;
      } else if ((t & 7) !== WIRE_VARINT) w.skip(t & 7);
      else if (field === 1) id = w.uint();
      else if (field === 2) mappingId = w.uint();
      else if (field === 3) address = w.uint();
      else w.uint();
    }
    index.set(id, i);
    frameStart[i] = frames.length;
    if (lines === 0) {
      // Unsymbolized: pprof shows the address, and the binary it belongs to.
      const m = mappings.list[mappings.index.get(mappingId)];
      const fr = frameTable.frame(strings.intern(`0x${address.toString(16)}`), strings.intern(m?.file ?? ''), 0);
      madeUp.add(fr);
      frames.push(fr);
    } else {
      // pprof lists a location's lines innermost first; we keep them outermost first.
      for (let k = lines - 1; k >= 0; k--) {
        const f = fns.index.get(lineFn[k]);
        if (f >= 0) frames.push(frameOf(f, lineNo[k]));
        else {
          const fr = frameTable.frame(unknownFn, 0, lineNo[k]);
          madeUp.add(fr);
          frames.push(fr);
        }
      }
    }
  }
  frameStart[count] = frames.length;
  return { index, frameStart, frames: frames.finish(), madeUp, startLine: startLine.finish() };
}

interface Samples {
  /** Each sample's locations (indexes), root first. */
  stacks: Sequences;
  values: Float64Array[];
  labels: LabelTableBuilder;
}

function readSamples(
  buf: Uint8Array,
  ranges: GrowableInt32,
  locs: Locations,
  valueCount: number,
  stringCount: number,
  onProgress?: (done: number, total: number) => void,
): Samples {
  const w = new Wire(buf);
  const count = ranges.length / 2;
  const columns = Array.from({ length: valueCount }, () => new GrowableFloat64(count));
  const stackStart = new Int32Array(count + 1);
  // Location ids take a byte or two (more only past 16384 locations): sized for two, grown if needed.
  let out = new Int32Array(Math.max(1024, ranges.length ? (ranges.get(ranges.length - 1) - ranges.get(0)) >> 1 : 0));
  let used = 0;
  const labels = new LabelTableBuilder();
  const { index } = locs;
  const dense = index.dense;
  for (let sample = 0; sample < count; sample++) {
    if (onProgress && (sample & 16383) === 0) onProgress(sample, count);
    w.pos = ranges.get(2 * sample);
    w.end = ranges.get(2 * sample + 1);
    stackStart[sample] = used;
    let v = 0;
    // The two hot fields are read inline, packed or not; everything else via skip().
    while (w.pos < w.end) {
      const t = w.tag();
      const field = t >>> 3;
      const wt = t & 7;
      if (field === 1 && (wt === WIRE_LEN || wt === WIRE_VARINT)) {
        // Packed: up to the field's end. Unpacked: one varint, within the message.
        const stop = wt === WIRE_LEN ? w.len() + w.pos : w.end;
        if (used + (stop - w.pos) > out.length) out = grown(out, used + stop - w.pos);
        const fast = wt === WIRE_LEN ? packedIds(buf, w.pos, stop, dense, out, used) : -1;
        if (fast >= 0) {
          used = fast;
          w.pos = stop;
          continue;
        }
        // Any id the fast path does not take (long, sparse, unknown, cut short), read by the Wire.
        const end = w.end;
        w.end = stop;
        do {
          const id = w.uint();
          const loc = index.get(id);
          if (loc < 0) throw new PprofError(`sample ${sample} refers to location id ${id}, which the profile does not define, at byte ${ranges.get(2 * sample)}`, ranges.get(2 * sample));
          out[used++] = loc;
        } while (wt === WIRE_LEN && w.pos < stop);
        w.end = end;
      } else if (field === 2 && wt === WIRE_LEN) {
        const n = w.len();
        const stop = w.pos + n;
        for (; w.pos < stop; v++) {
          const x = w.int64();
          if (v < valueCount) columns[v].push(x);
        }
      } else if (field === 2 && wt === WIRE_VARINT) {
        const x = w.int64();
        if (v < valueCount) columns[v].push(x);
        v++;
      } else if (field === 3 && wt === WIRE_LEN) readLabel(w, sample, labels, stringCount);
      else w.skip(wt);
    }
    if (v !== valueCount) throw new PprofError(`sample ${sample} has ${v} values but the profile declares ${valueCount} sample types, at byte ${ranges.get(2 * sample)}`, ranges.get(2 * sample));
    // pprof lists locations leaf first; stacks are kept root first.
    for (let i = stackStart[sample], j = used - 1; i < j; i++, j--) {
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
  }
  stackStart[count] = used;
  return {
    stacks: { count, start: stackStart, data: used * 2 >= out.length ? out.subarray(0, used) : out.slice(0, used) },
    values: columns.map((c) => c.finish()),
    labels,
  };
}

/** The frame table with its functions' start lines, when the profile records any. */
function withStartLines(frames: FrameTable, startLine: Int32Array): FrameTable {
  if (startLine.length === 0) return frames;
  const full = new Int32Array(frames.count);
  full.set(startLine.subarray(0, frames.count));
  return { ...frames, startLine: full };
}

/**
 * Packed location ids buf[p .. stop) as location indexes into out from `used`; returns the
 * new `used`, or -1 when an id is not one it takes (4 bytes or more, outside the dense
 * index, unknown) or the field ends mid-varint. The decode's hottest loop, in a function of
 * its own: optimised after a few calls on their feedback, rather than replaced mid-loop
 * (and again each time a longer id first shows up).
 */
function packedIds(buf: Uint8Array, p: number, stop: number, dense: Int32Array, out: Int32Array, used: number): number {
  while (p < stop) {
    let id = buf[p++];
    if (id >= 0x80) {
      const b1 = buf[p++];
      id = (id & 0x7f) | ((b1 & 0x7f) << 7);
      if (b1 >= 0x80) {
        const b2 = buf[p++];
        if (b2 >= 0x80) return -1;
        id |= b2 << 14;
      }
    }
    const loc = id < dense.length ? dense[id] : -1;
    if (loc < 0) return -1;
    out[used++] = loc;
  }
  return p === stop ? used : -1;
}

/** The profile's drop_frames/keep_frames applied (when it has them), as pprof does on reading. */
function applyPruning(
  stacks: Sequences,
  locs: Locations,
  frames: FrameTable,
  strings: string[],
  rules: PruneRules,
): { stacks: Sequences; locations: LocationFrames; error?: string } {
  if (rules.dropFrames === '') return { stacks, locations: locs };
  const name = (fr: number) => (locs.madeUp.has(fr) ? '' : strings[frames.func[fr]]);
  const r = pruneFrames(stacks, locs, name, rules);
  return r.ok ? { stacks: r.stacks, locations: r.locations } : { stacks, locations: locs, error: r.error };
}

/** Each sample's frames root first (locations expanded): the input of the trie builder. */
function expandFrames(stacks: Sequences, locs: LocationFrames): Sequences {
  const { frameStart, frames } = locs;
  const { start, data, count } = stacks;
  const outStart = new Int32Array(count + 1);
  const out = new GrowableInt32(data.length + 16);
  for (let s = 0; s < count; s++) {
    outStart[s] = out.length;
    for (let i = start[s]; i < start[s + 1]; i++) {
      const loc = data[i];
      for (let k = frameStart[loc]; k < frameStart[loc + 1]; k++) out.push(frames[k]);
    }
  }
  outStart[count] = out.length;
  return { count, start: outStart, data: out.trimmed() };
}

/** A label whose key is no string of the table is dropped; a value or unit that is none reads as absent. */
function readLabel(w: Wire, sample: number, labels: LabelTableBuilder, stringCount: number): void {
  const n = w.len();
  const stop = w.pos + n;
  const outer = w.end;
  w.end = stop;
  let key = 0;
  let str = 0;
  let num = 0;
  let unit = 0;
  while (w.pos < stop) {
    const t = w.tag();
    if ((t & 7) !== WIRE_VARINT) w.skip(t & 7);
    else if (t >>> 3 === 1) key = w.uint();
    else if (t >>> 3 === 2) str = w.uint();
    else if (t >>> 3 === 3) num = w.int64();
    else if (t >>> 3 === 4) unit = w.uint();
    else w.uint();
  }
  w.end = outer;
  if (key <= 0 || key >= stringCount) return;
  if (str >= stringCount) str = 0;
  if (unit >= stringCount) unit = 0;
  // A label with a string value is a string label; otherwise numeric (pprof's rule).
  labels.add(sample, key, str !== 0 ? str : -1, num, unit);
}

export function decodePprof(buf: Uint8Array, onProgress?: (done: number, total: number) => void): Profile {
  let top: TopLevel;
  try {
    top = scanTopLevel(buf);
  } catch (e) {
    if (e instanceof WireError) throw new PprofError(`not a valid pprof protobuf: ${e.message}`, e.offset);
    throw e;
  }
  const list = readStrings(buf, top.strings);
  if (list.length === 0) list.push('');
  if (list[0] !== '') throw new PprofError(`not a valid pprof profile: string_table[0] must be empty, at byte ${top.strings.get(0)}`, top.strings.get(0));
  if (top.sampleTypes.length === 0 && top.samples.length > 0) throw new PprofError(`profile has samples but no sample types, the first sample at byte ${top.samples.get(0)}`, top.samples.get(0));
  const valid = (i: number) => (i >= 0 && i < list.length ? i : 0);
  const s = (i: number) => list[valid(i)];
  try {
    const fns = readFunctions(buf, top.functions, valid);
    const mappings = readMappings(buf, top.mappings, list);
    // The names the decoder makes up (addresses, "?") are added after the file's own.
    const strings = new StringTable(list, list.length);
    const frameTable = new FrameTableBuilder();
    const locs = readLocations(buf, top.locations, fns, mappings, strings, frameTable);
    const samples = readSamples(buf, top.samples, locs, top.sampleTypes.length, list.length, onProgress);
    const frames = withStartLines(frameTable.finish(), locs.startLine);
    const pruned = applyPruning(samples.stacks, locs, frames, strings.list, { dropFrames: s(top.dropFrames), keepFrames: s(top.keepFrames) });
    let trie: BuiltTrie | null = null;
    const lazyTrie = () => (trie ??= buildTrie(expandFrames(pruned.stacks, pruned.locations)));
    const sampleTypes: ValueType[] = top.sampleTypes.map(([t, u]) => ({ type: s(t), unit: s(u) }));
    const defaultName = s(top.defaultSampleType);
    const byName = defaultName ? sampleTypes.findIndex((t) => t.type === defaultName) : -1;
    return {
      source: 'pprof',
      sampleTypes,
      // pprof shows the last sample type unless the profile names a default.
      defaultSampleType: byName >= 0 ? byName : Math.max(0, sampleTypes.length - 1),
      periodType: top.periodType ? { type: s(top.periodType[0]), unit: s(top.periodType[1]) } : null,
      period: top.period,
      timeNanos: top.timeNanos,
      durationNanos: top.durationNanos,
      comments: top.comments.map(s),
      dropFrames: s(top.dropFrames),
      keepFrames: s(top.keepFrames),
      ...(pruned.error ? { pruneError: pruned.error } : {}),
      mappings: mappings.list,
      strings: strings.list,
      frames,
      get stacks(): StackTrie {
        const t = lazyTrie();
        return { count: t.parent.length, parent: t.parent, frame: t.label };
      },
      samples: {
        count: samples.stacks.count,
        get stack() {
          return lazyTrie().leaf;
        },
        values: samples.values,
      },
      labels: samples.labels.finish(),
      sampleLocations: { stacks: pruned.stacks, frameStart: pruned.locations.frameStart, frames: pruned.locations.frames },
    };
  } catch (e) {
    if (e instanceof WireError) throw new PprofError(`corrupt pprof profile: ${e.message}`, e.offset);
    throw e;
  }
}
