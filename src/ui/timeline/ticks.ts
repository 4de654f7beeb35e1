/** Time ruler ticks for a window: round values, labelled with as many digits as the step needs. Pure. */
import { scaleLinear } from 'd3';

export interface Tick {
  t: number;
  label: string;
}

const UNITS: [number, string][] = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

/** "1.2345678 s" for a tick at 1.2345678 s when ticks are 100 ns apart. */
export function tickLabel(t: number, step: number): string {
  if (t === 0) return '0';
  const [unit, name] = UNITS.find(([u]) => Math.abs(t) >= u) ?? UNITS[3];
  const decimals = Math.max(0, Math.min(9, Math.ceil(Math.log10(unit / step) - 1e-9)));
  return `${(t / unit).toFixed(decimals)} ${name}`;
}

export function timeRulerTicks(t0: number, t1: number, width: number): Tick[] {
  const ticks = scaleLinear().domain([t0, t1]).ticks(Math.max(2, Math.floor(width / 110)));
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(1, t1 - t0);
  return ticks.map((t) => ({ t, label: tickLabel(t, step) }));
}
