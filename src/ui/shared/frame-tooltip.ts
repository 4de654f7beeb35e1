/**
 * A flame graph frame's tooltip, in the shape d3-flame-graph expects (a function with
 * show/hide/destroy): the frame's name, label/value rows and a zoom hint, kept on screen
 * beside the pointer. Names are data from profiles, never markup: the DOM is built with
 * textContent only.
 */
import { visibleMarks } from '../../state/format';

export interface TooltipFrame<T> {
  data: T;
  parent: TooltipFrame<T> | null;
}

export interface FrameTooltip<T> {
  (selection: unknown): void;
  show(d: TooltipFrame<T>, el: Element): void;
  hide(): void;
  destroy(): void;
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

function textDiv(className: string, text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}

/** Rows that take a request to know (a frame's value per pod): added when they come, if the frame is still shown. */
export type DescribeLater<T> = (d: TooltipFrame<T>) => Promise<[string, string][]> | null;

export function createFrameTooltip<T extends { name: string }>(
  className: string,
  describe: (d: TooltipFrame<T>) => [string, string][],
  describeLater?: DescribeLater<T>,
): FrameTooltip<T> {
  trackPointer();
  const el = document.createElement('div');
  el.className = className;
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

  const addRows = (dl: HTMLDListElement, rows: [string, string][]) => {
    for (const [k, v] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
  };
  /** The frame shown now: a late answer for another one is dropped. */
  let shown: TooltipFrame<T> | null = null;
  const tip = (() => undefined) as unknown as FrameTooltip<T>;
  tip.show = (d) => {
    shown = d;
    const dl = document.createElement('dl');
    addRows(dl, describe(d));
    el.replaceChildren(textDiv('flame-tooltip-name', visibleMarks(d.data.name)), dl, textDiv('flame-tooltip-hint', d.parent ? 'Click to zoom in' : 'Click to zoom out'));
    el.hidden = false;
    place();
    describeLater?.(d)?.then(
      (rows) => {
        if (shown !== d || el.hidden || rows.length === 0) return;
        addRows(dl, rows);
        place();
      },
      () => undefined,
    );
  };
  tip.hide = () => {
    shown = null;
    el.hidden = true;
  };
  tip.destroy = () => {
    document.removeEventListener('mousemove', onMove);
    el.remove();
  };
  return tip;
}
