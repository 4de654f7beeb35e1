/**
 * Draws one worker flame answer with d3-flame-graph, set up as every flame chart here
 * needs: icicle (root on top), no transitions or sorting (the worker's order stands),
 * every frame drawn (the answer is already pruned), search matched by our regex, a
 * text-only tooltip, and a click that only reports the frame's zoom path (the caller
 * asks the worker again and draws the new answer).
 */
import { select, timerFlush } from 'd3';
import flamegraph from 'd3-flame-graph/src/flamegraph.js';
import 'd3-flame-graph/dist/d3-flamegraph.css';
import { searchRegex, zoomPathFor } from '../flame/zoom';
import { createFrameTooltip, type DescribeLater, type TooltipFrame } from './frame-tooltip';
import { visibleMarks } from '../../state/format';

/** A frame as d3-flame-graph hands it to our callbacks. */
export interface DrawnFrame<T> {
  data: T;
  parent: DrawnFrame<T> | null;
  highlight?: boolean;
  ancestors(): DrawnFrame<T>[];
}

export interface FlameGraphOptions<T extends { name: string }> {
  /** The answer's tree, and the path it is rooted at (a click's path extends it). */
  answer: { root: T; path: string[] };
  width: number;
  /** The text drawn in a frame. */
  label: (name: string) => string;
  /** A frame's fill; `searching` is on while a search is applied. */
  colour: (d: DrawnFrame<T>, searching: boolean) => string;
  tooltipClass: string;
  /** The tooltip's label/value rows for a frame. */
  describe: (d: TooltipFrame<T>) => [string, string][];
  /** More rows for a frame that take a request; appended when they come. */
  describeLater?: DescribeLater<T>;
  onZoom: (path: string[]) => void;
  /** A right-click on a frame (the context menu): its name, call path from the root, and where. */
  onPick?: (frame: { name: string; path: string[]; x: number; y: number }) => void;
  /** Draw the root at the bottom, its children above it (a callers graph). */
  rootAtBottom?: boolean;
  /** Runs once the frames are drawn, before the first search. */
  decorate?: (host: HTMLElement) => void;
}

export interface FlameGraph {
  applySearch(term: string): void;
  destroy(): void;
}

const CELL_HEIGHT = 18;

export function drawFlameGraph<T extends { name: string }>(host: HTMLElement, o: FlameGraphOptions<T>, search: string): FlameGraph {
  const tooltip = createFrameTooltip<T>(o.tooltipClass, o.describe, o.describeLater);
  let searching = false;
  const chart = flamegraph()
    .width(o.width)
    .cellHeight(CELL_HEIGHT)
    .transitionDuration(0)
    .inverted(!o.rootAtBottom)
    .sort(false)
    .minFrameSize(0)
    .tooltip(tooltip as never)
    .setSearchHandler(() => undefined)
    .setColorMapper((d: DrawnFrame<T>) => o.colour(d, searching));
  // getName exists in d3-flame-graph 4.1 but is missing from its typings.
  (chart as unknown as { getName(f: (d: DrawnFrame<T>) => string): void }).getName((d) => visibleMarks(o.label(d.data.name)));
  // d3-flame-graph's own click zooms the chart in place (every frame re-laid out and
  // painted) before its callback runs; the worker's answer for the new zoom replaces the
  // chart anyway, so a click only reports the path. Bound again after each update, which
  // rebinds its handler.
  const bindClicks = () =>
    select(host)
      .selectAll<SVGGElement, DrawnFrame<T>>('g.frame')
      .on('click', (_e, d) => {
        tooltip.hide();
        const names = d.ancestors().reverse().map((a) => a.data.name);
        o.onZoom(zoomPathFor(o.answer.path, names));
      })
      .on('contextmenu', (e: MouseEvent, d) => {
        if (!o.onPick) return;
        e.preventDefault();
        tooltip.hide();
        const names = d.ancestors().reverse().map((a) => a.data.name);
        o.onPick({ name: d.data.name, path: [...o.answer.path, ...names.slice(1)], x: e.clientX, y: e.clientY });
      });
  const applySearch = (term: string) => {
    const re = searchRegex(term);
    searching = !!re;
    chart.setSearchMatch((d: DrawnFrame<T>) => !!re && re.test(d.data.name));
    if (re) chart.search(term);
    else chart.clear();
    // Widths, places and labels are set through d3 transitions, which start on the next
    // animation frame even at duration 0: run them now, so that frame paints the chart
    // once, whole (not bare frames first, then a second layout and paint of them all).
    timerFlush();
    bindClicks();
  };
  select(host).selectAll('*').remove();
  select(host).datum(o.answer.root).call(chart);
  // New frames' rects grow from zero width over d3's default 250 ms (d3-flame-graph sets
  // no duration on that transition): a redraw of every rect on every animation frame
  // for a quarter second. Stop it, and give each rect its frame's width at once.
  select(host)
    .selectAll<SVGRectElement, unknown>('g.frame > rect')
    .interrupt()
    .attr('width', function () {
      return this.parentElement?.getAttribute('width') ?? 0;
    });
  o.decorate?.(host);
  // A new chart highlights nothing: only a search term needs another pass over its frames.
  if (searchRegex(search)) applySearch(search);
  else {
    timerFlush();
    bindClicks();
  }
  return {
    applySearch,
    destroy() {
      tooltip.hide();
      tooltip.destroy();
      chart.destroy();
    },
  };
}
