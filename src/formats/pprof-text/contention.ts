/**
 * Mutex and block profiles at debug=1 (runtime/pprof writeProfileInternal):
 *
 *   --- mutex:                      ("--- contention:" for the block profile)
 *   cycles/second=2596106792
 *   sampling period=5               (mutex only: SetMutexProfileFraction)
 *   CYCLES COUNT @ 0xPC …
 *   …frame lines (groups.ts)
 *
 * Delays are CPU cycles; like the proto form, we turn them into nanoseconds.
 *
 * The sampling period is where readers go wrong. Today's runtime scales each
 * sampled mutex event by the period as it records it (count += period, cycles +=
 * period × cycles), so both numbers printed are multiples of the period. Go 1.19
 * and before counted the sampled events and scaled only the proto form, so their
 * text needs the period applied. pprof's legacy reader always applies it, counting
 * today's text period-times over. We read the numbers: if every count and every
 * delay is a multiple of the period they were scaled already; if not, we scale
 * them as those older runtimes did. Raw numbers pass for scaled ones by chance
 * about once in period² per record (both must be multiples).
 */
import type { ProfileKind } from '../../model/file-kind';
import type { Profile, ProfileMeta } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import type { LineReader } from '../text-lines';
import { readGroups } from './groups';

const HEADER_RE = /^--- (mutex|contention):\s*$/;
const ATTRIBUTE_RE = /^([a-z][a-z /]*?)\s*=\s*(\S+)\s*$/;
const RECORD_RE = /^\s*(\d+) +(\d+)\s*$/;

export function contentionTextKind(line: string): 'mutex' | 'block' | null {
  const m = HEADER_RE.exec(line);
  return m ? (m[1] === 'mutex' ? 'mutex' : 'block') : null;
}

export interface ContentionText {
  profile: Profile;
  kind: Extract<ProfileKind, 'mutex' | 'block'>;
}

/** `header` is the first line; the reader stands on it. */
export function parseContentionText(header: string, r: LineReader, warnings: string[]): ContentionText {
  const kind = contentionTextKind(header);
  if (!kind) r.fail(`the first line is not "--- mutex:" or "--- contention:": ${JSON.stringify(header.slice(0, 120))}`);

  let cyclesPerSecond = 0;
  let period = 1;
  const b = new ProfileBuilder(2);
  readGroups(
    r,
    b,
    {
      values: (left) => {
        const m = RECORD_RE.exec(left);
        return m ? [Number(m[2]), Number(m[1])] : null; // printed as cycles then count
      },
      describe: ([count]) => `the record of ${count} contentions`,
      onGroup: (g) => b.sample(b.stackLeafFirst(g.frames), g.values),
      outside: (line) => {
        const a = ATTRIBUTE_RE.exec(line);
        if (!a) return false;
        const value = Number(a[2]);
        if (a[1] === 'cycles/second' && value > 0) cyclesPerSecond = value;
        else if (a[1] === 'sampling period' && Number.isInteger(value) && value > 0) period = value;
        else return false;
        return true;
      },
    },
    warnings,
  );
  const profile = b.build(contentionMeta(1));
  const { count, values: [counts, delays] } = profile.samples;
  const scaled = allMultiplesOf(counts, count, period) && allMultiplesOf(delays, count, period);
  const factor = period > 1 && !scaled ? period : 1;
  if (period > 1) {
    profile.comments.push(
      factor > 1
        ? `sampling period ${period}: counts and delays multiplied by ${period}, as the runtime that wrote these raw counts did for its proto form`
        : `sampling period ${period}: every count and delay is a multiple of it, so the runtime had already scaled them`,
    );
  }
  if (cyclesPerSecond === 0) warnings.push('no "cycles/second" line: delays are shown in CPU cycles, as written');
  const perNano = cyclesPerSecond > 0 ? cyclesPerSecond / 1e9 : 1;
  for (let i = 0; i < count; i++) {
    counts[i] *= factor;
    delays[i] = Math.trunc((delays[i] / perNano) * factor);
  }
  return { profile, kind };
}

function allMultiplesOf(values: Float64Array, count: number, period: number): boolean {
  for (let i = 0; i < count; i++) if (values[i] % period !== 0) return false;
  return true;
}

/** What pprof reads a contention text as: contentions and delay, the delay shown first. */
export function contentionMeta(period: number): ProfileMeta {
  return {
    ...simpleMeta('pprof-text', [
      { type: 'contentions', unit: 'count' },
      { type: 'delay', unit: 'nanoseconds' },
    ]),
    defaultSampleType: 1,
    periodType: { type: 'contentions', unit: 'count' },
    period,
  };
}
