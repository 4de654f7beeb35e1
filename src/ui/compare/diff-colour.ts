/**
 * Diff colours. Hue says which way a frame changed, saturation how much relative to
 * its own size (a new or removed frame is full strength). Two palettes: red/blue
 * (the convention of differential flame graphs) and orange/purple, which stays
 * distinct with red-green colour blindness.
 */
import type { DiffFlameNode } from '../../worker/compare-api';

export type Palette = 'red-blue' | 'orange-purple';

interface Ends {
  grow: [number, number, number];
  shrink: [number, number, number];
  same: [number, number, number];
}

const PALETTES: Record<Palette, { light: Ends; dark: Ends }> = {
  'red-blue': {
    light: { grow: [214, 39, 40], shrink: [31, 119, 180], same: [222, 222, 222] },
    dark: { grow: [240, 90, 80], shrink: [90, 160, 240], same: [150, 156, 166] },
  },
  'orange-purple': {
    light: { grow: [230, 97, 1], shrink: [94, 60, 153], same: [222, 222, 222] },
    dark: { grow: [253, 141, 60], shrink: [170, 140, 230], same: [150, 156, 166] },
  },
};

export const PALETTE_LABELS: Record<Palette, string> = {
  'red-blue': 'Red / blue',
  'orange-purple': 'Orange / purple (colour-blind safe)',
};

/** 0 (unchanged) … 1 (new, removed, or doubled-and-more). */
export function changeStrength(n: Pick<DiffFlameNode, 'before' | 'after' | 'delta'>): number {
  const size = Math.max(Math.abs(n.before), Math.abs(n.after));
  if (size === 0) return 0;
  // sqrt: a 10% change is still visible, not a faint tint.
  return Math.min(1, Math.sqrt(Math.abs(n.delta) / size));
}

function mix(a: number[], b: number[], t: number): string {
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function diffColour(n: Pick<DiffFlameNode, 'before' | 'after' | 'delta'>, palette: Palette, dark: boolean): string {
  const ends = PALETTES[palette][dark ? 'dark' : 'light'];
  if (n.delta === 0) return mix(ends.same, ends.same, 0);
  return mix(ends.same, n.delta > 0 ? ends.grow : ends.shrink, changeStrength(n));
}

/** Legend stops: removed … unchanged … new. */
export function legendStops(palette: Palette, dark: boolean): { label: string; colour: string }[] {
  const c = (delta: number, before: number, after: number) => diffColour({ delta, before, after }, palette, dark);
  return [
    { label: 'removed', colour: c(-1, 1, 0) },
    { label: 'shrank', colour: c(-0.1, 1, 0.9) },
    { label: 'unchanged', colour: c(0, 1, 1) },
    { label: 'grew', colour: c(0.1, 0.9, 1) },
    { label: 'new', colour: c(1, 0, 1) },
  ];
}
