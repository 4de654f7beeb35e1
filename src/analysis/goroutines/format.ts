/** Numbers and sentences for headers. */

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatSigned(n: number): string {
  return (n > 0 ? '+' : n < 0 ? '−' : '±') + formatCount(Math.abs(n));
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
