/** Numbers for the compare views: signed deltas, with the unit of the profile. */
import { formatValue } from '../../state/format';

export function formatDelta(v: number, unit: string): string {
  if (v === 0) return '0';
  return (v > 0 ? '+' : '−') + formatValue(Math.abs(v), unit);
}

export function formatDeltaPercent(p: number): string {
  if (p === 0 || !Number.isFinite(p)) return '0%';
  const a = Math.abs(p);
  const s = a >= 10 ? a.toFixed(1) : a >= 0.01 ? a.toFixed(2) : '<0.01';
  return `${p > 0 ? '+' : '−'}${s}%`;
}

/** Go's generic shape names are long: frame labels show "[…]" instead. */
export function compactName(name: string): string {
  return name.replace(/\[go\.shape\.[^\]]*(\[[^\]]*\][^\]]*)*\]/g, '[…]');
}
