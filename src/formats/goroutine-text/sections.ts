/**
 * Dumps pasted one after another with no crash title between them: goroutine ids are
 * unique within one dump, so a repeated id starts the next. Checked after the scan
 * with a bitmap (ids are small in practice), because a per-goroutine id set costs more
 * than parsing a goroutine.
 */
import type { DumpSection, GoroutineDump } from '../../model/goroutines';

export function splitOnRepeatedIds(d: GoroutineDump): void {
  if (d.count < 2) return;
  if (!hasRepeatedId(d.id)) return;
  const sections: DumpSection[] = [];
  let seen = new Set<number>();
  let prev = -1;
  for (let g = 0; g < d.count; g++) {
    const orig = d.section[g];
    if (orig !== prev) {
      sections.push(d.sections[orig]);
      seen = new Set();
      prev = orig;
    } else if (seen.has(d.id[g])) {
      sections.push({ line: d.line[g], title: '' });
      seen = new Set();
    }
    seen.add(d.id[g]);
    d.section[g] = sections.length - 1;
  }
  d.sections = sections;
}

function hasRepeatedId(ids: Float64Array): boolean {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] > max) max = ids[i];
  if (max < 1 << 28) {
    const seen = new Uint8Array((max >>> 3) + 1);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const bit = 1 << (id & 7);
      if (seen[id >>> 3] & bit) return true;
      seen[id >>> 3] |= bit;
    }
    return false;
  }
  const sorted = ids.slice().sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}
