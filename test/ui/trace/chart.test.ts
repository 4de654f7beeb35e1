import { describe, expect, it } from 'vitest';
import type { GoroutineGroup, TraceCreationAnswer } from '../../../src/worker/trace-api';
import { TIME_CATEGORIES } from '../../../src/analysis/trace';
import {
  bucketAt,
  bucketLines,
  bucketSentence,
  creationHeadline,
  formatInstant,
  indexAtOrBefore,
  pauseStats,
  stackCounts,
  timeTicks,
  valueTicks,
} from '../../../src/ui/trace/chart';
import { amountOf } from '../../../src/ui/trace/ProfileButtons';
import { frameLine, whereLine } from '../../../src/ui/trace/StackView';

const WHEEL = 'github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run';

function grp(name: string, count: number, alive: number): GoroutineGroup {
  const z = Object.fromEntries(TIME_CATEGORIES.map((c) => [c, 0])) as GoroutineGroup['total'];
  return { name, count, alive, total: z, mean: z };
}

/** Four 1 s buckets: the wheel creates 1,000 per bucket and none exit; requests come and go. */
const creation: TraceCreationAnswer = {
  starts: [0, 1e9, 2e9, 3e9],
  width: 1e9,
  names: [WHEEL, 'main.handle', '(other)'],
  counts: [
    [1000, 1000, 1000, 1000],
    [500, 0, 300, 0],
    [1, 2, 0, 0],
  ],
  totals: [4000, 800, 3],
  live: [1200, 2100, 3400, 4300],
  durationNs: 4e9,
};

describe('stackCounts', () => {
  it('stacks series per bucket', () => {
    const s = stackCounts(creation.counts);
    expect(s.totals).toEqual([1501, 1002, 1300, 1000]);
    expect(s.max).toBe(1501);
    expect(s.y0[1]).toEqual([1000, 1000, 1000, 1000]);
    expect(s.y1[1]).toEqual([1500, 1000, 1300, 1000]);
    expect(stackCounts([]).max).toBe(0);
  });
});

describe('creationHeadline', () => {
  it('names the runaway creator with its rate and that none exited', () => {
    const h = creationHeadline(creation, [grp(WHEEL, 4000, 4000), grp('main.handle', 800, 0), grp('x', 3, 3)]);
    expect(h.runaway.map((f) => f.name)).toEqual([WHEEL]);
    expect(h.runaway[0]!.perSecond).toBeCloseTo(1000);
    expect(h.runaway[0]!.steadiness).toBe(1);
    expect(h.summary).toBe('Live goroutines went from 1,200 to 4,300 (+3,100); 4,803 created during the trace.');
    expect(h.text).toContain('collection.(*TimingWheel).run: 4,000 created (~1,000/s, steadily), 4,000 still alive at the end');
  });
  it('says nothing alarming when goroutines exit', () => {
    const h = creationHeadline(creation, [grp(WHEEL, 4000, 10), grp('main.handle', 800, 0)]);
    expect(h.runaway).toEqual([]);
    expect(h.text).toBe(h.summary);
  });
});

describe('buckets', () => {
  it('maps x to a bucket, clamped', () => {
    expect(bucketAt(0, 400, 4)).toBe(0);
    expect(bucketAt(150, 400, 4)).toBe(1);
    expect(bucketAt(400, 400, 4)).toBe(3);
    expect(bucketAt(-5, 400, 4)).toBe(0);
    expect(bucketAt(10, 0, 4)).toBe(0);
  });
  it('describes a bucket with exact numbers, biggest first', () => {
    const b = bucketLines(creation, 2);
    expect(b.title).toBe('2.000 s – 3.000 s');
    expect(b.rows.map((r) => [r.name, r.count])).toEqual([[WHEEL, 1000], ['main.handle', 300]]);
    expect(b.created).toBe(1300);
    expect(b.live).toBe(3400);
    expect(bucketSentence(creation, 0)).toBe(
      '0 ns – 1.000 s: 1,501 created (1,000 collection.(*TimingWheel).run, 500 main.handle, 1 (other)), 1,200 live at its end.',
    );
  });
});

