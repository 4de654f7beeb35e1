/**
 * The Go project's own v2 reader tests (text form, converted by our test converter), its
 * fuzz corpus, and bad input: truncation, corruption, unsupported versions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace, sniffTraceHeader } from '../../../../src/formats/gotrace';
import { readBatch } from '../../../../src/formats/gotrace/v2/generation';
import { FIXTURES, fixture } from '../../../helpers/trace';
import { parseTxtar, textToBinary } from './text-trace';

const textDir = join(FIXTURES, 'v2-text');
const textTests = readdirSync(textDir).filter((f) => f.endsWith('.test'));

/** The error a parse ends with: thrown, or recorded in the summary with the data before it. */
function parseError(bytes: Uint8Array): string | null {
  try {
    return parseTrace(bytes).summary.error?.message ?? null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('v2 text tests', () => {
  it('has all of them', () => expect(textTests.length).toBe(23));

  it.each(textTests)('%s converts to its .bin and meets its expectation', (name) => {
    const t = parseTxtar(readFileSync(join(textDir, name), 'utf8'));
    const bin = textToBinary(t.trace);
    expect(Buffer.from(bin).equals(Buffer.from(fixture('v2-text', name.replace(/\.test$/, '.bin'))))).toBe(true);
    if (t.expect === 'SUCCESS') {
      const m = parseTrace(bin);
      expect(m.summary.error).toBeNull();
      expect(m.summary.events).toBeGreaterThan(2);
    } else {
      const m = /^FAILURE "(.*)"$/.exec(t.expect);
      expect(m).not.toBeNull();
      const re = new RegExp(m![1].replace(/\\"/g, '"'));
      expect(parseError(bin)).toMatch(re);
    }
  });

  it('reads the cmd/trace test trace fully', () => {
    const t = parseTxtar(readFileSync(join(textDir, 'cmd-trace-go122.test'), 'utf8'));
    expect(parseTrace(textToBinary(t.trace)).summary.events).toBe(3575);
  });
});

describe('v2 fuzz corpus', () => {
  const dir = join(FIXTURES, 'v2-fuzz');
  const expected = new Map(
    readFileSync(join(dir, 'EXPECTED.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => {
        const [file, ...rest] = l.split(/\s+/);
        return [file, rest.join(' ')] as const;
      }),
  );
  it.each([...expected.keys()])('%s: no crash, no hang, same verdict as Go', (name) => {
    const bytes = fixture('v2-fuzz', name);
    const verdict = expected.get(name)!;
    const err = parseError(bytes);
    if (verdict.startsWith('ok')) expect(err).toBeNull();
    else expect(err).not.toBeNull();
    const goMsg = /^error: (.*)$/.exec(verdict)?.[1];
    // Same message as the Go reader where the format is v2 (one file has a v1 header).
    if (goMsg && sniffTraceHeader(bytes)!.version >= 22) expect(err).toContain(goMsg);
  });
});

describe('bad input', () => {
  const long = fixture('v2', 'go1.26-long.trace');
  const full = parseTrace(long);

  it('shows everything up to a cut and says where it stopped', () => {
    const cut = long.subarray(0, Math.floor(long.length * 0.9));
    const m = parseTrace(cut);
    expect(m.summary.error).not.toBeNull();
    expect(m.summary.generations).toBe(3);
    expect(m.summary.events).toBeGreaterThan(full.summary.events * 0.8);
    expect(m.summary.goroutines).toBeGreaterThan(400);
    const w = m.summary.warnings.find((x) => x.message.includes('stopped at byte'));
    expect(w?.message).toMatch(/stopped at byte \d+ of \d+: incomplete generation 3/);
  });

  it('keeps the data of a cut single-generation trace', () => {
    const t = fixture('v2', 'go1.22.trace');
    const m = parseTrace(t.subarray(0, Math.floor(t.length * 0.9)));
    expect(m.summary.goroutines).toBe(107);
    expect(m.summary.warnings[0].message).toMatch(/stopped at byte \d+/);
  });

  it('reports a corrupt batch by its offset', () => {
    const bad = long.slice();
    // Walk to the third batch and give it a generation that cannot follow.
    let pos = 16;
    for (let i = 0; i < 2; i++) pos = readBatch(bad, pos)!.end;
    expect(bad[pos]).toBe(1);
    bad[pos + 1] = 0x07;
    expect(parseError(bad)).toMatch(new RegExp(`generations are interleaved \\(batch at offset ${pos}\\)`));
    const notBatch = long.slice();
    notBatch[pos] = 0x05;
    expect(parseError(notBatch)).toMatch(new RegExp(`expected batch event, got event 5 at offset ${pos}`));
  });

  it('names an unsupported version', () => {
    const b = long.slice();
    b.set(new TextEncoder().encode('go 1.30 trace\0\0\0'), 0);
    expect(() => parseTrace(b)).toThrow(/unsupported trace version go 1\.30/);
    b.set(new TextEncoder().encode('go 1.8 trace\0\0\0\0'), 0);
    expect(() => parseTrace(b)).toThrow(/go 1\.8: traces from Go 1\.5–1\.10 are too old/);
  });

  it('rejects garbage', () => {
    expect(() => parseTrace(new TextEncoder().encode('hello, this is not a trace'))).toThrow(/not a Go execution trace/);
    expect(sniffTraceHeader(new TextEncoder().encode('go 1.22 trace\0\0\0'))).toEqual({ version: 22 });
    expect(sniffTraceHeader(new TextEncoder().encode('go 1.5 trace\0\0\0\0'))).toEqual({ version: 5 });
    expect(sniffTraceHeader(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });

  it('reports progress and can be cancelled', () => {
    const seen: number[] = [];
    parseTrace(long, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[seen.length - 1]).toBe(1);
    const signal = { aborted: false };
    let calls = 0;
    expect(() =>
      parseTrace(long, {
        signal,
        onProgress: () => {
          if (++calls === 1) signal.aborted = true;
        },
      }),
    ).toThrow(/aborted/);
  });
});
