/** The worker's answers to the profile calls: flame graph, top table, search, labels. */
import { flameSubtree, flameTreeOf, resolvePath, resolveWalkPath, searchMatched, walkFlame } from '../analysis/calltree/flame';
import { inlineMarks } from '../analysis/calltree/inline-marks';
import { invertedTree } from '../analysis/calltree/inverted';
import { peek } from '../analysis/calltree/peek';
import { calleesTree, callersTree } from '../analysis/calltree/sandwich';
import { sortTop, topEntries, type TopEntry } from '../analysis/calltree/top';
import { treeViewOf } from '../analysis/transforms/list';
import type { CallTree } from '../analysis/calltree/calltree';
import { compileFilter } from '../analysis/calltree/filters';
import { labelBreakdown } from '../analysis/labels/breakdown';
import { pageRows } from '../analysis/paging';
import type { Handlers, RequestContext } from './context';
import type {
  FlameRequest,
  LabelsAnswer,
  LabelsRequest,
  ProfileApi,
  SandwichAnswer,
  SandwichRequest,
  SearchAnswer,
  SearchRequest,
  TopAnswer,
  TopRequest,
  TopSortKey,
  TreeRow,
  TreeRowsAnswer,
  TreeRowsRequest,
} from './profile-api';
import type { Session } from './session';
import type { FileId, FlameAnswer } from './types';

function unitOf(session: Session, file: FileId, sampleType: number): string {
  return session.profile(file).sampleTypes[sampleType]?.unit ?? '';
}

/**
 * Sorted top rows per call tree and order: a virtualised table asks for many pages of
 * the same list, and building it walks the whole tree.
 */
function sortedTop(session: Session, tree: CallTree, sort: TopSortKey, descending: boolean): TopEntry[] {
  const entries = () => session.memo.get('top-entries', '', [tree], () => topEntries(tree));
  return session.memo.get('top-sorted', `${sort}|${descending}`, [tree], () => sortTop(entries(), tree.keys.names, sort, descending));
}

/** The view's call tree, or its inverted (bottom-up) tree. */
function viewTree(session: Session, p: FlameRequest | TreeRowsRequest): CallTree {
  const tree = session.callTree(p.file, p);
  return p.inverted ? session.memo.get('inverted', '', [tree], () => invertedTree(tree)) : tree;
}

/** Values per label key in a labels answer: more than the info panel shows. */
export const LABEL_VALUES_SENT = 50;

