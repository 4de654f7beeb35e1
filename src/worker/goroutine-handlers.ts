/** The worker's answers to the goroutine calls. Pure over the Session; no messaging here. */
import {
  compareSnapshots,
  groupByCreator,
  groupByStack,
  groupStack,
  leakSuspects,
  queryGroups,
  stateCounts,
  toSnapshot,
  type Comparison,
  type CompareRow,
  type CreatorGroup,
  type GroupTable,
  type LeakSuspect,
} from '../analysis/goroutines';
import { holdsGoroutines } from '../model/file-kind';
import type { FileId, Granularity } from './api';
import { GoroutineCache, type Dep } from './goroutine-cache';
import type {
  CreatorRow,
  GoroutineCompareAnswer,
  GoroutineCompareRequest,
  GoroutineCreatorsAnswer,
  GoroutineCreatorsRequest,
  GoroutineEncoding,
  GoroutineFileChoice,
  GoroutineFileRequest,
  GoroutineGroupsAnswer,
  GoroutineGroupsRequest,
  GoroutineLeaksAnswer,
  GoroutineLeaksRequest,
  GoroutineOverview,
  GoroutinePairsAnswer,
  GoroutinePairsRequest,
  GoroutineStackAnswer,
  GoroutineStackRequest,
} from './goroutine-api';
import type { OpenFile, Session } from './session';

interface Grouped {
  table: GroupTable;
  creators: CreatorGroup[] | null;
}

const tables = new GoroutineCache<Grouped>(6);
const comparisons = new GoroutineCache<Comparison>(4);
const leaks = new GoroutineCache<LeakSuspect[]>(4);

const MAX_PAGE = 1000;

/** The encoding of a goroutine file, or null when the file holds no goroutines. */
export function goroutineEncoding(f: OpenFile): GoroutineEncoding | null {
  if (!f.profile) return null;
  const k = f.info.kind;
  if (!holdsGoroutines(k)) return null;
  if (k.kind === 'goroutine-dump') return f.goroutines ? 'debug=2' : k.form;
  return k.kind === 'pprof' && k.text ? 'debug=1' : 'debug=0';
}

function goroutineFile(session: Session, id: FileId): OpenFile & { profile: NonNullable<OpenFile['profile']> } {
  const f = session.get(id);
  if (!goroutineEncoding(f)) throw new Error(`${f.info.name} is not a goroutine profile or dump`);
  return f as OpenFile & { profile: NonNullable<OpenFile['profile']> };
}

/** Forget computations over files that were closed (or reopened) since. */
function sweep(session: Session): void {
  const alive = (d: Dep): boolean => {
    try {
      return session.get(d.file).profile === d.profile;
    } catch {
      return false;
    }
  };
  tables.sweep(alive);
  comparisons.sweep(alive);
  leaks.sweep(alive);
}

function grouped(session: Session, id: FileId, granularity: Granularity): Grouped {
  const f = goroutineFile(session, id);
  return tables.get(`${id}|${granularity}`, [{ file: id, profile: f.profile }], () => ({
    table: groupByStack(toSnapshot({ profile: f.profile, dump: f.goroutines ?? null }, granularity)),
    creators: null,
  }));
}

const clampLimit = (n: number): number => Math.max(0, Math.min(MAX_PAGE, Math.floor(n)));

export function goroutineOverview(session: Session, p: GoroutineFileRequest): GoroutineOverview {
  sweep(session);
  const f = goroutineFile(session, p.file);
  const { table } = grouped(session, p.file, p.granularity);
  return {
    file: p.file,
    name: f.info.name,
    encoding: goroutineEncoding(f)!,
    total: table.snapshot.total,
    groups: table.groups.length,
    states: stateCounts(table),
    perGoroutine: !!f.goroutines,
    labelled: table.groups.some((g) => g.labels.size > 0),
    timeNanos: f.profile.timeNanos,
    warnings: f.info.warnings,
  };
}

export function goroutineGroups(session: Session, p: GoroutineGroupsRequest): GoroutineGroupsAnswer {
  sweep(session);
  const { table } = grouped(session, p.file, p.granularity);
  return queryGroups(table, {
    offset: p.offset,
    limit: clampLimit(p.limit),
    sort: p.sort,
    desc: p.desc,
    text: p.text,
    state: p.state ?? null,
  });
}

export function goroutineStack(session: Session, p: GoroutineStackRequest): GoroutineStackAnswer {
  const { table } = grouped(session, p.file, p.granularity);
  if (!Number.isInteger(p.group) || p.group < 0 || p.group >= table.groups.length) {
    throw new Error(`no stack group ${p.group} in this file`);
  }
  return { frames: groupStack(table, p.group) };
}

export function goroutineCreators(session: Session, p: GoroutineCreatorsRequest): GoroutineCreatorsAnswer {
  sweep(session);
  const g = grouped(session, p.file, p.granularity);
  g.creators ??= groupByCreator(g.table.snapshot);
  const all = g.creators;
  const keep = Math.max(1, Math.floor(p.blockedLimit));
  const offset = Math.max(0, p.offset);
  const rows: CreatorRow[] = all.slice(offset, offset + clampLimit(p.limit)).map((c) => {
    const rest = c.blockedIn.slice(keep);
    return {
      ...c,
      blockedIn: c.blockedIn.slice(0, keep),
      moreBlocked: rest.length,
      moreBlockedCount: rest.reduce((n, b) => n + b.count, 0),
    };
  });
  return {
    rows,
    rowCount: all.length,
    total: g.table.snapshot.total,
    hasCreatedBy: all.some((c) => c.kind === 'created-by'),
  };
}

