/**
 * Builds a call tree that is not read from stacks (a sandwich side, the inverted tree) in
 * the CallTree shape, so flame answers and tree rows are cut from it as from any view's.
 */
import { childrenOf } from '../../model/stack-trie';
import type { CallTree } from './calltree';

/** Node 0 is the root; a node is appended after its parent, as the stack trie orders them. */
export class TreeBuilder {
  readonly parent: number[] = [-1];
  readonly key: number[] = [-1];
  readonly self: number[] = [0];
  readonly total: number[] = [0];
  private readonly index = new Map<number, number>();

  constructor(private readonly from: CallTree) {}

  /** The child of `node` with frame key `key`, made on first use. */
  child(node: number, key: number): number {
    const id = node * this.from.keys.names.length + key;
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.parent.length;
      this.index.set(id, c);
      this.parent.push(node);
      this.key.push(key);
      this.self.push(0);
      this.total.push(0);
    }
    return c;
  }

  build(): CallTree {
    const parent = Int32Array.from(this.parent);
    return {
      count: parent.length,
      parent,
      key: Int32Array.from(this.key),
      self: Float64Array.from(this.self),
      total: Float64Array.from(this.total),
      ...childrenOf(parent),
      keys: this.from.keys,
      profileTotal: this.from.profileTotal,
      sampleNode: new Int32Array(0),
    };
  }
}
