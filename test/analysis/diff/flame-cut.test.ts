/** Where a diff flame answer is cut at maxNodes: the widest frames stay, whatever their depth. */
import { describe, expect, it } from 'vitest';
import { diffFlame, type DiffFlameNode } from '../../../src/analysis/diff/flame';
import { buildDiffTree } from '../../../src/analysis/diff/tree';
import { synth } from '../../helpers/synthetic';

const names = (n: DiffFlameNode): string[] => [n.name, ...n.children.flatMap(names)];

describe('diff flame cut', () => {
  // One deep, wide chain and many thin siblings: breadth-first would keep the siblings.
  const before = synth([
    { stack: 'main.main;deep.a;deep.b;deep.c', value: 500 },
    ...Array.from({ length: 20 }, (_, i) => ({ stack: `main.main;thin.f${i}`, value: 5 })),
  ]);
  const after = synth([
    { stack: 'main.main;deep.a;deep.b;deep.c', value: 600 },
    ...Array.from({ length: 20 }, (_, i) => ({ stack: `main.main;thin.f${i}`, value: 4 })),
  ]);
  const diff = buildDiffTree({ profile: before, sampleType: 0 }, { profile: after, sampleType: 0 }, { granularity: 'function' }, { meaning: 'diff_base', normalize: false });

  it('keeps the widest frames and folds the rest into their parent', () => {
    const { root, nodeCount } = diffFlame(diff, [], 0, 6);
    expect(nodeCount).toBe(6);
    expect(names(root).slice(0, 5)).toEqual(['root', 'main.main', 'deep.a', 'deep.b', 'deep.c']);
    const main = root.children[0];
    // One thin frame made it; the other 19 are hidden in main.main, at their larger side.
    expect(main.children.filter((c) => c.name.startsWith('thin.'))).toHaveLength(1);
    expect(main.hidden).toBe(19 * 5);
    // Drawn frames are as wide as their target value; hidden ones count by their larger side.
    expect(main.value).toBe(600 + 4 + 19 * 5);
  });

  it('answers the whole tree when it fits', () => {
    expect(diffFlame(diff, [], 0).nodeCount).toBe(1 + 1 + 3 + 20);
  });
});
