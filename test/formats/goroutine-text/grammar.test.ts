/**
 * debug=2 grammar across Go versions. Inputs are written from the runtime's printing code
 * (traceback.go goroutineheader / traceback2 / printcreatedby1 / printAncestorTraceback,
 * runtime2.go waitReasonStrings, print.go printquoted) for each version's rules.
 */
import { describe, expect, it } from 'vitest';
import { G_ELIDED, G_LEAKED, G_NO_STACK } from '../../../src/model/goroutines';
import { looksLikeGoroutineText } from '../../../src/formats/goroutine-text/index';
import { parseHeader } from '../../../src/formats/goroutine-text/grammar';
import { goroutines, parseText } from '../../helpers/goroutines';

describe('goroutine headers', () => {
  it.each([
    // Go 1.19–1.26: status, minutes, locked to thread.
    ['goroutine 18 [chan receive, 12 minutes, locked to thread]:', 18, 'chan receive', 12, true],
    ['goroutine 1 [running]:', 1, 'running', -1, false],
    ['goroutine 7 [syscall, 3 minutes]:', 7, 'syscall', 3, false],
    ['goroutine 9 [select (no cases)]:', 9, 'select (no cases)', -1, false],
    ['goroutine 21 [IO wait, 1 minutes]:', 21, 'IO wait', 1, false],
    ['goroutine 22 [sync.RWMutex.RLock]:', 22, 'sync.RWMutex.RLock', -1, false],
    ['goroutine 23 [chan send (nil chan), 5 minutes]:', 23, 'chan send (nil chan)', 5, false],
    ['goroutine 24 [GC worker (idle)]:', 24, 'GC worker (idle)', -1, false],
    ['goroutine 25 [runnable (scan)]:', 25, 'runnable', -1, false],
    // Go 1.23+ when GOTRACEBACK>=system or the runtime throws.
    ['goroutine 1 gp=0xc000002380 m=0 mp=0x5a8e60 [running]:', 1, 'running', -1, false],
    ['goroutine 5 gp=0xc000003a40 m=nil [select, 2 minutes]:', 5, 'select', 2, false],
    ['goroutine 0 gp=0x6419e0 m=0 mp=0x6427a0 [idle]:', 0, 'idle', -1, false],
    // Go 1.24/1.25 synctest: durable wait reasons and bubble ids.
    ['goroutine 31 [chan receive (durable), synctest bubble 2]:', 31, 'chan receive (durable)', -1, false],
    ['goroutine 32 [sleep (durable), 4 minutes, synctest bubble 2]:', 32, 'sleep (durable)', 4, false],
    // Go 1.26: leak detector mark.
    ['goroutine 41 [chan receive (leaked), 9 minutes]:', 41, 'chan receive', 9, false],
  ])('%s', (line, id, state, wait, locked) => {
    const h = parseHeader(line);
    expect(h).not.toBeNull();
    expect(h).toMatchObject({ id, state, waitMinutes: wait, locked });
  });

  it('reads Go 1.26 labels (GODEBUG=tracebacklabels=1) with runtime escapes', () => {
    const h = parseHeader(
      'goroutine 10 [select, 3 minutes, locked to thread labels:{"fizzle": "b\\x1bit", "foo\\"ba\\x00r": "baz\\n", "s": "\\u03a3\\U00045678"}]:',
    );
    expect(h).toMatchObject({ id: 10, state: 'select', waitMinutes: 3, locked: true });
    expect(h?.labels).toEqual([
      ['fizzle', 'b\x1bit'],
      ['foo"ba\x00r', 'baz\n'],
      ['s', 'Σ\u{45678}'],
    ]);
  });

  it('marks leaked goroutines', () => {
    const g = goroutines(parseText('goroutine 41 [chan receive (leaked)]:\nmain.f()\n\t/a/main.go:3 +0x1\n'));
    expect(g[0].flags & G_LEAKED).toBe(G_LEAKED);
  });

  it.each(['goroutine x [running]:', 'goroutine 1 [running]', 'goroutine 1 gp=zz [running]:', 'goroutine 1 [running, 7 hours]:'])(
    'rejects %s',
    (line) => expect(parseHeader(line)).toBeNull(),
  );
});

const GO119 = `goroutine 1 [running]:
main.main()
	/home/u/app/main.go:21 +0x1d

goroutine 18 [chan receive, 12 minutes, locked to thread]:
main.worker(0xc000012345, {0x4b8f20, 0xc0000a4000})
	/home/u/app/worker.go:42 +0x3d
main.start.func1()
	/home/u/app/worker.go:30 +0x25
created by main.start
	/home/u/app/worker.go:29 +0x65
`;

const GO121 = `goroutine 18 [chan receive, 12 minutes]:
main.worker(0xc000012345?, {0x4b8f20?, 0xc0000a4000?})
	/home/u/app/worker.go:42 +0x3d
created by main.start in goroutine 7
	/home/u/app/worker.go:29 +0x65
`;

