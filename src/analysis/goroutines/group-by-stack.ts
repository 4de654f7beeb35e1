/**
 * "Goroutines by stack": one group per normalized stack, with counts, states, wait
 * minutes, creators and example ids. Built once per snapshot; queries (filter, sort,
 * page) are cheap so the UI can virtualise 100k goroutines.
 */
import { pageRows } from '../paging';
import { ROOT_NODE, type Profile } from '../../model/profile';
import { frameInfo, topUserFrame, type FrameInfo } from './frame-info';
import { normFrames, type Snapshot } from './snapshot';

const EXAMPLE_IDS = 5;

interface StateAgg {
  count: number;
  /** Of them, marked leaked by the runtime. */
  leaked: number;
  waitMin: number;
  waitMax: number;
  ids: number[];
}

export interface StackGroup {
  /** Normalized stack node (the group's key within its snapshot). */
  norm: number;
  count: number;
  /** Raw stack node of the first goroutine seen, for full file:line stacks. */
  rep: number;
  /** Per state index (-1: unknown). */
  byState: Map<number, StateAgg>;
  /** Created-by frame → count. */
  creators: Map<number, number>;
  /** "key=value" of a string label → goroutines that carry it (pprof labels). */
  labels: Map<string, number>;
}

export interface GroupTable {
  snapshot: Snapshot;
  groups: StackGroup[];
  /** Lower-cased names and files of each group's stack, built on first text filter. */
  haystacks: string[] | null;
}

export function groupByStack(s: Snapshot): GroupTable {
  const byNorm = new Map<number, StackGroup>();
  const groups: StackGroup[] = [];
  const labelsOf = sampleLabelTexts(s.source.profile);
  for (let u = 0; u < s.units; u++) {
    const norm = s.unitNorm[u];
    let g = byNorm.get(norm);
    if (!g) {
      g = { norm, count: 0, rep: s.unitNode[u], byState: new Map(), creators: new Map(), labels: new Map() };
      byNorm.set(norm, g);
      groups.push(g);
    }
    const w = s.unitWeight ? s.unitWeight[u] : 1;
    g.count += w;
    const st = s.unitState[u];
    let a = g.byState.get(st);
    if (!a) g.byState.set(st, (a = { count: 0, leaked: 0, waitMin: Infinity, waitMax: -1, ids: [] }));
    a.count += w;
    if (s.unitLeaked[u]) a.leaked += w;
    // A dump prints minutes only from 1 up: a known state without them means "< 1".
    let wait = s.unitWait[u];
    if (wait < 0 && st >= 0) wait = 0;
    if (wait >= 0) {
      if (wait < a.waitMin) a.waitMin = wait;
      if (wait > a.waitMax) a.waitMax = wait;
    }
    if (a.ids.length < EXAMPLE_IDS && s.unitId[u] >= 0) a.ids.push(s.unitId[u]);
    const c = s.unitCreator[u];
    if (c >= 0) g.creators.set(c, (g.creators.get(c) ?? 0) + w);
    const ls = labelsOf?.get(s.unitSample[u]);
    if (ls) for (const l of ls) g.labels.set(l, (g.labels.get(l) ?? 0) + w);
  }
  return { snapshot: s, groups, haystacks: null };
}

/** Each labelled sample's string labels as "key=value"; null when the profile has none. */
function sampleLabelTexts(p: Profile): Map<number, string[]> | null {
  const t = p.labels;
  if (t.count === 0) return null;
  const out = new Map<number, string[]>();
  for (let i = 0; i < t.count; i++) {
    if (t.str[i] < 0) continue;
    let list = out.get(t.sample[i]);
    if (!list) out.set(t.sample[i], (list = []));
    list.push(`${p.strings[t.key[i]]}=${p.strings[t.str[i]]}`);
  }
  return out;
}

export type GroupSortKey = 'count' | 'percent' | 'state' | 'waitMin' | 'waitMax' | 'createdBy' | 'topFrame' | 'leaf';

export interface GroupQuery {
  offset?: number;
  limit?: number;
  sort?: GroupSortKey;
  /** Default: descending for numbers, ascending for names. */
  desc?: boolean;
  /** Case-insensitive substring of any function or file in the stack. */
  text?: string;
  /** Only goroutines in this state. */
  state?: string | null;
}

/** Shown per group; the rest are counted in labelKinds. */
const SHOWN_LABELS = 3;

export interface LabelCount {
  label: string;
  count: number;
}

export interface StateCount {
  state: string;
  count: number;
}

export interface GroupRow {
  /** Index of the group in its table (for groupStack). */
  group: number;
  count: number;
  /** Of them, marked leaked by the runtime's leak detector (Go 1.26+). */
  leaked: number;
  /** Of all goroutines in the snapshot. */
  percent: number;
  /** Most common first; empty when the encoding has no states. */
  states: StateCount[];
  /** -1 when unknown; 0 means "under a minute". */
  waitMin: number;
  waitMax: number;
  createdBy: FrameInfo | null;
  topUserFrame: FrameInfo | null;
  /** The first shown frame: where the goroutines are blocked. */
  leaf: FrameInfo | null;
  exampleIds: number[];
  depth: number;
  /** The group's most common labels ("key=value") with their goroutines, most first (all states). */
  labels: LabelCount[];
  /** Distinct labels in all, of which `labels` is the head. */
  labelKinds: number;
}

export interface GroupPage {
  /** Groups that match the filter. */
  matched: number;
  /** Goroutines in the matching groups. */
  matchedGoroutines: number;
  total: number;
  rows: GroupRow[];
}

