/** What the flame graph's tooltip says about a frame: its value, shares and self. */
import type { FlameNode } from '../../worker/types';
import { formatBoth, formatPercent } from '../../state/format';
import type { TooltipFrame } from '../shared/frame-tooltip';

export interface TooltipContext {
  unit: string;
  total: number;
}

export function describeFrame(d: TooltipFrame<FlameNode>, ctx: TooltipContext): [string, string][] {
  const n = d.data;
  const rows: [string, string][] = [];
  const v = (x: number) => formatBoth(x, ctx.unit);
  rows.push(['value', v(n.value)]);
  rows.push(['of total', formatPercent(n.value, ctx.total)]);
  if (d.parent) rows.push(['of parent', formatPercent(n.value, d.parent.data.value)]);
  rows.push(['self', v(n.self)]);
  if (n.hidden > 0) rows.push(['too narrow to draw', v(n.hidden)]);
  return rows;
}
