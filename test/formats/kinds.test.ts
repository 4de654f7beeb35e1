/** File kinds come from content, never names: incident 2's six files, goroutine dumps, folded stacks, Node.js pprof. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBytes } from '../../src/formats/open';

const kindOf = async (path: string) => (await openBytes(new Uint8Array(readFileSync(path)))).kind;

describe('kinds by content', () => {
  const dir = 'test/fixtures/incident2';
  const expected: Record<string, object> = {
    cpu: { kind: 'pprof', profile: 'cpu' },
    mem: { kind: 'pprof', profile: 'heap' },
    mutex: { kind: 'pprof', profile: 'mutex' },
    block: { kind: 'pprof', profile: 'block' },
    threadcreate: { kind: 'pprof', profile: 'threadcreate' },
    trace: { kind: 'trace', goVersion: '1.26' },
  };
  it.each(readdirSync(dir).map((f) => [f]))('%s', async (f) => {
    const shape = /^main-1-(\w+)-\d+\.pprof$/.exec(f)![1];
    expect(await kindOf(`${dir}/${f}`)).toEqual(expected[shape]);
  });

  it.each([
    ['incident4/allocs.pb.gz', { kind: 'pprof', profile: 'allocs' }],
    ['incident4/goroutine.pb.gz', { kind: 'pprof', profile: 'goroutine' }],
    ['incident3/goroutine-t1.debug1.txt', { kind: 'goroutine-dump', form: 'debug=1' }],
    ['incident3/goroutine-t1.debug2.txt', { kind: 'goroutine-dump', form: 'debug=2' }],
    ['incident3/panic-with-logs.txt', { kind: 'goroutine-dump', form: 'debug=2' }],
    ['node/node-wall.pb.gz', { kind: 'pprof', profile: 'cpu' }],
    ['node/node-heap.pb.gz', { kind: 'pprof', profile: 'heap' }],
  ])('%s', async (path, kind) => {
    expect(await kindOf(`test/fixtures/${path}`)).toEqual(kind);
  });

  it('collapsed stacks (py-spy / async-profiler style)', async () => {
    const text = 'main;handler;parse 12\nmain;handler;render 30\n';
    expect((await openBytes(new TextEncoder().encode(text))).kind).toEqual({ kind: 'folded' });
  });
});
