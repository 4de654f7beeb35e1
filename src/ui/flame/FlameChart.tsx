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
  /** More tooltip rows for the frame at a call path, asked when it is hovered (a merge's value per pod). */
  describeLater?: (path: string[]) => Promise<[string, string][]>;
  /** Right-click on a frame: its name, call path and where (the flame tab opens its menu). */
  onPick?: (frame: { name: string; path: string[]; x: number; y: number }) => void;
  rootAtBottom?: boolean;
}

/** A drawn frame's call path from the profile's root (the answer is rooted at its own path). */
function framePath(d: TooltipFrame<FlameNode>, rootPath: string[]): string[] {
  const names: string[] = [];
  for (let f: TooltipFrame<FlameNode> | null = d; f?.parent; f = f.parent) names.push(f.data.name);
  return [...rootPath, ...names.reverse()];
}

export function FlameChart({ answer, width, search, dark, onZoom, onPick, rootAtBottom, describeLater }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const colour = (d: DrawnFrame<FlameNode>, searching: boolean) =>
    frameColour(d.data.name, { dark, highlighted: !!d.highlight, dimmed: searching && !d.highlight, root: !d.parent && answer.path.length === 0 });
  const describe = (d: TooltipFrame<FlameNode>) => describeFrame(d, { unit: answer.unit, total: answer.total });
  useFlameGraph<FlameNode>(
    host,
    {
      answer,
      width,
      label: shortLabel,
      colour,
      tooltipClass: 'flame-tooltip',
      describe,
      describeLater: describeLater && ((d) => describeLater(framePath(d, answer.path))),
      onZoom,
      onPick,
      rootAtBottom,
    },
    search,
    [answer, width, dark, rootAtBottom],
  );
  return <div ref={host} className="flame-chart" data-testid="flame-chart" />;
}
