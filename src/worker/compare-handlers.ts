/** The worker's answers to the compare calls: diff table and flame, series ranking and its candidates. */
import { flameSubtree, resolvePath } from '../analysis/calltree/flame';
import { diffFlame as diffFlameAnswer } from '../analysis/diff/flame';
import type { DiffOptions } from '../analysis/diff/meaning';
import { IncomparableError, olderFirst, sampleTypeSignature, seriesGroups as groupSeries, type ComparableProfile } from '../analysis/diff/pairs';
import { diffPeek } from '../analysis/diff/peek';
import { diffSandwich } from '../analysis/diff/sandwich';
import { diffEntries, percentOf, sortDiff } from '../analysis/diff/top';
import { buildDiffTree, type DiffTree } from '../analysis/diff/tree';
import { pageRows } from '../analysis/paging';
import { rankSeries } from '../analysis/series/rank';
import { buildSeries } from '../analysis/series/series';
import { stringifyTransforms, treeViewOf } from '../analysis/transforms/list';
import { sampleTypeIndex } from '../model/profile';
import type { Handlers, RequestContext } from './context';
import type {
  CompareApi,
  DiffFlameAnswer,
  DiffFlameRequest,
  DiffPeekAnswer,
  DiffPeekRequest,
  DiffRequest,
  DiffSandwichAnswer,
  DiffSandwichRequest,
  DiffTopAnswer,
  DiffTopRequest,
  SeriesAnswer,
  SeriesGroupsAnswer,
  SeriesGroupsRequest,
  SeriesRequest,
} from './compare-api';
import { comparableOf } from './comparable';
import type { Session } from './session';
import type { FileId, FlameAnswer } from './types';

/** What pairing needs to know about an open file; null when it has no profile. */
function comparable(session: Session, id: FileId): ComparableProfile | null {
  return comparableOf(session.info(id));
}

function comparables(session: Session, ids: FileId[]): ComparableProfile[] {
  const out: ComparableProfile[] = [];
  for (const id of ids) {
    try {
      const c = comparable(session, id);
      if (c) out.push(c);
    } catch {
      // A file closed meanwhile is simply not offered.
    }
  }
  return out;
}

function diffTree(session: Session, p: DiffRequest): DiffTree {
  // Archive entries not read yet are read together: one pass over the archive, not one each.
  session.require([p.base, p.target]);
  const base = session.profile(p.base);
  const target = session.profile(p.target);
  const bi = sampleTypeIndex(base, p.sampleType);
  const ti = sampleTypeIndex(target, p.sampleType);
  const a = comparable(session, p.base)!;
  const b = comparable(session, p.target)!;
  if (sampleTypeSignature(a) !== sampleTypeSignature(b)) throw new IncomparableError(a, b, comparables(session, session.ids()));
  if (bi < 0 || ti < 0) throw new Error(`${a.name} and ${b.name} have no sample type ${p.sampleType}; they have ${a.sampleTypes.map((t) => t.type).join(', ')}`);
  const key = `${p.base}|${p.target}|${p.sampleType}|${stringifyTransforms(p.transforms)}|${p.meaning}|${p.normalize}`;
  const options: DiffOptions = { meaning: p.meaning, normalize: p.normalize };
  return session.memo.get('diff', key, [base, target], () =>
    // The flame tab's cached call trees serve as the sides (built or not).
    buildDiffTree({ profile: base, sampleType: bi }, { profile: target, sampleType: ti }, treeViewOf(p.transforms), options, {
      base: session.lazyCallTree(p.base, { sampleType: bi, transforms: p.transforms }),
      target: session.lazyCallTree(p.target, { sampleType: ti, transforms: p.transforms }),
    }),
  );
}

function unitOf(session: Session, id: FileId, sampleType: string): string {
  const p = session.profile(id);
  return p.sampleTypes[sampleTypeIndex(p, sampleType)]?.unit ?? '';
}

function diffTop(p: DiffTopRequest, { session }: RequestContext): DiffTopAnswer {
  const tree = diffTree(session, p);
  const names = tree.names;
  let entries = sortDiff(diffEntries(tree), names, p.sort, p.descending);
  if (p.filter) {
    const needle = p.filter.toLowerCase();
    entries = entries.filter((e) => names[e.key].toLowerCase().includes(needle));
  }
  const total = tree.totals.percentOf;
  // pprof's sum% is a running sum of flat down the rows as shown.
  let sum = 0;
  for (let i = 0; i < p.offset && i < entries.length; i++) sum += entries[i].flatDelta;
  const rows = pageRows(entries, p.offset, p.limit).map((e) => {
    sum += e.flatDelta;
    return {
      name: names[e.key],
      file: tree.files[e.key],
      flatBefore: e.flatBefore,
      flatAfter: e.flatAfter,
      cumBefore: e.cumBefore,
      cumAfter: e.cumAfter,
      flatDelta: e.flatDelta,
      cumDelta: e.cumDelta,
      flatPercent: percentOf(e.flatDelta, total),
      cumPercent: percentOf(e.cumDelta, total),
      sumPercent: percentOf(sum, total),
      status: e.status,
    };
  });
  return { rows, rowCount: entries.length, totals: tree.totals, unit: unitOf(session, p.base, p.sampleType) };
}

