/**
 * v1 traces that cannot be read: versions before 1.11, cut or corrupt files, events the
 * conversion does not know; and the cooperative parse of a v1 trace.
 */
import { describe, expect, it } from 'vitest';
import { isCancelled, parseTrace, parseTraceAsync, sniffTraceHeader } from '../../../../src/formats/gotrace';
import { fixture } from '../../../helpers/trace';

describe('v1 traces that cannot be read', () => {
  it.each(['http_1_7_good', 'http_1_10_good', 'stress_1_5_unordered'])('%s: too old, said plainly', (name) => {
    const b = fixture('v1', name);
    const v = sniffTraceHeader(b)!.version;
    expect(() => parseTrace(b)).toThrow(new RegExp(`unsupported trace version go 1\\.${v}: traces from Go 1\\.5–1\\.10 are too old`));
  });

  it('says where a cut v1 trace stops and why nothing is shown', () => {
    const t = fixture('v1', 'go1.21-v1.trace');
    for (const frac of [0.1, 0.5, 0.9]) {
      const cut = t.subarray(0, Math.floor(t.length * frac));
      expect(() => parseTrace(cut)).toThrow(/cannot read trace: .*cut short at byte \d+ of \d+ \(Go 1\.11–1\.21 write the clock frequency and the stack table at the very end/);
    }
  });

  it('names the event the conversion does not know (fuzz corpus, v1 header)', () => {
    const b = fixture('v2-fuzz', '4055b17cae1a3443.bin');
    expect(sniffTraceHeader(b)!.version).toBeLessThan(22);
    const m = parseTrace(b);
    expect(m.summary.error?.message).toMatch(/unexpected event type 36/);
  });

  it('stops at events that cannot be put in order, keeping what came before; rejects a bad frequency', () => {
    // GoStart with sequence number 5 for a goroutine created just before (needs 1).
    const unordered = parseTrace(v1Trace({ startSeq: 5, freq: 1e9 }));
    expect(unordered.summary.error?.message).toMatch(/no consistent ordering of events possible/);
    expect(unordered.summary.warnings.some((w) => /showing everything before it/.test(w.message))).toBe(true);
    expect(unordered.summary.eventsByKind.StateTransition).toBeGreaterThan(0); // the GoCreate
    expect(parseTrace(v1Trace({ startSeq: 1, freq: 1e9 })).summary.goroutines).toBe(1);
    expect(() => parseTrace(v1Trace({ startSeq: 1, freq: 0 }))).toThrow(/time stamps out of order/);
  });
});

/** A tiny hand-made go 1.21 trace: one P, GOMAXPROCS, a goroutine created and started. */
function v1Trace(o: { startSeq: number; freq: number }): Uint8Array {
  const out: number[] = [...new TextEncoder().encode('go 1.21 trace'), 0, 0, 0];
  const uv = (v: number, to: number[] = out): void => {
    while (v >= 0x80) {
      to.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    to.push(v);
  };
  const ev = (typ: number, args: number[]): void => {
    if (args.length <= 3) {
      out.push(typ | ((args.length - 1) << 6));
      for (const a of args) uv(a);
      return;
    }
    const body: number[] = [];
    for (const a of args) uv(a, body);
    out.push(typ | (3 << 6));
    uv(body.length);
    out.push(...body);
  };
  ev(1, [0, 100]); // Batch p=0 ticks=100
  ev(4, [1, 4, 0]); // Gomaxprocs (ends the trace's start)
  ev(5, [1, 7]); // ProcStart thread 7
  ev(13, [1, 10, 0, 0]); // GoCreate g=10
  ev(14, [1, 10, o.startSeq]); // GoStart g=10
  ev(2, [o.freq]); // Frequency
  return new Uint8Array(out);
}

describe('v1 traces, cooperatively', () => {
  const t = fixture('v1', 'go1.21-v1.trace');
  it('gives the same model in slices', async () => {
    const a = parseTrace(t);
    const b = await parseTraceAsync(t, { yieldEveryMs: 0 });
    expect(b.summary).toEqual(a.summary);
    expect(Array.from(b.goroutines.execNs)).toEqual(Array.from(a.goroutines.execNs));
  });
  it('can be cancelled', async () => {
    const signal = { aborted: false };
    setTimeout(() => (signal.aborted = true), 0);
    const err = await parseTraceAsync(t, { signal, yieldEveryMs: 0 }).catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
  });
  it('reports progress up to the end', () => {
    const seen: number[] = [];
    parseTrace(t, { onProgress: (d, n) => seen.push(d / n) });
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });
});
