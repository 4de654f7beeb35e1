import { describe, expect, it } from 'vitest';
import { goroutineStackCounts } from '../../../src/analysis/goroutines/index';
import { isWriterStack, loadSource } from '../../helpers/goroutines';

const total = (counts: { count: number }[]): number => counts.reduce((n, c) => n + c.count, 0);
const withoutWriter = (counts: { key: string; count: number }[]) => counts.filter((c) => !isWriterStack(c.key));

describe.each(['t1', 't2'])('incident 3 snapshot %s in three encodings', (t) => {
  const d0 = goroutineStackCounts(loadSource(`goroutine-${t}.pb.gz`), 'function');
  const d1 = goroutineStackCounts(loadSource(`goroutine-${t}.debug1.txt`), 'function');
  const d2 = goroutineStackCounts(loadSource(`goroutine-${t}.debug2.txt`), 'function');

  it('gives the same total', () => {
    expect(total(d1)).toBe(total(d2));
    expect(total(d0)).toBe(total(d2));
    expect(total(d2)).toBeGreaterThan(300);
  });

  it('gives the same count per stack (function granularity)', () => {
    expect(withoutWriter(d1)).toEqual(withoutWriter(d2));
    expect(withoutWriter(d0)).toEqual(withoutWriter(d2));
    // Exactly one stack differs: the goroutine writing the profile.
    expect(d2.filter((c) => isWriterStack(c.key))).toHaveLength(1);
  });

  it('puts over 90% of goroutines on the subscriber stack', () => {
    const top = d2[0];
    expect(top.key).toContain('main.subscribe');
    expect(top.key.split('\n')[0]).toBe('internal/poll.runtime_pollWait');
    expect(top.count / total(d2)).toBeGreaterThan(0.9);
  });
});

describe('debug=1 labels', () => {
  it('keeps "# labels:" as sample labels', () => {
    const { profile } = loadSource('goroutine-t1.debug1.txt');
    const values = new Set<string>();
    for (let i = 0; i < profile.labels.count; i++) {
      expect(profile.strings[profile.labels.key[i]]).toBe('channel');
      values.add(profile.strings[profile.labels.str[i]]);
    }
    expect([...values].sort()).toEqual(['orders', 'payments']);
  });
});
