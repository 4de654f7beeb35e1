/** A picked folder as names only: from the folder input's file list and from a directory handle, skipping .git and node_modules. */
import { describe, expect, it } from 'vitest';
import { folderFromHandle, folderFromInput } from '../../../src/ui/source/folder';

const TREE: Record<string, string> = {
  'app/go.mod': 'module example.com/app\n',
  'app/cmd/server/main.go': 'package main\n',
  'app/.git/HEAD': 'ref: refs/heads/main\n',
  'app/web/node_modules/x/index.js': '',
  'app/vendor/github.com/lib/pq/conn.go': 'package pq\n',
};

/** What the browser hands over for <input webkitdirectory>: Files with their path under the folder. */
function fileList(): FileList {
  return Object.entries(TREE).map(([path, text]) => Object.assign(new File([text], path.split('/').pop()!), { webkitRelativePath: path })) as unknown as FileList;
}

/** A File System Access directory handle over TREE. */
function handle(prefix: string): unknown {
  const name = prefix.split('/').pop()!;
  const children = new Map<string, unknown>();
  for (const [path, text] of Object.entries(TREE)) {
    if (!path.startsWith(`${prefix}/`)) continue;
    const [first, ...rest] = path.slice(prefix.length + 1).split('/');
    if (rest.length === 0) children.set(first, { kind: 'file', name: first, getFile: async () => new File([text], first) });
    else if (!children.has(first)) children.set(first, handle(`${prefix}/${first}`));
  }
  return {
    kind: 'directory',
    name,
    async *values() {
      yield* children.values();
    },
  };
}

const LISTED = ['app/cmd/server/main.go', 'app/go.mod', 'app/vendor/github.com/lib/pq/conn.go'];

describe('a picked folder', () => {
  it('from the folder input: names listed, .git and node_modules skipped, a file read by its path', async () => {
    const f = folderFromInput(fileList())!;
    expect(f.index.name).toBe('app');
    expect(f.index.fileCount).toBe(3);
    expect([...f.index.byBase.values()].flat().sort()).toEqual(LISTED);
    expect(f.skipped).toEqual(['app/.git', 'app/web/node_modules']);
    expect(await (await f.read('app/cmd/server/main.go')).text()).toBe('package main\n');
    await expect(f.read('app/.git/HEAD')).rejects.toThrow('not in the picked folder');
  });

  it('from a directory handle: the same listing, without opening a file', async () => {
    const f = await folderFromHandle(handle('app') as Parameters<typeof folderFromHandle>[0]);
    expect(f.index.name).toBe('app');
    expect([...f.index.byBase.values()].flat().sort()).toEqual(LISTED);
    expect(f.skipped).toEqual(['app/.git', 'app/web/node_modules']);
    expect(await (await f.read('app/vendor/github.com/lib/pq/conn.go')).text()).toBe('package pq\n');
  });
});
