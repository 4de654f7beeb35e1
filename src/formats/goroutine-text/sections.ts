/**
 * Dumps pasted one after another with no crash title between them: goroutine ids are
 * unique within one dump, so a repeated id starts the next. Checked after the scan
 * (one sort), because a per-goroutine id set costs more than the whole parse of a line.
 */
import type { DumpSection, GoroutineDump } from '../../model/goroutines';

export function splitOnRepeatedIds(d: GoroutineDump): void {
  if (d.count < 2) return;
  const sorted = d.id.slice().sort();
  let repeated = false;
  for (let i = 1; i < sorted.length && !repeated; i++) repeated = sorted[i] === sorted[i - 1];
  if (!repeated) return;
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
