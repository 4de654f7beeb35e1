/** The timeline window's moves (src/ui/timeline/viewport.ts), with hand-computed windows. */
import { describe, expect, it } from 'vitest';
import { MIN_SPAN_NS, clampView, fit, panBy, timeAt, wheelZoomFactor, xOf, zoomAbout } from '../../../src/ui/timeline/viewport';
import { rng } from '../../helpers/rng';


describe('clampView', () => {
  const end = 1000;

  it('keeps a window already inside the trace', () => {
    expect(clampView({ t0: 100, t1: 300 }, end)).toEqual({ t0: 100, t1: 300 });
    expect(clampView({ t0: 0, t1: 1000 }, end)).toEqual({ t0: 0, t1: 1000 });
  });

  it('moves a window that sticks out back inside, keeping its width', () => {
    expect(clampView({ t0: -50, t1: 150 }, end)).toEqual({ t0: 0, t1: 200 });
    expect(clampView({ t0: 900, t1: 1100 }, end)).toEqual({ t0: 800, t1: 1000 });
  });

  it('widens a window narrower than MIN_SPAN_NS from its start, and narrows one wider than the trace to it', () => {
    expect(MIN_SPAN_NS).toBe(200);
    expect(clampView({ t0: 500, t1: 550 }, end)).toEqual({ t0: 500, t1: 700 });
    expect(clampView({ t0: 950, t1: 960 }, end)).toEqual({ t0: 800, t1: 1000 });
    expect(clampView({ t0: -10, t1: 5000 }, end)).toEqual({ t0: 0, t1: 1000 });
    // Reversed: the narrowest window at t0.
    expect(clampView({ t0: 500, t1: 400 }, end)).toEqual({ t0: 500, t1: 700 });
  });

  it('is the whole trace when the trace is shorter than MIN_SPAN_NS, and [0, 1] for an empty one', () => {
    expect(clampView({ t0: 10, t1: 20 }, 100)).toEqual({ t0: 0, t1: 100 });
    expect(clampView({ t0: 10, t1: 20 }, 0)).toEqual({ t0: 0, t1: 1 });
  });

  it('reads non-finite bounds as the whole trace or the start', () => {
    expect(clampView({ t0: NaN, t1: NaN }, end)).toEqual({ t0: 0, t1: 1000 });
    expect(clampView({ t0: 0, t1: Infinity }, end)).toEqual({ t0: 0, t1: 1000 });
    expect(clampView({ t0: NaN, t1: 300 }, end)).toEqual({ t0: 0, t1: 1000 });
  });

  it('always returns a window inside [0, max(end, 1)] at least min(MIN_SPAN_NS, end) wide', () => {
    const r = rng(11);
    for (let i = 0; i < 500; i++) {
      const e = Math.floor(r() * 1e6);
      const v = { t0: (r() - 0.3) * 2e6, t1: (r() - 0.3) * 2e6 };
      const c = clampView(v, e);
      const full = Math.max(e, 1);
      expect(c.t0).toBeGreaterThanOrEqual(0);
      expect(c.t1).toBeLessThanOrEqual(full + 1e-6);
      expect(c.t1 - c.t0).toBeGreaterThanOrEqual(Math.min(MIN_SPAN_NS, full) - 1e-6);
    }
  });
});

describe('fit', () => {
  it('is the whole trace, at least 1 ns', () => {
    expect(fit(92_836_161)).toEqual({ t0: 0, t1: 92_836_161 });
    expect(fit(0)).toEqual({ t0: 0, t1: 1 });
  });
});

describe('zoomAbout', () => {
  const end = 10_000;
  const W = 800;

  it('zooms in and out keeping the time under the anchor in place', () => {
    // [1000,2000], anchor 1/4 → 1250; half as wide: [1125,1625].
    const v = { t0: 1000, t1: 2000 };
    const z = zoomAbout(v, 0.5, 0.25, end);
    expect(z).toEqual({ t0: 1125, t1: 1625 });
    expect(timeAt(z, W / 4, W)).toBe(1250);
    // Twice as wide about the middle (1500): [500,2500].
    expect(zoomAbout(v, 2, 0.5, end)).toEqual({ t0: 500, t1: 2500 });
    // About the left edge, the start stays.
    expect(zoomAbout(v, 0.25, 0, end)).toEqual({ t0: 1000, t1: 1250 });
    // Asked narrower than MIN_SPAN_NS about the left edge: the narrowest window from there.
    expect(zoomAbout(v, 0.1, 0, end)).toEqual({ t0: 1000, t1: 1200 });
  });

  it('stops at the whole trace and at its edges', () => {
    expect(zoomAbout({ t0: 1000, t1: 2000 }, 100, 0.5, end)).toEqual({ t0: 0, t1: end });
    // Out about the middle of [0,1000] would start at -500: moved to 0.
    expect(zoomAbout({ t0: 0, t1: 1000 }, 2, 0.5, end)).toEqual({ t0: 0, t1: 2000 });
  });

  it('keeps the anchor for random windows, factors and anchors while the result needs no clamping', () => {
    const r = rng(12);
    let n = 0;
    for (let i = 0; i < 500; i++) {
      const t0 = r() * 8000;
      const v = { t0, t1: t0 + 300 + r() * 1500 };
      const factor = 0.3 + r() * 2;
      const anchor = r();
      const z = zoomAbout(v, factor, anchor, end);
      const span = (v.t1 - v.t0) * factor;
      const at = v.t0 + (v.t1 - v.t0) * anchor;
      if (span < MIN_SPAN_NS || at - span * anchor < 0 || at + span * (1 - anchor) > end) continue;
      n++;
      expect(z.t1 - z.t0).toBeCloseTo(span, 6);
      expect(timeAt(z, anchor * W, W)).toBeCloseTo(at, 6);
    }
    expect(n).toBeGreaterThan(200);
  });

  it('keeps the anchor when already at the narrowest window', () => {
    const v = { t0: 1000, t1: 1200 };
    expect(zoomAbout(v, 0.5, 1, end)).toEqual(v);
    let w = v;
    for (let i = 0; i < 10; i++) w = zoomAbout(w, 0.8, 0.5, end);
    expect(timeAt(w, W / 2, W)).toBe(1100);
  });
});

