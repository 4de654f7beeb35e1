/**
 * Go function names as runtime.FuncForPC and pprof write them: "import/path.Func",
 * "import/path.(*Type).Method", "import/path.Func.func1", "import/path.Func[...]". The
 * linker escapes dots in an import path's last element (gopkg.in/yaml%2ev3), so the
 * package ends at the first dot after the last slash. Slashes inside a receiver or type
 * arguments are not the path's, and nothing after a space is (a frame key's " file:line").
 */

/** Where the import path may be: the name before its first '(', '[' or space. */
function pathPart(name: string): string {
  let end = name.length;
  for (const c of ['(', '[', ' ']) {
    const i = name.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  return name.slice(0, end);
}

/** The import path of a Go function name, or null when the name has none. */
function goPackage(name: string): string | null {
  const head = pathPart(name);
  const dot = head.indexOf('.', head.lastIndexOf('/') + 1);
  return dot >= 0 ? head.slice(0, dot) : null;
}

/**
 * "github.com/a/b.(*T).M" → "github.com/a/b"; "runtime.mallocgc" → "runtime". A name
 * without a package (a C or other language's function, a synthetic frame) is its own
 * package, up to the first space.
 */
export function packageOf(name: string): string {
  return goPackage(name) ?? name.split(' ', 1)[0];
}

/**
 * A Go function name without its import path: "github.com/x/y/collection.(*TimingWheel).run"
 * → "collection.(*TimingWheel).run".
 */
export function shortFuncName(name: string): string {
  return name.slice(pathPart(name).lastIndexOf('/') + 1);
}

/**
 * Standard library (and runtime): a package whose first path element has no dot, except
 * "main". Code in a module without a dotted path counts as standard too: a known limit.
 * A name without a Go package (a synthetic frame such as "(stack unavailable)", a C
 * function) is not the user's Go code, so it counts as standard.
 */
export function isStdFunction(name: string): boolean {
  const pkg = goPackage(name);
  if (pkg === null) return true;
  if (pkg === 'main') return false;
  const slash = pkg.indexOf('/');
  return (slash < 0 ? pkg : pkg.slice(0, slash)).indexOf('.') < 0;
}
