/** Bad input is normal input: every broken file gets a message naming what it seemed to be and what is wrong. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBytes, OpenError } from '../../src/formats/open';

async function failure(bytes: Uint8Array): Promise<OpenError> {
  try {
    await openBytes(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(OpenError);
    return e as OpenError;
  }
  throw new Error('loaded without error');
}

const file = (path: string) => new Uint8Array(readFileSync(path));

describe('bad input', () => {
  it.each([
    ['empty.pb.gz', /the file is empty/],
    ['random.bin', /not a recognised format/],
    ['truncated.pb.gz', /gzip file: gzip data is corrupt or truncated/],
    ['gzip-bomb.gz', /gzip bomb/],
    ['nonsense.txt', /not a goroutine dump, not a debug=1 text profile .* and not collapsed stacks/],
  ])('%s → %s', async (name, message) => {
    expect((await failure(file(`test/fixtures/bad/${name}`))).message).toMatch(message);
  });

  it('a truncated raw protobuf names the pprof problem and the byte', async () => {
    const { gunzipSync } = await import('node:zlib');
    const raw = gunzipSync(readFileSync('test/fixtures/incident4/heap.pb.gz'));
    const e = await failure(raw.subarray(0, Math.floor(raw.length * 0.7)));
    expect(e.kind).toEqual({ kind: 'pprof', profile: 'other' });
    expect(e.message).toMatch(/^pprof profile: .*(truncated|past the end).* at byte \d+/);
  });

  it('a trace cut short keeps what was read and says where it stopped', async () => {
    const bytes = file('test/fixtures/incident2/main-1-trace-1732262400.pprof');
    const loaded = await openBytes(new Uint8Array(bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(loaded.kind.kind).toBe('trace');
    expect(loaded.warnings.join('\n')).toMatch(/stopped at byte \d+/);
  });

  it('names are data: markup in function names survives as plain strings', async () => {
    const { profile } = await openBytes(file('test/fixtures/bad/xss.pb.gz'));
    expect(profile!.strings.some((s) => s.includes('<img src=x onerror='))).toBe(true);
  });
});


describe('a large trace', () => {
  it('is read on the reader and timeline threads the caller starts, to the same model and timeline as on one thread', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { spawnNodeTraceThread } = await import('../../bench/node-trace-thread');
    const bytes = new Uint8Array(gunzipSync(readFileSync('test/fixtures/traces/busy/busy.trace.gz')));
    const started: string[] = [];
    let stopped = 0;
    const threads = { reader: await spawnNodeTraceThread('reader'), timeline: await spawnNodeTraceThread('timeline') };
    const piped = await openBytes(bytes.slice(), {
      startTraceThread: (role) => (started.push(role), { port: threads[role].port, stop: () => void (stopped++, threads[role].close()) }),
    });
    const alone = await openBytes(bytes.slice());
    expect([started, stopped]).toEqual([['reader', 'timeline'], 2]);
    expect(piped.trace!.model.summary).toEqual(alone.trace!.model.summary);
    expect(piped.trace!.model.goroutines.count).toBe(alone.trace!.model.goroutines.count);
    const [a, b] = [piped.trace!.model.timeline!, alone.trace!.model.timeline!];
    expect([a.floorNs, a.goroutines.time.length, a.procs.time.length]).toEqual([b.floorNs, b.goroutines.time.length, b.procs.time.length]);
  });
});