function sideFlame(session: Session, id: FileId, p: DiffFlameRequest): FlameAnswer {
  const profile = session.profile(id);
  const sampleType = sampleTypeIndex(profile, p.sampleType);
  const tree = session.callTree(id, { sampleType, transforms: p.transforms });
  const { node, path } = resolvePath(tree, p.zoomPath);
  const { root, nodeCount } = flameSubtree(tree, node, p.minFraction);
  return { root, total: tree.profileTotal, path, unit: profile.sampleTypes[sampleType]?.unit ?? '', nodeCount };
}

function diffFlame(p: DiffFlameRequest, { session }: RequestContext): DiffFlameAnswer {
  const tree = diffTree(session, p);
  const { root, path, nodeCount } = diffFlameAnswer(tree, p.zoomPath, p.minFraction);
  const answer: DiffFlameAnswer = { root, path, totals: tree.totals, unit: unitOf(session, p.base, p.sampleType), nodeCount };
  if (p.sides) answer.sides = { base: sideFlame(session, p.base, p), target: sideFlame(session, p.target, p) };
  return answer;
}

function seriesRank(p: SeriesRequest, { session }: RequestContext): SeriesAnswer {
  const snaps = comparables(session, p.files).sort(olderFirst);
  if (snaps.length < 3) throw new Error(`a series needs three or more profiles; ${snaps.length} given`);
  const missing = snaps.filter((s) => !s.sampleTypes.some((t) => t.type === p.sampleType));
  if (missing.length > 0)
    throw new Error(`${missing.map((m) => m.name).join(', ')} ${missing.length > 1 ? 'have' : 'has'} no sample type ${p.sampleType}`);
  session.require(snaps.map((s) => s.id));
  const profiles = snaps.map((s) => session.profile(s.id));
  const table = buildSeries(
    profiles.map((profile) => ({ profile, sampleType: sampleTypeIndex(profile, p.sampleType) })),
    treeViewOf(p.transforms),
  );
  let ranked = rankSeries(table, p.measure);
  if (p.filter) {
    const needle = p.filter.toLowerCase();
    ranked = ranked.filter((r) => table.names[r.key].toLowerCase().includes(needle));
  }
  return {
    snapshots: snaps.map((s, i) => ({ file: s.id, name: s.name, timeNanos: s.timeNanos, total: table.totals[i] })),
    rows: pageRows(ranked, 0, p.limit).map((r) => ({
      name: table.names[r.key],
      file: table.files[r.key],
      values: Array.from(r.values),
      slope: r.slope,
      slopeShare: r.slopeShare,
      grewSteps: r.grewSteps,
      shrankSteps: r.shrankSteps,
      steps: r.steps,
      change: r.change,
    })),
    rowCount: ranked.length,
    unit: unitOf(session, snaps[0].id, p.sampleType),
  };
}

/** Which program made a profile: its main mapping's build id or file, when it has one. */
function programOf(session: Session, id: FileId): string {
  const m = session.profile(id).mappings[0];
  return m ? m.buildId || m.file : '';
}

function seriesGroups(p: SeriesGroupsRequest, { session }: RequestContext): SeriesGroupsAnswer {
  return { groups: groupSeries(comparables(session, p.files), (x) => programOf(session, x.id)) };
}

function diffPeekAnswer(p: DiffPeekRequest, { session }: RequestContext): DiffPeekAnswer {
  const tree = diffTree(session, p);
  return {
    peek: session.memo.get('diff-peek', p.name, [tree], () => diffPeek(tree, p.name)),
    totals: tree.totals,
    unit: unitOf(session, p.base, p.sampleType),
  };
}

function diffSandwichAnswer(p: DiffSandwichRequest, { session }: RequestContext): DiffSandwichAnswer {
  const tree = diffTree(session, p);
  const sandwich = session.memo.get('diff-sandwich', p.name, [tree], () => diffSandwich(tree, p.name));
  if (!sandwich) return { callers: null, callees: null };
  const unit = unitOf(session, p.base, p.sampleType);
  const flame = (side: DiffTree, zoom: string[]): DiffFlameAnswer => {
    // Both graphs start at the function: a path never leaves it.
    const { root, path, nodeCount } = diffFlameAnswer(side, zoom.length > 0 ? zoom : [p.name], p.minFraction);
    return { root, path, totals: tree.totals, unit, nodeCount };
  };
  return { callers: flame(sandwich.callers, p.callersPath), callees: flame(sandwich.callees, p.calleesPath) };
}

export const compareHandlers = {
  diffTop,
  diffFlame,
  diffPeek: diffPeekAnswer,
  diffSandwich: diffSandwichAnswer,
  seriesRank,
  seriesGroups,
} satisfies Handlers<CompareApi>;
