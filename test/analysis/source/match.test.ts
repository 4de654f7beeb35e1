import { describe, expect, it } from 'vitest';
import { matchSource, newFolderIndex, pathParts, triedEndings } from '../../../src/analysis/source/match';

const repo = newFolderIndex('app', [
  'app/go.mod',
  'app/cmd/server/main.go',
  'app/cmd/worker/main.go',
  'app/internal/store/rules.go',
  'app/vendor/github.com/lib/pq/conn.go',
  'app/tools/main.go',
  'app/a/util/x.go',
  'app/b/util/x.go',
]);

describe('matching a recorded path to a picked folder', () => {
  it('splits either separator and drops empty and . parts', () => {
    expect(pathParts('C:\\src\\app\\./x.go')).toEqual(['C:', 'src', 'app', 'x.go']);
    expect(pathParts('/home/ci//app/x.go')).toEqual(['home', 'ci', 'app', 'x.go']);
  });

  it('takes the file sharing the longest tail: absolute, -trimpath and vendored paths', () => {
    expect(matchSource('/home/ci/build/app/internal/store/rules.go', repo)).toEqual({ best: ['app/internal/store/rules.go'], parts: 4, nameOnly: [] });
    expect(matchSource('example.com/app/cmd/worker/main.go', repo)).toEqual({ best: ['app/cmd/worker/main.go'], parts: 4, nameOnly: [] });
    expect(matchSource('github.com/lib/pq/conn.go', repo).best).toEqual(['app/vendor/github.com/lib/pq/conn.go']);
  });

  it("reads a module-cache path's @version and escaped capitals as the checkout's folder", () => {
    const lib = newFolderIndex('Lib', ['Lib/pq/conn.go']);
    expect(matchSource('/root/go/pkg/mod/github.com/!lib@v1.10.9/pq/conn.go', lib)).toEqual({ best: ['Lib/pq/conn.go'], parts: 3, nameOnly: [] });
  });

  it('says when several files match equally', () => {
    expect(matchSource('/other/util/x.go', repo)).toEqual({ best: ['app/a/util/x.go', 'app/b/util/x.go'], parts: 2, nameOnly: [] });
  });

  it('does not take a file of the same name in another folder', () => {
    expect(matchSource('/src/app/cmd/api/main.go', repo)).toEqual({
      best: [],
      parts: 0,
      nameOnly: ['app/cmd/server/main.go', 'app/cmd/worker/main.go', 'app/tools/main.go'],
    });
    expect(matchSource('/src/app/missing.go', repo)).toEqual({ best: [], parts: 0, nameOnly: [] });
  });

  it('takes a bare file name by its name', () => {
    expect(matchSource('go.mod', repo).best).toEqual(['app/go.mod']);
  });

  it('counts the files listed and names the endings looked for', () => {
    expect(repo.fileCount).toBe(8);
    expect(triedEndings('/home/ci/app/cmd/api/main.go')).toEqual(['api/main.go', 'cmd/api/main.go', 'app/cmd/api/main.go', 'ci/app/cmd/api/main.go']);
  });
});
