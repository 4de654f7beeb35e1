/**
 * Which file of a picked folder is a profile's source file. Profiles record paths as the
 * build saw them: absolute (/home/ci/src/app/pkg/x.go), module paths under -trimpath
 * (example.com/app/pkg/x.go), module-cache paths (…/mod/example.com/lib@v1.2.0/x.go) or
 * vendored ones; a checkout holds the same file under some other prefix. So the file is
 * the one that shares the longest run of trailing path parts with the recorded path.
 */

/** A picked folder's files by base name: paths relative to the folder's parent (the folder's own name first), '/'-separated. */
export interface FolderIndex {
  name: string;
  /** Files listed (those the walk skipped aside). */
  fileCount: number;
  byBase: Map<string, string[]>;
}

export function newFolderIndex(name: string, paths: Iterable<string>): FolderIndex {
  const byBase = new Map<string, string[]>();
  let fileCount = 0;
  for (const path of paths) {
    fileCount++;
    const base = path.slice(path.lastIndexOf('/') + 1);
    const list = byBase.get(base);
    if (list) list.push(path);
    else byBase.set(base, [path]);
  }
  return { name, fileCount, byBase };
}

/** A path's parts, whichever separator it was written with. */
export function pathParts(path: string): string[] {
  return path.split(/[/\\]+/).filter((p) => p !== '' && p !== '.');
}

/**
 * A part as a checkout would name it: the module cache adds "@version" to a module's
 * folder and writes capitals as "!" and the lower-case letter.
 */
function plainPart(part: string): string {
  const at = part.indexOf('@');
  const name = at > 0 ? part.slice(0, at) : part;
  return name.includes('!') ? name.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase()) : name;
}

/** How many trailing parts two paths share. */
export function sharedTail(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && plainPart(a[a.length - 1 - n]) === plainPart(b[b.length - 1 - n])) n++;
  return n;
}

export interface SourceMatch {
  /** The files sharing the most trailing parts (more than one: ambiguous), sorted. */
  best: string[];
  /** How many trailing parts they share with the recorded path. */
  parts: number;
  /** When none matched: files of the same name whose folders differ from the recorded path's. */
  nameOnly: string[];
}

/**
 * The folder's files that are the recorded path's source. A file must share its folder's
 * name too when the recorded path has one: a bare "main.go" elsewhere is another file.
 */
export function matchSource(recorded: string, index: FolderIndex): SourceMatch {
  const want = pathParts(recorded);
  const base = want[want.length - 1] ?? '';
  const candidates = index.byBase.get(base) ?? [];
  let parts = 0;
  let best: string[] = [];
  const nameOnly: string[] = [];
  for (const c of candidates) {
    const have = pathParts(c);
    const n = sharedTail(want, have);
    const needed = Math.min(2, want.length, have.length);
    if (n < needed) nameOnly.push(c);
    else if (n > parts) {
      parts = n;
      best = [c];
    } else if (n === parts) best.push(c);
  }
  return { best: best.sort(), parts, nameOnly: best.length > 0 ? [] : nameOnly.sort() };
}

/** The recorded path's endings that a file would be matched by, shortest first (for "not found" messages). */
export function triedEndings(recorded: string, max = 4): string[] {
  const parts = pathParts(recorded);
  const out: string[] = [];
  for (let n = Math.min(2, parts.length); n <= parts.length && out.length < max; n++) out.push(parts.slice(-n).join('/'));
  return out;
}
