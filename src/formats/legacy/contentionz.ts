/**
 * gperftools' lock contention profile (google/pprof profile/legacy_profile.go,
 * parseContention):
 *
 *   --- contentionz 1 ---
 *   cycles/second = 3201000000
 *   sampling period = 100
 *   ms since reset = 16502830
 *   DELAY_CYCLES COUNT @ 0xPC 0xPC …     (one line per stack, addresses only)
 *   --- Memory map: ---
 *
 * Each record is one in `sampling period` contentions: pprof multiplies counts and
 * delays by the period, and turns cycles into nanoseconds with cycles/second.
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder } from '../../model/profile-builder';
import { contentionMeta } from '../pprof-text/contention';
import type { LineReader } from '../text-lines';
import { addressFrame, placeAddressFrames } from './address-frames';
import { headerLine, hexAddresses, memoryMapLines } from './lines';
import { readMemoryMap } from './memory-map';

export const CONTENTIONZ_HEADER = '--- contentionz ';
const RECORD_RE = /(\d+) *(\d+) @([ x0-9a-f]*)/;
const ATTRIBUTES = new Set(['cycles/second', 'sampling period', 'ms since reset', 'discarded samples']);

/** The reader stands before the header line. */
export function parseContentionz(r: LineReader, warnings: string[]): Profile {
  if (!headerLine(r)?.startsWith(CONTENTIONZ_HEADER.trim())) r.fail(`not a "${CONTENTIONZ_HEADER.trim()} …" header`);
  let cyclesPerSecond = 0;
  let period = 1;
  let durationNanos = 0;
  let line: string | null = null;
  // "name = value" lines, up to the first record.
  while (r.next()) {
    const L = r.line.trim();
    if (L === '' || L.startsWith('#')) continue;
    const eq = L.indexOf('=');
    if (L.startsWith('---') || eq < 0) {
      line = L;
      break;
    }
    const key = L.slice(0, eq).trim();
    const value = Number(L.slice(eq + 1).trim());
    if (!ATTRIBUTES.has(key)) r.fail(`unknown attribute "${key}"`);
    if (!Number.isSafeInteger(value)) r.fail(`"${key}" is not an integer`);
    if (key === 'cycles/second') cyclesPerSecond = value;
    else if (key === 'sampling period') period = value;
    else if (key === 'ms since reset') durationNanos = value * 1e6;
  }
  if (cyclesPerSecond <= 0) warnings.push('no "cycles/second": delays are shown in CPU cycles, as written');
  // pprof scales only with a positive period, and turns cycles into time only when it knows the clock.
  const scaled = period > 0;
  const perNano = cyclesPerSecond / 1e9;

  const b = new ProfileBuilder(2);
  for (; line !== null && !line.startsWith('---'); line = r.next() ? r.line.trim() : null) {
    if (line === '' || line.startsWith('#')) continue;
    const m = RECORD_RE.exec(line);
    if (!m) r.fail(`not a "DELAY COUNT @ addresses" record: ${JSON.stringify(line.slice(0, 120))}`);
    const [cycles, count] = [Number(m[1]), Number(m[2])];
    const delay = scaled && perNano > 0 ? Math.trunc((cycles * period) / perNano) : cycles;
    const frames = hexAddresses(m[3]).map((a) => addressFrame(b, a));
    b.sample(b.stackLeafFirst(frames), [scaled ? count * period : count, delay]);
  }
  const profile = b.build({ ...contentionMeta(period), durationNanos });
  placeAddressFrames(profile, readMemoryMap(memoryMapLines(r, line), (m) => r.fail(m)));
  return profile;
}
