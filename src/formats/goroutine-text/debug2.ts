/**
 * debug=2 / panic / SIGQUIT goroutine dumps → Profile (goroutine counts per stack) and
 * GoroutineDump (one row per goroutine). Streams lines; anything outside a goroutine
 * block is log noise. See grammar.ts for the line forms.
 */
import {
  G_ELIDED,
  G_LEAKED,
  G_NO_STACK,
  G_TRUNCATED,
  GoroutineDumpBuilder,
  type DumpSection,
  type GoroutineDump,
} from '../../model/goroutines';
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import { LineWarnings } from '../line-warnings';
import { CreatedByCache, FrameCache, FuncLineCache, HeaderCache, TrieCache } from './caches';
import { Int2Map } from './int2map';
import { splitOnRepeatedIds } from './sections';
import {
  isAncestorHeader,
  isElisionLine,
  sectionTitle,
  STACK_UNAVAILABLE,
  type GoroutineHeader,
} from './grammar';
import type { ByteLines } from './byte-lines';

const GOROUTINE_SAMPLE_TYPE = { type: 'goroutine', unit: 'count' };

interface Current {
  h: GoroutineHeader;
  id: number;
  line: number;
  /** Frames so far, leaf first: frames[0, nFrames). */
  frames: number[];
  nFrames: number;
  pendingFunc: number;
  pendingFuncLine: number;
  /** Function name index of a "created by" line awaiting its file:line, or -1. */
  pendingCreated: number;
  pendingParent: number;
  pendingCreatedLine: number;
  createdBy: number;
  parentId: number;
  flags: number;
  inAncestors: boolean;
  bad: { line: number; reason: string } | null;
  suspect: number;
  suspectText: string;
}

export interface Debug2Result {
  profile: Profile;
  dump: GoroutineDump;
}

/** "goroutine " + digit … "]:" — a header to parse (it may still be malformed). */
function isHeaderAt(r: ByteLines): boolean {
  const d = r.bytes[r.s + 10];
  return d >= 48 && d <= 57 && r.startsWith('goroutine ') && r.endsWith(']:');
}

function quote(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 120) + '…' : s);
}

