/**
 * Java's heap and contention profiles (google/pprof profile/legacy_java_profile.go):
 *
 *   --- heapz 1 ---                    or  --- contentionz 1 ---
 *   format = java                          format = java
 *   resolution = bytes                     resolution = microseconds
 *                                          sampling period = 100
 *   BYTES COUNT @ 0xID 0xID …              DELAY COUNT @ 0xID …
 *   …
 *   0x0000003 com.example.Foo.bar (Foo.java:12)     (symbol lines: java-symbols.ts)
 *
 * Heap records are sampled about one per 512 KiB and unsampled as pprof does;
 * contention records are one per `sampling period` and multiplied by it. The units
 * are the file's own ("resolution"), as pprof keeps them.
 */
import type { Profile, ValueType } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import { scaleHeapSample } from '../pprof-text/heap';
import type { LineReader } from '../text-lines';
import { addressFrame, addressName, placeAddressFrames } from './address-frames';
import { readJavaSymbols } from './java-symbols';
import { headerLine, hexAddresses, remainingLines } from './lines';
import { readMemoryMap } from './memory-map';

export type JavaTextKind = 'heap' | 'contention';

const HEADERS: Record<string, JavaTextKind> = { '--- heapz 1 ---': 'heap', '--- contentionz 1 ---': 'contention' };
const ATTRIBUTE_RE = /([\w ]+)=([\w ]+)/;
const RECORD_RE = / *(\d+) +(\d+) +@ +([ x0-9a-f]*)/;
/** The Java agent samples the heap about once per this many bytes. */
const JAVA_HEAP_RATE = 524288;

export function javaTextKind(header: string): JavaTextKind | null {
  return HEADERS[header.trim()] ?? null;
}

/** The reader stands before the header line. */
export function parseJavaText(r: LineReader): { profile: Profile; kind: JavaTextKind } {
  const kind = javaTextKind(headerLine(r) ?? '');
  if (!kind) r.fail(`not a "--- heapz 1 ---" or "--- contentionz 1 ---" header`);
  let types: ValueType[] | null = null;
  let period = 0;
  let durationNanos = 0;
  let line: string | null = null;
  while (r.next()) {
    const L = r.line.trim();
    if (L === '') continue;
    const a = ATTRIBUTE_RE.exec(L);
    if (!a) {
      line = L;
      break;
    }
    const [key, value] = [a[1].trim(), a[2].trim()];
    if (key === 'format') {
      if (value !== 'java') r.fail(`format "${value}", where only "java" is known`);
    } else if (key === 'resolution') {
      types =
        kind === 'heap'
          ? [
              { type: 'inuse_objects', unit: 'count' },
              { type: 'inuse_space', unit: value },
            ]
          : [
              { type: 'contentions', unit: 'count' },
              { type: 'delay', unit: value },
            ];
    } else if (kind === 'contention' && (key === 'sampling period' || key === 'ms since reset')) {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) r.fail(`"${key}" is not an integer`);
      if (key === 'sampling period') period = n;
      else durationNanos = n * 1e6;
    } else r.fail(`unknown attribute "${key}" in a Java ${kind} profile`);
  }
  if (!types) r.fail('no "resolution" line: the unit of the values is unknown');

  const b = new ProfileBuilder(2);
  const stacks: string[][] = [];
  const values: [number, number][] = [];
  const blockSizes: number[] = [];
  for (; line !== null; line = r.next() ? r.line.trim() : null) {
    if (line === '') continue;
    const m = RECORD_RE.exec(line);
    if (!m) break; // the symbol lines begin
    // Printed as the value, then the count.
    let [count, amount] = [Number(m[2]), Number(m[1])];
    if (kind === 'heap') {
      if (count === 0) r.fail(`a heap record of ${amount} bytes in 0 objects`);
      blockSizes.push(Math.trunc(amount / count));
      [count, amount] = scaleHeapSample(count, amount, JAVA_HEAP_RATE);
    } else if (period !== 0) {
      count *= period;
      amount *= period;
    }
    stacks.push(hexAddresses(m[3]).map(addressName));
    values.push([count, amount]);
  }
  const symbols = readJavaSymbols(b, line === null ? [] : [line, ...remainingLines(r)]);
  for (let i = 0; i < stacks.length; i++) {
    const s = b.sample(b.stackLeafFirst(stacks[i].map((a) => symbols.get(a) ?? addressFrame(b, a))), values[i]);
    // As pprof does: a heap sample is labelled with its objects' size.
    if (kind === 'heap') b.numberLabel(s, 'bytes', blockSizes[i]);
  }
  const profile = b.build({
    ...simpleMeta('pprof-text', types),
    defaultSampleType: 1,
    periodType: kind === 'contention' && period !== 0 ? { type: 'contentions', unit: 'count' } : null,
    period,
    durationNanos,
  });
  placeAddressFrames(profile, readMemoryMap([], (m) => r.fail(m)));
  return { profile, kind };
}