/** Goroutine files among `ids`, earliest first: by profile time when all have one, else by drop order. */
export function goroutinePairs(session: Session, p: GoroutinePairsRequest): GoroutinePairsAnswer {
  sweep(session);
  const files: GoroutineFileChoice[] = [];
  for (const id of p.files) {
    let f: OpenFile;
    try {
      f = session.get(id);
    } catch {
      continue; // closed meanwhile
    }
    const encoding = goroutineEncoding(f);
    if (!encoding || !f.profile) continue;
    const total = f.goroutines ? f.goroutines.count : (f.info.profile?.totals[countIndex(f)] ?? 0);
    files.push({ file: id, name: f.info.name, encoding, timeNanos: f.profile.timeNanos, total });
  }
  const byTime = files.length > 0 && files.every((f) => f.timeNanos > 0);
  // File ids grow in the order files were opened.
  files.sort((a, b) => (byTime ? a.timeNanos - b.timeNanos : 0) || a.file - b.file);
  const n = files.length;
  return {
    files,
    orderedBy: byTime ? 'time' : 'drop',
    suggested: n >= 2 ? { before: files[n - 2].file, after: files[n - 1].file } : null,
  };
}

function countIndex(f: OpenFile): number {
  const types = f.profile?.sampleTypes ?? [];
  const i = types.findIndex((t) => t.type === 'goroutine' || t.unit === 'count');
  return i < 0 ? 0 : i;
}

function comparison(session: Session, before: FileId, after: FileId, granularity: Granularity): Comparison {
  const b = goroutineFile(session, before);
  const a = goroutineFile(session, after);
  const deps = [
    { file: before, profile: b.profile },
    { file: after, profile: a.profile },
  ];
  return comparisons.get(`${before}|${after}|${granularity}`, deps, () => {
    // The group tables are usually cached already; their snapshots are what compare needs.
    const sb = grouped(session, before, granularity).table.snapshot;
    const sa = grouped(session, after, granularity).table.snapshot;
    return compareSnapshots(sb, sa);
  });
}

const rowName = (r: CompareRow): string => (r.topUserFrame ?? r.leaf)?.func ?? '';

function rowMatches(r: CompareRow, needle: string): boolean {
  for (const f of r.frames) if (f.func.toLowerCase().includes(needle) || f.file.toLowerCase().includes(needle)) return true;
  return false;
}

export function goroutineCompare(session: Session, p: GoroutineCompareRequest): GoroutineCompareAnswer {
  sweep(session);
  if (p.before === p.after) throw new Error('pick two different snapshots to compare');
  const c = comparison(session, p.before, p.after, p.granularity);
  const needle = p.text?.trim().toLowerCase() ?? '';
  let rows = needle ? c.rows.filter((r) => rowMatches(r, needle)) : c.rows;
  const sort = p.sort ?? 'delta';
  if (sort !== 'delta' || p.desc === false) {
    const desc = p.desc ?? sort !== 'name';
    const sign = desc ? -1 : 1;
    const value = (r: CompareRow): number | string => {
      switch (sort) {
        case 'before':
          return r.before;
        case 'after':
          return r.after;
        case 'waitGrowth':
          return r.waitGrowth ?? -Infinity;
        case 'name':
          return rowName(r);
        default:
          return r.delta;
      }
    };
    rows = [...rows].sort((x, y) => {
      const vx = value(x);
      const vy = value(y);
      const d = typeof vx === 'number' ? (vx === vy ? 0 : vx < (vy as number) ? -1 : 1) : vx.localeCompare(vy as string);
      return sign * d || y.delta - x.delta || (x.key < y.key ? -1 : 1);
    });
  }
  const offset = Math.max(0, p.offset);
  return {
    headline: c.headline,
    beforeTotal: c.beforeTotal,
    afterTotal: c.afterTotal,
    delta: c.delta,
    topStacks: c.topStacks,
    topShare: c.topShare,
    newGroups: c.rows.filter((r) => r.isNew).length,
    goneGroups: c.rows.filter((r) => r.gone).length,
    rowCount: rows.length,
    rows: rows.slice(offset, offset + clampLimit(p.limit)),
  };
}

export function goroutineLeaks(session: Session, p: GoroutineLeaksRequest): GoroutineLeaksAnswer {
  sweep(session);
  const f = goroutineFile(session, p.file);
  const previous = p.previous != null && p.previous !== p.file ? p.previous : null;
  const prev = previous != null ? goroutineFile(session, previous) : null;
  const deps: Dep[] = [{ file: p.file, profile: f.profile }];
  if (prev && previous != null) deps.push({ file: previous, profile: prev.profile });
  const limit = Math.max(1, Math.min(50, Math.floor(p.limit)));
  const suspects = leaks.get(`${p.file}|${previous ?? ''}|${p.granularity}|${limit}`, deps, () =>
    leakSuspects(
      grouped(session, p.file, p.granularity).table.snapshot,
      previous != null ? grouped(session, previous, p.granularity).table.snapshot : null,
      { limit },
    ),
  );
  return { suspects, total: grouped(session, p.file, p.granularity).table.snapshot.total, previous };
}
