import { describe, expect, it } from 'vitest';
import { compareSnapshots, toSnapshot } from '../../../src/analysis/goroutines/index';
import { G_NO_STACK } from '../../../src/model/goroutines';
import { fixtureBytes, goroutines, parseText } from '../../helpers/goroutines';

const panicText = new TextDecoder().decode(fixtureBytes('panic-with-logs.txt'));
const sigquitText = new TextDecoder().decode(fixtureBytes('sigquit-with-logs.txt'));

describe('real crash output inside logs', () => {
  it('reads a GOTRACEBACK=all panic after log lines', () => {
    expect(panicText.split('\n')[0]).toMatch(/^\d{4}\/\d\d\/\d\d .*starting crash demo/);
    const r = parseText(panicText);
    expect(r.form).toBe('debug=2');
    expect(r.warnings).toEqual([]);
    const g = goroutines(r);
    expect(g).toHaveLength(11);
    expect(r.dump?.sections).toEqual([{ line: 4, title: 'panic: subscription registry corrupted: channel "payments" missing' }]);
    expect(g[0]).toMatchObject({ id: 1, state: 'running', createdBy: null });
    expect(g[0].frames[0]).toMatch(/^main\.checkRegistry /);
    expect(g.find((x) => x.locked)).toMatchObject({ state: 'chan receive', frames: [expect.stringMatching(/^main\.lockedReceiver /)] });
    expect(new Set(g.map((x) => x.state))).toEqual(
      new Set(['running', 'chan receive', 'sync.Mutex.Lock', 'sync.WaitGroup.Wait', 'select (no cases)', 'chan send', 'sleep', 'IO wait', 'select']),
    );
    for (const x of g.slice(1)) expect(x).toMatchObject({ createdBy: 'main.main', parentId: 1 });
  });

  it('reads a SIGQUIT dump with gp=/m= headers, fp/sp/pc frames and a register dump after it', () => {
    const r = parseText(sigquitText);
    expect(r.warnings).toEqual([]);
    const g = goroutines(r);
    expect(r.dump?.sections[0].title).toBe('SIGQUIT: quit');
    expect(g[0]).toMatchObject({ id: 0, state: 'idle' });
    expect(g[0].frames[0]).toMatch(/^runtime\.futex /);
    expect(g.map((x) => x.state)).toContain('GC sweep wait'); // system goroutines at GOTRACEBACK=crash level
    expect(g.some((x) => x.frames.some((f) => f.startsWith('runtime.goexit ')))).toBe(true);
    // Same goroutines of main as the panic (the register dump after them is not a goroutine).
    expect(g.filter((x) => x.createdBy === 'main.main')).toHaveLength(10);
  });

  it('reads CRLF text the same way', () => {
    const lf = goroutines(parseText(panicText));
    const crlf = parseText(panicText.replace(/\n/g, '\r\n'));
    expect(crlf.warnings).toEqual([]);
    expect(goroutines(crlf)).toEqual(lf);
  });

  it('keeps two dumps in one log apart as sections', () => {
    const twice = parseText(`${panicText}\nrestarting…\n${sigquitText}\ntrailing log line\n`);
    expect(twice.dump?.sections.map((s) => s.title)).toEqual([
      'panic: subscription registry corrupted: channel "payments" missing',
      'SIGQUIT: quit',
    ]);
    const g = goroutines(twice);
    expect(g.filter((x) => x.section === 0)).toHaveLength(11);
    expect(g.filter((x) => x.section === 1).length).toBe(goroutines(parseText(sigquitText)).length);
    expect(twice.warnings.join('\n')).toMatch(/holds 2 dumps/);
    // Each section can be a snapshot of its own, e.g. to compare them.
    const cmp = compareSnapshots(toSnapshot(twice, 'function', 0), toSnapshot(twice, 'function', 1));
    expect(cmp.beforeTotal).toBe(11);
    expect(cmp.afterTotal).toBe(g.filter((x) => x.section === 1).length);
  });

  it('splits dumps pasted back to back (repeated goroutine ids)', () => {
    const d2 = new TextDecoder().decode(fixtureBytes('goroutine-t1.debug2.txt'));
    const r = parseText(d2 + '\n' + d2);
    expect(r.dump?.sections).toHaveLength(2);
    expect(r.dump?.count).toBe(2 * goroutines(parseText(d2)).length);
  });

  it('tolerates a "go run" exit line right after the last frame', () => {
    const r = parseText('panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:8 +0x18\nexit status 2\n');
    expect(r.warnings).toEqual([]);
    expect(goroutines(r)[0].frames).toEqual(['main.main /tmp/x.go:8']);
  });

  it('keeps goroutines whose stack is on another thread', () => {
    const r = parseText('goroutine 9 [running]:\n\tgoroutine running on other thread; stack unavailable\n');
    expect(r.dump?.flags[0]).toBe(G_NO_STACK);
  });
});
