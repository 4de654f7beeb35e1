/**
 * Encoding-independent names for normalized stacks, so snapshots taken as debug=0,
 * debug=1 or debug=2 pair up. Keys use names and (for line granularity) file:line,
 * never goroutine ids, addresses or argument values.
 */
import type { Granularity } from '../calltree/frame-keys';
import { normFrames, toSnapshot, type GoroutineSource, type Snapshot } from './snapshot';

export function stackKey(s: Snapshot, norm: number): string {
  const p = s.source.profile;
  const parts: string[] = [];
  for (const f of normFrames(s, norm)) {
    const name = p.strings[p.frames.func[f]];
    parts.push(s.granularity === 'function' ? name : `${name} ${p.strings[p.frames.file[f]]}:${p.frames.line[f]}`);
  }
  return parts.join('\n');
}

export interface StackCount {
  /** Leaf-first frame names joined by "\n" (with " file:line" at line granularity). */
  key: string;
  count: number;
}

/**
 * Goroutine counts per normalized stack, most first; the same answer for a debug=0
 * Profile (decoded pprof, labels in its label table), a debug=1 Profile and a debug=2 dump.
 */
export function goroutineStackCounts(source: GoroutineSource, granularity: Granularity = 'function'): StackCount[] {
  const s = toSnapshot(source, granularity);
  const counts = new Map<number, number>();
  for (let u = 0; u < s.units; u++) {
    counts.set(s.unitNorm[u], (counts.get(s.unitNorm[u]) ?? 0) + (s.unitWeight ? s.unitWeight[u] : 1));
  }
  const merged = new Map<string, number>();
  for (const [norm, c] of counts) {
    const k = stackKey(s, norm);
    merged.set(k, (merged.get(k) ?? 0) + c);
  }
  return [...merged].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}