export const profileHandlers = {
  flame(p: FlameRequest, { session }: RequestContext): FlameAnswer {
    // Not inverted, a view's flame graph is walked from the root: a tree grown on demand
    // answers until something builds the whole tree, so the first one is drawn sooner.
    const lazy = session.lazyCallTree(p.file, p);
    const tree = p.inverted ? flameTreeOf(viewTree(session, p)) : lazy.walk();
    const at = resolveWalkPath(tree, p.zoomPath);
    const { root, nodeCount } = walkFlame(tree, at, p.minFraction);
    return { root, total: lazy.profileTotal, path: at.path, unit: unitOf(session, p.file, p.sampleType), nodeCount };
  },

  top(p: TopRequest, { session }: RequestContext): TopAnswer {
    const tree = session.callTree(p.file, p);
    const names = tree.keys.names;
    let entries = sortedTop(session, tree, p.sort, p.descending);
    const profile = session.profile(p.file);
    const marks = session.memo.get('inline-marks', '', [tree], () =>
      inlineMarks(profile, tree, { sampleType: p.sampleType, ...treeViewOf(p.transforms) }),
    );
    if (p.filter) {
      const needle = p.filter.toLowerCase();
      entries = entries.filter((e) => names[e.key].toLowerCase().includes(needle));
    }
    // pprof's sum% is a running sum of flat down the rows as shown.
    let sum = 0;
    for (let i = 0; i < p.offset && i < entries.length; i++) sum += entries[i].flat;
    const rows = pageRows(entries, p.offset, p.limit).map((e) => {
      sum += e.flat;
      const inline = marks.get(e.key);
      return { name: names[e.key], file: tree.keys.files[e.key], flat: e.flat, cum: e.cum, sum, ...(inline && { inline }) };
    });
    return { rows, rowCount: entries.length, total: tree.profileTotal, unit: unitOf(session, p.file, p.sampleType) };
  },

  labels(p: LabelsRequest, { session }: RequestContext): LabelsAnswer {
    const tree = session.callTree(p.file, p);
    const kept = new Uint8Array(tree.sampleNode.length);
    for (let s = 0; s < kept.length; s++) kept[s] = tree.sampleNode[s] >= 0 ? 1 : 0;
    const keys = labelBreakdown(session.profile(p.file), p.sampleType, kept).map((k) => ({
      ...k,
      // A label like a request id has a value per sample: the UI shows the largest few.
      values: k.values.slice(0, LABEL_VALUES_SENT),
      valueCount: k.values.length,
    }));
    return { keys, total: tree.profileTotal, unit: unitOf(session, p.file, p.sampleType) };
  },

  treeRows(p: TreeRowsRequest, { session }: RequestContext): TreeRowsAnswer {
    const tree = viewTree(session, p);
    const unit = unitOf(session, p.file, p.sampleType);
    const { node, path } = resolvePath(tree, p.path);
    if (path.length < p.path.length) return { rows: [], total: tree.profileTotal, unit };
    const rows: TreeRow[] = [];
    for (let i = tree.childStart[node]; i < tree.childStart[node + 1]; i++) {
      const c = tree.childList[i];
      if (tree.total[c] === 0) continue;
      rows.push({ name: tree.keys.names[tree.key[c]], self: tree.self[c], total: tree.total[c], hasChildren: tree.childStart[c + 1] > tree.childStart[c] });
    }
    rows.sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { rows, total: tree.profileTotal, unit };
  },

  sandwich(p: SandwichRequest, { session }: RequestContext): SandwichAnswer {
    const tree = session.callTree(p.file, p);
    const unit = unitOf(session, p.file, p.sampleType);
    const names = tree.keys.names;
    const fn = names.indexOf(p.name);
    if (fn < 0) return { found: false, flat: 0, cum: 0, total: tree.profileTotal, unit, callers: [], callees: [], callersFlame: null, calleesFlame: null };
    const r = session.memo.get('peek', p.name, [tree], () => peek(tree, fn));
    const flame = (side: CallTree, zoom: string[]): FlameAnswer => {
      // Both trees start at the function: a path never leaves it.
      const { node, path } = resolvePath(side, zoom.length > 0 ? zoom : [p.name]);
      const { root, nodeCount } = flameSubtree(side, node, p.minFraction);
      return { root, total: tree.profileTotal, path, unit, nodeCount };
    };
    const rows = (edges: typeof r.callers) => edges.map((e) => ({ name: names[e.key], value: e.value }));
    return {
      found: true,
      flat: r.flat,
      cum: r.cum,
      total: tree.profileTotal,
      unit,
      callers: rows(r.callers),
      callees: rows(r.callees),
      callersFlame: flame(session.memo.get('sandwich-callers', p.name, [tree], () => callersTree(tree, fn)), p.callersPath),
      calleesFlame: flame(session.memo.get('sandwich-callees', p.name, [tree], () => calleesTree(tree, fn)), p.calleesPath),
    };
  },

  search(p: SearchRequest, { session }: RequestContext): SearchAnswer {
    const tree = session.callTree(p.file, p);
    const re = compileFilter('search', p.pattern);
    if (!re) return { matched: 0, total: tree.profileTotal, functions: 0 };
    return { ...searchMatched(tree, re), total: tree.profileTotal };
  },
} satisfies Handlers<ProfileApi>;
