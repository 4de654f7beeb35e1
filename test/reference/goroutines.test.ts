/** Cross-check against the Go toolchain's own reading of the debug=0 files. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { goroutineStackCounts, isHiddenFrame } from '../../src/analysis/goroutines/index';
import { FIXTURES, loadSource } from '../helpers/goroutines';
import { hasGo } from './go-pprof';

const pprof = (args: string[]): string => execFileSync('go', ['tool', 'pprof', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(!hasGo())('go tool pprof reference', () => {
  describe.each(['t1', 't2'])('%s', (t) => {
    const proto = `${FIXTURES}goroutine-${t}.pb.gz`;

    it('total equals `go tool pprof -top` for all three encodings', () => {
      const m = /of (\d+) total/.exec(pprof(['-top', '-unit=count', proto]));
      expect(m).not.toBeNull();
      const goTotal = Number(m?.[1]);
      for (const form of ['pb.gz', 'debug1.txt', 'debug2.txt']) {
        const total = goroutineStackCounts(loadSource(`goroutine-${t}.${form}`)).reduce((n, c) => n + c.count, 0);
        expect(total, form).toBe(goTotal);
      }
    });

    it('counts per stack equal `go tool pprof -traces`', () => {
      // Each trace: a count, then frames leaf first (labels lines and "(inline)" aside).
      const want = new Map<string, number>();
      for (const block of pprof(['-traces', proto]).split(/^-+\+-+$/m).slice(1)) {
        const lines = block.split('\n').filter((l) => l.trim() !== '' && !/^\s+\S+:\s/.test(l));
        const m = /^\s*(\d+)\s+(\S+)/.exec(lines[0] ?? '');
        if (!m) continue;
        const frames = [m[2], ...lines.slice(1).map((l) => l.trim().replace(/ \(inline\)$/, ''))].filter((f) => !isHiddenFrame(f));
        const key = frames.join('\n');
        want.set(key, (want.get(key) ?? 0) + Number(m[1]));
      }
      const got = new Map(goroutineStackCounts(loadSource(`goroutine-${t}.pb.gz`)).map((c) => [c.key, c.count]));
      expect(got).toEqual(want);
    });
  });
});
