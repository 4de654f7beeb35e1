/** One rule for Go names: the package ends at the first dot after the last slash of the path part. */
import { describe, expect, it } from 'vitest';
import { isStdFunction, packageOf, shortFuncName } from '../../src/model/go-names';

describe('packageOf', () => {
  it('finds the Go package path', () => {
    expect(packageOf('runtime.mallocgc')).toBe('runtime');
    expect(packageOf('github.com/acme/rules.(*Loader).Load')).toBe('github.com/acme/rules');
    expect(packageOf('main.main.func1')).toBe('main');
    expect(packageOf('sync.(*Mutex).Lock main.go:12')).toBe('sync');
    expect(packageOf('root')).toBe('root');
  });

  it.each([
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
  ])('%s → %s', (name, pkg) => expect(packageOf(name)).toBe(pkg));

  it('takes a name without a Go package as its own', () => {
    expect(packageOf('malloc')).toBe('malloc');
    expect(packageOf('malloc /src/malloc.c:42')).toBe('malloc');
    expect(packageOf('(stack unavailable)')).toBe('(stack');
    expect(packageOf('')).toBe('');
  });
});

describe('shortFuncName', () => {
  it('names', () => {
    expect(shortFuncName('github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run')).toBe('collection.(*TimingWheel).run');
    expect(shortFuncName('main.main.func1')).toBe('main.main.func1');
    expect(shortFuncName('example.com/a.F[example.com/b.T]')).toBe('a.F[example.com/b.T]');
    expect(shortFuncName('')).toBe('');
  });
  it('drops the import path, never a slash inside a receiver or type arguments', () => {
    expect(shortFuncName('github.com/a/b.(*T).m')).toBe('b.(*T).m');
    expect(shortFuncName('example.com/a.(*T[example.com/b.U]).M')).toBe('a.(*T[example.com/b.U]).M');
    expect(shortFuncName('runtime.gopark')).toBe('runtime.gopark');
  });
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
  ])('%s → std %s', (f, std) => expect(isStdFunction(f)).toBe(std));
});

describe('isStdFunction', () => {
  it.each([
    ['runtime.gopark', true],
    ['internal/runtime/syscall.Syscall6', true],
    ['encoding/json.Unmarshal', true],
    ['main.main', false],
    ['gopkg.in/yaml%2ev3.(*parser).parse', false],
    // Not Go code at all: a synthetic frame, a C function, C's own main.
    ['(stack unavailable)', true],
    ['__libc_start_main', true],
    ['main', true],
  ])('%s → %s', (name, std) => expect(isStdFunction(name)).toBe(std));
});
