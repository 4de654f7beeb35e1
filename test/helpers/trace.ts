/** Shared helpers for the trace tests: fixture loading and pprof summaries. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ungzip } from 'pako';
import { expect } from 'vitest';
import { derivedProfile, goroutineGroups } from '../../src/analysis/trace';
import type { Profile } from '../../src/model/profile';
import type { TraceModel } from '../../src/model/trace';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/traces');

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, ...parts)));
}

export function goldenJson(base: string, dir = 'v2', suffix = '.golden.json.gz'): Golden {
  return JSON.parse(new TextDecoder().decode(ungzip(fixture(dir, `${base}${suffix}`)))) as Golden;
}

/** A fixture that may be stored gzipped (`name.gz`). */
export function maybeGzipped(...parts: string[]): Uint8Array {
  const b = fixture(...parts);
  return b[0] === 0x1f && b[1] === 0x8b ? ungzip(b) : b;
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

/** Times may differ by the reader's 1 ns monotonic fix-up; ours replicates it, so allow 2. */
export const NS_TOLERANCE = 2;

/** Our goroutine table in the golden files' terms, keyed by goroutine id. */
export function perGoroutine(model: TraceModel): Map<number, Record<string, unknown>> {
  const g = model.goroutines;
  const s = model.symbols.strings;
  const base = model.summary.clockBaseNs;
  const block = new Map<number, Record<string, number>>();
  for (let i = 0; i < model.blockByReason.count; i++) {
    const r = block.get(model.blockByReason.goroutine[i]) ?? {};
    r[s[model.blockByReason.key[i]]] = model.blockByReason.ns[i];
    block.set(model.blockByReason.goroutine[i], r);
  }
  const ranges = new Map<number, Record<string, number>>();
  for (let i = 0; i < model.rangeTimes.count; i++) {
    const r = ranges.get(model.rangeTimes.goroutine[i]) ?? {};
    r[s[model.rangeTimes.key[i]]] = model.rangeTimes.ns[i];
    ranges.set(model.rangeTimes.goroutine[i], r);
  }
  const byId = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < g.count; i++) {
    byId.set(g.id[i], {
      name: s[g.name[i]],
      execNs: g.execNs[i],
      schedWaitNs: g.schedWaitNs[i],
      syscallNs: g.syscallNs[i],
      syscallBlockNs: g.syscallBlockNs[i],
      totalNs: g.totalNs[i],
      creationTime: g.creationNs[i] + base,
      startTime: Number.isNaN(g.startNs[i]) ? 0 : g.startNs[i] + base,
      endTime: Number.isNaN(g.endNs[i]) ? 0 : g.endNs[i] + base,
      regions: g.regions[i],
      blockNsByReason: block.get(i) ?? {},
      rangeNs: ranges.get(i) ?? {},
    });
  }
  return byId;
}

function closeTo(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > NS_TOLERANCE) return false;
  return true;
}

/** Every difference between our goroutines and the golden ones (empty when they agree). */
export function goroutineDiffs(model: TraceModel, golden: Golden): string[] {
  const mine = perGoroutine(model);
  const bad: string[] = [];
  for (const gg of golden.goroutines) {
    const m = mine.get(gg.id);
    if (!m) {
      bad.push(`missing ${gg.id}`);
      continue;
    }
    for (const k of ['execNs', 'schedWaitNs', 'syscallNs', 'syscallBlockNs', 'totalNs', 'creationTime', 'startTime', 'endTime'] as const) {
      if (Math.abs((m[k] as number) - gg[k]) > NS_TOLERANCE) bad.push(`g${gg.id} ${k}: ${m[k]} vs ${gg[k]}`);
    }
    if (m.name !== gg.name) bad.push(`g${gg.id} name ${m.name} vs ${gg.name}`);
    if (m.regions !== gg.regions) bad.push(`g${gg.id} regions ${m.regions} vs ${gg.regions}`);
    if (!closeTo(m.blockNsByReason as Record<string, number>, gg.blockNsByReason ?? {})) bad.push(`g${gg.id} block by reason`);
    if (!closeTo(m.rangeNs as Record<string, number>, gg.rangeNs ?? {})) bad.push(`g${gg.id} range times`);
  }
  return bad;
}

/** Our task table in the golden files' terms. */
export function taskRows(model: TraceModel): Golden['tasks'] {
  return model.tasks.map((t) => ({
    id: t.id,
    name: t.name,
    parent: t.parent,
    complete: t.startNs !== null && t.endNs !== null,
    logs: t.logs,
    regions: t.regions,
    goroutines: t.goroutines,
  }));
}

/** Rows of the goroutines page of `go tool trace`: start location, count, exec time (ns). */
function goroutinesPage(html: string): Map<string, { count: number; execNs: number }> {
  const unescape = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const units: Record<string, number> = { ns: 1, 'µs': 1e3, ms: 1e6, s: 1e9 };
  const rows = new Map<string, { count: number; execNs: number }>();
  const re = /<td><code><a href="[^"]*">([^<]*)<\/a><\/code><\/td>\s*<td>(\d+)<\/td>\s*<td>([\d.]+)(ns|µs|ms|s)<\/td>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    rows.set(unescape(m[1]), { count: Number(m[2]), execNs: Math.round(Number(m[3]) * units[m[4]]) });
  }
  return rows;
}

export function expectGroupsLikeGoTool(model: TraceModel, html: string, checkExec = true): void {
  const page = goroutinesPage(html);
  expect(page.size).toBeGreaterThan(3);
  const groups = new Map(goroutineGroups(model).map((g) => [g.name, g]));
  for (const [name, row] of page) {
    // The page lists goroutines without a stack under a placeholder name.
    const g = groups.get(name.startsWith('(') ? '' : name);
    expect(g, name).toBeDefined();
    expect(g!.count, name).toBe(row.count);
    if (checkExec) expect(Math.abs(g!.total.execNs - row.execNs), name).toBeLessThan(1000); // page rounds
  }
}

/** Our derived profile of `kind` equals the one `go tool trace -pprof=kind` wrote (total, contentions, top 10). */
export function expectDerivedLikeGoTool(model: TraceModel, kind: 'net' | 'sync' | 'syscall' | 'sched', goPprof: Uint8Array): void {
  const gold = pprofStats(readPprof(goPprof));
  const mine = profileStats(derivedProfile(model, kind));
  expect(mine.total).toBe(gold.total);
  expect(mine.contentions).toBe(gold.contentions);
  expect(mine.top).toEqual(gold.top);
}
