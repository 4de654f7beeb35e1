/**
 * pprof's -tagfocus and -tagignore: keep or drop whole samples by their labels.
 *
 *   key=re1,re2    some value of label `key` matches one of the regexes
 *   re1,re2        every regex matches some "key:value" of the sample
 *   key=lo:hi      a numeric label `key` in [lo, hi] (either end may be left out;
 *   lo:hi          lo alone means exactly lo); without a key, any numeric label
 *
 * Numbers may carry a unit of the label's kind (b, kb, mb, gb; ns, us, ms, s), as pprof
 * allows. Like -focus, filtering never changes the total that percentages refer to.
 */
import type { Profile } from '../../model/profile';
import { FilterError } from '../calltree/filters';
import { numericLabelUnit } from './unit';

export interface LabelFilters {
  tagfocus?: string;
  tagignore?: string;
}

/** A sample's labels, read once per profile. */
interface SampleLabels {
  /** Rows of sample s are rows[start[s] .. start[s+1]) of the label table. */
  start: Int32Array;
  rows: Int32Array;
}

type SampleTest = (s: number) => boolean;

export function hasLabelFilter(f: LabelFilters): boolean {
  return !!(f.tagfocus || f.tagignore);
}

/** 1 for each sample the filters keep; null when there are no label filters. */
export function labelMask(p: Profile, f: LabelFilters): Uint8Array | null {
  if (!hasLabelFilter(f)) return null;
  const index = indexLabels(p);
  const focus = compileLabelFilter(p, index, 'tagfocus', f.tagfocus);
  const ignore = compileLabelFilter(p, index, 'tagignore', f.tagignore);
  const mask = new Uint8Array(p.samples.count);
  for (let s = 0; s < mask.length; s++) mask[s] = (!focus || focus(s)) && !(ignore && ignore(s)) ? 1 : 0;
  return mask;
}

function indexLabels(p: Profile): SampleLabels {
  const t = p.labels;
  const start = new Int32Array(p.samples.count + 1);
  for (let i = 0; i < t.count; i++) start[t.sample[i] + 1]++;
  for (let s = 0; s < p.samples.count; s++) start[s + 1] += start[s];
  const fill = start.slice(0, p.samples.count);
  const rows = new Int32Array(t.count);
  for (let i = 0; i < t.count; i++) rows[fill[t.sample[i]]++] = i;
  return { start, rows };
}

function compileLabelFilter(p: Profile, ix: SampleLabels, which: string, spec: string | undefined): SampleTest | null {
  if (!spec) return null;
  const eq = spec.indexOf('=');
  const key = eq >= 0 ? spec.slice(0, eq) : null;
  const value = eq >= 0 ? spec.slice(eq + 1) : spec;
  const t = p.labels;
  const keyIdx = key === null ? -1 : p.strings.indexOf(key);
  const each = (s: number, f: (row: number) => boolean): boolean => {
    for (let i = ix.start[s]; i < ix.start[s + 1]; i++) if (f(ix.rows[i])) return true;
    return false;
  };

  // As pprof, a number is a range over numeric labels; unlike pprof, not for a key that
  // only has strings (status=200), which it could never match.
  const range = hasNumbers(p, keyIdx, key !== null) ? parseRange(value) : null;
  if (range) {
    const inRange = (row: number) => t.str[row] < 0 && range(t.num[row], numericLabelUnit(p, row));
    return key === null ? (s) => each(s, inRange) : (s) => each(s, (row) => t.key[row] === keyIdx && inRange(row));
  }
  const res = value.split(',').map((v) => {
    try {
      return new RegExp(v);
    } catch (e) {
      throw new FilterError(which, v, (e as Error).message);
    }
  });
  if (key === null) {
    const pair = (row: number) => `${p.strings[t.key[row]]}:${p.strings[t.str[row]]}`;
    return (s) => res.every((re) => each(s, (row) => t.str[row] >= 0 && re.test(pair(row))));
  }
  return (s) => each(s, (row) => t.key[row] === keyIdx && t.str[row] >= 0 && res.some((re) => re.test(p.strings[t.str[row]])));
}

function hasNumbers(p: Profile, keyIdx: number, keyed: boolean): boolean {
  const t = p.labels;
  for (let i = 0; i < t.count; i++) if (t.str[i] < 0 && (!keyed || t.key[i] === keyIdx)) return true;
  return false;
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)([a-z]*)`;
const RANGE_RE = new RegExp(`^(?:${NUMBER})?(:)?(?:${NUMBER})?$`, 'i');

const SCALE: Record<string, { kind: string; factor: number }> = {
  b: { kind: 'bytes', factor: 1 },
  kb: { kind: 'bytes', factor: 1024 },
  mb: { kind: 'bytes', factor: 1024 ** 2 },
  gb: { kind: 'bytes', factor: 1024 ** 3 },
  tb: { kind: 'bytes', factor: 1024 ** 4 },
  ns: { kind: 'time', factor: 1 },
  us: { kind: 'time', factor: 1e3 },
  ms: { kind: 'time', factor: 1e6 },
  s: { kind: 'time', factor: 1e9 },
};
const UNIT_NAMES: Record<string, string> = { bytes: 'b', byte: 'b', nanoseconds: 'ns', nanosecond: 'ns' };

/** The scale of a label's unit (numericLabelUnit), or null when it has none. */
function unitScale(unit: string): { kind: string; factor: number } | null {
  return SCALE[(UNIT_NAMES[unit] ?? unit).toLowerCase()] ?? null;
}

/** "lo:hi", "lo:", ":hi" or "n" → a test on (value, unit); null when not a range. */
function parseRange(text: string): ((v: number, unit: string) => boolean) | null {
  const m = RANGE_RE.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const end = (num: string | undefined, unit: string | undefined) => {
    if (num === undefined) return null;
    const u = (unit ?? '').toLowerCase();
    if (u && !SCALE[u]) return undefined; // not a unit: the text is a regex
    return { n: Number(num), scale: u ? SCALE[u] : null };
  };
  const lo = end(m[1], m[2]);
  const hi = end(m[4], m[5]);
  if (lo === undefined || hi === undefined) return null;
  const colon = m[3] !== undefined;
  return (v, unit) => {
    const own = unitScale(unit);
    const inUnit = (e: { n: number; scale: { kind: string; factor: number } | null }) =>
      e.scale && own && e.scale.kind === own.kind ? (e.n * e.scale.factor) / own.factor : e.n;
    if (!colon) return lo !== null && v === inUnit(lo);
    return (lo === null || v >= inUnit(lo)) && (hi === null || v <= inUnit(hi));
  };
}
