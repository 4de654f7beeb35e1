/**
 * The Profile: everything that can be drawn as a flame graph or a top table.
 * pprof files, goroutine dumps, collapsed stacks and the profiles derived from
 * execution traces all become this one columnar shape, so every view is written once.
 *
 * Layout (see architecture.md, "Data shapes that keep it fast"):
 *  - strings: interned; index 0 is always "".
 *  - frames: one row per distinct (function, file, line) after inline expansion.
 *  - stacks: a trie; node 0 is the root (frame -1). A path root→node runs caller→callee,
 *    so a whole stack is one node index.
 *  - samples: one row per sample: the leaf node and one value per sample type.
 *  - sampleLocations (optional): each sample's stack as pprof stores it, a list of
 *    locations (each one or more frames, for inlining). Call trees read these
 *    directly; the trie is then built only on first use, since a deep CPU profile's
 *    trie has millions of nodes.
 *  - labels: a sparse list of (sample, key, string or number, unit) rows.
 */

import type { Sequences } from './stack-trie';

export interface ValueType {
  type: string;
  unit: string;
}

export interface FrameTable {
  count: number;
  /** String index of the function name. */
  func: Int32Array;
  /** String index of the source file ("" when unknown). */
  file: Int32Array;
  /** Source line, 0 when unknown. */
  line: Int32Array;
  /**
   * The first line of the frame's function (pprof's Function.start_line), 0 when unknown;
   * absent when the profile records none. `go tool pprof -list` starts its listing there.
   */
  startLine?: Int32Array;
}

export interface StackTrie {
  count: number;
  parent: Int32Array;
  frame: Int32Array;
}

export interface SampleTable {
  count: number;
  stack: Int32Array;
  /** One column per sample type, same order as Profile.sampleTypes. */
  values: Float64Array[];
}

export interface LabelTable {
  count: number;
  sample: Int32Array;
  key: Int32Array;
  /** String index of the value, or -1 for a numeric label. */
  str: Int32Array;
  num: Float64Array;
  /** String index of the numeric label's unit ("" when none). */
  unit: Int32Array;
}

export interface Mapping {
  start: number;
  limit: number;
  offset: number;
  file: string;
  buildId: string;
}

/** Which parser made the profile; shown in the info panel and used by defaults. */
export type ProfileSource = 'pprof' | 'pprof-text' | 'folded' | 'goroutine-text' | 'trace';

export interface ProfileMeta {
  source: ProfileSource;
  sampleTypes: ValueType[];
  /** Index into sampleTypes that pprof would show first. */
  defaultSampleType: number;
  periodType: ValueType | null;
  period: number;
  /** Wall-clock time the profile was taken, ns since the epoch; 0 when unknown. */
  timeNanos: number;
  durationNanos: number;
  comments: string[];
  dropFrames: string;
  keepFrames: string;
  /** Set when drop_frames/keep_frames could not be applied: why (pprof then shows all frames too). */
  pruneError?: string;
  mappings: Mapping[];
}

export interface Profile extends ProfileMeta {
  strings: string[];
  frames: FrameTable;
  stacks: StackTrie;
  samples: SampleTable;
  labels: LabelTable;
  sampleLocations?: LocationStacks;
}

/** Stacks as lists of locations; location l is frames[frameStart[l] .. frameStart[l+1]). */
export interface LocationStacks {
  /** Each sample's location indexes, root first. */
  stacks: Sequences;
  /** A location's frames, outermost (the caller the others were inlined into) first. */
  frameStart: Int32Array;
  frames: Int32Array;
}

export const ROOT_NODE = 0;

export function frameName(p: Profile, frame: number): string {
  return p.strings[p.frames.func[frame]];
}

/** The frames of a stack node, leaf first (the order pprof and Go print stacks in). */
export function stackFrames(p: Profile, node: number): number[] {
  const out: number[] = [];
  for (let n = node; n > ROOT_NODE; n = p.stacks.parent[n]) out.push(p.stacks.frame[n]);
  return out;
}

export function sampleTypeIndex(p: Profile, type: string): number {
  return p.sampleTypes.findIndex((t) => t.type === type);
}
