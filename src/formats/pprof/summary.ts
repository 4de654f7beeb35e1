/**
 * A pprof profile's headline facts in one lean pass over its bytes, with no model built:
 * sample types, every type's total, the sample count, times, label keys and which Go
 * profile it is. An archive of hundreds of replicas' profiles is listed and ranked from
 * these, and a profile is decoded in full (decode.ts) only when it is viewed. Totals are
 * summed in sample order, as the full decode's summary sums them, so the two agree exactly.
 *
 * What the lean pass cannot promise to match is left to the full decode: a profile with
 * drop_frames (pruning can move a sample's leaf, which decides mutex against block) is
 * answered with null, and a malformed one throws.
 */
import type { ProfileKind } from '../../model/file-kind';
import type { ValueType } from '../../model/profile';
import { GrowableInt32 } from '../../model/growable';
import { decodeUtf8 } from '../utf8';
import { classifyFacts } from './kind';
import { Wire, WIRE_LEN, WIRE_VARINT, WireError } from './wire';

export interface PprofSummary {
  kind: ProfileKind;
  sampleTypes: ValueType[];
  defaultSampleType: number;
  periodType: ValueType | null;
  period: number;
  timeNanos: number;
  durationNanos: number;
  comments: string[];
  keepFrames: string;
  sampleCount: number;
  /** Sum of every sample's value, one per sample type. */
  totals: number[];
  mappingCount: number;
  /** Keys of the labels its samples carry, sorted. */
  labelKeys: string[];
}

/** Where each top-level message lies, and the scalars (string indexes unresolved). */
interface Layout {
  sampleTypes: [number, number][];
  periodType: [number, number] | null;
  samples: GrowableInt32;
  locations: GrowableInt32;
  functions: GrowableInt32;
  strings: GrowableInt32;
  mappingCount: number;
  comments: number[];
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  durationNanos: number;
  period: number;
  defaultSampleType: number;
}

function valueType(w: Wire): [number, number] {
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

function layout(buf: Uint8Array): Layout {
  const w = new Wire(buf);
  const l: Layout = {
    sampleTypes: [],
    periodType: null,
    samples: new GrowableInt32(1024),
    locations: new GrowableInt32(1024),
    functions: new GrowableInt32(1024),
    strings: new GrowableInt32(1024),
    mappingCount: 0,
    comments: [],
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0,
    durationNanos: 0,
    period: 0,
    defaultSampleType: 0,
  };
  const ranges: Partial<Record<number, GrowableInt32>> = { 2: l.samples, 4: l.locations, 5: l.functions, 6: l.strings };
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
    } else if (field === 1 && wt === WIRE_LEN) l.sampleTypes.push(valueType(w));
    else if (field === 11 && wt === WIRE_LEN) l.periodType = valueType(w);
    else if (field === 3 && wt === WIRE_LEN) {
      l.mappingCount++;
      w.skip(wt);
    } else if (field === 13) w.repeatedInts(wt, false, (v) => l.comments.push(v));
    else if (field >= 7 && field <= 14 && field !== 11 && wt === WIRE_VARINT) {
      const v = w.int64();
      if (field === 7) l.dropFrames = v;
      else if (field === 8) l.keepFrames = v;
      else if (field === 9) l.timeNanos = v;
      else if (field === 10) l.durationNanos = v;
      else if (field === 12) l.period = v;
      else l.defaultSampleType = v;
    } else w.skip(wt);
  }
  return l;
}

interface SampleFacts {
  totals: number[];
  /** String indexes of label keys, as written (checked against the table later). */
  labelKeys: Set<number>;
  /** Leaf location id → samples ending there; only gathered when asked. */
  leaves: Map<number, number> | null;
}

/** Every sample's values summed per type, its label keys, and (for contention) its leaf location. */
function readSamples(buf: Uint8Array, ranges: GrowableInt32, valueCount: number, wantLeaves: boolean): SampleFacts {
  const totals = new Array<number>(valueCount).fill(0);
  const labelKeys = new Set<number>();
  const leaves = wantLeaves ? new Map<number, number>() : null;
  const w = new Wire(buf);
  for (let i = 0; i < ranges.length; i += 2) {
    w.pos = ranges.get(i);
    w.end = ranges.get(i + 1);
    let v = 0;
    let leaf = -1;
    while (w.pos < w.end) {
      const t = w.tag();
      const field = t >>> 3;
      const wt = t & 7;
      if (field === 1 && wt === WIRE_LEN) {
        // Location ids, leaf first: only the leaf may matter, the rest is skipped unread.
        const n = w.len();
        if (leaves && leaf < 0 && n > 0) {
          const stop = w.pos + n;
          leaf = w.uint();
          w.pos = stop;
        } else w.pos += n;
      } else if (field === 1 && wt === WIRE_VARINT) {
        const id = w.uint();
        if (leaf < 0) leaf = id;
      } else if (field === 2 && wt === WIRE_LEN) {
        const n = w.len();
        const stop = w.pos + n;
        const outer = w.end;
        w.end = stop;
        for (; w.pos < stop; v++) {
          const x = w.int64();
          if (v < valueCount) totals[v] += x;
        }
        w.end = outer;
      } else if (field === 2 && wt === WIRE_VARINT) {
        const x = w.int64();
        if (v < valueCount) totals[v] += x;
        v++;
      } else if (field === 3 && wt === WIRE_LEN) labelKeys.add(labelKey(w));
      else w.skip(wt);
    }
    if (v !== valueCount) throw new WireError(`sample ${i / 2} has ${v} values but the profile declares ${valueCount} sample types`, w.pos);
    if (leaves && leaf >= 0) leaves.set(leaf, (leaves.get(leaf) ?? 0) + 1);
  }
  return { totals, labelKeys, leaves };
}

