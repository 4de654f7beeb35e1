/**
 * The source folder the user picked, held in this tab only: the names of its files (a
 * listing, never their contents) and a way to read one when it is shown. Nothing is
 * uploaded or kept: closing the tab forgets the folder, handles included.
 */
import { create } from 'zustand';
import { newFolderIndex, type FolderIndex } from '../../analysis/source/match';

export interface PickedFolder {
  index: FolderIndex;
  /** Folders passed over while listing (version control, dependencies of other languages). */
  skipped: string[];
  read(path: string): Promise<File>;
}

interface FolderState {
  folder: PickedFolder | null;
  listing: boolean;
  error: string | null;
}

export const useSourceFolder = create<FolderState>()(() => ({ folder: null, listing: false, error: null }));

/** Folders not worth listing: hidden ones (.git) and node_modules, often the bulk of a checkout. */
const SKIP = (name: string) => name.startsWith('.') || name === 'node_modules';

/** A source file larger than this is not read (a generated blob, not code to look at). */
export const MAX_SOURCE_BYTES = 16 << 20;

function picked(name: string, files: Map<string, () => Promise<File>>, skipped: string[]): PickedFolder {
  return {
    index: newFolderIndex(name, files.keys()),
    skipped,
    read: (path) => {
      const get = files.get(path);
      return get ? get() : Promise.reject(new Error(`${path} is not in the picked folder`));
    },
  };
}

/** From an <input webkitdirectory>: the browser lists every file with its path under the folder. */
export function folderFromInput(list: FileList): PickedFolder | null {
  const files = new Map<string, () => Promise<File>>();
  const skipped = new Set<string>();
  let name = '';
  for (const f of list) {
    const path = f.webkitRelativePath || f.name;
    const parts = path.split('/');
    name ||= parts[0];
    const skip = parts.slice(1, -1).findIndex(SKIP);
    if (skip >= 0) skipped.add(parts.slice(0, skip + 2).join('/'));
    else files.set(path, () => Promise.resolve(f));
  }
  return name ? picked(name, files, [...skipped].sort()) : null;
}

interface Entry {
  kind: 'file' | 'directory';
  name: string;
}
interface DirHandle extends Entry {
  values(): AsyncIterable<DirHandle | FileHandle>;
}
interface FileHandle extends Entry {
  getFile(): Promise<File>;
}

type DirectoryPicker = (options: { mode: 'read' }) => Promise<DirHandle>;

/** The File System Access API's folder picker, where the browser has it. */
export function directoryPicker(): DirectoryPicker | null {
  const w = window as unknown as { showDirectoryPicker?: DirectoryPicker };
  return w.showDirectoryPicker ? w.showDirectoryPicker.bind(window) : null;
}

/** From a directory handle: walks its folders for names only. */
export async function folderFromHandle(root: DirHandle): Promise<PickedFolder> {
  const files = new Map<string, () => Promise<File>>();
  const skipped: string[] = [];
  const walk = async (dir: DirHandle, prefix: string): Promise<void> => {
    for await (const e of dir.values()) {
      const path = `${prefix}/${e.name}`;
      if (e.kind === 'file') files.set(path, () => (e as FileHandle).getFile());
      else if (SKIP(e.name)) skipped.push(path);
      else await walk(e as DirHandle, path);
    }
  };
  await walk(root, root.name);
  return picked(root.name, files, skipped.sort());
}

export const folderActions = {
  set: (folder: PickedFolder | null) => useSourceFolder.setState({ folder, listing: false, error: null }),
  listing: () => useSourceFolder.setState({ listing: true, error: null }),
  failed: (error: string) => useSourceFolder.setState({ listing: false, error }),
};
