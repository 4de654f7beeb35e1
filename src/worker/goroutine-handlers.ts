/** The worker's answers to the goroutine calls: stack groups, creators, comparisons, leak suspects. */
import {
  compareSnapshots,
  debug1Text,
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
} from '../analysis/goroutines';
import { fileStem } from '../analysis/export/file-name';
import { holdsGoroutines } from '../model/file-kind';
import { pageRows } from '../analysis/paging';
import type { Handlers, RequestContext } from './context';
import type {
  CreatorRow,
  GoroutineApi,
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
  GoroutineText,
} from './goroutine-api';
import type { OpenFile, Session } from './session';
import type { FileId, Granularity } from './types';

interface Grouped {
  table: GroupTable;
  creators: CreatorGroup[] | null;
}


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

function grouped(session: Session, id: FileId, granularity: Granularity): Grouped {
  const f = goroutineFile(session, id);
  return session.memo.get('goroutine-groups', `${id}|${granularity}`, [f.profile], () => ({
    table: groupByStack(toSnapshot({ profile: f.profile, dump: f.goroutines ?? null }, granularity)),
    creators: null,
  }));
}

function goroutineOverview(p: GoroutineFileRequest, { session }: RequestContext): GoroutineOverview {
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

function goroutineGroups(p: GoroutineGroupsRequest, { session }: RequestContext): GoroutineGroupsAnswer {
  const { table } = grouped(session, p.file, p.granularity);
  return queryGroups(table, {
    offset: p.offset,
    limit: p.limit,
    sort: p.sort,
    desc: p.desc,
    text: p.text,
    state: p.state ?? null,
  });
}

function goroutineText(p: GoroutineFileRequest, { session }: RequestContext): GoroutineText {
  const { table } = grouped(session, p.file, p.granularity);
  return { text: debug1Text(table), name: `${fileStem(session.get(p.file).info.name)}-groups.txt` };
}

function goroutineStack(p: GoroutineStackRequest, { session }: RequestContext): GoroutineStackAnswer {
  const { table } = grouped(session, p.file, p.granularity);
  if (!Number.isInteger(p.group) || p.group < 0 || p.group >= table.groups.length) {
    throw new Error(`no stack group ${p.group} in this file`);
  }
  return { frames: groupStack(table, p.group) };
}

function goroutineCreators(p: GoroutineCreatorsRequest, { session }: RequestContext): GoroutineCreatorsAnswer {
  const g = grouped(session, p.file, p.granularity);
  g.creators ??= groupByCreator(g.table.snapshot);
  const all = g.creators;
  const keep = Math.max(1, Math.floor(p.blockedLimit));
  const rows: CreatorRow[] = pageRows(all, p.offset, p.limit).map((c) => {
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
function goroutinePairs(p: GoroutinePairsRequest, { session }: RequestContext): GoroutinePairsAnswer {
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
  return session.memo.get('goroutine-compare', `${before}|${after}|${granularity}`, [b.profile, a.profile], () => {
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

function goroutineCompare(p: GoroutineCompareRequest, { session }: RequestContext): GoroutineCompareAnswer {
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
    rows: pageRows(rows, p.offset, p.limit),
  };
}

function goroutineLeaks(p: GoroutineLeaksRequest, { session }: RequestContext): GoroutineLeaksAnswer {
  const f = goroutineFile(session, p.file);
  const previous = p.previous != null && p.previous !== p.file ? p.previous : null;
  const prev = previous != null ? goroutineFile(session, previous) : null;
  const deps = prev ? [f.profile, prev.profile] : [f.profile];
  const limit = Math.max(1, Math.min(50, Math.floor(p.limit)));
  const suspects = session.memo.get('goroutine-leaks', `${p.file}|${previous ?? ''}|${p.granularity}|${limit}`, deps, () =>
    leakSuspects(
      grouped(session, p.file, p.granularity).table.snapshot,
      previous != null ? grouped(session, previous, p.granularity).table.snapshot : null,
      { limit },
    ),
  );
  return { suspects, total: grouped(session, p.file, p.granularity).table.snapshot.total, previous };
}

export const goroutineHandlers = {
  goroutineOverview,
  goroutineGroups,
  goroutineText,
  goroutineStack,
  goroutineCreators,
  goroutinePairs,
  goroutineCompare,
  goroutineLeaks,
} satisfies Handlers<GoroutineApi>;
