/**
 * The time a file name carries, for snapshots whose content has none (goroutine dumps,
 * debug=1 texts): ISO-like stamps (`2024-05-01T12:30:00Z`, `20240501T123000`,
 * `2024-05-01_12-30-00`) or Unix seconds (10 digits). Nanoseconds since the epoch, UTC.
 */
const ISO = /(\d{4})-?(\d{2})-?(\d{2})[T_ -]?(\d{2})[:-]?(\d{2})[:-]?(\d{2})/;
const UNIX = /(?:^|[^\d])(1\d{9})(?:[^\d]|$)/;

export function nameTimeNanos(name: string): number | null {
  const iso = ISO.exec(name);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1).map(Number);
    const ms = Date.UTC(y, mo - 1, d, h, mi, s);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 61 && Number.isFinite(ms)) return ms * 1e6;
  }
  const unix = UNIX.exec(name);
  return unix ? Number(unix[1]) * 1e9 : null;
}
