/**
 * The flame graph's tooltip, in the shape d3-flame-graph expects (a function with
 * show/hide/destroy). Frame names are data from the profile, never markup: the DOM
 * is built with textContent only.
 */
import type { FlameNode } from '../../worker/api';
import { formatExact, formatPercent, formatValue } from '../../state/format';

export interface TooltipContext {
  unit: string;
  total: number;
}

interface D3Node {
  data: FlameNode;
  parent: D3Node | null;
}

export interface FlameTooltip {
  (selection: unknown): void;
  show(d: D3Node, el: Element): void;
  hide(): void;
  destroy(): void;
}

function row(dl: HTMLElement, label: string, value: string): void {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dl.append(dt, dd);
}

export function describeFrame(d: D3Node, ctx: TooltipContext): { name: string; rows: [string, string][] } {
  const n = d.data;
  const rows: [string, string][] = [];
  const v = (x: number) => {
    const scaled = formatValue(x, ctx.unit);
    const exact = formatExact(x, ctx.unit);
    return scaled === exact ? scaled : `${scaled} (${exact})`;
  };
  rows.push(['value', v(n.value)]);
  rows.push(['of total', formatPercent(n.value, ctx.total)]);
  if (d.parent) rows.push(['of parent', formatPercent(n.value, d.parent.data.value)]);
  rows.push(['self', v(n.self)]);
  if (n.hidden > 0) rows.push(['too narrow to draw', v(n.hidden)]);
  return { name: n.name, rows };
}

/**
 * The pointer position, tracked once for the page: a chart rebuilt under a
 * resting pointer (after a zoom click) must place its tooltip there, not at 0,0.
 */
const pointer = { x: 0, y: 0, tracked: false };
function trackPointer(): void {
  if (pointer.tracked) return;
  pointer.tracked = true;
  document.addEventListener(
    'mousemove',
    (e) => {
      pointer.x = e.clientX;
      pointer.y = e.clientY;
    },
    { passive: true, capture: true },
  );
}

export function createTooltip(getContext: () => TooltipContext): FlameTooltip {
  trackPointer();
  const el = document.createElement('div');
  el.className = 'flame-tooltip';
  el.setAttribute('role', 'tooltip');
  el.hidden = true;
  document.body.appendChild(el);

  const place = () => {
    const pad = 14;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const { x, y } = pointer;
    // Stay on screen: flip to the other side of the pointer near the right/bottom edge.
    const left = x + pad + w > innerWidth ? Math.max(4, x - pad - w) : x + pad;
    const top = y + pad + h > innerHeight ? Math.max(4, y - pad - h) : y + pad;
    el.style.transform = `translate(${left}px, ${top}px)`;
  };
  const onMove = () => {
    if (!el.hidden) place();
  };
  document.addEventListener('mousemove', onMove, { passive: true });

  const tip = (() => undefined) as unknown as FlameTooltip;
  tip.show = (d) => {
    const { name, rows } = describeFrame(d, getContext());
    const title = document.createElement('div');
    title.className = 'flame-tooltip-name';
    title.textContent = name;
    const dl = document.createElement('dl');
    for (const [k, v] of rows) row(dl, k, v);
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
