/**
 * Count profiles at debug=1 (runtime/pprof printCountProfile): goroutine and
 * threadcreate, and any other profile kept by count.
 *
 *   NAME profile: total N
 *   COUNT @ 0xPC 0xPC …
 *   …frame lines (groups.ts)
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import type { LineReader } from '../text-lines';
import { readGroups } from './groups';

/** The header line: the profile's name and its total. */
export const COUNT_HEADER_RE = /^(\S+) profile: total (\d+)$/;
const COUNT_RE = /^\d+$/;

export interface CountProfile {
  profile: Profile;
  /** The profile's name from its header: "goroutine", "threadcreate", … */
  name: string;
}

export function parseCountProfile(r: LineReader, source: 'goroutine-text' | 'pprof-text', warnings: string[]): CountProfile {
  let header: RegExpExecArray | null = null;
  // Anything before the header is noise (a log the profile was pasted into).
  while (!header && r.next()) header = COUNT_HEADER_RE.exec(r.line);
  if (!header) r.failAtEnd('no "NAME profile: total N" line');
  const name = header[1];
  const total = Number(header[2]);
  const unit = name.startsWith('goroutine') ? 'goroutines' : name === 'threadcreate' ? 'threads' : 'records';

  const b = new ProfileBuilder(1);
  let sum = 0;
  readGroups(
    r,
    b,
    {
      values: (left) => (COUNT_RE.test(left) ? [Number(left)] : null),
      describe: ([count]) => `a group of ${count} ${unit}`,
      onGroup: (g) => {
        const s = b.sample(b.stackLeafFirst(g.frames), g.values);
        if (g.labels) for (const [k, v] of g.labels) b.stringLabel(s, k, v);
        sum += g.values[0];
      },
    },
    warnings,
  );
  if (sum !== total) warnings.push(`the groups hold ${sum} ${unit} but the header says total ${total}`);
  return { profile: b.build(simpleMeta(source, [{ type: name, unit: 'count' }])), name };
}
