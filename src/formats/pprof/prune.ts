/**
 * A profile's own drop_frames / keep_frames, applied as `go tool pprof` applies them when
 * it reads any profile (google/pprof profile/prune.go, RemoveUninteresting): the first frame
 * from the root whose function matches drop_frames (and not keep_frames) is cut off with
 * everything it called. Runtimes that set them mark frames that are noise for a reader
 * (allocator internals, signal handlers).
 */
import type { Sequences } from '../../model/stack-trie';

/** Locations as the decoder keeps them: location l is frames[frameStart[l] .. frameStart[l+1]), outermost first. */
export interface LocationFrames {
  frameStart: Int32Array;
  frames: Int32Array;
}

export interface PruneRules {
  dropFrames: string;
  keepFrames: string;
}

export type PruneResult =
  | { ok: true; stacks: Sequences; locations: LocationFrames }
  | { ok: false; error: string };

const RESERVED = ['(anonymous namespace)', 'operator()'];

/**
 * The name pprof matches against: a leading '.' (PPC64 ELFv1) dropped, and everything from
 * the first '(' that does not open a reserved C++ name, so "pkg.(*T).M" becomes "pkg.".
 */
export function simplifyFuncName(name: string): string {
  const s = name.startsWith('.') ? name.slice(1) : name;
  for (let i = 0; i < s.length; i++) {
    const reserved = RESERVED.find((r) => s.startsWith(r, i));
    if (reserved) i += reserved.length - 1;
    else if (s[i] === '(') return s.slice(0, i);
  }
  return s;
}

function anchored(rx: string): RegExp | string {
  try {
    return new RegExp(`^(${rx})$`, 'u');
  } catch (e) {
    return `${rx}: ${(e as Error).message}`;
  }
}

/**
 * Prunes `stacks` (each sample's locations, root first) by the rules; `funcName(frame)` is
 * a frame's function name. Returns the new stacks and locations (a location whose inner,
 * inlined frames were cut loses them everywhere, as in pprof), or why the rules cannot be
 * used (pprof then leaves the profile as it is).
 */
export function pruneFrames(stacks: Sequences, locs: LocationFrames, funcName: (frame: number) => string, rules: PruneRules): PruneResult {
  const drop = anchored(rules.dropFrames);
  if (typeof drop === 'string') return { ok: false, error: `drop_frames is not a valid regular expression (${drop})` };
  const keep = rules.keepFrames ? anchored(rules.keepFrames) : null;
  if (typeof keep === 'string') return { ok: false, error: `keep_frames is not a valid regular expression (${keep})` };

  const cache = new Map<string, boolean>();
  const dropped = (name: string): boolean => {
    let v = cache.get(name);
    if (v === undefined) {
      const simple = simplifyFuncName(name);
      v = drop.test(simple) && !(keep && keep.test(simple));
      cache.set(name, v);
    }
    return v;
  };

  // Per location: 0 untouched, 1 its inner frames cut from the first match (kept, trimmed),
  // 2 its outermost frame matched (the whole location goes).
  const nLocs = locs.frameStart.length - 1;
  const cut = new Uint8Array(nLocs);
  const keptEnd = new Int32Array(nLocs);
  for (let l = 0; l < nLocs; l++) {
    const a = locs.frameStart[l];
    const b = locs.frameStart[l + 1];
    keptEnd[l] = b;
    for (let k = a; k < b; k++) {
      const name = funcName(locs.frames[k]);
      if (name !== '' && dropped(name)) {
        cut[l] = k === a ? 2 : 1;
        keptEnd[l] = k;
        break;
      }
    }
  }

  const frameStart = new Int32Array(nLocs + 1);
  const frames: number[] = [];
  for (let l = 0; l < nLocs; l++) {
    frameStart[l] = frames.length;
    // A whole-location match keeps its frames: it survives where it precedes the first user frame.
    const end = cut[l] === 1 ? keptEnd[l] : locs.frameStart[l + 1];
    for (let k = locs.frameStart[l]; k < end; k++) frames.push(locs.frames[k]);
  }
  frameStart[nLocs] = frames.length;

  const start = new Int32Array(stacks.count + 1);
  const data: number[] = [];
  for (let s = 0; s < stacks.count; s++) {
    start[s] = data.length;
    let user = false;
    for (let i = stacks.start[s]; i < stacks.start[s + 1]; i++) {
      const l = stacks.data[i];
      const c = cut[l];
      // Matches before the first frame that does not match stay, so nothing prunes a whole stack.
      if (c !== 0 && user) {
        if (c === 1) data.push(l);
        break;
      }
      if (c === 0) user = true;
      data.push(l);
    }
  }
  start[stacks.count] = data.length;
  return {
    ok: true,
    stacks: { count: stacks.count, start, data: Int32Array.from(data) },
    locations: { frameStart, frames: Int32Array.from(frames) },
  };
}