describe('frames and created-by', () => {
  it('Go ≤1.20: created by without a goroutine id', () => {
    const g = goroutines(parseText(GO119));
    expect(g.map((x) => x.id)).toEqual([1, 18]);
    expect(g[1]).toMatchObject({
      state: 'chan receive',
      waitMinutes: 12,
      locked: true,
      createdBy: 'main.start',
      createdAt: '/home/u/app/worker.go:29',
      parentId: -1,
      frames: ['main.worker /home/u/app/worker.go:42', 'main.start.func1 /home/u/app/worker.go:30'],
    });
    expect(g[0]).toMatchObject({ createdBy: null, frames: ['main.main /home/u/app/main.go:21'] });
  });

  it('Go ≥1.21: created by … in goroutine N', () => {
    const g = goroutines(parseText(GO121));
    expect(g[0]).toMatchObject({ createdBy: 'main.start', parentId: 7 });
  });

  it('inlined frames, generics, methods, panic, fp/sp/pc and Windows paths', () => {
    const text = `goroutine 1 gp=0xc000002380 m=0 mp=0x5a8e60 [running]:
panic({0x4a1f20?, 0x4e2f50?})
	/usr/local/go/src/runtime/panic.go:785 +0x132 fp=0xc000067f38 sp=0xc000067e88 pc=0x46b1b2
main.(*List[...]).Push(...)
	C:/Users/dev/app/list.go:12
main.Map[...](0xc000010000, 0x1, ...)
	C:/Users/dev/app/map.go:30 +0x4c fp=0xc000067f50 sp=0xc000067f38 pc=0x48a0cc
github.com/acme/svc/internal/db.(*Pool).Get.func1()
	/src/db/pool.go:88 +0x1a
runtime.goexit({})
	/usr/local/go/src/runtime/asm_amd64.s:1700 +0x1 fp=0xc000067fe8 sp=0xc000067fe0 pc=0x46f561
`;
    const g = goroutines(parseText(text));
    expect(g[0].frames).toEqual([
      'runtime.gopanic /usr/local/go/src/runtime/panic.go:785',
      'main.(*List[...]).Push C:/Users/dev/app/list.go:12',
      'main.Map[...] C:/Users/dev/app/map.go:30',
      'github.com/acme/svc/internal/db.(*Pool).Get.func1 /src/db/pool.go:88',
      'runtime.goexit /usr/local/go/src/runtime/asm_amd64.s:1700',
    ]);
  });

  it('both elision forms', () => {
    const frames = Array.from({ length: 3 }, (_, i) => `main.rec(0x${i})\n\t/a/rec.go:5 +0x2a`).join('\n');
    const old = parseText(`goroutine 4 [running]:\n${frames}\n...additional frames elided...\ncreated by main.main\n\t/a/main.go:9 +0x25\n`);
    const now = parseText(`goroutine 4 [running]:\n${frames}\n...1037 frames elided...\n${frames}\ncreated by main.main in goroutine 1\n\t/a/main.go:9 +0x25\n`);
    expect(goroutines(old)[0].flags & G_ELIDED).toBe(G_ELIDED);
    expect(goroutines(old)[0].frames).toHaveLength(3);
    expect(goroutines(now)[0].flags & G_ELIDED).toBe(G_ELIDED);
    expect(goroutines(now)[0].frames).toHaveLength(6);
    expect(old.warnings).toEqual([]);
  });

  it('a goroutine running on another thread', () => {
    const r = parseText(`goroutine 3 [running]:
	goroutine running on other thread; stack unavailable
created by main.main in goroutine 1
	/a/main.go:9 +0x25
`);
    const g = goroutines(r);
    expect(g[0]).toMatchObject({ id: 3, state: 'running', createdBy: 'main.main', frames: ['(stack unavailable) :0'] });
    expect(g[0].flags & G_NO_STACK).toBe(G_NO_STACK);
  });

  it('ancestor tracebacks (GODEBUG=tracebackancestors) do not join the stack', () => {
    const r = parseText(`goroutine 6 [chan receive]:
main.leaf()
	/a/main.go:20 +0x25
created by main.spawn in goroutine 5
	/a/main.go:15 +0x1d
[originating from goroutine 5]:
main.spawn(...)
	/a/main.go:15 +0x1d
created by main.main
	/a/main.go:9 +0x25
`);
    const g = goroutines(r);
    expect(g[0]).toMatchObject({ frames: ['main.leaf /a/main.go:20'], createdBy: 'main.spawn', parentId: 5 });
    expect(r.warnings).toEqual([]);
  });
});

describe('sniffing', () => {
  it('tells debug=1, debug=2 and other text apart', () => {
    expect(looksLikeGoroutineText('goroutine profile: total 3\n3 @ 0x1 0x2\n')).toBe('debug=1');
    expect(looksLikeGoroutineText(GO121)).toBe('debug=2');
    expect(looksLikeGoroutineText('2024/01/01 log line\npanic: boom\n\n' + GO119)).toBe('debug=2');
    expect(looksLikeGoroutineText('goroutine 5 [running]: is a line in a log\nhello\n')).toBeNull();
    expect(looksLikeGoroutineText('main;foo;bar 12\n')).toBeNull();
  });
});