export function groupRow(t: GroupTable, gi: number, stateFilter = -2): GroupRow {
  const s = t.snapshot;
  const p = s.source.profile;
  const g = t.groups[gi];
  let count = 0;
  let leaked = 0;
  let waitMin = Infinity;
  let waitMax = -1;
  const ids: number[] = [];
  const states: StateCount[] = [];
  for (const [st, a] of g.byState) {
    if (stateFilter !== -2 && st !== stateFilter) continue;
    count += a.count;
    leaked += a.leaked;
    if (a.waitMin < waitMin) waitMin = a.waitMin;
    if (a.waitMax > waitMax) waitMax = a.waitMax;
    for (const id of a.ids) if (ids.length < EXAMPLE_IDS) ids.push(id);
    if (st >= 0) states.push({ state: s.states[st], count: a.count });
  }
  states.sort((a, b) => b.count - a.count || a.state.localeCompare(b.state));
  let creator = -1;
  let best = 0;
  for (const [c, n] of g.creators) if (n > best) [creator, best] = [c, n];
  const frames = normFrames(s, g.norm);
  const top = topUserFrame(p, frames);
  return {
    group: gi,
    count,
    leaked,
    percent: s.total > 0 ? (100 * count) / s.total : 0,
    states,
    waitMin: waitMin === Infinity ? -1 : waitMin,
    waitMax,
    createdBy: creator >= 0 ? frameInfo(p, creator) : null,
    topUserFrame: top >= 0 ? frameInfo(p, top) : null,
    leaf: frames.length ? frameInfo(p, frames[0]) : null,
    exampleIds: ids,
    depth: frames.length,
    labels: [...g.labels]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, SHOWN_LABELS)
      .map(([label, n]) => ({ label, count: n })),
    labelKinds: g.labels.size,
  };
}

function haystacks(t: GroupTable): string[] {
  if (t.haystacks) return t.haystacks;
  const p = t.snapshot.source.profile;
  t.haystacks = t.groups.map((g) => {
    const parts: string[] = [];
    for (let n = g.rep; n > ROOT_NODE; n = p.stacks.parent[n]) {
      const f = p.stacks.frame[n];
      parts.push(p.strings[p.frames.func[f]], p.strings[p.frames.file[f]]);
    }
    // Labels too, so "tenant=acme" (or just "acme") finds the groups that carry it.
    parts.push(...g.labels.keys());
    return parts.join('\n').toLowerCase();
  });
  return t.haystacks;
}

const NAME_KEYS = new Set<GroupSortKey>(['state', 'createdBy', 'topFrame', 'leaf']);

function sortValue(r: GroupRow, key: GroupSortKey): number | string {
  switch (key) {
    case 'count':
    case 'percent':
      return r.count;
    case 'waitMin':
      return r.waitMin;
    case 'waitMax':
      return r.waitMax;
    case 'state':
      return r.states[0]?.state ?? '';
    case 'createdBy':
      return r.createdBy?.func ?? '';
    case 'topFrame':
      return r.topUserFrame?.func ?? '';
    case 'leaf':
      return r.leaf?.func ?? '';
  }
}

export function queryGroups(t: GroupTable, q: GroupQuery = {}): GroupPage {
  const s = t.snapshot;
  const stateFilter = q.state == null ? -2 : s.states.indexOf(q.state);
  const needle = q.text?.trim().toLowerCase() ?? '';
  const hs = needle ? haystacks(t) : null;
  const rows: GroupRow[] = [];
  let matchedGoroutines = 0;
  for (let gi = 0; gi < t.groups.length; gi++) {
    if (hs && !hs[gi].includes(needle)) continue;
    if (q.state != null && (stateFilter < 0 || !t.groups[gi].byState.has(stateFilter))) continue;
    const r = groupRow(t, gi, stateFilter);
    if (r.count <= 0) continue;
    rows.push(r);
    matchedGoroutines += r.count;
  }
  const key = q.sort ?? 'count';
  const desc = q.desc ?? !NAME_KEYS.has(key);
  const sign = desc ? -1 : 1;
  rows.sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    const c = typeof va === 'number' ? va - (vb as number) : va.localeCompare(vb as string);
    return sign * c || b.count - a.count || a.group - b.group;
  });
  return { matched: rows.length, matchedGoroutines, total: s.total, rows: pageRows(rows, q.offset ?? 0, q.limit ?? 200) };
}

/** The full stack of a group, leaf first, with file:line (hidden runtime frames dropped). */
export function groupStack(t: GroupTable, gi: number, includeHidden = false): FrameInfo[] {
  const s = t.snapshot;
  const p = s.source.profile;
  if (!includeHidden) {
    // The representative's own lines, in the normalized order.
    const out: FrameInfo[] = [];
    const frames = normFrames(s, t.groups[gi].norm);
    const raw: number[] = [];
    for (let n = t.groups[gi].rep; n > ROOT_NODE; n = p.stacks.parent[n]) raw.push(p.stacks.frame[n]);
    let j = 0;
    for (const f of frames) {
      const fn = p.frames.func[f];
      while (j < raw.length && p.frames.func[raw[j]] !== fn) j++;
      out.push(frameInfo(p, j < raw.length ? raw[j++] : f));
    }
    return out;
  }
  const out: FrameInfo[] = [];
  for (let n = t.groups[gi].rep; n > ROOT_NODE; n = p.stacks.parent[n]) out.push(frameInfo(p, p.stacks.frame[n]));
  return out;
}

/** States present in a snapshot with their goroutine counts (for the state filter). */
export function stateCounts(t: GroupTable): StateCount[] {
  const m = new Map<number, number>();
  for (const g of t.groups) for (const [st, a] of g.byState) if (st >= 0) m.set(st, (m.get(st) ?? 0) + a.count);
  return [...m].map(([st, count]) => ({ state: t.snapshot.states[st], count })).sort((a, b) => b.count - a.count);
}
