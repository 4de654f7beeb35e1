/** One rule for Go names: the package ends at the first dot after the last slash of the path part. */
import { describe, expect, it } from 'vitest';
import { isStdFunction, packageOf, shortFuncName } from '../../src/model/go-names';

describe('packageOf', () => {
  it.each([
    ['runtime.mallocgc', 'runtime'],
    ['github.com/acme/rules.(*Loader).Load', 'github.com/acme/rules'],
    ['main.main.func1', 'main'],
    ['sync.(*Mutex).Lock main.go:12', 'sync'],
    ['root', 'root'],
    ['github.com/a/b.(*T).m', 'github.com/a/b'],
    ['a/b/c.f.func1', 'a/b/c'],
    ['pkg.F[...]', 'pkg'],
    ['example.com/a.F[example.com/b.T]', 'example.com/a'],
    ['example.com/a.(*T[example.com/b.U]).M', 'example.com/a'],
    ['runtime.gopark', 'runtime'],
    // The linker escapes dots in the last path element.
    ['gopkg.in/yaml%2ev3.(*parser).parse', 'gopkg.in/yaml%2ev3'],
    // Function+line frame keys carry their location after a space.
    ['net/http.(*conn).serve /usr/lib/go/src/net/http/server.go:2009', 'net/http'],
    // A name without a Go package is its own, up to a space.
    ['malloc', 'malloc'],
    ['malloc /src/malloc.c:42', 'malloc'],
    ['(stack unavailable)', '(stack'],
    ['', ''],
  ])('%s → %s', (name, pkg) => expect(packageOf(name)).toBe(pkg));
});

describe('shortFuncName', () => {
  it.each([
    ['github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run', 'collection.(*TimingWheel).run'],
    ['main.main.func1', 'main.main.func1'],
    ['example.com/a.F[example.com/b.T]', 'a.F[example.com/b.T]'],
    ['', ''],
    // Never a slash inside a receiver or type arguments.
    ['github.com/a/b.(*T).m', 'b.(*T).m'],
    ['example.com/a.(*T[example.com/b.U]).M', 'a.(*T[example.com/b.U]).M'],
    ['runtime.gopark', 'runtime.gopark'],
  ])('%s → %s', (name, short) => expect(shortFuncName(name)).toBe(short));
});

describe('standard library', () => {
  it.each([
    ['net/http.(*persistConn).readLoop', true],
    ['internal/poll.runtime_pollWait', true],
    ['runtime.gopark', true],
    ['main.subscribe', false],
    ['main.main.func1', false],
    ['github.com/redis/go-redis/v9.(*PubSub).ReceiveMessage', false],
    ['golang.org/x/net/http2.(*Framer).ReadFrame', false],
    ['example.com/svc.F[...]', false],
    ['internal/runtime/syscall.Syscall6', true],
    ['encoding/json.Unmarshal', true],
    ['main.main', false],
    ['gopkg.in/yaml%2ev3.(*parser).parse', false],
    // Not Go code at all: a synthetic frame, a C function, C's own main.
    ['(stack unavailable)', true],
    ['__libc_start_main', true],
    ['main', true],
  ])('%s → std %s', (f, std) => expect(isStdFunction(f)).toBe(std));
});
