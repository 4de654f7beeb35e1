/** The CPU samples of a time range: exactly the trace's samples inside it, as a profile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuSamplesProfile } from '../../../src/analysis/trace';
import { parseTrace } from '../../../src/formats/gotrace';

const total = (p: ReturnType<typeof cpuSamplesProfile>) => {
  let n = 0;
  for (let i = 0; i < p.samples.count; i++) n += p.samples.values[0][i];
  return n;
};

describe('CPU samples of a range (incident 2 trace)', () => {
  const model = parseTrace(new Uint8Array(readFileSync('test/fixtures/incident2/main-1-trace-1732262400.pprof')));
  const c = model.cpuSamples;
  const end = model.summary.endNs;

  it('the whole trace as a range is the whole profile', () => {
    expect(c.count).toBeGreaterThan(50);
    expect(total(cpuSamplesProfile(model, undefined, { t0: 0, t1: end + 1 }))).toBe(total(cpuSamplesProfile(model)));
    expect(total(cpuSamplesProfile(model))).toBe(c.count);
  });

  it('a range holds the samples whose time is inside it, and two halves add up', () => {
    const mid = end * 0.37;
    let inFirst = 0;
    for (let i = 0; i < c.count; i++) if (c.timeNs[i] >= 0 && c.timeNs[i] < mid) inFirst++;
    const a = cpuSamplesProfile(model, undefined, { t0: 0, t1: mid });
    const b = cpuSamplesProfile(model, undefined, { t0: mid, t1: end + 1 });
    expect(total(a)).toBe(inFirst);
    expect(total(a) + total(b)).toBe(c.count);
    expect(a.durationNanos).toBe(mid);
  });
});
