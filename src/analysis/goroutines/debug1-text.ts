/**
 * Goroutine groups as the text Go serves at /debug/pprof/goroutine?debug=1: a total line,
 * then per group its count and its stack leaf first, largest groups first. The model has
 * no program counters, so the PC fields read 0x0; goroscope and pprof's text reader take
 * the frames from the names and file:line that follow.
 */
import { groupStack, type GroupTable } from './group-by-stack';

export function debug1Text(t: GroupTable): string {
  const order = t.groups.map((_, i) => i).sort((a, b) => t.groups[b].count - t.groups[a].count || a - b);
  const total = t.groups.reduce((n, g) => n + g.count, 0);
  const out = [`goroutine profile: total ${total}`];
  for (const gi of order) {
    out.push(`${t.groups[gi].count} @`);
    for (const f of groupStack(t, gi, true)) out.push(`#\t0x0\t${f.func}+0x0\t${f.file}:${f.line}`);
    out.push('');
  }
  return out.join('\n');
}
