/**
 * Trees grown on demand equal the whole call trees they stand in for, and so do the diff
 * flame answers read from them: node by node, through pprof's location lists and through
 * stack tries (goroutine dumps), at both granularities and under every name filter.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree, buildViewStacks, sampleValues, type CallTree, type ViewSpec } from '../../../src/analysis/calltree/calltree';
import { GrownTree, keyUnits } from '../../../src/analysis/calltree/grown';
import { flameSubtree, resolvePath, resolveWalkPath, walkFlame } from '../../../src/analysis/calltree/flame';
import { LazyCallTree } from '../../../src/analysis/calltree/lazy';
import { diffFlame } from '../../../src/analysis/diff/flame';
import { buildDiffTree, type DiffView } from '../../../src/analysis/diff/tree';
import { sampleTypeIndex, type Profile } from '../../../src/model/profile';
import { openBytes } from '../../../src/formats/open';
import { CASES } from '../../reference/diff/cases';
import { loadProfile } from '../../reference/diff/ours';

/** Every node as "key path → total/self", from a whole tree. */
function wholeNodes(t: CallTree): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (n: number, path: string) => {
    out.set(path, `${t.total[n]}/${t.self[n]}`);
    for (let i = t.childStart[n]; i < t.childStart[n + 1]; i++) visit(t.childList[i], `${path};${t.keys.names[t.key[t.childList[i]]]}`);
  };
  visit(0, 'root');
  return out;
}

/** The same, growing every node of a grown tree. */
function grownNodes(g: GrownTree): Map<string, string> {
  const out = new Map<string, string>();
  const width = g.keys.names.length;
  const visit = (n: number, path: string) => {
    out.set(path, `${g.total(n)}/${g.self(n)}`);
    const nodes = new Int32Array(width);
    const keys = new Int32Array(width);
    const count = g.children(n, nodes, keys);
    for (let i = 0; i < count; i++) visit(nodes[i], `${path};${g.keys.names[keys[i]]}`);
  };
  visit(0, 'root');
  return out;
}

async function goroutineDump(): Promise<Profile> {
  const { profile } = await openBytes(new Uint8Array(readFileSync('test/fixtures/incident3/goroutine-t1.debug2.txt')));
  if (!profile) throw new Error('no profile');
  return profile;
}

const VIEWS: Omit<ViewSpec, 'sampleType'>[] = [
  { granularity: 'function' },
  { granularity: 'line' },
  { granularity: 'function', focus: 'workqueue' },
  { granularity: 'function', ignore: 'runtime\\.' },
  { granularity: 'function', hide: 'runtime\\.' },
];

describe('grown call trees', () => {
  const profiles: [string, () => Promise<Profile>][] = [
    ['incident1 heap (location lists)', () => loadProfile('test/fixtures/incident1/heap-after.pb.gz')],
    ['incident4 cpu', () => loadProfile('test/fixtures/incident4/cpu.pb.gz')],
    ['goroutine dump (stack trie)', goroutineDump],
  ];
  for (const [name, load] of profiles) {
    it(`equal the whole tree, node by node: ${name}`, async () => {
      const p = await load();
      for (const view of VIEWS) {
        const spec = { ...view, sampleType: p.defaultSampleType };
        const whole = wholeNodes(buildCallTree(p, spec));
        const grown = new GrownTree(keyUnits(buildViewStacks(p, spec)), sampleValues(p, spec.sampleType));
        expect(grownNodes(grown), JSON.stringify(view)).toEqual(whole);
        // A view's own grown tree: read from the location lists when the view is plain.
        expect(grownNodes(new LazyCallTree(p, spec).grown()), JSON.stringify(view)).toEqual(whole);
      }
    });
  }

  it('grow only the nodes a walk asks about', async () => {
    const p = await loadProfile('test/fixtures/incident4/cpu.pb.gz');
    const grown = new LazyCallTree(p, { sampleType: p.defaultSampleType, granularity: 'function' }).grown();
    const width = grown.keys.names.length;
    grown.children(0, new Int32Array(width), new Int32Array(width));
    expect(grown.count).toBeLessThan(buildCallTree(p, { sampleType: p.defaultSampleType, granularity: 'function' }).count);
  });
});

describe('flame answers from grown trees', () => {
  const profiles = ['test/fixtures/incident4/cpu.pb.gz', 'test/fixtures/incident1/heap-after.pb.gz', 'test/fixtures/labels/cpu.pb.gz'];
  for (const file of profiles) {
    it(`equal the answers from the whole tree: ${file}`, async () => {
      const p = await loadProfile(file);
      for (const granularity of ['function', 'line'] as const) {
        const spec = { sampleType: p.defaultSampleType, granularity };
        const lazy = new LazyCallTree(p, spec);
        const grown = lazy.walk();
        const tree = buildCallTree(p, spec);
        expect(lazy.built).toBe(false);
        expect(lazy.profileTotal).toBe(tree.profileTotal);
        for (const minFraction of [0, 0.001, 0.05]) {
          for (const maxNodes of [600, 40]) {
            const a = walkFlame(grown, resolveWalkPath(grown, []), minFraction, maxNodes);
            expect(a).toEqual(flameSubtree(tree, 0, minFraction, maxNodes));
            // Zoomed into the widest child, and a path that stops part way.
            const widest = [...a.root.children].sort((x, y) => y.value - x.value)[0];
            if (!widest) continue;
            for (const path of [[widest.name], [widest.name, 'no.such.function']]) {
              const at = resolveWalkPath(grown, path);
              const node = resolvePath(tree, path);
              expect(at.path).toEqual(node.path);
              expect(walkFlame(grown, at, minFraction, maxNodes)).toEqual(flameSubtree(tree, node.node, minFraction, maxNodes));
            }
          }
        }
      }
    });
  }
});

describe('diff flame answers from grown trees', () => {
  const views: DiffView[] = [{ granularity: 'function' }, { granularity: 'line' }, { granularity: 'function', hide: 'runtime\\.' }];
  for (const c of CASES) {
    it(`equal the answers from whole trees: ${c.id}`, async () => {
      const base = await loadProfile(c.base);
      const target = await loadProfile(c.target);
      const sides = () =>
        [
          { profile: base, sampleType: sampleTypeIndex(base, c.sampleType) },
          { profile: target, sampleType: sampleTypeIndex(target, c.sampleType) },
        ] as const;
      for (const view of views) {
        const grown = buildDiffTree(...sides(), view, c);
        const whole = buildDiffTree(...sides(), view, c);
        // Reading the whole trees builds them; the walks then read those.
        expect(whole.baseTree.count + whole.targetTree.count).toBeGreaterThan(0);
        for (const minFraction of [0, 0.001, 0.05]) {
          const a = diffFlame(grown, [], minFraction);
          expect(a).toEqual(diffFlame(whole, [], minFraction));
          // Zoomed into the widest child, and a path that stops part way.
          const widest = [...a.root.children].sort((x, y) => y.value - x.value)[0];
          if (!widest) continue;
          for (const path of [[widest.name], [widest.name, 'no.such.function']])
            expect(diffFlame(grown, path, minFraction)).toEqual(diffFlame(whole, path, minFraction));
        }
      }
    });
  }
});
