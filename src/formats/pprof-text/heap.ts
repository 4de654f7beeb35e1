/**
 * Heap and allocs profiles at debug=1 (runtime/pprof writeHeapInternal):
 *
 *   heap profile: INUSE_OBJ: INUSE_B [ALLOC_OBJ: ALLOC_B] @ heap/2*MemProfileRate
 *   INUSE_OBJ: INUSE_B [ALLOC_OBJ: ALLOC_B] @ 0xPC …      one record per stack
 *   …frame lines (groups.ts)
 *
 *   # runtime.MemStats
 *   # Alloc = 123 …
 *
 * The numbers are the sampled ones. The proto form scales each record by the
 * sampler's odds (scaleHeapSample below); so do we, or the text and the proto of
 * the same moment would not agree. The header's "heap/N" is twice the sampling
 * rate, for the C++ heap profiler's sake; "heap_v2/N" is the rate itself.
 *
 * gperftools writes the same shape: "heapz_v2/N" (sampled), "heapprofile" (every
 * allocation), "growthz" and "fragmentationz" (every allocation, live objects only),
 * its records without symbol lines and followed by a memory map, all read as pprof
 * reads them.
 */
import type { Profile, ValueType } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import type { LineReader } from '../text-lines';
import { placeAddressFrames } from '../legacy/address-frames';
import { remainingLines } from '../legacy/lines';
import { readMemoryMap } from '../legacy/memory-map';
import { readGroups } from './groups';

const HEADER_RE = /^heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap_v2|heapz_v2|heap|heapprofile|growthz?|fragmentationz?)\/?(\d*)\s*$/;
const RECORD_RE = /^\s*(-?\d+): *(-?\d+) *\[ *(-?\d+): *(-?\d+) *\]\s*$/;
const MEMSTATS = '# runtime.MemStats';

const ALLOC_AND_INUSE: ValueType[] = [
  { type: 'alloc_objects', unit: 'count' },
  { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' },
  { type: 'inuse_space', unit: 'bytes' },
];
/** Old writers that did not tell allocations from live objects. */
const INUSE_ONLY: ValueType[] = [
  { type: 'objects', unit: 'count' },
  { type: 'space', unit: 'bytes' },
];

export function isHeapTextHeader(line: string): boolean {
  return HEADER_RE.test(line);
}

/** `header` is the first line; the reader stands on it. */
export function parseHeapText(header: string, r: LineReader, warnings: string[]): Profile {
  const h = HEADER_RE.exec(header);
  if (!h) r.fail(`the first line is not a "heap profile: …" header: ${JSON.stringify(header.slice(0, 120))}`);
  const [inuseObj, inuseB, allocObj, allocB] = [h[1], h[2], h[3], h[4]];
  const unsampled = h[5] === 'heapprofile' || /^(growth|fragmentation)/.test(h[5]);
  // Go writes alloc bytes one more than in-use bytes when they are equal, so the pair always counts as distinct.
  const hasAlloc =
    !/^(growth|fragmentation)/.test(h[5]) && ((allocObj !== inuseObj && allocObj !== '0') || (allocB !== inuseB && allocB !== '0'));
  const period = h[6] ? Number(h[6]) : 0;
  const rate = unsampled ? 1 : h[5] === 'heap' ? Math.trunc(period / 2) : period;
  if (!Number.isSafeInteger(rate)) r.fail(`the sampling rate ${h[6]} is past 2^53: no runtime writes one`);

  const b = new ProfileBuilder(hasAlloc ? 4 : 2);
  const row: number[] = [];
  const comments: string[] = [];
  let inMemStats = false;
  readGroups(
    r,
    b,
    {
      values: (left) => {
        const m = RECORD_RE.exec(left);
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
      },
      describe: (v) => `the record of ${v[0]} live and ${v[2]} allocated objects`,
      onGroup: (g, warn) => {
        const [liveN, liveB, allocN, allocBytes] = g.values;
        if ((liveN === 0 && liveB !== 0) || (hasAlloc && allocN === 0 && allocBytes !== 0)) {
          warn(`line ${g.line}: skipped a record with bytes but no objects`);
          return;
        }
        row.length = 0;
        if (hasAlloc) row.push(...(unsampled ? [allocN, allocBytes] : scaleHeapSample(allocN, allocBytes, rate)));
        row.push(...(unsampled ? [liveN, liveB] : scaleHeapSample(liveN, liveB, rate)));
        const s = b.sample(b.stackLeafFirst(g.frames), row);
        // As the proto form does: each sample is labelled with its objects' size.
        if (allocN > 0) b.numberLabel(s, 'bytes', Math.trunc(allocBytes / allocN));
      },
      outside: (line) => {
        if (line === MEMSTATS) inMemStats = true;
        else if (!inMemStats || !line.startsWith('# ')) return false;
        comments.push(compactZeroRun(line.slice(2)));
        return true;
      },
    },
    warnings,
  );
  const types = hasAlloc ? ALLOC_AND_INUSE : INUSE_ONLY;
  const profile = b.build({
    ...simpleMeta('pprof-text', types),
    defaultSampleType: types.length - 1,
    periodType: { type: 'space', unit: 'bytes' },
    period: rate,
    comments,
  });
  placeAddressFrames(profile, readMemoryMap(remainingLines(r), (m) => r.fail(m)));
  return profile;
}

/**
 * The sampler records an allocation of average size S with probability 1-exp(-S/rate);
 * dividing by that undoes the sampling. Same float steps and truncation as Go's.
 */
export function scaleHeapSample(count: number, size: number, rate: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const x = size / count / rate;
  // Below 2^-53, exp(-x) rounds to 1 and Go's formula divides by zero; 1-exp(-x) is x there.
  const p = 1 - Math.exp(-x);
  const scale = p > 0 ? 1 / p : 1 / x;
  return [Math.trunc(count * scale), Math.trunc(size * scale)];
}

/**
 * PauseNs and PauseEnd are 256-slot rings, mostly unused (zero) until 256 GCs have run:
 * "[288449 103535 0 0 … 0]" reads "[288449 103535 0 ×254]". The values stay exact.
 */
function compactZeroRun(line: string): string {
  return line.replace(/((?: 0){4,})\]$/, (_, run: string) => ` 0 ×${run.length / 2}]`);
}
