/**
 * "Leak suspects": a short ranked list of stack groups most likely to be leaks, each with
 * its reasons in words, and a known leak shape where one matches.
 */
import { frameInfo, topUserFrame, type FrameInfo } from './frame-info';
import { formatCount, formatSigned } from './format';
import { groupByStack, groupRow, type GroupTable } from './group-by-stack';
import { matchLeakShape, type LeakShape } from './leak-shapes';
import { stackKey } from './stack-key';
import { blockingKind, normFrames, type Snapshot } from './snapshot';

export interface LeakSuspect {
  /** Group index in the current snapshot's table. */
  group: number;
  key: string;
  topUserFrame: FrameInfo | null;
  leaf: FrameInfo | null;
  count: number;
  /** Of them, marked leaked by the runtime's leak detector. */
  leaked: number;
  /** Change since the previous snapshot; null without one. */
  delta: number | null;
  score: number;
  reasons: string[];
  shape: LeakShape | null;
}

export interface LeakOptions {
  /** At most this many suspects (default 5). */
  limit?: number;
  /** Groups smaller than this are not suspects unless they grew (default 10). */
  minCount?: number;
}

const BLOCKED = /^(chan receive|chan send|select|IO wait|semacquire|sync\.|sleep)/;

export function leakSuspects(current: Snapshot, previous: Snapshot | null = null, opts: LeakOptions = {}): LeakSuspect[] {
  const limit = opts.limit ?? 5;
  const minCount = opts.minCount ?? 10;
  const table: GroupTable = groupByStack(current);
  const p = current.source.profile;

  let before: Map<string, number> | null = null;
  if (previous) {
    before = new Map();
    for (const g of groupByStack(previous).groups) {
      const k = stackKey(previous, g.norm);
      before.set(k, (before.get(k) ?? 0) + g.count);
    }
  }
  const totalGrowth = previous ? Math.max(0, current.total - previous.total) : 0;

  // Encodings without states: read the wait kind from one goroutine's raw frames.
  let firstUnit: Map<number, number> | null = null;
  const kindOf = (norm: number): string | null => {
    if (!firstUnit) {
      firstUnit = new Map();
      for (let u = current.units - 1; u >= 0; u--) firstUnit.set(current.unitNorm[u], u);
    }
    const u = firstUnit.get(norm);
    return u === undefined ? null : blockingKind(current, u);
  };

  const out: LeakSuspect[] = [];
  table.groups.forEach((g, gi) => {
    const row = groupRow(table, gi);
    const key = stackKey(current, g.norm);
    const prev = before ? (before.get(key) ?? 0) : null;
    const delta = prev === null ? null : row.count - prev;
    const grew = delta !== null && delta > 0 && (delta >= minCount || delta >= 0.5 * Math.max(prev ?? 0, 1));
    // The runtime's own verdict outranks every heuristic below, at any size.
    const proven = row.leaked > 0;
    if (row.count < minCount && !grew && !proven) return;

    const frames = normFrames(current, g.norm);
    const funcs = frames.map((f) => p.strings[p.frames.func[f]]);
    const kind = row.states[0]?.state ?? kindOf(g.norm);
    let creatorCount = 0;
    let creatorFrame = -1;
    for (const [c, n] of g.creators) if (n > creatorCount) [creatorFrame, creatorCount] = [c, n];
    // Without created-by (debug=0/1) one stack means one start function.
    const creatorShare = g.creators.size ? creatorCount / g.count : 1;
    const creator = creatorFrame >= 0 ? frameInfo(p, creatorFrame) : null;

    const reasons: string[] = [];
    let score = 0;
    if (proven) {
      reasons.push(
        `${formatCount(row.leaked)} marked leaked by the runtime: at the last GC nothing that could wake ${row.leaked === 1 ? 'it' : 'them'} was reachable`,
      );
      score += 100;
    }
    const share = current.total > 0 ? row.count / current.total : 0;
    if (delta !== null && delta > 0) {
      reasons.push(`grew by ${formatSigned(delta)} (${formatCount(prev ?? 0)} → ${formatCount(row.count)}) between snapshots`);
      score += 40 * (totalGrowth > 0 ? Math.min(1, delta / totalGrowth) : 0) + (grew ? 10 : 0);
    }
    if (share >= 0.2) {
      reasons.push(`${formatCount(row.count)} goroutines, ${Math.round(share * 100)}% of all`);
      score += 20 * share;
    }
    if (row.waitMax >= 1) {
      reasons.push(`waiting up to ${row.waitMax} minute${row.waitMax === 1 ? '' : 's'}`);
      score += Math.min(20, row.waitMax / 3 + 5);
    }
    if (kind && BLOCKED.test(kind)) {
      reasons.push(`blocked in ${kind}${row.states.length ? '' : ' (read from the stack)'}`);
      score += 10;
    }
    if (creator && creatorShare >= 0.9 && row.count >= minCount) {
      reasons.push(`all created at one site: ${creator.func} (${shortFile(creator.file)}:${creator.line})`);
      score += 5;
    }
    const shape = matchLeakShape({ funcs, kind, creator: creator?.func ?? null, creatorShare, count: row.count, grew });
    if (shape) {
      reasons.push(`looks like: ${shape.title.toLowerCase()}`);
      score += 15;
    }
    // Only stacks with some sign of a leak; a big but idle pool alone is not one.
    if (!grew && row.waitMax < 5 && !shape && !proven) return;
    const top = topUserFrame(p, frames);
    out.push({
      group: gi,
      key,
      topUserFrame: top >= 0 ? frameInfo(p, top) : null,
      leaf: frames.length ? frameInfo(p, frames[0]) : null,
      count: row.count,
      leaked: row.leaked,
      delta,
      score: Math.round(score * 10) / 10,
      reasons,
      shape,
    });
  });
  return out.sort((a, b) => b.score - a.score || b.count - a.count).slice(0, limit);
}

function shortFile(file: string): string {
  const i = file.lastIndexOf('/');
  return i >= 0 ? file.slice(i + 1) : file;
}
