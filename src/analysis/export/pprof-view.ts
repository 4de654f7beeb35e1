/**
 * The profile as a view shows it, as a PprofDoc for `go tool pprof`: the view's sample
 * type only, the samples its label and name filters keep (-tagfocus, -tagignore, -focus,
 * -ignore), hidden frames (-hide) taken out of their locations, inlined frames kept
 * together in their location, unsymbolized addresses kept as addresses in their binary.
 * Granularity is left to the reader: the lines are all there (unless stack transforms
 * rewrote the stacks: addKeyedView). A diff is pprof's own form:
 * the base negated and added, labelled pprof::base=true for -diff_base (which is how pprof
 * reads percentages of the base total back), as pprof builds it before reporting.
 */
import type { DocLabel, PprofDoc } from '../../model/pprof-doc';
import type { Mapping, Profile } from '../../model/profile';
import { buildViewStacks } from '../calltree/calltree';
import { FOCUS, frameFilterFlags, HIDE, IGNORE } from '../calltree/filters';
import { ADDRESS_NAME } from '../calltree/frame-keys';
import type { ViewFilters } from '../calltree/view-filters';
import type { TreeView } from '../transforms/kinds';
import type { DiffOptions } from '../diff/meaning';
import { normalizeRatio, singleTypeView } from '../diff/normalize';
import { labelMask } from '../labels/filters';
import { DocBuilder, type DocMeta } from './doc-builder';

export interface ExportSide {
  profile: Profile;
  sampleType: number;
}

/** The label pprof's -diff_base puts on the base's samples. */
export const DIFF_BASE_KEY = 'pprof::base';
const DIFF_BASE_LABEL: DocLabel = { key: DIFF_BASE_KEY, str: 'true', num: 0, unit: '' };

/** Each sample's labels as the doc writes them. */
function sampleLabels(p: Profile): DocLabel[][] {
  const out: DocLabel[][] = Array.from({ length: p.samples.count }, () => []);
  const t = p.labels;
  for (let i = 0; i < t.count; i++) {
    const str = t.str[i] >= 0 ? p.strings[t.str[i]] : null;
    out[t.sample[i]].push({ key: p.strings[t.key[i]], str, num: t.num[i], unit: str === null ? p.strings[t.unit[i]] : '' });
  }
  return out;
}

/** Turns a profile's frames into the doc's locations, one frame (or model location) at a time. */
class FrameLocations {
  private readonly mappingByFile = new Map<string, Mapping>();

  constructor(
    private readonly p: Profile,
    private readonly b: DocBuilder,
    private readonly flags: Uint8Array | null,
  ) {
    for (const m of p.mappings) if (!this.mappingByFile.has(m.file)) this.mappingByFile.set(m.file, m);
  }

  flag(f: number): number {
    return this.flags ? this.flags[f] : 0;
  }

  /** The location of frames (outermost first) without the hidden ones; 0 when none is left. */
  of(frames: ArrayLike<number>): number {
    const p = this.p;
    const kept: number[] = [];
    for (let i = frames.length - 1; i >= 0; i--) if (!(this.flag(frames[i]) & HIDE)) kept.push(frames[i]);
    if (kept.length === 0) return 0;
    const name = p.strings[p.frames.func[kept[0]]];
    if (kept.length === 1 && p.frames.line[kept[0]] === 0 && ADDRESS_NAME.test(name)) {
      const file = p.strings[p.frames.file[kept[0]]];
      const m = file ? (this.mappingByFile.get(file) ?? { start: 0, limit: 0, offset: 0, file, buildId: '' }) : null;
      return this.b.addressLocation(parseInt(name.slice(2), 16), m ? this.b.mapping(m) : 0);
    }
    return this.b.lineLocation(kept.map((f) => ({ func: this.b.func(p.strings[p.frames.func[f]], p.strings[p.frames.file[f]]), line: p.frames.line[f] })));
  }
}

/**
 * Each sample's stack as location ids leaf first, or null when the name filters drop it.
 * Read from pprof's location lists when the reader kept them, else from the trie (one
 * location per frame), once per stack node.
 */
