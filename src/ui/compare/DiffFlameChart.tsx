/**
 * Draws a diff flame answer with d3-flame-graph: our colour function (palettes above),
 * a hatch for frames on one side only, and a text-only tooltip. Each answer is already
 * pruned and rooted at the zoom path; a click reports the path, the parent asks again.
 */
import { useEffect, useId, useRef } from 'react';
import { select } from 'd3';
import { flamegraph } from 'd3-flame-graph';
import 'd3-flame-graph/dist/d3-flamegraph.css';
import type { DiffFlameAnswer, DiffFlameNode } from '../../worker/compare-api';
import { searchRegex, zoomPathFor } from '../flame/zoom';
import { diffColour, type Palette } from './diff-colour';
import { createDiffTooltip, type DiffTipContext } from './diff-tooltip';
import { compactName } from './format';

interface D3Node {
  data: DiffFlameNode;
  parent: D3Node | null;
  highlight?: boolean;
  ancestors(): D3Node[];
}

interface Props {
  answer: DiffFlameAnswer;
  width: number;
  palette: Palette;
  dark: boolean;
  search: string;
  percentLabel: string;
  onZoom: (path: string[]) => void;
}

const CELL_HEIGHT = 18;
const HIGHLIGHT = { light: 'hsl(312, 95%, 60%)', dark: 'hsl(312, 90%, 66%)' };

/** Patterns for one-side-only frames: the change colour with diagonal stripes. */
function HatchDefs({ id, palette, dark }: { id: string; palette: Palette; dark: boolean }) {
  const stripe = dark ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.75)';
  const fill = (delta: number) => diffColour({ delta, before: delta < 0 ? 1 : 0, after: delta > 0 ? 1 : 0 }, palette, dark);
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        {(['new', 'gone'] as const).map((s) => (
          <pattern key={s} id={`${id}-${s}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={`rotate(${s === 'new' ? 45 : -45})`}>
            <rect width="6" height="6" fill={fill(s === 'new' ? 1 : -1)} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={stripe} strokeWidth="2" />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

export function DiffFlameChart({ answer, width, palette, dark, search, percentLabel, onZoom }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const id = `cmp${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const ctx = useRef<DiffTipContext>({ unit: answer.unit, percentOf: answer.totals.percentOf, percentLabel });
  ctx.current = { unit: answer.unit, percentOf: answer.totals.percentOf, percentLabel };
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;
  const searchRef = useRef(search);
  searchRef.current = search;
  const chartRef = useRef<{ applySearch: (t: string) => void } | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el || width <= 0) return;
    const tooltip = createDiffTooltip(() => ctx.current);
    let searching = false;
    const fill = (d: D3Node) => {
      if (d.highlight) return dark ? HIGHLIGHT.dark : HIGHLIGHT.light;
      const n = d.data;
      if (searching) return dark ? 'rgb(60, 64, 70)' : 'rgb(235, 235, 235)';
      if (n.status !== 'both' && d.parent) return `url(#${id}-${n.status})`;
      return diffColour(n, palette, dark);
    };
    const chart = flamegraph()
      .width(width)
      .cellHeight(CELL_HEIGHT)
      .transitionDuration(0)
      .inverted(true)
      .sort(false)
      .minFrameSize(0)
      .tooltip(tooltip as never)
      .setSearchHandler(() => undefined)
      .setColorMapper(fill as never)
      .onClick((d: D3Node) => {
        const names = d.ancestors().reverse().map((a) => a.data.name);
        zoomRef.current(zoomPathFor(answer.path, names));
      });
    (chart as unknown as { getName(f: (d: D3Node) => string): unknown }).getName((d: D3Node) => compactName(d.data.name));
    select(el).selectAll('*').remove();
    select(el).datum(answer.root).call(chart);
    // Data for tests and assistive tools: what each drawn frame is.
    select(el)
      .selectAll<SVGGElement, D3Node>('g.frame')
      .attr('data-status', (d) => d.data.status)
      .attr('data-delta', (d) => d.data.delta)
      .attr('data-self-delta', (d) => d.data.selfAfter - d.data.selfBefore)
      .attr('data-name', (d) => d.data.name)
      // The one-side outline only where it can be seen: slivers would draw a dotted wall.
      .attr('data-mark', function (d) {
        return d.data.status !== 'both' && Number(this.getAttribute('width')) >= 4 ? d.data.status : null;
      });
    const applySearch = (term: string) => {
      const re = searchRegex(term);
      searching = !!re;
      chart.setSearchMatch((d: D3Node) => !!re && re.test(d.data.name));
      if (re) chart.search(term);
      else chart.clear();
    };
    applySearch(searchRef.current);
    chartRef.current = { applySearch };
    return () => {
      tooltip.hide();
      tooltip.destroy();
      chart.destroy();
      chartRef.current = null;
    };
  }, [answer, width, palette, dark, id]);

  useEffect(() => chartRef.current?.applySearch(search), [search]);

  return (
    <>
      <HatchDefs id={id} palette={palette} dark={dark} />
      <div ref={host} className="flame-chart compare-flame-chart" data-testid="diff-flame-chart" />
    </>
  );
}
