/**
 * Keeps a d3 flame graph in `host`: drawn anew when anything in `redrawOn` changes (each
 * answer is already pruned and rooted, so a rebuild is cheap), searched in place when only
 * the search does. Clicks and tooltips use the latest render's callbacks, so a parent
 * passing new closures each render does not force a redraw.
 */
import { useEffect, useLayoutEffect, useRef, type DependencyList, type RefObject } from 'react';
import { drawFlameGraph, type FlameGraph, type FlameGraphOptions } from './flame-graph';

export function useFlameGraph<T extends { name: string }>(
  host: RefObject<HTMLElement | null>,
  options: FlameGraphOptions<T>,
  search: string,
  redrawOn: DependencyList,
): void {
  const latest = useRef(options);
  latest.current = options;
  const searchNow = useRef(search);
  searchNow.current = search;
  const chart = useRef<FlameGraph | null>(null);
  /** The search the chart shows: a chart just drawn already shows the current one. */
  const shown = useRef(search);

  // Drawn before the browser paints the commit that brings the answer: in a passive
  // effect it would paint that commit without the chart first, then the chart a frame later.
  useLayoutEffect(() => {
    const el = host.current;
    // No width yet (a box not measured): nothing to draw.
    if (!el || options.width <= 0) return;
    const drawn = drawFlameGraph(
      el,
      {
        ...options,
        describe: (d) => latest.current.describe(d),
        describeLater: (d) => latest.current.describeLater?.(d) ?? null,
        onZoom: (path) => latest.current.onZoom(path),
        onPick: options.onPick && ((frame) => latest.current.onPick?.(frame)),
      },
      searchNow.current,
    );
    chart.current = drawn;
    shown.current = searchNow.current;
    return () => {
      drawn.destroy();
      chart.current = null;
    };
    // options is read at draw time; redrawOn says when it matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, redrawOn);

  useEffect(() => {
    // Searching redraws every frame: not again for the search a chart was just drawn with.
    if (!chart.current || shown.current === search) return;
    chart.current.applySearch(search);
    shown.current = search;
  }, [search]);
}
