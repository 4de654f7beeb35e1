/**
 * Granularity is a choice of frame key, not a re-parse: every frame of a Profile is
 * mapped to a key (its function, or its function and line), and keys have names.
 */
import type { Profile } from '../../model/profile';

export type Granularity = 'function' | 'line';

export interface FrameKeys {
  /** frame → key */
  ofFrame: Int32Array;
  names: string[];
  /** A representative file per key (for the top table and alignment across profiles). */
  files: string[];
}

/** How the readers name a frame they have only an address for (its mapping's file beside it). */
export const ADDRESS_NAME = /^0x[0-9a-f]+$/;

export function frameKeyName(func: string, file: string, line: number, g: Granularity): string {
  // pprof's name for a frame whose function has no name.
  if (func === '') func = '<unknown>';
  if (g === 'function') {
    // pprof merges a binary's unsymbolized addresses into one function named by the binary.
    if (line === 0 && ADDRESS_NAME.test(func)) return file ? `[${file.slice(file.lastIndexOf('/') + 1)}]` : '<unknown>';
    return func;
  }
  return file ? `${func} ${file}:${line}` : `${func}:${line}`;
}

/** The function part of a key's name (frameKeyName's func): a line key adds its file and line. */
export function keyFunction(name: string, file: string, g: Granularity): string {
  if (g === 'function') return name;
  const cut = name.lastIndexOf(file ? ` ${file}:` : ':');
  return cut < 0 ? name : name.slice(0, cut);
}

export function buildFrameKeys(p: Profile, g: Granularity): FrameKeys {
  const { func, file, line, count } = p.frames;
  const ofFrame = new Int32Array(count);
  const names: string[] = [];
  const files: string[] = [];
  const index = new Map<string, number>();
  for (let f = 0; f < count; f++) {
    const name = frameKeyName(p.strings[func[f]], p.strings[file[f]], line[f], g);
    let k = index.get(name);
    if (k === undefined) {
      k = names.length;
      names.push(name);
      files.push(p.strings[file[f]]);
      index.set(name, k);
    }
    ofFrame[f] = k;
  }
  return { ofFrame, names, files };
}
