/**
 * Draws one worker answer with d3-flame-graph. Each answer is already pruned and
 * rooted at the zoomed node, so the chart is rebuilt per answer (cheap) and a click
 * only reports the frame's path; the parent asks the worker again.
 */
import { useEffect, useRef } from 'react';
import { select } from 'd3';
import { flamegraph } from 'd3-flame-graph';
import 'd3-flame-graph/dist/d3-flamegraph.css';
import type { FlameAnswer, FlameNode } from '../../worker/api';
import { createTooltip, type TooltipContext } from './tooltip';
import { frameColour } from './color';
import { searchRegex, shortLabel, zoomPathFor } from './zoom';

interface Props {
  answer: FlameAnswer;
  width: number;
  search: string;
  dark: boolean;
  onZoom: (path: string[]) => void;
}

interface D3Node {
  data: FlameNode;
  parent: D3Node | null;
  highlight?: boolean;
  ancestors(): D3Node[];
}

const CELL_HEIGHT = 18;

export function FlameChart({ answer, width, search, dark, onZoom }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof flamegraph> | null>(null);
  const ctx = useRef<TooltipContext>({ unit: answer.unit, total: answer.total });
  ctx.current = { unit: answer.unit, total: answer.total };
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const el = host.current;
    if (!el || width <= 0) return;
    const tooltip = createTooltip(() => ctx.current);
    let searching = false;
    const chart = flamegraph()
      .width(width)
      .cellHeight(CELL_HEIGHT)
      .transitionDuration(0)
      .inverted(true)
      .sort(false)
      .minFrameSize(0)
      .tooltip(tooltip as never)
      .setSearchHandler(() => undefined)
      .setColorMapper((d: D3Node) =>
        frameColour(d.data.name, {
          dark,
          highlighted: !!d.highlight,
          dimmed: searching && !d.highlight,
          root: !d.parent && answer.path.length === 0,
        }),
      )
      .onClick((d: D3Node) => {
        const names = d.ancestors().reverse().map((a) => a.data.name);
        zoomRef.current(zoomPathFor(answer.path, names));
      });
    // getName exists in d3-flame-graph 4.1 but is missing from its typings.
    (chart as unknown as { getName(f: (d: D3Node) => string): void }).getName((d) => shortLabel(d.data.name));
    const applySearch = (term: string) => {
      const re = searchRegex(term);
      searching = !!re;
      chart.setSearchMatch((d: D3Node) => !!re && re.test(d.data.name));
      if (re) chart.search(term);
      else chart.clear();
    };
    (chart as unknown as { applySearch: typeof applySearch }).applySearch = applySearch;
    select(el).selectAll('*').remove();
    select(el).datum(answer.root).call(chart);
    applySearch(searchRef.current);
    chartRef.current = chart;
    return () => {
      tooltip.hide();
      tooltip.destroy();
      chart.destroy();
      chartRef.current = null;
    };
  }, [answer, width, dark]);

  useEffect(() => {
    const c = chartRef.current as unknown as { applySearch?: (t: string) => void } | null;
    c?.applySearch?.(search);
  }, [search]);

  return <div ref={host} className="flame-chart" data-testid="flame-chart" />;
}
