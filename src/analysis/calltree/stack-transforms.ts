/**
 * Transforms that rewrite each stack of a view in order, after pprof's filters: focus on a
 * call path or a function, merge a function into its callers, drop samples through one,
 * collapse its recursion, collapse a package or path prefix into one frame, or prune
 * what a function calls (pprof's -prune_from). Unlike pprof's options their order
 * matters, so they run one after another over each stack.
 */
import type { Sequences } from '../../model/stack-trie';
import { compileFilter } from './filters';
import { keyFunction, type FrameKeys, type Granularity } from './frame-keys';

export type StackTransform =
  | { kind: 'subtree'; path: string[] }
  | { kind: 'focusfn'; name: string }
  | { kind: 'merge'; name: string }
  | { kind: 'drop'; name: string }
  | { kind: 'rec'; name: string }
  /**
   * Each run of frames matching the prefix becomes one frame named prefix*: a frame matches
   * when its function's name starts with it (a package path: "github.com/aws/", "runtime.")
   * or its file's path does, or has it right after a '/' (a folder: "vendor/", "runtime/").
   */
  | { kind: 'prefix'; prefix: string }
  | { kind: 'prunefrom'; pattern: string };

/** The frame that stands for a collapsed prefix. */
export function collapsedName(prefix: string): string {
  return `${prefix}*`;
}

/**
 * A function's name as pprof's -prune_from matches it (simplifyFunc): cut at its first '('
 * (meant for a C++ argument list), but not inside "(anonymous namespace)" or "operator()".
 */
function pprofSimpleName(name: string): string {
  const n = name.startsWith('.') ? name.slice(1) : name;
  for (const m of n.matchAll(/\(anonymous namespace\)|operator\(\)|\(/g)) if (m[0] === '(') return n.slice(0, m.index);
  return n;
}

/**
 * Whether a prune_from pattern matches a function: by its name as pprof simplifies it (so
 * each frame pprof prunes at is pruned at here) or by its whole name, which pprof's cut
 * leaves unmatchable for a Go method on a pointer (main.(*T).f reads "main.").
 */
function pruneMatch(re: RegExp, func: string): boolean {
  return func !== '' && func !== '<unknown>' && (re.test(func) || re.test(pprofSimpleName(func)));
}

/** One step over a stack of keys, root first: the new stack, or null to drop the sample. */
type Step = (stack: number[]) => number[] | null;

/** `keys` are the view's keys with those the steps made so far (collapsed frames). */
function stepOf(t: StackTransform, keys: FrameKeys, g: Granularity, keyOf: (name: string) => number): Step {
  switch (t.kind) {
    case 'subtree': {
      const path = t.path.map(keyOf);
      return (s) => (s.length >= path.length && path.every((k, i) => s[i] === k) ? s.slice(path.length - 1) : null);
    }
    case 'focusfn': {
      const f = keyOf(t.name);
      return (s) => {
        const i = s.indexOf(f);
        return i < 0 ? null : s.slice(i);
      };
    }
    case 'merge': {
      const f = keyOf(t.name);
      return (s) => s.filter((k) => k !== f);
    }
    case 'drop': {
      const f = keyOf(t.name);
      return (s) => (s.includes(f) ? null : s);
    }
    case 'rec': {
      const f = keyOf(t.name);
      // A call of f below f goes, with every frame between: what it called hangs off the outer f.
      return (s) => {
        const out: number[] = [];
        let outer = -1;
        for (const k of s) {
          if (k === f && outer >= 0) out.length = outer + 1;
          else {
            if (k === f) outer = out.length;
            out.push(k);
          }
        }
        return out;
      };
    }
    case 'prefix': {
      const c = keyOf(collapsedName(t.prefix));
      const match = new Uint8Array(keys.names.length);
      for (let k = 0; k < keys.names.length; k++) {
        const file = keys.files[k] ?? '';
        match[k] = keys.names[k].startsWith(t.prefix) || file.startsWith(t.prefix) || file.includes(`/${t.prefix}`) ? 1 : 0;
      }
      return (s) => {
        const out: number[] = [];
        for (const k of s) {
          const m = k < match.length && match[k] === 1;
          const key = m ? c : k;
          if (!(m && out[out.length - 1] === c)) out.push(key);
        }
        return out;
      };
    }
    case 'prunefrom': {
      // As pprof, the frame nearest the leaf that matches keeps its place and loses its callees.
      const re = compileFilter('prune_from', t.pattern)!;
      const match = keys.names.map((name, k) => pruneMatch(re, keyFunction(name, keys.files[k] ?? '', g)));
      return (s) => {
        for (let i = s.length - 1; i >= 0; i--) if (match[s[i]]) return s.slice(0, i + 1);
        return s;
      };
    }
  }
}

/** The stacks after each transform in turn; samples a transform drops map to -1. */
export function transformStacks(
  keys: FrameKeys,
  seq: Sequences,
  sampleSeq: Int32Array,
  list: readonly StackTransform[],
  g: Granularity,
): { keys: FrameKeys; seq: Sequences; sampleSeq: Int32Array } {
  const names = keys.names.slice();
  const files = keys.files.slice();
  const index = new Map(names.map((n, i) => [n, i]));
  // A name the view lacks gets a key of its own, which no stack holds.
  const keyOf = (name: string) => {
    let k = index.get(name);
    if (k === undefined) {
      k = names.length;
      names.push(name);
      files.push('');
      index.set(name, k);
    }
    return k;
  };
  const now: FrameKeys = { ofFrame: keys.ofFrame, names, files };
  const steps = list.map((t) => stepOf(t, now, g, keyOf));
  const start = [0];
  const data: number[] = [];
  const newSeq = new Int32Array(seq.count).fill(-1);
  for (let q = 0; q < seq.count; q++) {
    let s: number[] | null = Array.from(seq.data.subarray(seq.start[q], seq.start[q + 1]));
    for (const step of steps) {
      s = step(s);
      if (!s) break;
    }
    if (!s) continue;
    newSeq[q] = start.length - 1;
    for (const k of s) data.push(k);
    start.push(data.length);
  }
  const out = new Int32Array(sampleSeq.length);
  for (let i = 0; i < sampleSeq.length; i++) out[i] = sampleSeq[i] < 0 ? -1 : newSeq[sampleSeq[i]];
  return {
    keys: { ofFrame: keys.ofFrame, names, files },
    seq: { count: start.length - 1, start: Int32Array.from(start), data: Int32Array.from(data) },
    sampleSeq: out,
  };
}

/** A Go function's package as a name prefix ("k8s.io/x/workqueue." of "k8s.io/x/workqueue.(*T).Add"), or null. */
export function packagePrefix(name: string): string | null {
  const slash = name.lastIndexOf('/', name.search(/[([]/) < 0 ? name.length : name.search(/[([]/));
  const dot = name.indexOf('.', slash + 1);
  return dot > 0 ? name.slice(0, dot + 1) : null;
}
