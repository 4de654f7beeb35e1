import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../../src/analysis/calltree/calltree';
import { flameSubtree, resolvePath, searchMatched } from '../../../src/analysis/calltree/flame';
import { sortTop, topEntries } from '../../../src/analysis/calltree/top';
import { ProfileBuilder, simpleMeta } from '../../../src/model/profile-builder';

/** Stacks given root first as "a;b;c", with a value each. */
function profileOf(stacks: [string, number][]) {
  const b = new ProfileBuilder(1);
  for (const [s, v] of stacks) {
    const frames = s.split(';').map((name) => {
      const [func, line] = name.split(':');
      return b.frame(func, `${func.split('.')[0]}.go`, Number(line ?? 1));
    });
    b.sample(b.stackRootFirst(frames), [v]);
  }
  return b.build(simpleMeta('folded', [{ type: 'samples', unit: 'count' }]));
}

const p = profileOf([
  ['main.main;main.a;main.b', 10],
  ['main.main;main.a;main.a;main.b', 5], // recursion: a counted once in cum
  ['main.main;main.c:7', 3],
  ['main.main;main.c:9', 2],
  ['main.main;runtime.gc', 4],
]);

function top(spec: Partial<Parameters<typeof buildCallTree>[1]> = {}) {
  const tree = buildCallTree(p, { sampleType: 0, granularity: 'function', ...spec });
  const rows = sortTop(topEntries(tree), tree.keys.names, 'flat', true);
  return { tree, rows: Object.fromEntries(rows.map((r) => [tree.keys.names[r.key], [r.flat, r.cum]])) };
}

describe('call tree and top table (pprof semantics)', () => {
  it('computes flat and cum, counting recursion once', () => {
    const { tree, rows } = top();
    expect(tree.profileTotal).toBe(24);
    expect(rows['main.b']).toEqual([15, 15]);
    expect(rows['main.a']).toEqual([0, 15]);
    expect(rows['main.main']).toEqual([0, 24]);
    expect(rows['main.c']).toEqual([5, 5]);
  });

  it('splits by line at line granularity', () => {
    const { rows } = top({ granularity: 'line' });
    expect(rows['main.c main.go:7']).toEqual([3, 3]);
    expect(rows['main.c main.go:9']).toEqual([2, 2]);
  });

  it('focus keeps samples through a match; the total stays the whole profile', () => {
    const { tree, rows } = top({ focus: '^main\\.c$' });
    expect(tree.profileTotal).toBe(24);
    expect(tree.total[0]).toBe(5);
    expect(rows['main.b']).toBeUndefined();
  });

  it('ignore drops samples through a match', () => {
    const { tree, rows } = top({ ignore: 'main\\.a' });
    expect(tree.total[0]).toBe(9);
    expect(rows['main.b']).toBeUndefined();
  });

  it('hide removes frames and moves flat to the caller', () => {
    const { tree, rows } = top({ hide: 'main\\.b' });
    expect(tree.total[0]).toBe(24);
    expect(rows['main.a']).toEqual([15, 15]);
  });

  it('matches file names too, as pprof does', () => {
    expect(top({ focus: 'runtime\\.go' }).tree.total[0]).toBe(4);
  });

  it('refuses an invalid regex with a message naming the filter', () => {
    expect(() => top({ focus: '(' })).toThrow(/focus: invalid regular expression/);
  });
});

describe('flame answers', () => {
  const { tree } = top();
  it('zooms by names and prunes narrow nodes into hidden', () => {
    const { node, path } = resolvePath(tree, ['main.main', 'main.a', 'nope']);
    expect(path).toEqual(['main.main', 'main.a']);
    const { root } = flameSubtree(tree, node, 0.5);
    expect(root.value).toBe(15);
    expect(root.children.map((c) => c.name)).toEqual(['main.b']);
    expect(root.hidden).toBe(5);
  });

  it('past the node cap keeps the widest frames and folds the rest into hidden', () => {
    const { root, nodeCount } = flameSubtree(tree, 0, 0, 4);
    expect(nodeCount).toBe(4);
    // root, main.main (24), main.a (15), then the widest below a — not main.c (5).
    expect(root.children[0].name).toBe('main.main');
    expect(root.children[0].children.map((c) => c.name)).toEqual(['main.a']);
    expect(root.children[0].hidden).toBe(9);
  });

  it('past the node cap, a sibling a quarter as wide outranks a runaway recursion\'s deep frames', () => {
    const deep = ['main.main', ...Array.from({ length: 2000 }, () => 'main.recurse'), 'main.leaf'].join(';');
    const t = buildCallTree(profileOf([[deep, 3], ['main.main;main.other', 1]]), { sampleType: 0, granularity: 'function' });
    const { root, nodeCount } = flameSubtree(t, 0, 0, 600);
    expect(nodeCount).toBe(600);
    const main = root.children[0];
    expect(main.children.map((c) => c.name)).toEqual(['main.other', 'main.recurse']);
    // The chain is cut where it goes on, not dropped: its rest is hidden under its last frame.
    let n = main.children[1];
    let depth = 1;
    while (n.children.length) (n = n.children[0]), depth++;
    expect(depth).toBe(597);
    expect(n.hidden).toBe(3);
  });

  it('search reports the matched share without double counting', () => {
    expect(searchMatched(tree, /main\.(a|b)/)).toEqual({ matched: 15, functions: 2 });
  });
});
