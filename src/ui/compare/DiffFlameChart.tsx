/**
 * Draws a diff flame answer with d3-flame-graph: our colour function (palettes above),
 * a hatch for frames on one side only, and a text-only tooltip. Each answer is already
 * pruned and rooted at the zoom path; a click reports the path, the parent asks again.
 */
import { useId, useRef } from 'react';
import { select } from 'd3';
import type { DiffFlameAnswer, DiffFlameNode } from '../../worker/compare-api';
import type { DrawnFrame } from '../shared/flame-graph';
import type { TooltipFrame } from '../shared/frame-tooltip';
import { useFlameGraph } from '../shared/useFlameGraph';
import { diffColour, type Palette } from './diff-colour';
import { describeDiffFrame } from './diff-tooltip';
import { compactName } from './format';

interface Props {
  answer: DiffFlameAnswer;
  width: number;
  palette: Palette;
  dark: boolean;
  search: string;
  percentLabel: string;
  onZoom: (path: string[]) => void;
  /** Right-click on a frame (the diff sandwich moves to that function). */
  onPick?: (frame: { name: string; path: string[]; x: number; y: number }) => void;
  /** Root at the bottom, callers above (the diff sandwich's callers). */
  rootAtBottom?: boolean;
}

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

/** Data for tests and assistive tools: what each drawn frame is. */
function markFrames(el: HTMLElement): void {
  select(el)
    .selectAll<SVGGElement, DrawnFrame<DiffFlameNode>>('g.frame')
    .attr('data-status', (d) => d.data.status)
    .attr('data-delta', (d) => d.data.delta)
    .attr('data-self-delta', (d) => d.data.selfAfter - d.data.selfBefore)
    .attr('data-name', (d) => d.data.name)
    // The one-side outline only where it can be seen: slivers would draw a dotted wall.
    .attr('data-mark', function (d) {
      return d.data.status !== 'both' && Number(this.getAttribute('width')) >= 4 ? d.data.status : null;
    });
}

export function DiffFlameChart({ answer, width, palette, dark, search, percentLabel, onZoom, onPick, rootAtBottom }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const id = `cmp${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const colour = (d: DrawnFrame<DiffFlameNode>, searching: boolean) => {
    if (d.highlight) return dark ? HIGHLIGHT.dark : HIGHLIGHT.light;
    const n = d.data;
    if (searching) return dark ? 'rgb(60, 64, 70)' : 'rgb(235, 235, 235)';
    if (n.status !== 'both' && d.parent) return `url(#${id}-${n.status})`;
    return diffColour(n, palette, dark);
  };
  const describe = (d: TooltipFrame<DiffFlameNode>) => describeDiffFrame(d.data, { unit: answer.unit, percentOf: answer.totals.percentOf, percentLabel });
  useFlameGraph(
    host,
    { answer, width, label: compactName, colour, tooltipClass: 'flame-tooltip compare-tooltip', describe, onZoom, onPick, rootAtBottom, decorate: markFrames },
    search,
    [answer, width, palette, dark, id, rootAtBottom],
  );

  return (
    <>
      <HatchDefs id={id} palette={palette} dark={dark} />
      <div ref={host} className="flame-chart compare-flame-chart" data-testid="diff-flame-chart" />
    </>
  );
}
