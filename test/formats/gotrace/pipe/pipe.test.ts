/**
 * The piped parse (reader thread → builder thread → timeline thread) builds exactly the
 * model and timeline the one-thread parse builds, lends the bytes and gives them back, and
 * fails, cancels and falls back cleanly. The threads talk over MessageChannels here; one
 * test runs them on real worker threads, as the benchmark does.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE, ReaderUnavailableError, loadTimelineFloor, parseTrace, parseTracePiped } from '../../../../src/formats/gotrace';
import { gunzip } from '../../../../src/formats/gzip';
import type { PipePort } from '../../../../src/formats/gotrace/pipe/protocol';
import { serveTraceReader } from '../../../../src/formats/gotrace/pipe/reader-side';
import { serveTimelineBuilder } from '../../../../src/formats/gotrace/pipe/timeline-side';
import { spawnNodeTraceThread } from '../../../../bench/node-trace-thread';
import type { TraceModel } from '../../../../src/model/trace';
import { fixture } from '../../../helpers/trace';

const incident2 = readdirSync(join(__dirname, '../../../fixtures/incident2')).find((f) => f.includes('-trace-'))!;

/** A reader served on one end of a channel in this thread; the other end for the builder. */
function channel(): PipePort {
  const { port1, port2 } = new MessageChannel();
  serveTraceReader(port1 as unknown as PipePort);
  return port2 as unknown as PipePort;
}

/** A timeline builder served on one end of a channel in this thread. */
function timelineChannel(): PipePort {
  const { port1, port2 } = new MessageChannel();
  serveTimelineBuilder(port1 as unknown as PipePort);
  return port2 as unknown as PipePort;
}

