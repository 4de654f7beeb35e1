/**
 * Tooltip for diff frames, in the shape d3-flame-graph expects (a function with
 * show/hide/destroy). Names come from profiles: they are set with textContent only.
 */
import type { DiffFlameNode } from '../../worker/compare-api';
import { formatBoth, formatDelta, formatDeltaPercent } from './format';

export interface DiffTipContext {
  unit: string;
  /** What percentages are of (pprof's total for the current meaning). */
  percentOf: number;
  percentLabel: string;
}

interface D3Node {
  data: DiffFlameNode;
  parent: D3Node | null;
}

export interface DiffTooltip {
  (selection: unknown): void;
  show(d: D3Node, el: Element): void;
  hide(): void;
  destroy(): void;
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

export function createDiffTooltip(getContext: () => DiffTipContext): DiffTooltip {
  const el = document.createElement('div');
  el.className = 'flame-tooltip compare-tooltip';
  el.setAttribute('role', 'tooltip');
  el.hidden = true;
  document.body.appendChild(el);
  let x = 0;
  let y = 0;
  const place = () => {
    const pad = 14;
    const left = x + pad + el.offsetWidth > innerWidth ? Math.max(4, x - pad - el.offsetWidth) : x + pad;
    const top = y + pad + el.offsetHeight > innerHeight ? Math.max(4, y - pad - el.offsetHeight) : y + pad;
    el.style.transform = `translate(${left}px, ${top}px)`;
  };
  const onMove = (e: MouseEvent) => {
    x = e.clientX;
    y = e.clientY;
    if (!el.hidden) place();
  };
  document.addEventListener('mousemove', onMove, { passive: true });

  const tip = (() => undefined) as unknown as DiffTooltip;
  tip.show = (d) => {
    const title = document.createElement('div');
    title.className = 'flame-tooltip-name';
    title.textContent = d.data.name;
    const dl = document.createElement('dl');
    for (const [k, v] of describeDiffFrame(d.data, getContext())) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    const hint = document.createElement('div');
    hint.className = 'flame-tooltip-hint';
    hint.textContent = d.parent ? 'Click to zoom in' : 'Click to zoom out';
    el.replaceChildren(title, dl, hint);
    el.hidden = false;
    place();
  };
  tip.hide = () => {
    el.hidden = true;
  };
  tip.destroy = () => {
    document.removeEventListener('mousemove', onMove);
    el.remove();
  };
  return tip;
}
