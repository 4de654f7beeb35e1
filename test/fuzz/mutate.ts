/**
 * Mutations of a seed as fast-check arbitraries: byte-level (bit flips, insertions,
 * deletions, truncation, duplicated chunks, overflowing varints), protobuf fields (a
 * length past the end, a varint of 2^53 or -1), and text (numbers made huge or negative,
 * a frame line repeated 100k times, a 1 MB name, invalid UTF-8, a line dropped). Each
 * input is a seed with one to three of them applied; fast-check shrinks a failure to the
 * fewest and smallest.
 */
import fc from 'fast-check';

type Mutation = (b: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Where in `b` a fraction `f` of the way along falls. */
const at = (b: Uint8Array, f: number) => Math.min(b.length, Math.floor(f * (b.length + 1)));

function varint(v: bigint): Uint8Array {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  do {
    const byte = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x > 0n ? byte | 0x80 : byte);
  } while (x > 0n);
  return new Uint8Array(out);
}

const INTERESTING = [varint(2n ** 53n), varint(-1n), varint(2n ** 31n), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), new Uint8Array([0]), new Uint8Array([0x80])];

const frac = fc.double({ min: 0, max: 1, noNaN: true });

const bytesLevel: fc.Arbitrary<Mutation>[] = [
  fc.array(fc.tuple(frac, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }).map((flips) => (b: Uint8Array) => {
    const out = b.slice();
    for (const [f, bit] of flips) if (out.length) out[Math.min(out.length - 1, at(out, f))] ^= 1 << bit;
    return out;
  }),
  frac.map((f) => (b: Uint8Array) => b.slice(0, at(b, f))),
  // A download cut late: most of the file kept (streams read up to the cut).
  frac.map((f) => (b: Uint8Array) => b.slice(0, at(b, 0.5 + f / 2))),
  fc.tuple(frac, fc.integer({ min: 1, max: 256 })).map(([f, n]) => (b: Uint8Array) => concat(b.subarray(0, at(b, f)), b.subarray(Math.min(b.length, at(b, f) + n)))),
  fc.tuple(frac, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([f, ins]) => (b: Uint8Array) => concat(b.subarray(0, at(b, f)), ins, b.subarray(at(b, f)))),
  fc.tuple(frac, frac, fc.integer({ min: 1, max: 20 })).map(([f, g, times]) => (b: Uint8Array) => {
    const [s, e] = [at(b, Math.min(f, g)), at(b, Math.max(f, g))];
    const chunk = b.subarray(s, Math.min(e, s + 4096));
    return concat(b.subarray(0, e), ...Array.from({ length: times }, () => chunk), b.subarray(e));
  }),
  fc.tuple(frac, fc.constantFrom(...INTERESTING)).map(([f, v]) => (b: Uint8Array) => {
    const p = at(b, f);
    return concat(b.subarray(0, p), v, b.subarray(Math.min(b.length, p + v.length)));
  }),
];

/**
 * Offsets of protobuf fields' length prefixes and varint values, in the top-level message
 * and in every length-delimited payload that itself reads as a message (a best-effort
 * walk: a sample's location ids and values, a location's address and lines…).
 */
function protoFields(b: Uint8Array): { lengths: [number, number][]; varints: [number, number][] } {
  const lengths: [number, number][] = [];
  const varints: [number, number][] = [];
  const walk = (start: number, end: number, depth: number): boolean => {
    let p = start;
    const uv = (): number => {
      let v = 0;
      for (let shift = 0; p < end && shift < 49; shift += 7) {
        const c = b[p++];
        v += (c & 0x7f) * 2 ** shift;
        if (c < 0x80) return v;
      }
      return NaN;
    };
    const l0 = lengths.length;
    const v0 = varints.length;
    while (p < end && lengths.length + varints.length < 100000) {
      const tag = uv();
      if (!Number.isFinite(tag) || tag < 8) break;
      const wire = tag % 8;
      const at = p;
      if (wire === 0) {
        if (!Number.isFinite(uv())) break;
        varints.push([at, p]);
      } else if (wire === 2) {
        const n = uv();
        if (!Number.isFinite(n) || p + n > end) break;
        lengths.push([at, p]);
        if (depth < 3) walk(p, p + n, depth + 1);
        p += n;
      } else if (wire === 1) p += 8;
      else if (wire === 5) p += 4;
      else break;
    }
    if (p === end) return true;
    // Not a message after all (a string, packed numbers): forget what this level found.
    lengths.length = l0;
    varints.length = v0;
    return false;
  };
  walk(0, b.length, 0);
  return { lengths, varints };
}