function stackReader(p: Profile, locs: FrameLocations, needFocus: boolean): (s: number) => number[] | null {
  const judge = (ids: number[], flag: number): number[] | null => {
    if (flag & IGNORE || (needFocus && !(flag & FOCUS))) return null;
    return ids.filter((id) => id !== 0).reverse();
  };
  const sl = p.sampleLocations;
  if (sl) {
    const locId = new Int32Array(sl.frameStart.length - 1).fill(-1);
    const locFlag = new Uint8Array(locId.length);
    const idOf = (l: number) => {
      if (locId[l] < 0) {
        const frames = sl.frames.subarray(sl.frameStart[l], sl.frameStart[l + 1]);
        for (const f of frames) locFlag[l] |= locs.flag(f);
        locId[l] = locs.of(frames);
      }
      return locId[l];
    };
    return (s) => {
      const ids: number[] = [];
      let flag = 0;
      for (let i = sl.stacks.start[s]; i < sl.stacks.start[s + 1]; i++) {
        const l = sl.stacks.data[i];
        ids.push(idOf(l));
        flag |= locFlag[l];
      }
      return judge(ids, flag);
    };
  }
  const byNode = new Map<number, number[] | null>();
  const frameLoc = new Map<number, number>();
  return (s) => {
    const node = p.samples.stack[s];
    let got = byNode.get(node);
    if (got === undefined) {
      const ids: number[] = [];
      let flag = 0;
      // Root first, as the trie walks leaf first and judge reverses.
      for (let n = node; n > 0; n = p.stacks.parent[n]) {
        const f = p.stacks.frame[n];
        let id = frameLoc.get(f);
        if (id === undefined) frameLoc.set(f, (id = locs.of([f])));
        ids.unshift(id);
        flag |= locs.flag(f);
      }
      got = judge(ids, flag);
      byNode.set(node, got);
    }
    return got;
  };
}

/** Adds the samples a view keeps, each value times `sign`, with `extra` labels. */
function addView(b: DocBuilder, side: ExportSide, values: Float64Array, view: ViewFilters, sign: number, extra: DocLabel[]): void {
  const p = side.profile;
  const keep = labelMask(p, view);
  const locs = new FrameLocations(p, b, frameFilterFlags(p, view));
  const stackOf = stackReader(p, locs, !!view.focus);
  const labels = sampleLabels(p);
  for (let s = 0; s < p.samples.count; s++) {
    if ((keep && !keep[s]) || values[s] === 0) continue;
    const stack = stackOf(s);
    if (stack) b.sample(stack, sign * values[s], extra.length ? [...labels[s], ...extra] : labels[s]);
  }
}

/**
 * A view with stack transforms (merge, collapse, focus on a path…) rewrites stacks of frame
 * keys, not of locations: its stacks are exported as they are drawn, each key a function of
 * its own (a collapsed package one frame), without line numbers.
 */
function addKeyedView(b: DocBuilder, side: ExportSide, values: Float64Array, view: TreeView, sign: number, extra: DocLabel[]): void {
  const p = side.profile;
  const { keys, seq, sampleSeq } = buildViewStacks(p, view);
  const locOf = new Int32Array(keys.names.length);
  const loc = (k: number) => (locOf[k] ||= b.lineLocation([{ func: b.func(keys.names[k], keys.files[k] ?? ''), line: 0 }]));
  const labels = sampleLabels(p);
  for (let s = 0; s < sampleSeq.length; s++) {
    const q = sampleSeq[s];
    if (q < 0 || values[s] === 0) continue;
    const stack: number[] = [];
    for (let i = seq.start[q + 1] - 1; i >= seq.start[q]; i--) stack.push(loc(seq.data[i]));
    b.sample(stack, sign * values[s], extra.length ? [...labels[s], ...extra] : labels[s]);
  }
}

/** The samples a view keeps, by locations when it only filters, by its keys when it rewrites stacks. */
function addAny(b: DocBuilder, side: ExportSide, values: Float64Array, view: Partial<TreeView>, sign: number, extra: DocLabel[]): void {
  if (view.stack?.length) addKeyedView(b, side, values, { granularity: 'function', ...view }, sign, extra);
  else addView(b, side, values, view, sign, extra);
}

function metaOf(side: ExportSide): DocMeta {
  const p = side.profile;
  const type = p.sampleTypes[side.sampleType];
  return {
    sampleTypes: [type],
    defaultSampleType: type.type,
    periodType: p.periodType,
    period: p.period,
    timeNanos: p.timeNanos,
    durationNanos: p.durationNanos,
    comments: p.comments,
  };
}

/** Keeps the profile's mappings in their order: pprof names the profile after the first. */
function addMappings(b: DocBuilder, p: Profile): void {
  for (const m of p.mappings) b.mapping(m);
}

export function viewDoc(side: ExportSide, view: Partial<TreeView>): PprofDoc {
  const b = new DocBuilder();
  addMappings(b, side.profile);
  addAny(b, side, singleTypeView(side.profile, side.sampleType).samples.values[0], view, 1, []);
  return b.finish(metaOf(side));
}

/** target − base, as pprof's -diff_base or -base (with -normalize) builds it. */
export function diffDoc(base: ExportSide, target: ExportSide, view: Partial<TreeView>, options: DiffOptions): PprofDoc {
  const scale = options.normalize ? normalizeRatio(base.profile, base.sampleType, target.profile, target.sampleType) : 1;
  const b = new DocBuilder();
  addMappings(b, target.profile);
  addMappings(b, base.profile);
  addAny(b, target, singleTypeView(target.profile, target.sampleType, scale).samples.values[0], view, 1, []);
  const baseValues = singleTypeView(base.profile, base.sampleType).samples.values[0];
  addAny(b, base, baseValues, view, -1, options.meaning === 'diff_base' ? [DIFF_BASE_LABEL] : []);
  return b.finish(metaOf(target));
}
