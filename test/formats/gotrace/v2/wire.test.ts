/**
 * The raw decoder against Go's own: every batch header and every timed event of three real
 * traces (Go 1.22, 1.23, 1.26 with three generations), in file order, must equal what
 * `go tool trace -d=wire` (Go 1.27) printed for the same file (testdata README §4). The
 * golden tests check the ordered result; this pins each event's type and arguments.
 */
import { describe, expect, it } from 'vitest';
import { HEADER_SIZE } from '../../../../src/formats/gotrace/header';
import { wireId } from '../../../../src/formats/gotrace/bytes';
import { readBatch } from '../../../../src/formats/gotrace/v2/generation';
import { Cursor } from '../../../../src/formats/gotrace/v2/reader';
import { SPECS, TIMED_ARGS, specByName } from '../../../../src/formats/gotrace/v2/spec';
import { fixture, maybeGzipped } from '../../../helpers/trace';

interface WireEvent {
  name: string;
  args: [string, number][];
}
interface WireBatch {
  gen: number;
  m: number;
  time: number;
  size: number;
  events: WireEvent[];
}

/** Batches and their events from `-d=wire` text; stack frame and data lines belong to the event above. */
function parseWire(text: string): WireBatch[] {
  const batches: WireBatch[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('pc=') || line.startsWith('data=')) continue;
    const [name, ...rest] = line.split(/\s+/);
    const args = rest.map((t): [string, number] => [t.slice(0, t.indexOf('=')), Number(t.slice(t.indexOf('=') + 1))]);
    if (name === 'EventBatch') {
      const a = Object.fromEntries(args);
      batches.push({ gen: a.gen, m: wireId(a.m), time: a.time, size: a.size, events: [] });
    } else if (name === 'EndOfGeneration') {
      batches.push({ gen: 0, m: -1, time: 0, size: 0, events: [{ name, args }] });
    } else batches.at(-1)!.events.push({ name, args });
  }
  return batches;
}

describe.each(['go1.22', 'go1.23', 'go1.26-long'])('%s: raw events equal go tool trace -d=wire', (base) => {
  it('batch by batch, event by event', () => {
    const buf = fixture('v2', `${base}.trace`);
    const wire = parseWire(new TextDecoder().decode(maybeGzipped('v2', `${base}.wire.txt.gz`)));
    let pos = HEADER_SIZE;
    let timed = 0;
    const wrong: string[] = [];
    for (const [i, w] of wire.entries()) {
      const b = readBatch(buf, pos);
      expect(b, `batch ${i}`).not.toBeNull();
      pos = b!.end;
      if (b!.endOfGeneration) {
        expect(w.events[0]?.name, `batch ${i}`).toBe('EndOfGeneration');
        continue;
      }
      expect({ gen: b!.gen, m: b!.m, time: b!.time, size: b!.end - b!.start }, `batch ${i} header`).toEqual({ gen: w.gen, m: w.m, time: w.time, size: w.size });
      const first = specByName(w.events[0]?.name ?? '');
      if (!first || TIMED_ARGS[first[0]] < 0) continue; // a table or frequency batch: the golden tests cover its contents
      // Unit 1 and base 0: the cursor's time is the batch time plus the raw deltas.
      const c = new Cursor(buf, b!.m, 0, [b!], 1, 0);
      let t = b!.time;
      for (const [k, e] of w.events.entries()) {
        if (!c.next()) {
          wrong.push(`batch ${i}: ends before event ${k} (${e.name})`);
          break;
        }
        const [dt, ...rest] = e.args;
        t += dt[1];
        const got = [SPECS[c.typ]?.name, c.time, ...rest.map((_, j) => c.args[j])].join(' ');
        const want = [e.name, t, ...rest.map(([, v]) => v)].join(' ');
        if (got !== want) wrong.push(`batch ${i} event ${k}: got ${got}, want ${want}`);
        timed++;
      }
      if (c.next()) wrong.push(`batch ${i}: more events than -d=wire printed`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(pos, 'every batch of the file was compared').toBe(buf.length);
    expect(timed).toBeGreaterThan(4000);
  });
});
