import { describe, expect, it } from 'vitest';
import { Memo, typedBytes } from '../../src/worker/memo';

describe('memo sizing', () => {
  it('counts the typed arrays a value holds, without reading its getters', () => {
    let built = 0;
    const value = {
      a: new Int32Array(10),
      nested: { b: new Float64Array(4) },
      get whole() {
        built++;
        return new Float64Array(1 << 20);
      },
    };
    expect(typedBytes(value, [])).toBe(40 + 32);
    // Evicting (which sizes every entry) builds nothing either.
    const memo = new Memo(0);
    memo.get('x', '1', [], () => value);
    memo.get('x', '2', [], () => value);
    expect(built).toBe(0);
  });
});
