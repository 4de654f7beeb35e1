/**
 * Collapsed ("folded") stacks: one `root;caller;leaf <count>` line per stack, as
 * written by the FlameGraph stackcollapse scripts, py-spy, async-profiler and phpspy.
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import { lineError, ParseError } from '../parse-error';
import { LineReader } from '../text-lines';
import { LineWarnings } from '../line-warnings';

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

export function parseFolded(bytes: Uint8Array): { profile: Profile; warnings: string[] } {
  const b = new ProfileBuilder(1);
  const warnings: string[] = [];
  const frames: number[] = [];
  const value = [0];
  const r = new LineReader(bytes);
  const skipped = new LineWarnings(warnings);
  // Where the first skipped line is: what a file of nothing but such lines is refused at.
  let firstSkipped: { line: number; offset: number } | null = null;
  const skip = (why: string) => {
    skipped.add(`line ${r.lineNo} skipped: ${why}`);
    firstSkipped ??= { line: r.lineNo, offset: r.offset };
  };
  while (r.next()) {
    const line = r.line.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) {
      skip('not "frame;frame;… count"');
      continue;
    }
    value[0] = Number(m[2]);
    // Beyond 2^53 a count is no longer exact, and totals would not add up.
    if (!(value[0] <= Number.MAX_SAFE_INTEGER)) {
      skip('its count is past 2^53');
      continue;
    }
    frames.length = 0;
    for (const name of m[1].split(';')) if (name !== '') frames.push(b.frame(name));
    b.sample(b.stackRootFirst(frames), value);
  }
  skipped.finish();
  if (b.sampleCount === 0) {
    const none = 'no "frame;frame;… count" lines found';
    if (!firstSkipped) throw new ParseError(none, bytes.length);
    const { line, offset } = firstSkipped;
    throw lineError(`${none}; this is the first line that is not one`, line, offset);
  }
  return { profile: b.build(simpleMeta('folded', [{ type: 'samples', unit: 'count' }])), warnings };
}
