/**
 * A measured peer for the trace benchmark: golang.org/x/exp/trace, the Go team's
 * standalone copy of the toolchain's trace reader, reading every event of the same file
 * (test/reference/xexp-read: reading only, no analysis). Built once into bench/out/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface XexpRead {
  ms: number;
  events: number;
  peakRssBytes: number;
}

const SRC = resolve('test/reference/xexp-read');
const BIN = resolve('bench/out/xexp-read');

/** Best of `runs` reads, or null without a Go toolchain (or when the module cannot be fetched). */
export function xexpRead(path: string, runs = 2): XexpRead | null {
  try {
    if (!existsSync(BIN)) {
      mkdirSync(resolve('bench/out'), { recursive: true });
      execFileSync('go', ['build', '-o', BIN, '.'], { cwd: SRC, stdio: 'ignore' });
    }
  } catch {
    return null;
  }
  let best: XexpRead | null = null;
  for (let r = 0; r < runs; r++) {
    const out = JSON.parse(execFileSync(BIN, [path], { encoding: 'utf8' })) as XexpRead;
    if (!best || out.ms < best.ms) best = out;
  }
  return best;
}
