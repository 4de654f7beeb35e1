/**
 * A pprof profile's headline facts in a lean pass over its bytes, with no model built:
 * sample types, every type's total, the sample count, times, label keys and which Go
 * profile it is. An archive of hundreds of replicas' profiles is listed and ranked from
 * these, and a profile is decoded in full (decode.ts) only when it is viewed. Totals are
 * summed in sample order, as the full decode's summary sums them, so the two agree exactly.
 * Nothing is kept per sample, location or string: a second walk decodes the few strings
 * named, and only a mutex or block profile walks again for its samples' leaf functions.
 *
 * What the lean pass cannot promise to match is left to the full decode: a profile with
 * drop_frames (pruning can move a sample's leaf, which decides mutex against block) is
 * answered with null, and a malformed one throws.
 */
import type { ProfileKind } from '../../model/file-kind';
import type { ProfileMeta } from '../../model/profile';
import { decodeUtf8 } from '../utf8';
import { classifyFacts } from './kind';
import { readValueType, Wire, WIRE_LEN, WIRE_VARINT, WireError } from './wire';

export interface PprofSummary
  extends Pick<ProfileMeta, 'sampleTypes' | 'defaultSampleType' | 'periodType' | 'period' | 'timeNanos' | 'durationNanos' | 'comments' | 'keepFrames'> {
  kind: ProfileKind;
  sampleCount: number;
  /** Sum of every sample's value, one per sample type. */
  totals: number[];
  mappingCount: number;
  /** Keys of the labels its samples carry, sorted. */
  labelKeys: string[];
}

/** The top-level facts of one walk, strings as indexes into the string table. */
interface Facts {
  sampleTypes: [number, number][];
  periodType: [number, number] | null;
  sampleCount: number;
  totals: number[];
  /** Fewest and most values a sample had (both must be the sample types' count). */
  valuesMin: number;
  valuesMax: number;
  labelKeys: Set<number>;
  mappingCount: number;
  stringCount: number;
  comments: number[];
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  durationNanos: number;
  period: number;
  defaultSampleType: number;
}

/** Calls `visit` with each top-level field; a field it does not read (returns false) is skipped. */
function eachField(buf: Uint8Array, visit: (field: number, wt: number, w: Wire) => boolean): void {
  const w = new Wire(buf);
  while (w.pos < w.end) {
    const tag = w.tag();
    const field = tag >>> 3;
    if (field === 0) throw new WireError('field number 0 (not a protobuf message)', w.pos);
    if (!visit(field, tag & 7, w)) w.skip(tag & 7);
  }
}

function readFacts(buf: Uint8Array): Facts {
  const f: Facts = {
    sampleTypes: [],
    periodType: null,
    sampleCount: 0,
    totals: [],
    valuesMin: Infinity,
    valuesMax: 0,
    labelKeys: new Set(),
    mappingCount: 0,
    stringCount: 0,
    comments: [],
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0,
    durationNanos: 0,
    period: 0,
    defaultSampleType: 0,
  };
  eachField(buf, (field, wt, w) => {
    if (wt === WIRE_LEN) {
      if (field === 2) sample(w, f);
      else if (field === 1) f.sampleTypes.push(readValueType(w));
      else if (field === 11) f.periodType = readValueType(w);
      else if (field === 6) {
        const n = w.len();
        if (f.stringCount++ === 0 && n !== 0) throw new WireError('string_table[0] must be empty', w.pos);
        w.pos += n;
      } else if (field === 3) {
        f.mappingCount++;
        return false;
      } else if (field === 13) w.repeatedInts(wt, false, (v) => f.comments.push(v));
      else return false;
      return true;
    }
    if (field === 13) w.repeatedInts(wt, false, (v) => f.comments.push(v));
    else if (wt !== WIRE_VARINT || field < 7 || field > 14 || field === 11) return false;
    else {
      const v = w.int64();
      if (field === 7) f.dropFrames = v;
      else if (field === 8) f.keepFrames = v;
      else if (field === 9) f.timeNanos = v;
      else if (field === 10) f.durationNanos = v;
      else if (field === 12) f.period = v;
      else f.defaultSampleType = v;
    }
    return true;
  });
  return f;
}