/** Typed arrays compared as bytes: vitest's deep equality is too slow for 100k-row columns. */
function plain(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function expectSameModel(got: TraceModel, want: TraceModel): void {
  const { symbols: gs, ...g } = got;
  const { symbols: ws, ...w } = want;
  expect(plain(g)).toEqual(plain(w));
  expect(gs.strings).toEqual(ws.strings);
  expect(gs.mark()).toEqual(ws.mark());
  expect(symbolRows(gs)).toEqual(symbolRows(ws));
}

/** Every stack as "func file line pc" rows of its frames, as one string. */
function symbolRows(syms: TraceModel['symbols']): string {
  const rows: string[] = [];
  for (let s = 0; s < syms.stackCount; s++) {
    for (let i = 0; i < syms.stackLength(s); i++) {
      const f = syms.stackFrame(s, i);
      rows.push(`${s} ${f} ${syms.funcOf(f)} ${syms.fileOf(f)} ${syms.lineOf(f)} ${syms.pcOf(f)}`);
    }
  }
  return rows.join('\n');
}

async function pipedEqualsSequential(bytes: Uint8Array): Promise<void> {
  const expected = parseTrace(bytes);
  const lent = bytes.slice();
  const { model, bytes: back } = await parseTracePiped(lent, channel());
  expect(lent.byteLength).toBe(0); // the buffer went to the reader…
  expect(Buffer.compare(back, bytes)).toBe(0); // …and came back whole
  expectSameModel(model, expected);
}

describe('parseTracePiped', () => {
  it("builds incident 2's model exactly as parseTrace does (many batches, reader held back by the builder)", async () => {
    await pipedEqualsSequential(fixture('..', 'incident2', incident2));
  });

  it('builds the same model for a 6 MB trace (the app pipes those), with the event count of golang.org/x/exp/trace', async () => {
    const bytes = await gunzip(fixture('busy', 'busy.trace.gz'));
    const { events } = JSON.parse(new TextDecoder().decode(fixture('busy', 'busy.xexp.json'))) as { events: number };
    expect(bytes.length).toBeGreaterThan(4 << 20);
    await pipedEqualsSequential(bytes);
    expect(parseTrace(bytes).summary.events).toBe(events);
  });

  // Every Go version's real traces we keep: v2 from Go 1.22 to 1.27 (flight recorder too), v1 from 1.19 to 1.21.
  const everyVersion = [
    ...readdirSync(join(__dirname, '../../../fixtures/traces/v2')).filter((f) => f.endsWith('.trace')).map((f) => ['v2', f]),
    ...readdirSync(join(__dirname, '../../../fixtures/traces/versions')).filter((f) => f.endsWith('.trace')).map((f) => ['versions', f]),
    ['v1', 'go1.21-v1.trace'],
    ['v1', 'go1.19-v1.trace'],
  ];
  it.each(everyVersion)('builds the same model for %s/%s', async (dir, name) => {
    await pipedEqualsSequential(fixture(dir, name));
  });

  it('builds the same model for an old-format stress trace', async () => {
    await pipedEqualsSequential(await gunzip(fixture('v1', 'stress_1_21_good.gz')));
  });

  it('keeps everything before a cut, with the same warning', async () => {
    const whole = fixture('v2', 'go1.27.trace');
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    await pipedEqualsSequential(cut);
    const { model } = await parseTracePiped(cut.slice(), channel());
    expect(model.summary.error).not.toBeNull();
    expect(model.summary.warnings.some((w) => w.message.startsWith('stopped at byte'))).toBe(true);
  });

  it('rejects what is not a trace without lending the bytes', async () => {
    const bytes = new TextEncoder().encode('goroutine 1 [running]:\nmain.main()\n');
    await expect(parseTracePiped(bytes, channel())).rejects.toThrow(/not a Go execution trace/);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('says why when nothing could be decoded', async () => {
    const whole = fixture('v2', 'go1.26-long.trace');
    const bad = whole.slice(0, 40);
    await expect(parseTracePiped(bad, channel())).rejects.toThrow(/cannot read trace/);
  });

  it('stops when cancelled, with the cancelled error', async () => {
    const signal = { aborted: false };
    setTimeout(() => (signal.aborted = true), 0);
    await expect(parseTracePiped(fixture('..', 'incident2', incident2), channel(), { signal })).rejects.toThrow(CANCELLED_MESSAGE);
  });

  it('reports progress up to the whole file', async () => {
    const bytes = fixture('..', 'incident2', incident2);
    const seen: number[] = [];
    await parseTracePiped(bytes, channel(), { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('leaves the bytes with the caller when the reader thread cannot start', async () => {
    const port: PipePort = { postMessage: () => {}, onmessage: null, onerror: null };
    const bytes = fixture('v2', 'go1.26-long.trace');
    const p = parseTracePiped(bytes, port);
    port.onerror!({ message: 'blocked by policy' } as ErrorEvent);
    await expect(p).rejects.toBeInstanceOf(ReaderUnavailableError);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('runs with the reader and the timeline builder on real worker threads', async () => {
    const bytes = fixture('..', 'incident2', incident2);
    const expected = parseTrace(bytes, { timeline: true });
    const reader = await spawnNodeTraceThread('reader');
    const timeline = await spawnNodeTraceThread('timeline');
    try {
      const { model } = await parseTracePiped(bytes.slice(), reader.port, { timeline: { port: timeline.port, floorNs: loadTimelineFloor(bytes)! } });
      expect(model.timeline).not.toBeNull();
      expectSameModel(model, expected);
    } finally {
      await reader.close();
      await timeline.close();
    }
  }, 30_000);
});

describe('parseTracePiped with a timeline thread', () => {
  it.each([
    ['exact', () => fixture('..', 'incident2', incident2)],
    ['merged (6 MB, floored)', async () => gunzip(fixture('busy', 'busy.trace.gz'))],
  ])('builds the timeline the one-thread parse builds: %s', async (_, load) => {
    const bytes = await load();
    const floorNs = loadTimelineFloor(bytes)!;
    const expected = parseTrace(bytes, { timeline: true });
    const { model } = await parseTracePiped(bytes.slice(), channel(), { timeline: { port: timelineChannel(), floorNs } });
    expect(model.timeline!.floorNs).toBe(floorNs);
    expect(model.timeline!.goroutines.count).toBe(model.goroutines.count);
    expectSameModel(model, expected);
  });

  it('ends without a timeline, and never starves the reader, when the timeline thread dies mid-way', async () => {
    const bytes = fixture('..', 'incident2', incident2);
    let got = 0;
    // Swallows every batch it is given, then dies after a few: the batches it held are lost.
    const dying: PipePort = {
      onmessage: null,
      onerror: null,
      postMessage(m: unknown) {
        if ((m as { t: string }).t === 'rows' && ++got === 3) setTimeout(() => dying.onerror!({ message: 'out of memory' } as ErrorEvent), 0);
      },
    };
    const { model } = await parseTracePiped(bytes.slice(), channel(), { timeline: { port: dying, floorNs: 0 } });
    expect(got).toBeGreaterThanOrEqual(3);
    expect(model.timeline).toBeNull();
    expectSameModel(model, parseTrace(bytes));
  });
});
