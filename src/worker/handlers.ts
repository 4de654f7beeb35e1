/** The worker's answers to each API call. Pure over the Session; no messaging here. */
import { flameSubtree, resolvePath, searchMatched } from '../analysis/calltree/flame';
import { sortTop, topEntries, type TopEntry } from '../analysis/calltree/top';
import type { CallTree } from '../analysis/calltree/calltree';
import { compileFilter } from '../analysis/calltree/filters';
import { labelBreakdown } from '../analysis/labels/breakdown';
import type { FileInfo, FlameAnswer, LabelsAnswer, Params, SearchAnswer, TopAnswer, TopSortKey } from './api';
import { loadFile, LoadError } from './load';
import { warmCompareCandidates } from './compare-warm';
import type { Session } from './session';
import { summarize } from './summary';

export async function openFile(
  session: Session,
  p: Params<'openFile'>,
  onProgress: (phase: string, done: number, total: number) => void,
  signal?: { aborted: boolean },
): Promise<FileInfo> {
  const base = { id: p.id, name: p.name, size: p.bytes.byteLength };
  try {
    const loaded = await loadFile(new Uint8Array(p.bytes), { onProgress, signal });
    const info: FileInfo = {
      ...base,
      kind: loaded.kind,
      warnings: loaded.warnings,
      profile: loaded.profile ? summarize(loaded.profile) : undefined,
    };
    session.add({ info, profile: loaded.profile, goroutines: loaded.goroutines, trace: loaded.trace });
    warmCompareCandidates(session, p.id);
    return info;
  } catch (e) {
    if (e instanceof LoadError) {
      const info: FileInfo = { ...base, kind: e.kind, warnings: [], error: e.message };
      session.add({ info });
      return info;
    }
    throw e;
  }
}

function unitOf(session: Session, file: number, sampleType: number): string {
  return session.profile(file).sampleTypes[sampleType]?.unit ?? '';
}

export function flame(session: Session, p: Params<'flame'>): FlameAnswer {
  const tree = session.callTree(p.file, p);
  const { node, path } = resolvePath(tree, p.zoomPath);
  const { root, nodeCount } = flameSubtree(tree, node, p.minFraction);
  return { root, total: tree.profileTotal, path, unit: unitOf(session, p.file, p.sampleType), nodeCount };
}

/**
 * Sorted top rows per call tree and order: a virtualised table asks for many pages of
 * the same list, and building it walks the whole tree.
 */
const sortedTops = new WeakMap<CallTree, Map<string, TopEntry[]>>();

function sortedTop(tree: CallTree, sort: TopSortKey, descending: boolean): TopEntry[] {
  let byOrder = sortedTops.get(tree);
  if (!byOrder) sortedTops.set(tree, (byOrder = new Map()));
  const key = `${sort}|${descending}`;
  let rows = byOrder.get(key);
  if (!rows) {
    const entries = byOrder.values().next().value ?? topEntries(tree);
    rows = sortTop(entries, tree.keys.names, sort, descending);
    byOrder.set(key, rows);
  }
  return rows;
}

export function top(session: Session, p: Params<'top'>): TopAnswer {
  const tree = session.callTree(p.file, p);
  const names = tree.keys.names;
  let entries = sortedTop(tree, p.sort, p.descending);
  if (p.filter) {
    const needle = p.filter.toLowerCase();
    entries = entries.filter((e) => names[e.key].toLowerCase().includes(needle));
  }
  // pprof's sum% is a running sum of flat down the rows as shown.
  let sum = 0;
  for (let i = 0; i < p.offset && i < entries.length; i++) sum += entries[i].flat;
  const rows = entries.slice(p.offset, p.offset + p.limit).map((e) => {
    sum += e.flat;
    return { name: names[e.key], file: tree.keys.files[e.key], flat: e.flat, cum: e.cum, sum };
  });
  return { rows, rowCount: entries.length, total: tree.profileTotal, unit: unitOf(session, p.file, p.sampleType) };
}

/** Values per label key in a labels answer: more than the info panel shows. */
export const LABEL_VALUES_SENT = 50;

export function labels(session: Session, p: Params<'labels'>): LabelsAnswer {
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
}

export function search(session: Session, p: Params<'search'>): SearchAnswer {
  const tree = session.callTree(p.file, p);
  const re = compileFilter('search', p.pattern);
  if (!re) return { matched: 0, total: tree.profileTotal, functions: 0 };
  return { ...searchMatched(tree, re), total: tree.profileTotal };
}
