/**
 * Zoom paths. The worker's answer is rooted at the zoomed node (or at the synthetic
 * root when nothing is zoomed), so a clicked frame's full path is the answer's own
 * path followed by the names from that root down to the frame.
 */

/** names: the clicked frame's ancestors from the drawn root (index 0) down to itself. */
export function zoomPathFor(answerPath: readonly string[], namesFromRoot: readonly string[]): string[] {
  if (namesFromRoot.length <= 1) {
    // The drawn root itself was clicked: step out one level.
    return answerPath.slice(0, -1);
  }
  return [...answerPath, ...namesFromRoot.slice(1)];
}

/** Breadcrumb entries: "all" then each frame of the path, each with the path it leads to. */
export function breadcrumbs(path: readonly string[]): { label: string; path: string[] }[] {
  return [{ label: 'all', path: [] }, ...path.map((name, i) => ({ label: name, path: path.slice(0, i + 1) }))];
}

/** A search box accepts regexes; text that is not a valid one is matched literally. */
export function searchRegex(term: string): RegExp | null {
  if (!term) return null;
  try {
    return new RegExp(term);
  } catch {
    return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

/**
 * Function+line names carry the whole source path ("pkg.F /long/path/file.go:42");
 * a frame label keeps only the file's base name. The tooltip shows the full name.
 */
export function shortLabel(name: string): string {
  const m = /^(.*?) (?:\S*\/)?([^/\s]+:\d+)$/.exec(name);
  return m ? `${m[1]} ${m[2]}` : name;
}
