/**
 * Links to profiles hosted next to the app: `#open=profiles/a.pb.gz&open=…` opens each as if
 * dropped, the rest of the hash being the view as usual. Only paths relative to the app,
 * inside its folder, on its origin: anything else is refused with a message in the file
 * list, and nothing is fetched for it.
 */
import { openFiles, type FileSource } from './files';

export const OPEN_PARAM = 'open';

/** Why a link's path is refused, or null when it may be fetched. */
export function refusal(path: string): string | null {
  if (path === '') return 'an empty path';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return 'a URL with a scheme: only paths relative to this page are opened';
  if (path.startsWith('/') || path.startsWith('\\')) return 'an absolute path: only paths relative to this page are opened';
  if (path.includes('\\')) return 'a backslash in the path';
  if (path.split('/').includes('..')) return "a path that leaves the page's folder";
  return null;
}

/** The paths an URL hash asks to open, in order. */
export function openParams(hash: string): string[] {
  return new URLSearchParams(hash.replace(/^#/, '')).getAll(OPEN_PARAM);
}

/** A hash with its open= parameters removed (the view's own state stays). */
export function withoutOpenParams(hash: string): string {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && part.split('=')[0] !== OPEN_PARAM)
    .join('&');
}

/** A link that opens `paths` (from this site) with the view in `hash`. */
export function linkTo(page: { origin: string; pathname: string; search: string }, paths: string[], hash: string): string {
  const open = paths.map((p) => `${OPEN_PARAM}=${encodeURIComponent(p).replace(/%2F/g, '/')}`);
  const rest = withoutOpenParams(hash);
  return `${page.origin}${page.pathname}${page.search}#${[...open, ...(rest ? [rest] : [])].join('&')}`;
}

function linkSource(path: string): FileSource {
  const why = refusal(path);
  const fail = (reason: string) => async (): Promise<ArrayBuffer> => {
    throw new Error(`Link not opened: ${reason}.`);
  };
  if (why) return { name: path, size: 0, read: fail(why) };
  const url = new URL(path, document.baseURI);
  if (url.origin !== location.origin) return { name: path, size: 0, read: fail('it leads to another site') };
  return {
    name: path,
    size: 0,
    link: path,
    read: async () => {
      const res = await fetch(url, { credentials: 'same-origin', redirect: 'error' });
      if (!res.ok) throw new Error(`Link not opened: the site answered ${res.status} ${res.statusText} for ${path}.`);
      return res.arrayBuffer();
    },
  };
}

/** Opens what the page's hash links to; false when it links to nothing. */
export function openLinkedFiles(): boolean {
  const paths = openParams(location.hash);
  if (paths.length === 0) return false;
  void openFiles(paths.map(linkSource));
  return true;
}
