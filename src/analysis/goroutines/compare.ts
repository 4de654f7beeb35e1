/**
 * "Compare two snapshots": pairs stack groups of two snapshots by stackKey (any mix of
 * encodings), with before/after/delta, new groups, wait-time growth and a headline.
 */
import { frameInfo, topUserFrame, type FrameInfo } from './frame-info';
import { formatSigned, plural } from './format';
import { groupByStack, groupRow, groupStack, type GroupTable, type StateCount } from './group-by-stack';
import { stackKey } from './stack-key';
import { normFrames, type Snapshot } from './snapshot';

export interface CompareRow {
  key: string;
  /** Stack of the group (from the later snapshot when present), leaf first. */
  frames: FrameInfo[];
  topUserFrame: FrameInfo | null;
  leaf: FrameInfo | null;
  before: number;
  after: number;
  delta: number;
  /** Absent before. */
  isNew: boolean;
  /** Absent after. */
  gone: boolean;
  /** Longest wait in minutes, -1 when unknown (debug=0/1 have none). */
  waitMaxBefore: number;
  waitMaxAfter: number;
  /** waitMaxAfter − waitMaxBefore when both are known, else null. */
  waitGrowth: number | null;
  statesAfter: StateCount[];
}

export interface Comparison {
  rows: CompareRow[];
  beforeTotal: number;
  afterTotal: number;
  delta: number;
  /** Rows that grew, most first: how many hold most (≥ 80%) of the growth. */
  topStacks: number;
  /** Share of the growth (0–1) in those rows. */
  topShare: number;
  /** e.g. "+4,812 goroutines; 93% of the growth in 1 stack: main.subscribe" */
  headline: string;
}

interface Side {
  table: GroupTable;
  gi: number;
}

export function compareSnapshots(before: Snapshot, after: Snapshot): Comparison {
  const tb = groupByStack(before);
  const ta = groupByStack(after);
  const pairs = new Map<string, { b: Side | null; a: Side | null }>();
  const index = (t: GroupTable, side: 'a' | 'b'): void => {
    t.groups.forEach((g, gi) => {
      const key = stackKey(t.snapshot, g.norm);
      let e = pairs.get(key);
      if (!e) pairs.set(key, (e = { b: null, a: null }));
      const cur = e[side];
      // Two normalized nodes can share a key only in odd cases; keep the bigger.
      if (!cur || cur.table.groups[cur.gi].count < g.count) e[side] = { table: t, gi };
    });
  };
  index(tb, 'b');
  index(ta, 'a');

  const rows: CompareRow[] = [];
  for (const [key, { b, a }] of pairs) {
    const rb = b ? groupRow(b.table, b.gi) : null;
    const ra = a ? groupRow(a.table, a.gi) : null;
    const main = (a ?? b) as Side;
    const s = main.table.snapshot;
    const nf = normFrames(s, main.table.groups[main.gi].norm);
    const top = topUserFrame(s.source.profile, nf);
    const wb = rb?.waitMax ?? -1;
    const wa = ra?.waitMax ?? -1;
    rows.push({
      key,
      frames: groupStack(main.table, main.gi),
      topUserFrame: top >= 0 ? frameInfo(s.source.profile, top) : null,
      leaf: nf.length ? frameInfo(s.source.profile, nf[0]) : null,
      before: rb?.count ?? 0,
      after: ra?.count ?? 0,
      delta: (ra?.count ?? 0) - (rb?.count ?? 0),
      isNew: !b,
      gone: !a,
      waitMaxBefore: wb,
      waitMaxAfter: wa,
      waitGrowth: wb >= 0 && wa >= 0 ? wa - wb : null,
      statesAfter: ra?.states ?? [],
    });
  }
  rows.sort((x, y) => y.delta - x.delta || y.after - x.after || (x.key < y.key ? -1 : 1));

  const delta = after.total - before.total;
  const growth = rows.filter((r) => r.delta > 0);
  const grown = growth.reduce((n, r) => n + r.delta, 0);
  let topStacks = 0;
  let covered = 0;
  while (topStacks < growth.length && covered < 0.8 * grown) covered += growth[topStacks++].delta;
  const topShare = grown > 0 ? covered / grown : 0;
  return {
    rows,
    beforeTotal: before.total,
    afterTotal: after.total,
    delta,
    topStacks,
    topShare,
    headline: headline(delta, grown, topStacks, topShare, growth),
  };
}

function headline(delta: number, grown: number, k: number, share: number, growth: CompareRow[]): string {
  const total = `${formatSigned(delta)} goroutine${Math.abs(delta) === 1 ? '' : 's'}`;
  if (grown <= 0) return `${total}; no stack grew`;
  const names = growth
    .slice(0, Math.min(k, 3))
    .map((r) => (r.topUserFrame ?? r.leaf)?.func ?? '(unknown)')
    .join(', ');
  const more = k > 3 ? ', …' : '';
  return `${total}; ${Math.round(share * 100)}% of the growth in ${plural(k, 'stack')}: ${names}${more}`;
}
