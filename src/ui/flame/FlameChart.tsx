/**
 * Draws one worker answer as a flame graph, coloured by function name. Each answer is
 * already pruned and rooted at the zoomed node, so the chart is rebuilt per answer (cheap)
 * and a click only reports the frame's path; the parent asks the worker again.
 */
import { useRef } from 'react';
import type { FlameAnswer, FlameNode } from '../../worker/types';
import type { DrawnFrame } from '../shared/flame-graph';
import type { TooltipFrame } from '../shared/frame-tooltip';
import { useFlameGraph } from '../shared/useFlameGraph';
import { describeFrame } from './tooltip';
import { frameColour } from './color';
import { shortLabel } from './zoom';

interface Props {
  answer: FlameAnswer;
  width: number;
  search: string;
  dark: boolean;
  onZoom: (path: string[]) => void;
  /** Right-click on a frame: its name, call path and where (the flame tab opens its menu). */
  onPick?: (frame: { name: string; path: string[]; x: number; y: number }) => void;
  rootAtBottom?: boolean;
}

export function FlameChart({ answer, width, search, dark, onZoom, onPick, rootAtBottom }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const colour = (d: DrawnFrame<FlameNode>, searching: boolean) =>
    frameColour(d.data.name, { dark, highlighted: !!d.highlight, dimmed: searching && !d.highlight, root: !d.parent && answer.path.length === 0 });
  const describe = (d: TooltipFrame<FlameNode>) => describeFrame(d, { unit: answer.unit, total: answer.total });
  useFlameGraph(
    host,
    { answer, width, label: shortLabel, colour, tooltipClass: 'flame-tooltip', describe, onZoom, onPick, rootAtBottom },
    search,
    [answer, width, dark, rootAtBottom],
  );
  return <div ref={host} className="flame-chart" data-testid="flame-chart" />;
}
