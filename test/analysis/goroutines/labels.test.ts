/**
 * pprof labels in the goroutine groups: incident 3's subscribers carry channel=orders or
 * channel=payments (pprof.Do in the program). Each group counts its goroutines per label,
 * in sums that are pprof's own -tags numbers (labelBreakdown, checked against the tool in
 * test/analysis/labels/labels.test.ts), and the table's text filter finds a group by label.
 */
import { describe, expect, it } from 'vitest';
import { groupByStack, groupRow, queryGroups, toSnapshot } from '../../../src/analysis/goroutines/index';
import { labelBreakdown } from '../../../src/analysis/labels/breakdown';
import { loadSource } from '../../helpers/goroutines';

describe.each(['goroutine-t1.pb.gz', 'goroutine-t1.debug1.txt'])('%s', (name) => {
  const source = loadSource(name);
  const table = groupByStack(toSnapshot(source));
  const rows = table.groups.map((_, i) => groupRow(table, i));

  it('the subscription group counts its goroutines per label, as -tags splits the profile', () => {
    const labelled = rows.filter((r) => r.labelKinds > 0);
    expect(labelled.map((r) => r.topUserFrame?.func)).toEqual(['main.subscribe']);
    const channel = labelBreakdown(source.profile, 0).find((k) => k.key === 'channel')!;
    expect(labelled[0].labels).toEqual(channel.values.map((v) => ({ label: `channel=${v.value}`, count: v.total })));
    expect(labelled[0].labels.map((l) => l.label)).toEqual(['channel=orders', 'channel=payments']);
  });

  it('the text filter matches labels', () => {
    const page = queryGroups(table, { offset: 0, limit: 10, sort: 'count', text: 'payments', state: null });
    expect(page.rows.map((r) => r.topUserFrame?.func)).toEqual(['main.subscribe']);
  });
});
