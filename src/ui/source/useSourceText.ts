/** Reads one file of the picked folder as lines of text (UTF-8), when it is to be shown. */
import { useEffect, useState } from 'react';
import { formatSize } from '../../state/format';
import { MAX_SOURCE_BYTES, type PickedFolder } from './folder';

export interface SourceText {
  path: string;
  lines: string[] | null;
  error: string | null;
}

export function useSourceText(folder: PickedFolder | null, path: string | null): SourceText | null {
  const [state, setState] = useState<SourceText | null>(null);
  useEffect(() => {
    if (!folder || !path) {
      setState(null);
      return;
    }
    let live = true;
    setState({ path, lines: null, error: null });
    folder
      .read(path)
      .then(async (file) => {
        if (file.size > MAX_SOURCE_BYTES) throw new Error(`it is ${formatSize(file.size)}, more than the ${formatSize(MAX_SOURCE_BYTES)} a source file is read up to`);
        const text = await file.text();
        const lines = text.split(/\r?\n/);
        // A final newline ends the last line; it does not start another.
        if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
        if (live) setState({ path, lines, error: null });
      })
      .catch((e: unknown) => {
        if (live) setState({ path, lines: null, error: `Could not read ${path}: ${e instanceof Error ? e.message : String(e)}` });
      });
    return () => {
      live = false;
    };
  }, [folder, path]);
  return state;
}
