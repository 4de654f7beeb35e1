/**
 * Human-readable values in a profile's sample unit. Pure: used by the tooltip,
 * the top table and the info panel, and tested in Node.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1234567 → "1,234,567" (always ',' so output does not depend on the locale). */
export function thousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

/** Up to 3 significant digits without trailing zeros: 1.5, 12.3, 512. */
function short(n: number): string {
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return String(Number(n.toFixed(digits)));
}

export function formatBytes(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${short(v)} ${BYTE_UNITS[i]}`;
}

export function formatNanos(ns: number): string {
  const a = Math.abs(ns);
  if (a < 1e3) return `${short(ns)} ns`;
  if (a < 1e6) return `${short(ns / 1e3)} µs`;
  if (a < 1e9) return `${short(ns / 1e6)} ms`;
  if (a < 60e9) return `${short(ns / 1e9)} s`;
  if (a < 3600e9) {
    const m = Math.floor(a / 60e9);
    const s = Math.round((a - m * 60e9) / 1e9);
    return `${ns < 0 ? '-' : ''}${m}m ${s}s`;
  }
  return `${short(ns / 3600e9)} h`;
}

/** Multipliers that bring a time unit to nanoseconds. */
const TIME_TO_NS: Record<string, number> = {
  nanoseconds: 1, nanosecond: 1, ns: 1,
  microseconds: 1e3, microsecond: 1e3, us: 1e3,
  milliseconds: 1e6, millisecond: 1e6, ms: 1e6,
  seconds: 1e9, second: 1e9, s: 1e9,
};

const BYTE_MULT: Record<string, number> = {
  bytes: 1, byte: 1, b: 1,
  kilobytes: 1024, kb: 1024, megabytes: 1024 ** 2, mb: 1024 ** 2,
};

export type UnitClass = 'bytes' | 'time' | 'count';

export function unitClass(unit: string): UnitClass {
  const u = unit.toLowerCase();
  if (u in BYTE_MULT) return 'bytes';
  if (u in TIME_TO_NS) return 'time';
  return 'count';
}

/** A value in a pprof unit, scaled for reading: bytes → KiB/MiB/GiB, ns → µs/ms/s, counts grouped. */
export function formatValue(value: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u in BYTE_MULT) return formatBytes(value * BYTE_MULT[u]!);
  if (u in TIME_TO_NS) return formatNanos(value * TIME_TO_NS[u]!);
  const n = thousands(Math.round(value * 100) / 100);
  return u === '' || u === 'count' ? n : `${n} ${unit}`;
}

/** The exact figure with its unit name, for when a scaled value is not enough. */
export function formatExact(value: number, unit: string): string {
  const n = thousands(Math.round(value * 100) / 100);
  return unit && unit !== 'count' ? `${n} ${unit}` : n;
}

/** Scaled, with the exact figure in brackets when scaling rounded it. */
export function formatBoth(v: number, unit: string): string {
  const scaled = formatValue(v, unit);
  const exact = formatExact(v, unit);
  return scaled === exact ? scaled : `${scaled} (${exact})`;
}

/** Share as a percentage; "0%" when the whole is zero rather than NaN. */
export function formatPercent(part: number, whole: number): string {
  if (!whole || !Number.isFinite(part / whole)) return '0%';
  const p = (100 * part) / whole;
  if (p === 0) return '0%';
  if (Math.abs(p) < 0.01) return '<0.01%';
  return `${p.toFixed(2)}%`;
}

/** Bytes of a file, for the file list. */
export function formatSize(bytes: number): string {
  return formatBytes(bytes);
}

/**
 * Unicode bidi controls (embeddings, overrides, isolates, marks) are invisible yet reorder
 * the text around them: "main.\u202Eevil" reads backwards. Shown names get each as a
 * visible mark instead ("main.⟨U+202E⟩evil"), so a name reads in the order it is stored.
 * Exports keep the stored string.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function visibleMarks(name: string): string {
  BIDI_CONTROLS.lastIndex = 0;
  if (!BIDI_CONTROLS.test(name)) return name;
  return name.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
