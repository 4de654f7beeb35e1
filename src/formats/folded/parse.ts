/**
 * Collapsed ("folded") stacks: one `root;caller;leaf <count>` line per stack, as
 * written by the FlameGraph stackcollapse scripts, py-spy, async-profiler and phpspy.
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';

export class FoldedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FoldedError';
  }
}

/** A count is a sample count: never negative (as flamegraph.pl reads it), decimals allowed. */
const LINE = /^(.*\S)\s+(\d+(?:\.\d+)?)$/;

/**
 * True when the leading lines all look like folded stacks. `head` may be a prefix
 * of the file, so its last line may be cut short and is not judged.
 */
export function looksLikeFolded(head: string, complete: boolean): boolean {
  const lines = head.split('\n');
  if (!complete) lines.pop();
  let seen = 0;
  let withSemicolon = 0;
  for (const raw of lines.slice(0, 50)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!LINE.test(line)) return false;
    seen++;
    if (line.includes(';')) withSemicolon++;
  }
  return seen > 0 && withSemicolon > 0;
}

export function parseFolded(text: string): { profile: Profile; warnings: string[] } {
  const b = new ProfileBuilder(1);
  const warnings: string[] = [];
  const frames: number[] = [];
  const value = [0];
  let lineNo = 0;
  let skipped = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).trim();
    at = end + 1;
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) {
      if (++skipped <= 5) warnings.push(`line ${lineNo} skipped: not "frame;frame;… count"`);
      continue;
    }
    value[0] = Number(m[2]);
    // Beyond 2^53 a count is no longer exact, and totals would not add up.
    if (!(value[0] <= Number.MAX_SAFE_INTEGER)) {
      if (++skipped <= 5) warnings.push(`line ${lineNo} skipped: its count is past 2^53`);
      continue;
    }
    frames.length = 0;
    for (const name of m[1].split(';')) if (name !== '') frames.push(b.frame(name));
    b.sample(b.stackRootFirst(frames), value);
  }
  if (skipped > 5) warnings.push(`${skipped - 5} more malformed lines skipped`);
  if (b.sampleCount === 0) throw new FoldedError('no "frame;frame;… count" lines found');
  return { profile: b.build(simpleMeta('folded', [{ type: 'samples', unit: 'count' }])), warnings };
}
