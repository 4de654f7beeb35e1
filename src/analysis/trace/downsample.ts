/**
 * Keeps at most `points` points of a time series: per time bucket, its first point and
 * its minimum and maximum (in time order), so peaks and dips survive.
 */
export function downsample(timeNs: number[], values: number[], points: number): { timeNs: number[]; values: number[] } {
  const n = timeNs.length;
  if (n <= points || points < 4) return { timeNs: timeNs.slice(), values: values.slice() };
  const buckets = Math.max(1, Math.floor(points / 3));
  const t0 = timeNs[0];
  const span = timeNs[n - 1] - t0 || 1;
  const outT: number[] = [];
  const outV: number[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < n; b++) {
    const end = t0 + (span * (b + 1)) / buckets;
    const first = i;
    let lo = i;
    let hi = i;
    while (i < n && (timeNs[i] <= end || b === buckets - 1)) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
      i++;
    }
    const keep = [...new Set([first, lo, hi])].sort((x, y) => x - y);
    for (const k of keep) {
      outT.push(timeNs[k]);
      outV.push(values[k]);
    }
  }
  // The last point shows where the series ends.
  if (outT[outT.length - 1] !== timeNs[n - 1]) {
    outT.push(timeNs[n - 1]);
    outV.push(values[n - 1]);
  }
  return { timeNs: outT, values: outV };
}
