/** Leak shapes on dumps written in the debug=2 grammar (Go ≥1.21 created-by form). */
import { describe, expect, it } from 'vitest';
import { leakSuspects, toSnapshot } from '../../../src/analysis/goroutines/index';
import { parseText } from '../../helpers/goroutines';

interface Shape {
  state: string;
  minutes?: number;
  frames: [string, string][]; // [function line, file:line], leaf first
  createdBy: [string, string];
}

/** n goroutines of one shape, ids from `firstId`, plus one unrelated main goroutine. */
function dump(shapes: { n: number; shape: Shape }[]): string {
  let id = 1;
  let out = 'goroutine 1 [running]:\nmain.main()\n\t/app/main.go:10 +0x1d\n';
  for (const { n, shape } of shapes) {
    for (let i = 0; i < n; i++) {
      id++;
      const mins = shape.minutes ? `, ${shape.minutes} minutes` : '';
      out += `\ngoroutine ${id} [${shape.state}${mins}]:\n`;
      for (const [fn, loc] of shape.frames) out += `${fn}\n\t${loc}\n`;
      out += `created by ${shape.createdBy[0]} in goroutine 1\n\t${shape.createdBy[1]}\n`;
    }
  }
  return out;
}

const readLoop: Shape = {
  state: 'select',
  minutes: 42,
  frames: [['net/http.(*persistConn).readLoop(0xc000123000)', '/go/src/net/http/transport.go:2325 +0xca5']],
  createdBy: ['net/http.(*Transport).dialConn', '/go/src/net/http/transport.go:1874 +0x154f'],
};
const writeLoop: Shape = {
  state: 'select',
  minutes: 42,
  frames: [['net/http.(*persistConn).writeLoop(0xc000123000)', '/go/src/net/http/transport.go:2519 +0xe7']],
  createdBy: ['net/http.(*Transport).dialConn', '/go/src/net/http/transport.go:1875 +0x15a5'],
};
const afterFunc: Shape = {
  state: 'chan send',
  frames: [
    ['example.com/svc/cache.(*Cache).expire.func1()', '/app/cache/cache.go:88 +0x45'],
  ],
  createdBy: ['time.goFunc', '/go/src/time/sleep.go:215 +0x2d'],
};
const unreadSend: Shape = {
  state: 'chan send',
  minutes: 7,
  frames: [['example.com/svc/api.(*Handler).fetch.func1()', '/app/api/fetch.go:51 +0x7b']],
  createdBy: ['example.com/svc/api.(*Handler).fetch', '/app/api/fetch.go:49 +0x10f'],
};
const idlePool: Shape = {
  state: 'chan receive',
  frames: [['example.com/svc/pool.(*Pool).worker(0xc000010000)', '/app/pool/pool.go:30 +0x55']],
  createdBy: ['example.com/svc/pool.New', '/app/pool/pool.go:20 +0x9a'],
};

const suspectsOf = (text: string, before?: string) =>
  leakSuspects(toSnapshot(parseText(text)), before ? toSnapshot(parseText(before)) : null);

describe('leak shapes', () => {
  it('persistConn readLoop/writeLoop piling up: response bodies not closed', () => {
    const s = suspectsOf(dump([{ n: 300, shape: readLoop }, { n: 300, shape: writeLoop }, { n: 8, shape: idlePool }]));
    expect(s.slice(0, 2).map((x) => x.shape?.id)).toEqual(['http-body-not-closed', 'http-body-not-closed']);
    expect(s[0].reasons).toContain('waiting up to 42 minutes');
    expect(s.map((x) => x.leaf?.func)).not.toContain('example.com/svc/pool.(*Pool).worker');
  });

  it('AfterFunc callbacks piling up: a timer per loop iteration', () => {
    const s = suspectsOf(dump([{ n: 50, shape: afterFunc }]), dump([{ n: 5, shape: afterFunc }]));
    expect(s[0].shape?.id).toBe('timer-in-loop');
    expect(s[0].delta).toBe(45);
  });

  it('senders blocked for minutes: a send nobody reads', () => {
    const s = suspectsOf(dump([{ n: 120, shape: unreadSend }, { n: 16, shape: idlePool }]));
    expect(s[0].shape?.id).toBe('send-nobody-reads');
    expect(s[0].reasons).toEqual([
      '120 goroutines, 88% of all',
      'waiting up to 7 minutes',
      'blocked in chan send',
      'all created at one site: example.com/svc/api.(*Handler).fetch (fetch.go:49)',
      'looks like: a send nobody reads',
    ]);
  });

  it('a steady idle pool is not a suspect', () => {
    expect(suspectsOf(dump([{ n: 64, shape: idlePool }]), dump([{ n: 64, shape: idlePool }]))).toEqual([]);
  });
});
