/**
 * "Who spawns them": goroutines grouped by their created-by site, then by the frame they
 * are blocked in. Encodings without created-by (debug=0/1) group by the goroutine's start
 * function (the outermost shown frame) instead, and say so.
 */
import { frameInfo, type FrameInfo } from './frame-info';
import { blockingKind, normFrames, type Snapshot } from './snapshot';

export interface BlockedIn {
  leaf: FrameInfo | null;
  count: number;
  /** State, or the wait kind read from runtime frames; null when unknown. */
  kind: string | null;
}

export interface CreatorGroup {
  /** 'created-by': the `created by` site; 'start-function': outermost frame (no created-by in the encoding). */
  kind: 'created-by' | 'start-function';
  creator: FrameInfo | null;
  count: number;
  percent: number;
  blockedIn: BlockedIn[];
}

export function groupByCreator(s: Snapshot): CreatorGroup[] {
  const p = s.source.profile;
  const outer = new Map<number, number>(); // normalized node → its outermost frame
  const outermost = (norm: number): number => {
    let f = outer.get(norm);
    if (f === undefined) {
      const fr = normFrames(s, norm);
      outer.set(norm, (f = fr.length ? fr[fr.length - 1] : -1));
    }
    return f;
  };
  const leafOf = new Map<number, number>();
  const leafFrame = (norm: number): number => {
    let f = leafOf.get(norm);
    if (f === undefined) leafOf.set(norm, (f = norm > 0 ? s.normFrame[norm] : -1));
    return f;
  };
  // Keys: created-by frame index (≥ 0) or −(start function name index + 2).
  const groups = new Map<number, { creatorFrame: number; created: boolean; count: number; byLeaf: Map<number, BlockedIn & { unit: number }> }>();
  for (let u = 0; u < s.units; u++) {
    const w = s.unitWeight ? s.unitWeight[u] : 1;
    const cb = s.unitCreator[u];
    let key: number;
    let creatorFrame: number;
    if (cb >= 0) {
      key = cb;
      creatorFrame = cb;
    } else {
      creatorFrame = outermost(s.unitNorm[u]);
      key = creatorFrame >= 0 ? -(p.frames.func[creatorFrame] + 2) : -1;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { creatorFrame, created: cb >= 0, count: 0, byLeaf: new Map() }));
    g.count += w;
    const lf = leafFrame(s.unitNorm[u]);
    // Blocking frames group by function name at function granularity.
    const lkey = lf < 0 ? -1 : s.granularity === 'function' ? p.frames.func[lf] : lf;
    let b = g.byLeaf.get(lkey);
    if (!b) g.byLeaf.set(lkey, (b = { leaf: lf >= 0 ? frameInfo(p, lf) : null, count: 0, kind: blockingKind(s, u), unit: u }));
    b.count += w;
  }
  const out: CreatorGroup[] = [];
  for (const g of groups.values()) {
    out.push({
      kind: g.created ? 'created-by' : 'start-function',
      creator: g.creatorFrame >= 0 ? frameInfo(p, g.creatorFrame) : null,
      count: g.count,
      percent: s.total > 0 ? (100 * g.count) / s.total : 0,
      blockedIn: [...g.byLeaf.values()]
        .map(({ leaf, count, kind }) => ({ leaf, count, kind }))
        .sort((a, b) => b.count - a.count),
    });
  }
  return out.sort((a, b) => b.count - a.count);
}
