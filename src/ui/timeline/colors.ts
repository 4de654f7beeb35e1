/**
 * Colours of the timeline's canvas: one per goroutine lane state (the same in the legend,
 * the lanes and the tooltip), and one per start function for the P lanes, stable for a
 * name within a file. GC mark workers read as GC, not as a start function. Pure.
 */
import { LANE_STATE_COUNT } from '../../model/timeline';

export type Theme = 'light' | 'dark';

const STATE_LIGHT = ['transparent', '#2e8b57', '#e0a526', '#8e63c9', '#d1495b', '#3d7fd1', '#9aa3ad', '#0891b2'];
const STATE_DARK = ['transparent', '#4cc38a', '#f0c04a', '#b08df0', '#ff6b7d', '#66a6ff', '#6f7884', '#22d3ee'];

export function stateColor(state: number, theme: Theme): string {
  const c = theme === 'dark' ? STATE_DARK : STATE_LIGHT;
  return c[state] ?? c[LANE_STATE_COUNT - 1];
}

export const GC_COLOR = { light: '#c2410c', dark: '#fb923c' } as const;
export const STW_COLOR = { light: '#7f1d1d', dark: '#f87171' } as const;
export const TASK_COLOR = { light: '#0f766e', dark: '#2dd4bf' } as const;
export const COUNTER_COLOR = { light: '#0a6fb8', dark: '#5ab4ec' } as const;
export const GOAL_COLOR = { light: '#b42318', dark: '#ff8f85' } as const;

/** A start function's colour: a hue from its string id, never GC's orange. */
export function functionColor(nameId: number, gcWorker: boolean, theme: Theme): string {
  if (gcWorker) return GC_COLOR[theme];
  // Knuth's multiplicative hash spreads neighbouring ids across the wheel.
  const h = ((Math.imul(nameId + 1, 2654435761) >>> 0) % 300) + 40;
  return theme === 'dark' ? `hsl(${h} 55% 58%)` : `hsl(${h} 60% 48%)`;
}