describe('panBy', () => {
  const end = 1000;

  it('moves by a share of the window, keeping its width', () => {
    expect(panBy({ t0: 100, t1: 300 }, 0.5, end)).toEqual({ t0: 200, t1: 400 });
    expect(panBy({ t0: 400, t1: 600 }, -0.25, end)).toEqual({ t0: 350, t1: 550 });
  });

  it('stops at the start and at the end', () => {
    expect(panBy({ t0: 100, t1: 300 }, -1, end)).toEqual({ t0: 0, t1: 200 });
    expect(panBy({ t0: 800, t1: 1000 }, 0.25, end)).toEqual({ t0: 800, t1: 1000 });
    expect(panBy({ t0: 700, t1: 900 }, 5, end)).toEqual({ t0: 800, t1: 1000 });
    expect(panBy({ t0: 0, t1: 1000 }, 0.5, end)).toEqual({ t0: 0, t1: 1000 });
  });
});

describe('timeAt and xOf', () => {
  const v = { t0: 1000, t1: 3000 };

  it('map pixels to times linearly across the window', () => {
    expect(timeAt(v, 0, 500)).toBe(1000);
    expect(timeAt(v, 125, 500)).toBe(1500);
    expect(timeAt(v, 500, 500)).toBe(3000);
    expect(xOf(v, 1500, 500)).toBe(125);
    expect(xOf(v, 500, 500)).toBe(-125);
  });

  it('are inverse of each other', () => {
    const r = rng(13);
    for (let i = 0; i < 300; i++) {
      const t0 = r() * 1e9;
      const w = { t0, t1: t0 + 200 + r() * 1e8 };
      const width = 1 + Math.floor(r() * 3000);
      const x = r() * width;
      expect(xOf(w, timeAt(w, x, width), width)).toBeCloseTo(x, 4);
      const t = w.t0 + r() * (w.t1 - w.t0);
      expect(timeAt(w, xOf(w, t, width), width)).toBeCloseTo(t, 0);
    }
  });

  it('stay finite for a zero width or an empty window', () => {
    expect(Number.isFinite(timeAt(v, 10, 0))).toBe(true);
    expect(Number.isFinite(xOf({ t0: 5, t1: 5 }, 6, 100))).toBe(true);
  });
});

describe('wheelZoomFactor', () => {
  it('is 1 for no delta, > 1 (out) for positive and < 1 (in) for negative, symmetric', () => {
    for (const mode of [0, 1, 2]) {
      expect(wheelZoomFactor(0, mode)).toBe(1);
      for (const d of [1, 3, 53, 100, 120, 4000]) {
        const out = wheelZoomFactor(d, mode);
        const inn = wheelZoomFactor(-d, mode);
        expect(out, `+${d} mode ${mode}`).toBeGreaterThan(1);
        expect(inn, `-${d} mode ${mode}`).toBeLessThan(1);
        expect(out * inn).toBeCloseTo(1, 12);
      }
    }
  });

  it('counts lines as 40 px and pages as 800 px', () => {
    expect(wheelZoomFactor(3, 1)).toBe(wheelZoomFactor(120, 0));
    expect(wheelZoomFactor(-2, 1)).toBe(wheelZoomFactor(-80, 0));
    expect(wheelZoomFactor(0.5, 2)).toBe(wheelZoomFactor(400, 0));
  });

  it('is about 15% for one mouse-wheel notch (100 px), and grows with the delta', () => {
    expect(wheelZoomFactor(100, 0)).toBeCloseTo(Math.exp(0.15), 12);
    expect(wheelZoomFactor(100, 0)).toBeGreaterThan(1.14);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1.17);
    expect(wheelZoomFactor(200, 0)).toBeGreaterThan(wheelZoomFactor(100, 0));
  });

  it('is bounded: a huge delta (a page, a fling) zooms at most as much as 500 px', () => {
    const hi = Math.exp(500 * 0.0015);
    for (const [d, mode] of [
      [1e6, 0],
      [1000, 1],
      [1, 2],
      [50, 2],
    ]) {
      expect(wheelZoomFactor(d, mode)).toBeCloseTo(hi, 12);
      expect(wheelZoomFactor(-d, mode)).toBeCloseTo(1 / hi, 12);
    }
    expect(hi).toBeLessThan(2.2);
  });
});
