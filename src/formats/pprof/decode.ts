/**
 * profile.proto → columnar Profile, in two passes over the bytes:
 *  1. note where every sample/location/function/mapping message lies and read the
 *     scalars and string table (Go writes samples before the tables they refer to);
 *  2. decode the tables, then each sample straight into the stack trie.
 * No object is made per sample or per location.
 */
import { GrowableInt32 } from '../../model/growable';
import type { Mapping, Profile, ValueType } from '../../model/profile';
import { ProfileBuilder } from '../../model/profile-builder';
import { decodeString, Wire, WIRE_LEN, WIRE_VARINT, WireError } from './wire';

export class PprofError extends Error {
  constructor(message: string) {
    super(message);
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

function readValueType(w: Wire): [number, number] {
  const n = w.len();
  const stop = w.pos + n;
  let type = 0;
  let unit = 0;
  while (w.pos < stop) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) type = w.uint();
    else if (t === ((2 << 3) | WIRE_VARINT)) unit = w.uint();
    else w.skip(t & 7);
  }
  return [type, unit];
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

function readStrings(buf: Uint8Array, ranges: GrowableInt32): string[] {
  const out = new Array<string>(ranges.length / 2);
  for (let i = 0; i < ranges.length; i += 2) out[i / 2] = decodeString(buf, ranges.get(i), ranges.get(i + 1));
  return out;
}

/** Maps ids (uint64, usually small and dense) to table indexes. */
class IdIndex {
  private readonly dense: Int32Array;
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
}

function readFunctions(buf: Uint8Array, ranges: GrowableInt32, str: (i: number) => number): Functions {
  const count = ranges.length / 2;
  const fns: Functions = { index: new IdIndex(count), name: new Int32Array(count), file: new Int32Array(count) };
  const w = new Wire(buf);
  for (let i = 0; i < count; i++) {
    w.pos = ranges.get(2 * i);
    w.end = ranges.get(2 * i + 1);
    let id = 0;
    let name = 0;
    let system = 0;
    let file = 0;
    while (w.pos < w.end) {
      const t = w.tag();
      const field = t >>> 3;
      if ((t & 7) !== WIRE_VARINT) w.skip(t & 7);
      else if (field === 1) id = w.uint();
      else if (field === 2) name = w.uint();
      else if (field === 3) system = w.uint();
      else if (field === 4) file = w.uint();
      else w.uint();
    }
    fns.index.set(id, i);
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
 * Locations, each expanded into its frames leaf first: a location's line[0] is the
 * innermost inlined function and its last line the function it was inlined into.
 */
interface Locations {
  index: IdIndex;
  frameStart: Int32Array;
  frames: Int32Array;
}

function readLocations(
  buf: Uint8Array,
  ranges: GrowableInt32,
  fns: Functions,
  mappings: { list: Mapping[]; index: IdIndex },
  b: ProfileBuilder,
): Locations {
  const count = ranges.length / 2;
  const index = new IdIndex(count);
  const frameStart = new Int32Array(count + 1);
  const frames = new GrowableInt32(count * 2);
  const w = new Wire(buf);
  const lineFn: number[] = [];
  const lineNo: number[] = [];
  const unknownFn = b.intern('?');
  for (let i = 0; i < count; i++) {
    w.pos = ranges.get(2 * i);
    w.end = ranges.get(2 * i + 1);
    let id = 0;
    let mappingId = 0;
    let address = 0;
    lineFn.length = 0;
    lineNo.length = 0;
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
        lineFn.push(fn);
        lineNo.push(line);
      } else if ((t & 7) !== WIRE_VARINT) w.skip(t & 7);
      else if (field === 1) id = w.uint();
      else if (field === 2) mappingId = w.uint();
      else if (field === 3) address = w.uint();
      else w.uint();
    }
    index.set(id, i);
    frameStart[i] = frames.length;
    if (lineFn.length === 0) {
      // Unsymbolized: pprof shows the address, and the binary it belongs to.
      const m = mappings.list[mappings.index.get(mappingId)];
      frames.push(b.frameByIndex(b.intern(`0x${address.toString(16)}`), b.intern(m?.file ?? ''), 0));
    } else {
      for (let k = 0; k < lineFn.length; k++) {
        const f = fns.index.get(lineFn[k]);
        frames.push(f < 0 ? b.frameByIndex(unknownFn, 0, lineNo[k]) : b.frameByIndex(fns.name[f], fns.file[f], lineNo[k]));
      }
    }
  }
  frameStart[count] = frames.length;
  return { index, frameStart, frames: frames.finish() };
}

function readSamples(
  buf: Uint8Array,
  ranges: GrowableInt32,
  locs: Locations,
  valueCount: number,
  strings: string[],
  b: ProfileBuilder,
  onProgress?: (done: number, total: number) => void,
): void {
  const w = new Wire(buf);
  const values = new Float64Array(valueCount);
  const locIds: number[] = [];
  const labels: { key: number; str: number; num: number; unit: number }[] = [];
  const pushLoc = (v: number) => locIds.push(v);
  const count = ranges.length / 2;
  const { frameStart, frames } = locs;
  for (let i = 0; i < count; i++) {
    if (onProgress && (i & 16383) === 0) onProgress(i, count);
    w.pos = ranges.get(2 * i);
    w.end = ranges.get(2 * i + 1);
    locIds.length = 0;
    labels.length = 0;
    values.fill(0);
    let v = 0;
    while (w.pos < w.end) {
      const t = w.tag();
      const field = t >>> 3;
      if (field === 1) w.repeatedInts(t & 7, false, pushLoc);
      else if (field === 2)
        w.repeatedInts(t & 7, true, (x) => {
          if (v < valueCount) values[v] = x;
          v++;
        });
      else if (field === 3 && (t & 7) === WIRE_LEN) labels.push(readLabel(w));
      else w.skip(t & 7);
    }
    if (v !== valueCount) throw new PprofError(`sample ${i} has ${v} values but the profile declares ${valueCount} sample types`);
    // Walk from the outermost caller down to the leaf, one frame at a time.
    let node = 0;
    for (let l = locIds.length - 1; l >= 0; l--) {
      const loc = locs.index.get(locIds[l]);
      if (loc < 0) throw new PprofError(`sample ${i} refers to location id ${locIds[l]}, which the profile does not define`);
      for (let k = frameStart[loc + 1] - 1; k >= frameStart[loc]; k--) node = b.child(node, frames[k]);
    }
    const s = b.sample(node, values);
    for (const lab of labels) {
      const key = strings[lab.key] ?? '';
      if (lab.str !== 0) b.stringLabel(s, key, strings[lab.str] ?? '');
      else b.numberLabel(s, key, lab.num, strings[lab.unit] ?? '');
    }
  }
}

function readLabel(w: Wire): { key: number; str: number; num: number; unit: number } {
  const n = w.len();
  const stop = w.pos + n;
  const outer = w.end;
  w.end = stop;
  const lab = { key: 0, str: 0, num: 0, unit: 0 };
  while (w.pos < stop) {
    const t = w.tag();
    if ((t & 7) !== WIRE_VARINT) w.skip(t & 7);
    else if (t >>> 3 === 1) lab.key = w.uint();
    else if (t >>> 3 === 2) lab.str = w.uint();
    else if (t >>> 3 === 3) lab.num = w.int64();
    else if (t >>> 3 === 4) lab.unit = w.uint();
    else w.uint();
  }
  w.end = outer;
  return lab;
}

export function decodePprof(buf: Uint8Array, onProgress?: (done: number, total: number) => void): Profile {
  let top: TopLevel;
  try {
    top = scanTopLevel(buf);
  } catch (e) {
    if (e instanceof WireError) throw new PprofError(`not a valid pprof protobuf: ${e.message}`);
    throw e;
  }
  const strings = readStrings(buf, top.strings);
  if (strings.length > 0 && strings[0] !== '') throw new PprofError('not a valid pprof profile: string_table[0] must be empty');
  const s = (i: number) => strings[i] ?? '';
  if (top.sampleTypes.length === 0 && top.samples.length > 0) throw new PprofError('profile has samples but no sample types');

  const b = new ProfileBuilder(top.sampleTypes.length);
  const interned = new Int32Array(strings.length);
  for (let i = 0; i < strings.length; i++) interned[i] = b.intern(strings[i]);
  const str = (i: number) => (i < interned.length ? interned[i] : 0);
  try {
    const fns = readFunctions(buf, top.functions, str);
    const mappings = readMappings(buf, top.mappings, strings);
    const locs = readLocations(buf, top.locations, fns, mappings, b);
    readSamples(buf, top.samples, locs, top.sampleTypes.length, strings, b, onProgress);
    const sampleTypes: ValueType[] = top.sampleTypes.map(([t, u]) => ({ type: s(t), unit: s(u) }));
    const defaultName = s(top.defaultSampleType);
    const byName = defaultName ? sampleTypes.findIndex((t) => t.type === defaultName) : -1;
    return b.build({
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
      mappings: mappings.list,
    });
  } catch (e) {
    if (e instanceof WireError) throw new PprofError(`corrupt pprof profile: ${e.message}`);
    throw e;
  }
}
