import { describe, expect, it } from 'vitest';
import { Wire } from '../../../src/formats/pprof/wire';

function varint(v: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x > 0n) b |= 0x80;
    out.push(b);
  } while (x > 0n);
  return out;
}

describe('wire reader', () => {
  it.each([0n, 1n, 127n, 128n, 300n, 2n ** 31n, 2n ** 32n + 5n, 2n ** 52n + 1n])('reads uint %s', (v) => {
    expect(new Wire(new Uint8Array(varint(v))).uint()).toBe(Number(v));
  });

  it('reads negative int64 (two-complement, 10 bytes)', () => {
    const bytes = new Uint8Array(varint(-12345n));
    expect(bytes.length).toBe(10);
    expect(new Wire(bytes).int64()).toBe(-12345);
  });

  it('accepts non-minimal varints', () => {
    expect(new Wire(new Uint8Array([0x85, 0x80, 0x80, 0x00])).uint()).toBe(5);
  });

  it('refuses a varint cut short and a length past the end', () => {
    expect(() => new Wire(new Uint8Array([0x80, 0x80])).uint()).toThrow(/truncated/);
    expect(() => new Wire(new Uint8Array([0x05, 0x01])).len()).toThrow(/past the end/);
  });
});
