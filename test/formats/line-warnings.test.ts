import { describe, expect, it } from 'vitest';
import { parseFolded } from '../../src/formats/folded/parse';
import { openBytes } from '../../src/formats/open';

describe('line warnings are bounded', () => {
  it('a text profile with 100k stray lines lists five and counts the rest', async () => {
    const text = `threadcreate profile: total 1\n1 @ 0x1\n#\t0x1\tmain.f+0x1\t/a.go:1\n\n${'stray line\n'.repeat(100_000)}`;
    const { warnings } = await openBytes(new TextEncoder().encode(text));
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toBe('line 5: ignored a line outside any record: "stray line"');
    expect(warnings[5]).toBe('99995 more such lines not listed');
  });

  it('collapsed stacks list five skipped lines and count the rest', () => {
    const { warnings } = parseFolded(new TextEncoder().encode(`a;b 1\n${'a;b x\n'.repeat(7)}`));
    expect(warnings).toEqual([2, 3, 4, 5, 6].map((n) => `line ${n} skipped: not "frame;frame;… count"`).concat('2 more such lines not listed'));
  });
});
