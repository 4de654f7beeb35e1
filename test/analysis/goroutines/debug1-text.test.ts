import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debug1Text, groupByStack, toSnapshot } from '../../../src/analysis/goroutines';
import { openBytes } from '../../../src/formats/open';

async function groups(bytes: Uint8Array) {
  const o = await openBytes(bytes);
  const t = groupByStack(toSnapshot({ profile: o.profile!, dump: o.goroutines ?? null }, 'line'));
  return { t, kind: o.kind.kind };
}

/** Each group as "count stack", sorted: what must survive the text. */
function shape(t: Awaited<ReturnType<typeof groups>>['t']): string[] {
  const p = t.snapshot.source.profile;
  return t.groups
    .map((g) => {
      const names: string[] = [];
      for (let n = g.rep; n > 0; n = p.stacks.parent[n]) {
        const f = p.stacks.frame[n];
        names.push(`${p.strings[p.frames.func[f]]} ${p.strings[p.frames.file[f]]}:${p.frames.line[f]}`);
      }
      return `${g.count} ${names.join(' < ')}`;
    })
    .sort();
}

describe('goroutine groups as debug=1 text', () => {
  it.each(['test/fixtures/incident3/goroutine-t2.pb.gz', 'test/fixtures/goroutineleak/goroutineleak.pb.gz'])('%s reads back with the same groups', async (file) => {
    const { t } = await groups(new Uint8Array(readFileSync(file)));
    const text = debug1Text(t);
    expect(text.startsWith(`goroutine profile: total ${t.groups.reduce((n, g) => n + g.count, 0)}\n`)).toBe(true);
    const back = await groups(new TextEncoder().encode(text));
    expect(shape(back.t)).toEqual(shape(t));
  });
});