/** One sample: its values added to the totals (by position), its label keys noted; its locations skipped unread. */
function sample(w: Wire, f: Facts): void {
  const n = w.len();
  const stop = w.pos + n;
  const outer = w.end;
  w.end = stop;
  const totals = f.totals;
  let v = 0;
  while (w.pos < stop) {
    const t = w.tag();
    const field = t >>> 3;
    const wt = t & 7;
    if (field === 2 && wt === WIRE_LEN) {
      const m = w.len();
      const end = w.pos + m;
      w.end = end;
      for (; w.pos < end; v++) totals[v] = (totals[v] ?? 0) + w.int64();
      w.end = stop;
    } else if (field === 2 && wt === WIRE_VARINT) {
      totals[v] = (totals[v] ?? 0) + w.int64();
      v++;
    } else if (field === 3 && wt === WIRE_LEN) f.labelKeys.add(labelKey(w));
    else w.skip(wt);
  }
  w.end = outer;
  f.sampleCount++;
  if (v < f.valuesMin) f.valuesMin = v;
  if (v > f.valuesMax) f.valuesMax = v;
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

/** The strings at `indexes` of the string table (others are skipped undecoded). */
function stringsAt(buf: Uint8Array, indexes: Iterable<number>): Map<number, string> {
  const wanted = new Set(indexes);
  const out = new Map<number, string>();
  let i = 0;
  eachField(buf, (field, wt, w) => {
    if (field !== 6 || wt !== WIRE_LEN) return false;
    const n = w.len();
    if (wanted.has(i)) out.set(i, decodeUtf8(buf, w.pos, w.pos + n));
    w.pos += n;
    i++;
    return true;
  });
  return out;
}

/** Null when only the full decode can say (drop_frames set); throws on a malformed profile. */
export function summarizePprof(buf: Uint8Array): PprofSummary | null {
  const f = readFacts(buf);
  const stringCount = Math.max(1, f.stringCount);
  const valid = (i: number) => (i > 0 && i < stringCount ? i : 0);
  const named = [
    ...f.sampleTypes.flat(),
    ...(f.periodType ?? []),
    ...f.comments,
    ...f.labelKeys,
    f.dropFrames,
    f.keepFrames,
    f.defaultSampleType,
  ];
  const strings = stringsAt(buf, named.map(valid));
  const str = (i: number): string => strings.get(valid(i)) ?? '';
  if (str(f.dropFrames) !== '') return null;
  const valueCount = f.sampleTypes.length;
  if (valueCount === 0 && f.sampleCount > 0) throw new WireError('profile has samples but no sample types', 0);
  if (f.sampleCount > 0 && (f.valuesMin !== valueCount || f.valuesMax !== valueCount)) {
    throw new WireError(`a sample has ${f.valuesMin === valueCount ? f.valuesMax : f.valuesMin} values but the profile declares ${valueCount} sample types`, 0);
  }
  const sampleTypes = f.sampleTypes.map(([t, u]) => ({ type: str(t), unit: str(u) }));
  const defaultName = str(f.defaultSampleType);
  const byName = defaultName ? sampleTypes.findIndex((t) => t.type === defaultName) : -1;
  const facts = {
    sampleTypes,
    // pprof shows the last sample type unless the profile names a default.
    defaultSampleType: byName >= 0 ? byName : Math.max(0, sampleTypes.length - 1),
    periodType: f.periodType ? { type: str(f.periodType[0]), unit: str(f.periodType[1]) } : null,
  };
  return {
    kind: classifyFacts(facts, () => leafNames(buf, stringCount)),
    ...facts,
    period: f.period,
    timeNanos: f.timeNanos,
    durationNanos: f.durationNanos,
    comments: f.comments.map(str),
    keepFrames: str(f.keepFrames),
    sampleCount: f.sampleCount,
    totals: Array.from({ length: valueCount }, (_, i) => f.totals[i] ?? 0),
    mappingCount: f.mappingCount,
    labelKeys: [...f.labelKeys].filter((k) => k > 0 && k < stringCount).map(str).sort(),
  };
}

/**
 * The samples' leaf function names with their sample counts, as the decoder names frames
 * (a location without lines is an address, an unknown function "?": neither is a function
 * name): walks the samples for their first location, then the locations and functions
 * those lead to.
 */
function leafNames(buf: Uint8Array, stringCount: number): [string, number][] {
  const leaves = new Map<number, number>();
  const locFn = new Map<number, number>();
  const fnName = new Map<number, number>();
  eachField(buf, (field, wt, w) => {
    if (field !== 2 || wt !== WIRE_LEN) return false;
    const leaf = sampleLeaf(w);
    if (leaf >= 0) leaves.set(leaf, (leaves.get(leaf) ?? 0) + 1);
    return true;
  });
  eachField(buf, (field, wt, w) => {
    if (field !== 4 || wt !== WIRE_LEN) return false;
    const [id, fn] = locationLeafFunction(w);
    if (leaves.has(id)) locFn.set(id, fn);
    return true;
  });
  const fns = new Set(locFn.values());
  eachField(buf, (field, wt, w) => {
    if (field !== 5 || wt !== WIRE_LEN) return false;
    const [id, name] = functionName(w);
    if (fns.has(id)) fnName.set(id, name);
    return true;
  });
  const names = stringsAt(buf, [...fnName.values()].filter((i) => i > 0 && i < stringCount));
  return [...leaves].map(([loc, n]) => {
    const fn = locFn.get(loc);
    if (fn === undefined) throw new WireError(`a sample refers to location id ${loc}, which the profile does not define`, 0);
    const name = fn < 0 ? undefined : fnName.get(fn);
    return [name === undefined ? '?' : (names.get(name) ?? ''), n];
  });
}

/** A sample's first location id (its leaf), or -1 when it has none. */
function sampleLeaf(w: Wire): number {
  const n = w.len();
  const stop = w.pos + n;
  let leaf = -1;
  while (w.pos < stop) {
    const t = w.tag();
    if (leaf < 0 && t === ((1 << 3) | WIRE_LEN)) {
      const m = w.len();
      const end = w.pos + m;
      if (m > 0) leaf = w.uint();
      w.pos = end;
    } else if (leaf < 0 && t === ((1 << 3) | WIRE_VARINT)) leaf = w.uint();
    else w.skip(t & 7);
  }
  return leaf;
}

/** A location's id and the function of its first line (the innermost frame), or -1 when it has no line. */
function locationLeafFunction(w: Wire): [number, number] {
  const n = w.len();
  const stop = w.pos + n;
  let id = 0;
  let fn = -1;
  while (w.pos < stop) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) id = w.uint();
    else if (t === ((4 << 3) | WIRE_LEN) && fn < 0) {
      const m = w.len();
      const end = w.pos + m;
      fn = 0;
      while (w.pos < end) {
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
  const n = w.len();
  const stop = w.pos + n;
  let id = 0;
  let name = 0;
  let system = 0;
  while (w.pos < stop) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) id = w.uint();
    else if (t === ((2 << 3) | WIRE_VARINT)) name = w.uint();
    else if (t === ((3 << 3) | WIRE_VARINT)) system = w.uint();
    else w.skip(t & 7);
  }
  return [id, name !== 0 ? name : system];
}
