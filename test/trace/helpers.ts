/** Shared helpers for the trace tests: fixture loading and pprof summaries. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ungzip } from 'pako';
import { decodePprof } from '../../src/formats/pprof/decode';
import type { Profile } from '../../src/model/profile';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/traces');

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, ...parts)));
}

export function goldenJson(base: string): Golden {
  return JSON.parse(new TextDecoder().decode(ungzip(fixture('v2', `${base}.golden.json.gz`)))) as Golden;
}

export function readPprof(bytes: Uint8Array): Profile {
  return decodePprof(bytes[0] === 0x1f && bytes[1] === 0x8b ? ungzip(bytes) : bytes);
}

export interface ProfileStats {
  total: number;
  contentions: number;
  /** Top functions by flat delay: [name, delay]. */
  top: [string, number][];
}

/** Total delay, total contentions and the 10 functions with the most flat delay. */
export function profileStats(p: Profile, n = 10): ProfileStats {
  const vi = p.sampleTypes.findIndex((t) => t.type === 'delay');
  const ci = p.sampleTypes.findIndex((t) => t.type === 'contentions');
  let total = 0;
  let contentions = 0;
  const flat = new Map<string, number>();
  for (let i = 0; i < p.samples.count; i++) {
    const v = p.samples.values[vi][i];
    total += v;
    contentions += p.samples.values[ci][i];
    const node = p.samples.stack[i];
    const f = node > 0 ? p.strings[p.frames.func[p.stacks.frame[node]]] : '(no stack)';
    flat.set(f, (flat.get(f) ?? 0) + v);
  }
  const top = [...flat.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  return { total, contentions, top };
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
