/** The time ruler (src/ui/timeline/ticks.ts): labels with as many digits as the tick step needs. */
import { describe, expect, it } from 'vitest';
import { tickLabel, timeRulerTicks } from '../../../src/ui/timeline/ticks';

const UNIT: Record<string, number> = { s: 1e9, ms: 1e6, 'µs': 1e3, ns: 1 };

/** "1.25 ms" → 1_250_000; "0" → 0. */
function parseLabel(label: string): number {
  if (label === '0') return 0;
  const m = /^(-?\d+(?:\.\d+)?) (s|ms|µs|ns)$/.exec(label);
  expect(m, label).not.toBeNull();
  return Number(m![1]) * UNIT[m![2]];
}

describe('tickLabel', () => {
  it('writes 0 as "0" whatever the step', () => {
    expect(tickLabel(0, 1)).toBe('0');
    expect(tickLabel(0, 1e9)).toBe('0');
  });

  it('picks the largest unit not above the value', () => {
    expect(tickLabel(2e9, 1e9)).toBe('2 s');
    expect(tickLabel(3e6, 1e6)).toBe('3 ms');
    expect(tickLabel(1000, 1000)).toBe('1 µs');
    expect(tickLabel(999, 1)).toBe('999 ns');
    expect(tickLabel(50, 10)).toBe('50 ns');
    expect(tickLabel(200_000, 200_000)).toBe('200 µs');
    expect(tickLabel(-2e6, 1e6)).toBe('-2 ms');
  });

  it('gives as many decimals as the step needs', () => {
    expect(tickLabel(1_234_567_800, 100)).toBe('1.2345678 s');
    expect(tickLabel(1_700_000_000, 1000)).toBe('1.700000 s');
    expect(tickLabel(1_700_001_000, 1000)).toBe('1.700001 s');
    expect(tickLabel(1_250_000_000, 50_000_000)).toBe('1.25 s');
    expect(tickLabel(1_200_000_000, 200_000_000)).toBe('1.2 s');
    expect(tickLabel(1e9, 1e8)).toBe('1.0 s');
    expect(tickLabel(2_500_000, 500_000)).toBe('2.5 ms');
    expect(tickLabel(1500, 100)).toBe('1.5 µs');
    expect(tickLabel(1520, 20)).toBe('1.52 µs');
    // A step finer than the unit's last digit never gives decimals of ns.
    expect(tickLabel(50, 0.5)).toBe('50.0 ns');
  });

  it('stops at nine decimals', () => {
    expect(tickLabel(1e9 + 1, 0.01)).toBe('1.000000001 s');
  });
});

describe('timeRulerTicks', () => {
  function check(t0: number, t1: number, width: number): { t: number; label: string }[] {
    const ticks = timeRulerTicks(t0, t1, width);
    const ctx = `[${t0}, ${t1}] at ${width} px`;
    expect(ticks.length, ctx).toBeGreaterThan(0);
    const step = ticks.length > 1 ? ticks[1].t - ticks[0].t : t1 - t0;
    for (let i = 0; i < ticks.length; i++) {
      expect(ticks[i].t, ctx).toBeGreaterThanOrEqual(t0);
      expect(ticks[i].t, ctx).toBeLessThanOrEqual(t1);
      if (i > 0) expect(ticks[i].t, ctx).toBeGreaterThan(ticks[i - 1].t);
      // The label says the tick's time to within half a step.
      expect(Math.abs(parseLabel(ticks[i].label) - ticks[i].t), `${ctx}: ${ticks[i].label}`).toBeLessThanOrEqual(step / 2 + 1e-6);
    }
    expect(new Set(ticks.map((x) => x.label)).size, `${ctx}: ${ticks.map((x) => x.label).join(', ')}`).toBe(ticks.length);
    return ticks;
  }

  it('ticks a whole second in tenths', () => {
    const ticks = check(0, 1e9, 1100);
    expect(ticks.map((x) => x.label)).toEqual(['0', '100 ms', '200 ms', '300 ms', '400 ms', '500 ms', '600 ms', '700 ms', '800 ms', '900 ms', '1.0 s']);
  });

  it('labels a 10 µs window at 1.7 s to the microsecond, all labels distinct', () => {
    const ticks = check(1.7e9, 1.7e9 + 10_000, 1100);
    expect(ticks.map((x) => x.label)).toEqual(Array.from({ length: 11 }, (_, i) => `1.7000${String(i).padStart(2, '0')} s`));
  });

  it('labels a 200 ns window at an odd time to 10 ns', () => {
    const ticks = check(1_234_567_891, 1_234_568_091, 1100);
    expect(ticks[0]).toEqual({ t: 1_234_567_900, label: '1.23456790 s' });
    expect(ticks[1]).toEqual({ t: 1_234_567_920, label: '1.23456792 s' });
  });

  it('asks for fewer ticks on a narrow ruler, but at least two', () => {
    expect(timeRulerTicks(0, 1e9, 1100).length).toBeGreaterThan(timeRulerTicks(0, 1e9, 250).length);
    expect(timeRulerTicks(0, 1e9, 10).length).toBeGreaterThanOrEqual(2);
  });

  it('has ascending, in-window, distinct and truthful labels for random windows from 200 ns to 100 s', () => {
    let a = 7;
    const r = () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
    for (let i = 0; i < 400; i++) {
      const span = 200 * Math.pow(10, r() * 9);
      const t0 = Math.floor(r() * 1e11);
      check(t0, t0 + span, 200 + Math.floor(r() * 2000));
    }
  });
});
