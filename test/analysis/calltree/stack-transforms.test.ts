/** Each stack transform on hand-made stacks: recursion, a function on several paths, and the order of steps. */
import { describe, expect, it } from 'vitest';
import { buildCallTree, type CallTree, type ViewSpec } from '../../../src/analysis/calltree/calltree';
import { packagePrefix, type StackTransform } from '../../../src/analysis/calltree/stack-transforms';
import { topEntries } from '../../../src/analysis/calltree/top';
import { normalizePrefix, prefixError } from '../../../src/analysis/transforms/regex';
import { ProfileBuilder, simpleMeta } from '../../../src/model/profile-builder';
import { synth } from '../../helpers/synthetic';

const p = synth([
  { stack: 'main;a;f;g', value: 10 },
  { stack: 'main;b;f;h', value: 5 },
  { stack: 'main;a;f;x;f;g', value: 2 },
  { stack: 'main;runtime.gc;runtime.mark', value: 4 },
  { stack: 'main;a', value: 1 },
]);

function paths(stack: StackTransform[], view: Partial<ViewSpec> = {}, profile = p): string[] {
  const t: CallTree = buildCallTree(profile, { sampleType: 0, granularity: 'function', stack, ...view });
  const out: string[] = [];
  for (let n = 1; n < t.count; n++) {
    if (t.self[n] === 0) continue;
    const names: string[] = [];
    for (let a = n; a > 0; a = t.parent[a]) names.unshift(t.keys.names[t.key[a]]);
    out.push(`${names.join(';')}=${t.self[n]}`);
  }
  return out.sort();
}

