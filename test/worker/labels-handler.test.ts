/** The labels call: pprof's -tags under the view's filters, sending only what the panel can show. */
import { describe, expect, it } from 'vitest';
import { LABEL_VALUES_SENT } from '../../src/worker/profile-handlers';
import { Session } from '../../src/worker/session';
import { handlers } from '../../src/worker/handlers';
import { requestContext } from '../../src/worker/context';

const { labels, openFile } = handlers;

/** Collapsed stacks cannot carry labels, so the label-rich file is a goroutine debug=1 text. */
function requestIdProfile(n: number): string {
  const groups = Array.from({ length: n }, (_, i) => `1 @ 0x1\n# labels: {"request":"r${i}","tenant":"${i % 2 ? 'a' : 'b'}"}\n#\t0x1\tmain.serve+0x1\t/m.go:1\n`);
  return `goroutine profile: total ${n}\n${groups.join('\n')}\n`;
}

describe('labels', () => {
  const session = new Session();

  it('sends the largest values of a key and how many it has', async () => {
    const bytes = new TextEncoder().encode(requestIdProfile(200));
    await openFile({ id: 1, name: 'g.txt', bytes: bytes.buffer as ArrayBuffer }, requestContext(session));
    const answer = labels({ file: 1, sampleType: 0, transforms: [] }, requestContext(session));
    const request = answer.keys.find((k) => k.key === 'request')!;
    expect(request.values).toHaveLength(LABEL_VALUES_SENT);
    expect(request.valueCount).toBe(200);
    expect(request.total).toBe(200);
    expect(answer.keys.find((k) => k.key === 'tenant')!.values.map((v) => [v.value, v.total])).toEqual([['a', 100], ['b', 100]]);
  });

  it('counts only the samples the view keeps, in shares of the whole profile', () => {
    const answer = labels({ file: 1, sampleType: 0, transforms: [{ kind: 'tagfocus', pattern: 'tenant=a' }] }, requestContext(session));
    expect(answer.total).toBe(200);
    expect(answer.keys.find((k) => k.key === 'tenant')!.values).toEqual([{ value: 'a', numeric: false, unit: '', total: 100 }]);
    expect(answer.keys.find((k) => k.key === 'request')!.valueCount).toBe(100);
  });
});
