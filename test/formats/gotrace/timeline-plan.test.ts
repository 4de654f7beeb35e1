/**
 * The timeline's floor is told before reading: exact for a small trace; for a big v2 trace
 * from its span, which its batch headers tell within a hundredth of what the reader finds;
 * a big v1 trace waits (its span is known only once read).
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadTimelineFloor, parseTrace, timelineFloorNs } from '../../../src/formats/gotrace';
import { HEADER_SIZE, traceVersion } from '../../../src/formats/gotrace/header';
import { spanFromBatches } from '../../../src/formats/gotrace/v2/generation';
import { fixture } from '../../helpers/trace';

describe('span from batch headers', () => {
  const traces = [gunzipSync(fixture('busy', 'busy.trace.gz')), fixture('v2', 'go1.26-long.trace'), fixture('v2', 'go1.22.trace')];
  it.each(traces.map((t, i) => [i, t]))('trace %i: within a hundredth of the span the reader finds', (_, bytes) => {
    const b = new Uint8Array(bytes);
    const model = parseTrace(b);
    const span = spanFromBatches(b, HEADER_SIZE, traceVersion(b));
    // Headers carry each batch's first time, and the reader counts from the first event.
    expect(Math.abs(span - model.summary.endNs)).toBeLessThan(model.summary.endNs * 0.01);
  });

  it('is unknown for bytes that hold no batches', () => {
    expect(spanFromBatches(new Uint8Array(64).fill(7), HEADER_SIZE, 26)).toBeNaN();
  });
});

describe('the floor', () => {
  it('is 0 (every run exact) while even the most runs a file can hold fit the budget', () => {
    expect(timelineFloorNs(1 << 20, 60e9)).toBe(0);
    expect(loadTimelineFloor(fixture('v1', 'go1.21-v1.trace'))).toBe(0);
  });

  it('is 1/65,536 of the span for a big trace, and at least 1 µs', () => {
    expect(timelineFloorNs(200e6, 10e9)).toBe(Math.ceil(10e9 / 65536));
    expect(timelineFloorNs(200e6, 1e6)).toBe(1000);
    expect(timelineFloorNs(200e6, NaN)).toBe(1000);
  });

  it('of a big v2 trace comes from its batch headers; a big v1 trace has none up front', () => {
    const v2 = new Uint8Array(gunzipSync(fixture('busy', 'busy.trace.gz')));
    expect(v2.length).toBeGreaterThan(5 << 20);
    expect(loadTimelineFloor(v2)).toBe(timelineFloorNs(v2.length, spanFromBatches(v2, HEADER_SIZE, traceVersion(v2))));
    const v1 = new Uint8Array(16 << 20);
    v1.set(fixture('v1', 'go1.21-v1.trace'));
    expect(loadTimelineFloor(v1)).toBeUndefined();
  });
});
