/**
 * Theil–Sen slope: the median of the slopes between every pair of points. One jump
 * moves few of those pairwise slopes, so a single step change does not read as a trend.
 */
export function theilSen(values: ArrayLike<number>): number {
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) slopes.push((values[j] - values[i]) / (j - i));
  }
  return median(slopes);
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