const protoLevel: fc.Arbitrary<Mutation>[] = [
  fc.tuple(frac, fc.constantFrom(...INTERESTING)).map(([f, v]) => (b: Uint8Array) => {
    const { lengths, varints } = protoFields(b);
    const fields = f < 0.5 ? lengths : varints;
    if (fields.length === 0) return b;
    const [s, e] = fields[Math.min(fields.length - 1, Math.floor((f < 0.5 ? f * 2 : f * 2 - 1) * fields.length))];
    return concat(b.subarray(0, s), v, b.subarray(e));
  }),
];

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const asText = (b: Uint8Array) => decoder.decode(b);
const lineAt = (lines: string[], f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));

const textLevel: fc.Arbitrary<Mutation>[] = [
  fc.tuple(frac, fc.constantFrom('9007199254740993', '-1', '-9007199254740993', '1e309', '0', '18446744073709551616')).map(([f, n]) => (b: Uint8Array) => {
    const text = asText(b);
    const numbers = [...text.matchAll(/\d+/g)];
    if (numbers.length === 0) return b;
    const m = numbers[Math.min(numbers.length - 1, Math.floor(f * numbers.length))];
    return encoder.encode(text.slice(0, m.index) + n + text.slice(m.index! + m[0].length));
  }),
  fc.tuple(frac, fc.constantFrom(2, 1000, 100000)).map(([f, times]) => (b: Uint8Array) => {
    const lines = asText(b).split('\n');
    const i = lineAt(lines, f);
    // Goroutine stacks are frame lines in pairs (function, then file:line): repeat the pair.
    // Short lines, so 100k of them (a stack of 100k frames) stay a few MB.
    const unit = lines.slice(i, i + 2).join('\n').slice(0, 40);
    return encoder.encode([...lines.slice(0, i), ...Array.from({ length: times }, () => unit), ...lines.slice(i)].join('\n'));
  }),
  frac.map((f) => (b: Uint8Array) => {
    const lines = asText(b).split('\n');
    const i = lineAt(lines, f);
    lines[i] = lines[i].replace(/[A-Za-z_.]+/, (w) => w + 'x'.repeat(1 << 20));
    return encoder.encode(lines.join('\n'));
  }),
  fc.tuple(frac, fc.constantFrom([0xc3, 0x28], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf0, 0x9f])).map(([f, bad]) => (b: Uint8Array) => {
    const p = at(b, f);
    return concat(b.subarray(0, p), new Uint8Array(bad), b.subarray(p));
  }),
  frac.map((f) => (b: Uint8Array) => {
    const lines = asText(b).split('\n');
    lines.splice(lineAt(lines, f), 1);
    return encoder.encode(lines.join('\n'));
  }),
];

export type Shape = 'binary' | 'proto' | 'text';

/** Inputs stay under this (a mutation that would grow one past it is skipped): big enough for deep stacks and long names. */
const MAX_INPUT = 4 << 20;

/** A seed of `seeds` with one to three mutations for its shape applied. */
export function mutated(seeds: Uint8Array[], shape: Shape): fc.Arbitrary<Uint8Array> {
  const kinds = shape === 'proto' ? [...bytesLevel, ...protoLevel, ...protoLevel] : shape === 'text' ? [...bytesLevel, ...textLevel, ...textLevel] : bytesLevel;
  return fc
    .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.oneof(...kinds), { minLength: 1, maxLength: 3 }))
    .map(([i, ms]) => ms.reduce((b, m) => (b.length > MAX_INPUT / 2 ? b : m(b)), seeds[i]));
}

/** Inputs that owe nothing to a seed: random bytes, and random text lines. */
export const unrelated: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc.array(fc.string({ maxLength: 80 }), { maxLength: 60 }).map((lines) => encoder.encode(lines.join('\n'))),
);
