import { describe, expect, it } from 'vitest';
import { ByteLines } from '../../src/formats/goroutine-text/byte-lines';
import { LineReader } from '../../src/formats/text-lines';
import { parseText } from '../helpers/goroutines';

const text = 'goroutine profile: total 3\r\n\r\n2 @ 0x1 0x2\n#\t0x1\tmain.f+0x10\t\t/a/ü.go:3\n#\t0x2\n\nlast line without newline';
const bytes = new TextEncoder().encode(text);
const expected = text.split(/\r?\n/);

describe('line scanners', () => {
  it.each([1, 3, 7, 1 << 20])('LineReader with %i-byte chunks splits like String.split', (chunk) => {
    const r = new LineReader(bytes, undefined, chunk);
    const out: string[] = [];
    while (r.next()) out.push(r.line);
    expect(out).toEqual(expected);
    expect(r.lastLineTerminated).toBe(false);
  });

  it('ByteLines gives the same lines as byte ranges', () => {
    const r = new ByteLines(bytes);
    const out: string[] = [];
    let partial = false;
    while (r.next()) {
      out.push(r.text());
      partial = r.partial;
    }
    expect(out).toEqual(expected);
    expect(partial).toBe(true);
  });

  it('debug=1 keeps unsymbolized PCs as frames', () => {
    const { profile: p, warnings } = parseText('goroutine profile: total 2\n2 @ 0x1 0x2\n#\t0x1\tmain.f+0x10\t\t/a/f.go:3\n#\t0x4b8f20\n\n');
    expect(warnings).toEqual([]);
    const names = Array.from({ length: p.frames.count }, (_, f) => p.strings[p.frames.func[f]]);
    expect(names).toEqual(['main.f', '0x4b8f20']);
    expect(p.samples.values[0][0]).toBe(2);
  });
});
