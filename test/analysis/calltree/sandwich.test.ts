/** pprof's -peek edges and the sandwich trees on hand-made stacks with recursion and several paths. */
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../../src/analysis/calltree/calltree';
import { peek } from '../../../src/analysis/calltree/peek';
import { calleesTree, callersTree } from '../../../src/analysis/calltree/sandwich';
import { synth } from '../../helpers/synthetic';
import { treeNodes } from '../../helpers/tree-nodes';

const tree = buildCallTree(
  synth([
    { stack: 'main;a;f;g', value: 10 },
    { stack: 'main;b;f;h', value: 5 },
    { stack: 'main;a;f;f;g', value: 3 }, // f calls itself: no f→f edge, counted once
    { stack: 'main;a;f;x;f;g', value: 2 }, // f→g crossed twice in one sample: counted once
    { stack: 'f', value: 1 }, // f at the root: no caller
    { stack: 'main;b;f', value: 4 },
  ]),
  { sampleType: 0, granularity: 'function' },
);
const key = (name: string) => tree.keys.names.indexOf(name);

describe('peek (pprof -peek)', () => {
  it('sums each edge once per sample, leaves out self calls, and gives root frames no caller', () => {
    const r = peek(tree, key('f'));
    expect(r.cum).toBe(25);
    expect(r.flat).toBe(5);
    const named = (es: typeof r.callers) => es.map((e) => [tree.keys.names[e.key], e.value]);
    expect(named(r.callers)).toEqual([
      ['a', 15],
      ['b', 9],
      ['x', 2],
    ]);
    expect(named(r.callees)).toEqual([
      ['g', 15],
      ['h', 5],
      ['x', 2],
    ]);
  });
});

describe('sandwich trees', () => {
  it('callers: the function at the root, each level one caller out, outermost calls only', () => {
    expect(treeNodes(callersTree(tree, key('f')))).toEqual(
      ['f=25/1', 'f;a=15/0', 'f;a;main=15/15', 'f;b=9/0', 'f;b;main=9/9'].sort(),
    );
  });

  it('callees: every outermost call merged, recursion kept below it', () => {
    expect(treeNodes(calleesTree(tree, key('f')))).toEqual(
      ['f=25/5', 'f;g=10/10', 'f;h=5/5', 'f;f=3/0', 'f;f;g=3/3', 'f;x=2/0', 'f;x;f=2/0', 'f;x;f;g=2/2'].sort(),
    );
  });
});
