import { describe, expect, it } from 'vitest';
import { linkTo, openParams, refusal, withoutOpenParams } from '../../src/state/open-links';

describe('links to hosted profiles', () => {
  it('accepts paths relative to the page, inside its folder', () => {
    for (const p of ['profiles/heap-1.pb.gz', 'heap.pb.gz', './a/b.pprof', 'a b/c%20d.pb.gz']) expect(refusal(p), p).toBeNull();
  });

  it('refuses other sites, schemes, absolute paths and the way out of the folder', () => {
    for (const p of ['https://evil.example/x.pb.gz', '//evil.example/x', 'javascript:alert(1)', 'data:,x', '/etc/passwd', '../secret.pb.gz', 'a/../../b', 'a\\b', ''])
      expect(refusal(p), p).not.toBeNull();
  });

  it('reads every open= in order, and keeps the rest of the hash as the view', () => {
    const hash = '#open=profiles/a.pb.gz&view=top&open=profiles/b.pb.gz&focus=main%5C.';
    expect(openParams(hash)).toEqual(['profiles/a.pb.gz', 'profiles/b.pb.gz']);
    expect(withoutOpenParams(hash)).toBe('view=top&focus=main%5C.');
  });

  it('writes a link that reads back to the same paths and view', () => {
    const url = linkTo({ origin: 'https://team.github.io', pathname: '/goroscope/', search: '' }, ['profiles/a b.pb.gz', 'p/b&c.pb.gz'], '#view=top&open=old.pb.gz');
    expect(url.startsWith('https://team.github.io/goroscope/#open=profiles/a%20b.pb.gz&open=p/b%26c.pb.gz&view=top')).toBe(true);
    expect(openParams(new URL(url).hash)).toEqual(['profiles/a b.pb.gz', 'p/b&c.pb.gz']);
  });
});
