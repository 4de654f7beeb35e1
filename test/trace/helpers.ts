/** Shared helpers for the trace tests: fixture loading and pprof summaries. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ungzip } from 'pako';
import type { Profile } from '../../src/model/profile';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/traces');

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, ...parts)));
}

export function goldenJson(base: string): Golden {
  return JSON.parse(new TextDecoder().decode(ungzip(fixture('v2', `${base}.golden.json.gz`)))) as Golden;
}

/** The parts of a pprof profile the trace tests compare (test-only protobuf reader). */
export interface MiniProfile {
  sampleTypes: string[];
  /** Per sample: leaf function name ("" when the sample has no location) and values. */
  samples: { leaf: string; values: number[] }[];
}

/** Minimal pprof reader: keeps these tests independent of the app's decoder. */
export function readPprof(bytes: Uint8Array): MiniProfile {
  const buf = bytes[0] === 0x1f && bytes[1] === 0x8b ? ungzip(bytes) : bytes;
  let pos = 0;
  const varint = (): number => {
    let x = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++];
      x += (b & 0x7f) * mul;
      if (b < 0x80) return x;
      mul *= 128;
    }
  };
  type Field = { f: number; v: number; start: number; end: number };
  const fields = (start: number, end: number): Field[] => {
    const out: Field[] = [];
    pos = start;
    while (pos < end) {
      const tag = varint();
      const wt = tag & 7;
      if (wt === 0) out.push({ f: Math.floor(tag / 8), v: varint(), start: 0, end: 0 });
      else if (wt === 2) {
        const n = varint();
        out.push({ f: Math.floor(tag / 8), v: 0, start: pos, end: pos + n });
        pos += n;
      } else if (wt === 1) pos += 8;
      else if (wt === 5) pos += 4;
      else throw new Error(`wire type ${wt}`);
    }
    return out;
  };
  const packed = (fl: Field[], f: number): number[] => {
    const out: number[] = [];
    for (const x of fl) {
      if (x.f !== f) continue;
      if (x.end > x.start) {
        const save = pos;
        pos = x.start;
        while (pos < x.end) out.push(varint());
        pos = save;
      } else out.push(x.v);
    }
    return out;
  };
  const top = fields(0, buf.length);
  const strings = top.filter((x) => x.f === 6).map((x) => new TextDecoder().decode(buf.subarray(x.start, x.end)));
  const funcName = new Map<number, string>();
  for (const x of top.filter((t) => t.f === 5)) {
    const fl = fields(x.start, x.end);
    funcName.set(fl.find((y) => y.f === 1)?.v ?? 0, strings[fl.find((y) => y.f === 2)?.v ?? 0]);
  }
  const locLeaf = new Map<number, string>();
  for (const x of top.filter((t) => t.f === 4)) {
    const fl = fields(x.start, x.end);
    const id = fl.find((y) => y.f === 1)?.v ?? 0;
    const line = fl.find((y) => y.f === 4);
    const fid = line ? (fields(line.start, line.end).find((y) => y.f === 1)?.v ?? 0) : 0;
    locLeaf.set(id, funcName.get(fid) ?? '');
  }
  const sampleTypes = top
    .filter((t) => t.f === 1)
    .map((x) => strings[fields(x.start, x.end).find((y) => y.f === 1)?.v ?? 0]);
  const samples = top
    .filter((t) => t.f === 2)
    .map((x) => {
      const fl = fields(x.start, x.end);
      const locs = packed(fl, 1);
      return { leaf: locs.length ? (locLeaf.get(locs[0]) ?? '') : '', values: packed(fl, 2) };
    });
  return { sampleTypes, samples };
}

export interface ProfileStats {
  total: number;
  contentions: number;
  /** Top functions by flat delay: [name, delay]. */
  top: [string, number][];
}

function statsOf(samples: { leaf: string; values: number[] }[], ci: number, vi: number, n: number): ProfileStats {
  let total = 0;
  let contentions = 0;
  const flat = new Map<string, number>();
  for (const s of samples) {
    total += s.values[vi];
    contentions += s.values[ci];
    const f = s.leaf === '' ? '(no stack)' : s.leaf;
    flat.set(f, (flat.get(f) ?? 0) + s.values[vi]);
  }
  const top = [...flat.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  return { total, contentions, top };
}

/** Total delay, total contentions and the 10 functions with the most flat delay. */
export function pprofStats(p: MiniProfile, n = 10): ProfileStats {
  return statsOf(p.samples, p.sampleTypes.indexOf('contentions'), p.sampleTypes.indexOf('delay'), n);
}

/** The same numbers for one of our Profiles. */
export function profileStats(p: Profile, n = 10): ProfileStats {
  const samples: { leaf: string; values: number[] }[] = [];
  for (let i = 0; i < p.samples.count; i++) {
    const node = p.samples.stack[i];
    samples.push({
      leaf: node > 0 ? p.strings[p.frames.func[p.stacks.frame[node]]] : '',
      values: p.samples.values.map((v) => v[i]),
    });
  }
  const t = p.sampleTypes.map((x) => x.type);
  return statsOf(samples, t.indexOf('contentions'), t.indexOf('delay'), n);
}

export interface GoldenGoroutine {
  id: number;
  name: string;
  execNs: number;
  schedWaitNs: number;
  syscallNs: number;
  syscallBlockNs: number;
  blockNsByReason?: Record<string, number>;
  rangeNs?: Record<string, number>;
  totalNs: number;
  creationTime: number;
  startTime: number;
  endTime: number;
  regions: number;
}

export interface Golden {
  events: number;
  syncEvents: number;
  firstTimeNs: number;
  lastTimeNs: number;
  eventsByKind: Record<string, number>;
  goStateTransitions: Record<string, number>;
  procStateTransitions: Record<string, number>;
  rangeBeginsByName: Record<string, number>;
  metricsByName: Record<string, number>;
  goroutines: GoldenGoroutine[];
  goroutineGroups: { name: string; count: number; execNs: number }[];
  tasks: { id: number; name: string; parent: number; complete: boolean; logs: number; regions: number; goroutines: number }[];
}