describe('stack transforms', () => {
  it('focus on a subtree keeps stacks through that call path, rooted at its last frame', () => {
    expect(paths([{ kind: 'subtree', path: ['main', 'a', 'f'] }])).toEqual(['f;g=10', 'f;x;f;g=2'].sort());
  });

  it('focus on a function merges all its calls, from its outermost one', () => {
    expect(paths([{ kind: 'focusfn', name: 'f' }])).toEqual(['f;g=10', 'f;h=5', 'f;x;f;g=2'].sort());
  });

  it('merging a function gives its place to its callees, its self to its caller', () => {
    expect(paths([{ kind: 'merge', name: 'f' }])).toEqual(['main;a;g=10', 'main;b;h=5', 'main;a;x;g=2', 'main;runtime.gc;runtime.mark=4', 'main;a=1'].sort());
  });

  it('dropping samples through a function removes them everywhere', () => {
    expect(paths([{ kind: 'drop', name: 'f' }])).toEqual(['main;runtime.gc;runtime.mark=4', 'main;a=1'].sort());
  });

  it('collapsing recursion hangs what an inner call did off the outermost call', () => {
    expect(paths([{ kind: 'rec', name: 'f' }])).toEqual(['main;a;f;g=12', 'main;b;f;h=5', 'main;runtime.gc;runtime.mark=4', 'main;a=1'].sort());
  });

  it('collapsing a package makes one frame of each run of its frames', () => {
    expect(paths([{ kind: 'prefix', prefix: 'runtime.' }])).toContain('main;runtime.*=4');
  });

  it('collapses a typed prefix of a package path or a folder, run by run', () => {
    // Frames with real file paths: an app vendoring an AWS SDK, and the runtime.
    const b = new ProfileBuilder(1);
    const f = (name: string, file: string) => b.frame(name, file, 1);
    const main = f('main.main', '/src/app/main.go');
    const put = f('github.com/aws/aws-sdk-go/service/s3.(*S3).PutObject', '/src/app/vendor/github.com/aws/aws-sdk-go/service/s3/api.go');
    const sign = f('github.com/aws/aws-sdk-go/aws/signer/v4.Sign', '/src/app/vendor/github.com/aws/aws-sdk-go/aws/signer/v4/v4.go');
    const hash = f('crypto/sha256.Sum256', '/usr/local/go/src/crypto/sha256/sha256.go');
    const yaml = f('gopkg.in/yaml.v3.Unmarshal', '/src/app/vendor/gopkg.in/yaml.v3/decode.go');
    const alloc = f('runtime.mallocgc', '/usr/local/go/src/runtime/malloc.go');
    const maps = f('internal/runtime/maps.(*Map).Get', '/usr/local/go/src/internal/runtime/maps/map.go');
    const mine = f('example.com/myruntime/x.Do', '/src/app/myruntime/x/x.go');
    b.sample(b.stackRootFirst([main, put, sign, hash, alloc]), [5]);
    b.sample(b.stackRootFirst([main, yaml, maps]), [3]);
    b.sample(b.stackRootFirst([main, mine, alloc]), [2]);
    const files = b.build(simpleMeta('pprof', [{ type: 'cpu', unit: 'nanoseconds' }]));
    const view = (prefix: string) => paths([{ kind: 'prefix', prefix }], {}, files);
    // A module path matches function names: the SDK's two frames are one.
    expect(view('github.com/aws/')).toContain('main.main;github.com/aws/*;crypto/sha256.Sum256;runtime.mallocgc=5');
    // A folder matches file paths after a '/': both vendored modules, each run on its own.
    expect(view('vendor/')).toEqual(
      ['main.main;vendor/*;crypto/sha256.Sum256;runtime.mallocgc=5', 'main.main;vendor/*;internal/runtime/maps.(*Map).Get=3', 'main.main;example.com/myruntime/x.Do;runtime.mallocgc=2'].sort(),
    );
    // "runtime/" is the runtime's folders (internal/runtime/ too), not a folder named myruntime.
    expect(view('runtime/')).toEqual(
      [
        'main.main;github.com/aws/aws-sdk-go/service/s3.(*S3).PutObject;github.com/aws/aws-sdk-go/aws/signer/v4.Sign;crypto/sha256.Sum256;runtime/*=5',
        'main.main;gopkg.in/yaml.v3.Unmarshal;runtime/*=3',
        'main.main;example.com/myruntime/x.Do;runtime/*=2',
      ].sort(),
    );
    // A frame between two matches splits them into two collapsed frames.
    expect(view('/src/app/')).toEqual(['/src/app/*;crypto/sha256.Sum256;runtime.mallocgc=5', '/src/app/*;internal/runtime/maps.(*Map).Get=3', '/src/app/*;runtime.mallocgc=2'].sort());
    expect(paths([{ kind: 'prefix', prefix: 'github.com/aws/' }, { kind: 'prefix', prefix: 'crypto/' }], {}, files)).toContain('main.main;github.com/aws/*;crypto/*;runtime.mallocgc=5');
  });

  it('reads a typed prefix: trimmed, a trailing * dropped, punctuation alone and wildcards refused', () => {
    expect(normalizePrefix('  vendor/* ')).toBe('vendor/');
    expect(normalizePrefix('github.com/aws/')).toBe('github.com/aws/');
    expect(prefixError('vendor/')).toBeNull();
    expect(prefixError('')).toBeNull();
    expect(prefixError('/')).toMatch(/letter or digit/);
    expect(prefixError('github.com/*/x')).toMatch(/No wildcards/);
    expect(prefixError('a\tb')).toMatch(/control characters/);
  });

  it('applies steps in order: a name the view lacks matches nothing', () => {
    // Merging f first leaves no f to focus on.
    expect(paths([{ kind: 'merge', name: 'f' }, { kind: 'focusfn', name: 'f' }])).toEqual([]);
    expect(paths([{ kind: 'focusfn', name: 'f' }, { kind: 'merge', name: 'f' }])).toEqual(['g=10', 'h=5', 'x;g=2'].sort());
    expect(paths([{ kind: 'drop', name: 'nowhere' }])).toHaveLength(5);
  });

  it('pruning from a function ends each stack at its call nearest the leaf, as pprof -prune_from', () => {
    expect(paths([{ kind: 'prunefrom', pattern: '^f$' }])).toEqual(['main;a;f=10', 'main;b;f=5', 'main;a;f;x;f=2', 'main;runtime.gc;runtime.mark=4', 'main;a=1'].sort());
    // A regex: every function it matches; a stack without one stays whole.
    expect(paths([{ kind: 'prunefrom', pattern: '^(a|b)$' }])).toEqual(['main;a=13', 'main;b=5', 'main;runtime.gc;runtime.mark=4'].sort());
  });

  it('pruning matches a method by its whole name and by the name pprof cuts at its first "("', () => {
    const methods = synth([
      { stack: 'main.(*T).run;main.(*T).step;io.Copy', value: 3 },
      { stack: 'main.run;io.Copy', value: 1 },
    ]);
    expect(paths([{ kind: 'prunefrom', pattern: 'T\\)\\.run$' }], {}, methods)).toEqual(['main.(*T).run=3', 'main.run;io.Copy=1']);
    // pprof reads both methods as "main.": the one nearer the leaf is where it prunes.
    expect(paths([{ kind: 'prunefrom', pattern: '^main\\.$' }], {}, methods)).toEqual(['main.(*T).run;main.(*T).step=3', 'main.run;io.Copy=1']);
  });

  it('pruning reads a line key by its function, and sees frames an earlier step collapsed', () => {
    const lines = paths([{ kind: 'prunefrom', pattern: '^f$' }], { granularity: 'line' });
    expect(lines).toContain('main main.go:1;b b.go:1;f f.go:1=5');
    expect(paths([{ kind: 'prefix', prefix: 'runtime.' }, { kind: 'prunefrom', pattern: '^main$' }])).toEqual(['main=22']);
    expect(paths([{ kind: 'prefix', prefix: 'runtime.' }, { kind: 'prunefrom', pattern: '^runtime' }])).toContain('main;runtime.*=4');
  });

  it("show (pprof -show) keeps only matching frames and drops a sample left with none", () => {
    const t = buildCallTree(p, { sampleType: 0, granularity: 'function', show: '^(f|g)$' });
    expect(paths([], { show: '^(f|g)$' })).toEqual(['f;g=10', 'f=5', 'f;f;g=2'].sort());
    // The runtime and main-only samples have no frame left: gone, as pprof drops them.
    expect(t.total[0]).toBe(17);
    expect(t.profileTotal).toBe(22);
    // With hide, what show keeps less what hide takes.
    expect(paths([], { show: '^(f|g)$', hide: '^g$' })).toEqual(['f=15', 'f;f=2'].sort());
  });

  it('keeps the total of the whole profile, as pprof filters do', () => {
    const t = buildCallTree(p, { sampleType: 0, granularity: 'function', stack: [{ kind: 'drop', name: 'f' }] });
    expect(t.profileTotal).toBe(22);
    expect(t.total[0]).toBe(5);
    expect(topEntries(t).find((e) => t.keys.names[e.key] === 'f')).toBeUndefined();
  });
});

describe('packagePrefix', () => {
  it("reads a Go function's package, generics and methods included", () => {
    expect(packagePrefix('runtime.mallocgc')).toBe('runtime.');
    expect(packagePrefix('k8s.io/client-go/util/workqueue.(*delayingType[go.shape.struct { A string; B k8s.io/x.T }]).AddAfter')).toBe('k8s.io/client-go/util/workqueue.');
    expect(packagePrefix('main.(*RuleStore).loadAllRules')).toBe('main.');
    expect(packagePrefix('[server]')).toBeNull();
  });
});