export function parseDebug2(r: ByteLines, warnings: string[]): Debug2Result {
  const b = new ProfileBuilder(1);
  const cache = new FrameCache(b);
  const funcs = new FuncLineCache(b);
  const headers = new HeaderCache();
  const createdBy = new CreatedByCache(b);
  const trie = new TrieCache(b);
  // Sized from the text (~700 bytes a goroutine in dumps of parked goroutines) to skip regrowing.
  const gd = new GoroutineDumpBuilder(Math.min(1 << 24, Math.ceil(r.bytes.length / 700) + 16));
  const sections: DumpSection[] = [];
  // One warning per malformed goroutine would be a million strings for a million bad ones.
  const odd = new LineWarnings(warnings);
  let pendingTitle: DumpSection | null = null;
  let sectionGoroutines = 0;

  // Samples: one per distinct (stack, labels); counts summed while scanning.
  const sampleByNode = new Int2Map();
  const sampleByLabels = new Map<string, number>();
  const sampleNode: number[] = [];
  const sampleCount: number[] = [];
  const sampleLabels: ([string, string][] | null)[] = [];

  let unavailableFrame = -1;
  let nonGoFrame = -1;
  let skipped = 0;
  let cur: Current | null = null;
  let lastPartial = false;

  const markBad = (c: Current, line: number, reason: string): void => {
    if (lastPartial) c.flags |= G_TRUNCATED;
    else if (!c.bad) c.bad = { line, reason };
  };

  // One record reused for every goroutine: nothing is allocated per goroutine here.
  const rec: Current = {
    h: null as unknown as GoroutineHeader,
    id: 0,
    line: 0,
    frames: [],
    nFrames: 0,
    pendingFunc: -1,
    pendingFuncLine: 0,
    pendingCreated: -1,
    pendingParent: -1,
    pendingCreatedLine: 0,
    createdBy: -1,
    parentId: -1,
    flags: 0,
    inAncestors: false,
    bad: null,
    suspect: 0,
    suspectText: '',
  };

  const start = (h: GoroutineHeader, id: number, n: number): void => {
    // A crash title after goroutines starts another dump (repeated ids are found later).
    if (sections.length === 0 || (pendingTitle && sectionGoroutines > 0)) {
      sections.push(pendingTitle ?? { line: n, title: '' });
      sectionGoroutines = 0;
    }
    pendingTitle = null;
    rec.h = h;
    rec.id = id;
    rec.line = n;
    rec.nFrames = 0;
    rec.pendingFunc = -1;
    rec.pendingCreated = -1;
    rec.pendingParent = -1;
    rec.createdBy = -1;
    rec.parentId = -1;
    rec.flags = h.leaked ? G_LEAKED : 0;
    rec.inAncestors = false;
    rec.bad = null;
    rec.suspect = 0;
    cur = rec;
  };

  // State index per memoized header object, so the state string is not looked up per goroutine.
  const headerState = new Map<GoroutineHeader, number>();
  const stateIndex = (h: GoroutineHeader): number => {
    let i = headerState.get(h);
    if (i === undefined) {
      i = gd.internState(h.state);
      if (headerState.size < 100_000) headerState.set(h, i);
    }
    return i;
  };

  const sampleFor = (node: number, labels: [string, string][] | null): number => {
    let s: number | undefined;
    if (labels && labels.length) {
      const key = node + '\0' + JSON.stringify(labels);
      s = sampleByLabels.get(key);
      if (s === undefined) sampleByLabels.set(key, (s = newSample(node, labels)));
    } else {
      s = sampleByNode.get(node, 0);
      if (s < 0) sampleByNode.set(node, 0, (s = newSample(node, null)));
    }
    sampleCount[s]++;
    return s;
  };
  const newSample = (node: number, labels: [string, string][] | null): number => {
    sampleNode.push(node);
    sampleCount.push(0);
    sampleLabels.push(labels);
    return sampleNode.length - 1;
  };

  const end = (atEof: boolean): void => {
    const c = cur;
    if (!c) return;
    cur = null;
    if (c.pendingFunc >= 0 || c.pendingCreated >= 0) {
      if (atEof) c.flags |= G_TRUNCATED;
      else if (c.pendingFunc >= 0) markBad(c, c.pendingFuncLine, 'a function line without its file:line line');
      else markBad(c, c.pendingCreatedLine, '"created by" without its file:line line');
    }
    if (c.bad) {
      skipped++;
      odd.add(`line ${c.bad.line}: skipped goroutine ${c.id} (header at line ${c.line}): ${c.bad.reason}`);
      return;
    }
    if (c.flags & G_TRUNCATED) {
      warnings.push(
        `the text ends inside goroutine ${c.id} (header at line ${c.line}): the dump was cut off; ` +
          `kept its ${c.nFrames} complete frame${c.nFrames === 1 ? '' : 's'}`,
      );
    }
    if (c.nFrames === 0) {
      if (c.flags & G_NO_STACK) {
        if (unavailableFrame < 0) unavailableFrame = b.frame('(stack unavailable)');
        c.frames[c.nFrames++] = unavailableFrame;
      } else if (!(c.flags & G_TRUNCATED)) {
        skipped++;
        odd.add(`line ${c.line}: skipped goroutine ${c.id}: its header is followed by no frames`);
        return;
      } else return;
    }
    const node = trie.stackOf(c.frames, c.nFrames);
    sectionGoroutines++;
    gd.add(
      c.id,
      stateIndex(c.h),
      c.h.waitMinutes,
      c.h.locked,
      c.createdBy,
      c.parentId,
      node,
      sampleFor(node, c.h.labels),
      c.flags,
      c.line,
      sections.length - 1,
    );
  };

  /** Marks the goroutine malformed if a stack line follows a line that fit nowhere. */
  const stackLine = (c: Current): void => {
    if (c.suspect) markBad(c, c.suspect, `unexpected line inside the stack: ${quote(c.suspectText)}`);
  };

  const badHeader = (): void => {
    odd.add(`line ${r.lineNo}: skipped a malformed goroutine header: ${quote(r.text())}`);
  };

  const onLine = (n: number): void => {
    const bytes = r.bytes;
    const first = r.e > r.s ? bytes[r.s] : -1;
    const header = first === 103 && isHeaderAt(r); // 'g'
    if (cur === null) {
      if (header) {
        const h = headers.parse(r);
        if (h) start(h, headers.id, n);
        else badHeader();
        return;
      }
      // Only lines that can start a crash report are decoded, to title sections.
      if (first === 112 || first === 102 || first === 83 || first === 103) {
        const t = sectionTitle(r.text());
        if (t !== null) pendingTitle = { line: n, title: t };
      }
      return;
    }
    const c: Current = cur;
    if (first === -1 || ((first === 32 || first === 9) && r.isBlank())) return end(false);
    if (header) {
      end(false);
      const h = headers.parse(r);
      if (h) start(h, headers.id, n);
      else badHeader();
      return;
    }
    if (c.pendingFunc >= 0) {
      const fn = c.pendingFunc;
      c.pendingFunc = -1;
      const f = first === 9 ? cache.frameAt(r, fn) : -1;
      if (f >= 0) {
        if (!c.inAncestors) c.frames[c.nFrames++] = f;
        return;
      }
      if (r.partial) {
        c.flags |= G_TRUNCATED;
        return;
      }
      markBad(c, n, `expected the file:line of the function on line ${c.pendingFuncLine}, got ${quote(r.text())}`);
    } else if (c.pendingCreated >= 0) {
      const cb = c.pendingCreated;
      c.pendingCreated = -1;
      const loc = first === 9 ? cache.loc(r) : -1;
      if (loc >= 0) {
        if (!c.inAncestors) {
          c.createdBy = cache.frame(cb, loc);
          c.parentId = c.pendingParent;
        }
        return;
      }
      if (r.partial) {
        c.flags |= G_TRUNCATED;
        return;
      }
      markBad(c, n, `expected the file:line of "created by" on line ${c.pendingCreatedLine}, got ${quote(r.text())}`);
    }
    if (first === 9) {
      if (r.startsWith(STACK_UNAVAILABLE)) c.flags |= G_NO_STACK;
      else markBad(c, n, `a file:line line with no function line before it: ${quote(r.text())}`);
      return;
    }
    const fn = funcs.funcLine(r);
    if (fn >= 0) {
      stackLine(c);
      c.pendingFunc = fn;
      c.pendingFuncLine = n;
      return;
    }
    if (first === 99 && r.startsWith('created by ') && createdBy.parse(r)) {
      stackLine(c);
      c.pendingCreated = createdBy.out.func;
      c.pendingParent = createdBy.out.parent;
      c.pendingCreatedLine = n;
      return;
    }
    if (first === 46 && isElisionLine(r.text())) {
      stackLine(c);
      if (!c.inAncestors) c.flags |= G_ELIDED;
      return;
    }
    if (first === 91 && isAncestorHeader(r.text())) {
      stackLine(c);
      c.inAncestors = true;
      return;
    }
    if (first === 110 && r.startsWith('non-Go function')) {
      stackLine(c);
      if (nonGoFrame < 0) nonGoFrame = b.frame('(non-Go function)');
      if (!c.inAncestors) c.frames[c.nFrames++] = nonGoFrame;
      return;
    }
    // Fits nowhere: log noise right after the stack, or a broken line inside it.
    if (r.partial) c.flags |= G_TRUNCATED;
    else if (!c.suspect) {
      c.suspect = n;
      c.suspectText = r.text();
    }
  };

  while (r.next()) {
    lastPartial = r.partial;
    onLine(r.lineNo);
  }
  end(true);
  odd.finish();

  if (skipped > 0) warnings.push(`${skipped} malformed goroutine${skipped === 1 ? ' was' : 's were'} skipped`);
  for (let s = 0; s < sampleNode.length; s++) {
    b.sample(sampleNode[s], [sampleCount[s]]);
    const labels = sampleLabels[s];
    if (labels) for (const [k, v] of labels) b.stringLabel(s, k, v);
  }
  const profile = b.build(simpleMeta('goroutine-text', [GOROUTINE_SAMPLE_TYPE]));
  const dump = gd.build(sections, warnings);
  splitOnRepeatedIds(dump);
  if (dump.sections.length > 1) {
    warnings.push(`the text holds ${dump.sections.length} dumps; all their goroutines are counted (see sections)`);
  }
  return { profile, dump };
}