function labelKey(w: Wire): number {
  const n = w.len();
  const stop = w.pos + n;
  let key = 0;
  while (w.pos < stop) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) key = w.uint();
    else w.skip(t & 7);
  }
  return key;
}

/** The id and `field`'s first varint of each message in `ranges` whose id `want` accepts (for a location, its first line's message). */
function idMap(buf: Uint8Array, ranges: GrowableInt32, read: (w: Wire) => [id: number, value: number], want: (id: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  const w = new Wire(buf);
  for (let i = 0; i < ranges.length; i += 2) {
    w.pos = ranges.get(i);
    w.end = ranges.get(i + 1);
    const [id, value] = read(w);
    if (want(id)) out.set(id, value);
  }
  return out;
}

/** A location's id and the function of its first line (the innermost frame), or -1 when it has no line. */
function locationLeafFunction(w: Wire): [number, number] {
  let id = 0;
  let fn = -1;
  while (w.pos < w.end) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) id = w.uint();
    else if (t === ((4 << 3) | WIRE_LEN) && fn < 0) {
      const n = w.len();
      const stop = w.pos + n;
      fn = 0;
      while (w.pos < stop) {
        const lt = w.tag();
        if (lt === ((1 << 3) | WIRE_VARINT)) fn = w.uint();
        else w.skip(lt & 7);
      }
    } else w.skip(t & 7);
  }
  return [id, fn];
}

/** A function's id and its name's string index (system_name when it has no name, as pprof falls back). */
function functionName(w: Wire): [number, number] {
  let id = 0;
  let name = 0;
  let system = 0;
  while (w.pos < w.end) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) id = w.uint();
    else if (t === ((2 << 3) | WIRE_VARINT)) name = w.uint();
    else if (t === ((3 << 3) | WIRE_VARINT)) system = w.uint();
    else w.skip(t & 7);
  }
  return [id, name !== 0 ? name : system];
}

/** Null when only the full decode can say (drop_frames set); throws on a malformed profile. */
export function summarizePprof(buf: Uint8Array): PprofSummary | null {
  const l = layout(buf);
  const stringCount = Math.max(1, l.strings.length / 2);
  const str = (i: number): string => (i > 0 && i < stringCount ? decodeUtf8(buf, l.strings.get(2 * i), l.strings.get(2 * i + 1)) : '');
  if (l.strings.length > 0 && l.strings.get(0) !== l.strings.get(1)) throw new WireError('string_table[0] must be empty', l.strings.get(0));
  if (str(l.dropFrames) !== '') return null;
  if (l.sampleTypes.length === 0 && l.samples.length > 0) throw new WireError('profile has samples but no sample types', 0);
  const sampleTypes = l.sampleTypes.map(([t, u]) => ({ type: str(t), unit: str(u) }));
  const defaultName = str(l.defaultSampleType);
  const byName = defaultName ? sampleTypes.findIndex((t) => t.type === defaultName) : -1;
  const facts = {
    sampleTypes,
    // pprof shows the last sample type unless the profile names a default.
    defaultSampleType: byName >= 0 ? byName : Math.max(0, sampleTypes.length - 1),
    periodType: l.periodType ? { type: str(l.periodType[0]), unit: str(l.periodType[1]) } : null,
  };
  const types = new Set(sampleTypes.map((t) => t.type));
  const samples = readSamples(buf, l.samples, sampleTypes.length, types.has('contentions') && types.has('delay'));
  const kind = classifyFacts(facts, () => leafNames(buf, l, samples.leaves!, str));
  return {
    kind,
    ...facts,
    period: l.period,
    timeNanos: l.timeNanos,
    durationNanos: l.durationNanos,
    comments: l.comments.map(str),
    keepFrames: str(l.keepFrames),
    sampleCount: l.samples.length / 2,
    totals: samples.totals,
    mappingCount: l.mappingCount,
    labelKeys: [...samples.labelKeys].filter((k) => k > 0 && k < stringCount).map(str).sort(),
  };
}

/** The leaf function names of the samples, as the decoder names frames (an address or "?" never matches a function). */
function* leafNames(buf: Uint8Array, l: Layout, leaves: Map<number, number>, str: (i: number) => string): Iterable<[string, number]> {
  const locFn = idMap(buf, l.locations, locationLeafFunction, (id) => leaves.has(id));
  const wanted = new Set(locFn.values());
  const fnName = idMap(buf, l.functions, functionName, (id) => wanted.has(id));
  for (const [loc, n] of leaves) {
    const fn = locFn.get(loc);
    if (fn === undefined) throw new WireError(`a sample refers to location id ${loc}, which the profile does not define`, 0);
    const name = fn < 0 ? undefined : fnName.get(fn);
    yield [name === undefined ? '?' : str(name), n];
  }
}
