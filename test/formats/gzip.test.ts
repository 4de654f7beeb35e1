import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzip, InflateLimitError } from '../../src/formats/gzip';

const payload = new TextEncoder().encode('goroscope '.repeat(50_000));

describe.each([
  ['native DecompressionStream', true],
  ['pako fallback', false],
])('gunzip with %s', (_name, native) => {
  it('inflates a valid stream and reports progress', async () => {
    const seen: number[] = [];
    const out = await gunzip(new Uint8Array(gzipSync(payload)), { native, onProgress: (d) => seen.push(d) });
    expect(out).toEqual(payload);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('stops at the cap instead of inflating a bomb', async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(8 << 20)));
    expect(bomb.length).toBeLessThan(64 << 10);
    await expect(gunzip(bomb, { native, cap: 1 << 20 })).rejects.toBeInstanceOf(InflateLimitError);
  });

  it('refuses a stream that expands far beyond any real profile, long before the cap', async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(200 << 20)));
    await expect(gunzip(bomb, { native })).rejects.toThrow(/200× expansion .* a gzip bomb/);
  });

  it('names truncation', async () => {
    const full = new Uint8Array(gzipSync(payload));
    await expect(gunzip(full.subarray(0, full.length >> 1), { native })).rejects.toThrow(/truncated|corrupt/);
  });

  it('names corruption', async () => {
    const bad = new Uint8Array(gzipSync(payload));
    bad.fill(0xff, 20, 60);
    await expect(gunzip(bad, { native })).rejects.toThrow(/corrupt|truncated/);
  });
});

describe('gunzip cancellation', () => {
  it.each([true, false])('stops when the signal is set (native: %s)', async (native) => {
    const signal = { aborted: false };
    // Incompressible bytes, so the input spans several feeding chunks.
    const noise = new Uint8Array(2 << 20);
    for (let i = 0, x = 1; i < noise.length; i++) noise[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    const big = new Uint8Array(gzipSync(noise));
    const run = gunzip(big, { native, signal, onProgress: () => (signal.aborted = true) });
    await expect(run).rejects.toThrow(/cancelled/);
  });
});
