/** The inverted (bottom-up) tree on hand-made stacks, and its top level against the top table's flat on a real profile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../../src/analysis/calltree/calltree';
import { invertedTree } from '../../../src/analysis/calltree/inverted';
import { topEntries } from '../../../src/analysis/calltree/top';
import { openBytes } from '../../../src/formats/open';
import { synth } from '../../helpers/synthetic';
import { treeNodes } from '../../helpers/tree-nodes';

describe('inverted tree', () => {
  it('puts the functions samples end in at the root with their self, callers below, recursion along the path', () => {
    const tree = buildCallTree(
      synth([
        { stack: 'main;a;f', value: 10 },
        { stack: 'main;b;f', value: 5 },
        { stack: 'main;f;f', value: 3 },
        { stack: 'main;a', value: 2 },
        { stack: 'f', value: 1 },
      ]),
      { sampleType: 0, granularity: 'function' },
    );
    const inv = invertedTree(tree);
    expect(inv.total[0]).toBe(21);
    expect(treeNodes(inv)).toEqual(
      [
        'f=19/19',
        'f;a=10/0',
        'f;a;main=10/0',
        'f;b=5/0',
        'f;b;main=5/0',
        'f;f=3/0',
        'f;f;main=3/0',
        'a=2/2',
        'a;main=2/0',
      ].sort(),
    );
  });

  it("has each function's flat at its top level (incident 4's CPU profile)", async () => {
    const p = (await openBytes(new Uint8Array(readFileSync('test/fixtures/incident4/cpu.pb.gz')))).profile!;
    const tree = buildCallTree(p, { sampleType: 1, granularity: 'function' });
    const inv = invertedTree(tree);
    const top = new Map<string, number>();
    for (let i = inv.childStart[0]; i < inv.childStart[1]; i++) top.set(inv.keys.names[inv.key[inv.childList[i]]], inv.total[inv.childList[i]]);
    const flat = new Map(topEntries(tree).filter((e) => e.flat !== 0).map((e) => [tree.keys.names[e.key], e.flat]));
    expect(top).toEqual(flat);
  });
});
