/** What the diff flame graph's tooltip says about a frame: before, after and the change. */
import type { DiffFlameNode } from '../../worker/compare-api';
import { formatBoth } from '../../state/format';
import { formatDelta, formatDeltaPercent } from './format';

export interface DiffTipContext {
  unit: string;
  /** What percentages are of (pprof's total for the current meaning). */
  percentOf: number;
  percentLabel: string;
}

const STATUS: Record<DiffFlameNode['status'], string> = {
  both: '',
  new: 'only in the target (new)',
  gone: 'only in the base (removed)',
};

export function describeDiffFrame(n: DiffFlameNode, ctx: DiffTipContext): [string, string][] {
  const pct = ctx.percentOf ? (100 * n.delta) / ctx.percentOf : 0;
  const rows: [string, string][] = [
    ['before', formatBoth(n.before, ctx.unit)],
    ['after', formatBoth(n.after, ctx.unit)],
    ['delta', formatDelta(n.delta, ctx.unit)],
    [`delta % ${ctx.percentLabel}`, formatDeltaPercent(pct)],
    ['self before → after', `${formatBoth(n.selfBefore, ctx.unit)} → ${formatBoth(n.selfAfter, ctx.unit)}`],
  ];
  if (n.before > 0 && n.after > 0) rows.push(['change of this frame', formatDeltaPercent((100 * n.delta) / n.before)]);
  if (STATUS[n.status]) rows.push(['where', STATUS[n.status]]);
  if (n.hidden > 0) rows.push(['too narrow to draw', formatBoth(n.hidden, ctx.unit)]);
  return rows;
}
