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

  it.each([1, 3, 7, 1 << 20])('LineReader with %i-byte chunks knows each line\'s byte offset (not its UTF-16 index)', (chunk) => {
    // A BOM, multi-byte characters, CRLF and invalid UTF-8 before the lines asked about.
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ü→\r\n'), 0xff, 0xc3, 0x0a, ...bytes]);
    const starts = [3];
    for (let i = 0; i < input.length - 1; i++) if (input[i] === 10) starts.push(i + 1);
    const r = new LineReader(input, undefined, chunk);
    const got: number[] = [];
    while (r.next()) got.push(r.offset);
    expect(got).toEqual(starts);
    expect(got[1]).toBe(3 + 7); // "ü→\r\n" is 7 bytes but 4 UTF-16 units
  });

  it('LineReader refuses a line by its number and byte offset, and the text as a whole at its end', () => {
    const r = new LineReader(bytes);
    for (let i = 0; i < 4; i++) r.next();
    expect(() => r.fail('bad')).toThrow(expect.objectContaining({ line: 4, offset: 42, message: 'line 4 (byte 42): bad' }));
    while (r.next());
    expect(() => r.fail('nothing')).toThrow(expect.objectContaining({ line: undefined, offset: bytes.length, message: 'nothing' }));
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