describe('axes and lookups', () => {
  it('formats instants and time ticks with units', () => {
    expect(formatInstant(1_234_567_890)).toBe('1.235 s');
    expect(formatInstant(41_300_000)).toBe('41.3 ms');
    expect(formatInstant(812_000)).toBe('812 µs');
    expect(formatInstant(0)).toBe('0 ns');
    const t = timeTicks(4.14e9, 5);
    expect(t[0]).toEqual({ value: 0, label: '0' });
    expect(t.map((x) => x.label)).toContain('1 s');
    expect(t.every((x) => x.value <= 4.14e9)).toBe(true);
  });
  it('nice value axes', () => {
    expect(valueTicks(1501, 5).max).toBe(2000);
    expect(valueTicks(1501, 5).ticks).toEqual([0, 500, 1000, 1500, 2000]);
    expect(valueTicks(0, 5).max).toBe(1);
  });
  it('indexAtOrBefore', () => {
    const ts = [10, 20, 30];
    expect(indexAtOrBefore(ts, 5)).toBe(-1);
    expect(indexAtOrBefore(ts, 10)).toBe(0);
    expect(indexAtOrBefore(ts, 25)).toBe(1);
    expect(indexAtOrBefore(ts, 99)).toBe(2);
    expect(indexAtOrBefore([], 1)).toBe(-1);
  });
  it('pause stats ignore unfinished pauses', () => {
    expect(pauseStats([{ startNs: 0, endNs: 10 }, { startNs: 20, endNs: 50 }, { startNs: 60, endNs: null }])).toEqual({ count: 3, longest: 30, total: 40 });
  });
  it('button amounts and frame lines', () => {
    expect(amountOf({ kind: 'sync', stacks: 0, value: 0, unit: 'nanoseconds', events: 0 })).toBe('none');
    expect(amountOf({ kind: 'sync', stacks: 3, value: 4.2e9, unit: 'nanoseconds', events: 1234 })).toBe('4.2 s · 1,234 events');
    expect(amountOf({ kind: 'cpu', stacks: 3, value: 1, unit: 'count', events: 1 })).toBe('1 sample');
    expect(frameLine({ func: 'a.b', file: '/x/y/z.go', line: 12 })).toBe('a.b z.go:12');
    expect(frameLine({ func: WHEEL, file: '/go/pkg/timingwheel.go', line: 9 })).toBe('collection.(*TimingWheel).run timingwheel.go:9');
    expect(frameLine({ func: 'a.b', file: '', line: 0 })).toBe('a.b');
    expect(frameLine(undefined)).toBe('—');
    const sel = { func: 'runtime.selectgo', file: '/go/src/runtime/select.go', line: 351 };
    const wheel = { func: WHEEL, file: '/m/timingwheel.go', line: 249 };
    expect(whereLine([sel, wheel])).toBe('runtime.selectgo select.go:351 ← collection.(*TimingWheel).run timingwheel.go:249');
    expect(whereLine([wheel, sel])).toBe('collection.(*TimingWheel).run timingwheel.go:249');
    expect(whereLine([sel])).toBe('runtime.selectgo select.go:351');
    expect(whereLine([])).toBe('(no stack recorded)');
    // Two stacks wholly in the runtime are told apart by their outermost frame.
    const recv = { func: 'runtime.chanrecv1', file: '/go/src/runtime/chan.go', line: 509 };
    const sweep = { func: 'runtime.bgsweep', file: '/go/src/runtime/mgcsweep.go', line: 300 };
    expect(whereLine([recv, sweep])).toBe('runtime.chanrecv1 chan.go:509 ← runtime.bgsweep mgcsweep.go:300');
  });
});
