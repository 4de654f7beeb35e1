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
import { FrameCache } from './frame-cache';
import {
  isAncestorHeader,
  isElisionLine,
  isHeaderLike,
  isNonGoFrame,
  parseCreatedBy,
  parseFuncLine,
  parseHeader,
  sectionTitle,
  STACK_UNAVAILABLE,
  type GoroutineHeader,
} from './grammar';
import type { LineReader } from './lines';

export const GOROUTINE_SAMPLE_TYPE = { type: 'goroutine', unit: 'count' };

interface Current {
  h: GoroutineHeader;
  line: number;
  frames: number[];
  pendingFunc: number;
  pendingFuncLine: number;
  pendingCreated: { func: string; parent: number } | null;
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

function quote(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 120) + '…' : s);
}

export function parseDebug2(r: LineReader, warnings: string[]): Debug2Result {
  const b = new ProfileBuilder(1);
  const cache = new FrameCache(b);
  const gd = new GoroutineDumpBuilder();
  const sections: DumpSection[] = [];
  let seenIds = new Set<number>();
  let pendingTitle: DumpSection | null = null;
  let sectionGoroutines = 0;

  // Samples: one per distinct (stack, labels); counts summed while scanning.
  const sampleByNode = new Map<number, number>();
  const sampleByLabels = new Map<string, number>();
  const sampleNode: number[] = [];
  const sampleCount: number[] = [];
  const sampleLabels: ([string, string][] | null)[] = [];

  let unavailableFrame = -1;
  let nonGoFrame = -1;
  let skipped = 0;
  let cur: Current | null = null;
  let lastPartial = false;
  const frameBuf: number[] = [];

  const markBad = (c: Current, line: number, reason: string): void => {
    if (lastPartial) c.flags |= G_TRUNCATED;
    else if (!c.bad) c.bad = { line, reason };
  };

  const start = (h: GoroutineHeader, n: number): void => {
    if (sections.length === 0 || (pendingTitle && sectionGoroutines > 0) || seenIds.has(h.id)) {
      sections.push(pendingTitle ?? { line: n, title: '' });
      seenIds = new Set();
      sectionGoroutines = 0;
    }
    pendingTitle = null;
    seenIds.add(h.id);
    frameBuf.length = 0;
    cur = {
      h,
      line: n,
      frames: frameBuf,
      pendingFunc: -1,
      pendingFuncLine: 0,
      pendingCreated: null,
      pendingCreatedLine: 0,
      createdBy: -1,
      parentId: -1,
      flags: h.leaked ? G_LEAKED : 0,
      inAncestors: false,
      bad: null,
      suspect: 0,
      suspectText: '',
    };
  };

  const sampleFor = (node: number, labels: [string, string][] | null): number => {
    let s: number | undefined;
    if (labels && labels.length) {
      const key = node + '\0' + JSON.stringify(labels);
      s = sampleByLabels.get(key);
      if (s === undefined) sampleByLabels.set(key, (s = newSample(node, labels)));
    } else {
      s = sampleByNode.get(node);
      if (s === undefined) sampleByNode.set(node, (s = newSample(node, null)));
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
    if (c.pendingFunc >= 0 || c.pendingCreated) {
      if (atEof) c.flags |= G_TRUNCATED;
      else if (c.pendingFunc >= 0) markBad(c, c.pendingFuncLine, 'a function line without its file:line line');
      else markBad(c, c.pendingCreatedLine, '"created by" without its file:line line');
    }
    if (c.bad) {
      skipped++;
      warnings.push(`line ${c.bad.line}: skipped goroutine ${c.h.id} (header at line ${c.line}): ${c.bad.reason}`);
      return;
    }
    if (c.flags & G_TRUNCATED) {
      warnings.push(
        `the text ends inside goroutine ${c.h.id} (header at line ${c.line}): the dump was cut off; ` +
          `kept its ${c.frames.length} complete frame${c.frames.length === 1 ? '' : 's'}`,
      );
    }
    if (c.frames.length === 0) {
      if (c.flags & G_NO_STACK) {
        if (unavailableFrame < 0) unavailableFrame = b.frame('(stack unavailable)');
        c.frames.push(unavailableFrame);
      } else if (!(c.flags & G_TRUNCATED)) {
        skipped++;
        warnings.push(`line ${c.line}: skipped goroutine ${c.h.id}: its header is followed by no frames`);
        return;
      } else return;
    }
    const node = b.stackLeafFirst(c.frames);
    sectionGoroutines++;
    gd.add({
      id: c.h.id,
      state: c.h.state,
      waitMinutes: c.h.waitMinutes,
      locked: c.h.locked,
      createdBy: c.createdBy,
      parentId: c.parentId,
      stack: node,
      sample: sampleFor(node, c.h.labels),
      flags: c.flags,
      line: c.line,
      section: sections.length - 1,
    });
  };

  /** Marks the goroutine malformed if a stack line follows a line that fit nowhere. */
  const stackLine = (c: Current): void => {
    if (c.suspect) markBad(c, c.suspect, `unexpected line inside the stack: ${quote(c.suspectText)}`);
  };

  const onLine = (L: string, n: number): void => {
    if (cur === null) {
      if (isHeaderLike(L)) {
        const h = parseHeader(L);
        if (h) start(h, n);
        else warnings.push(`line ${n}: skipped a malformed goroutine header: ${quote(L)}`);
        return;
      }
      const t = sectionTitle(L);
      if (t !== null) pendingTitle = { line: n, title: t };
      return;
    }
    const c: Current = cur;
    if (L.length === 0 || L.trim().length === 0) return end(false);
    if (isHeaderLike(L)) {
      end(false);
      const h = parseHeader(L);
      if (h) start(h, n);
      else warnings.push(`line ${n}: skipped a malformed goroutine header: ${quote(L)}`);
      return;
    }
    if (c.pendingFunc >= 0) {
      const fn = c.pendingFunc;
      c.pendingFunc = -1;
      const loc = cache.loc(L);
      if (loc >= 0) {
        if (!c.inAncestors) c.frames.push(cache.frame(fn, loc));
        return;
      }
      if (lastPartial) {
        c.flags |= G_TRUNCATED;
        return;
      }
      markBad(c, c.pendingFuncLine, 'a function line without its file:line line');
    } else if (c.pendingCreated) {
      const cb = c.pendingCreated;
      c.pendingCreated = null;
      const loc = cache.loc(L);
      if (loc >= 0) {
        if (!c.inAncestors) {
          c.createdBy = cache.frame(b.intern(cb.func), loc);
          c.parentId = cb.parent;
        }
        return;
      }
      if (lastPartial) {
        c.flags |= G_TRUNCATED;
        return;
      }
      markBad(c, c.pendingCreatedLine, '"created by" without its file:line line');
    }
    if (L.charCodeAt(0) === 9) {
      if (L === STACK_UNAVAILABLE) c.flags |= G_NO_STACK;
      else markBad(c, n, `a file:line line with no function line before it: ${quote(L)}`);
      return;
    }
    const fn = parseFuncLine(L);
    if (fn !== null) {
      stackLine(c);
      c.pendingFunc = b.intern(fn);
      c.pendingFuncLine = n;
      return;
    }
    const cb = parseCreatedBy(L);
    if (cb) {
      stackLine(c);
      c.pendingCreated = cb;
      c.pendingCreatedLine = n;
      return;
    }
    if (isElisionLine(L)) {
      stackLine(c);
      if (!c.inAncestors) c.flags |= G_ELIDED;
      return;
    }
    if (isAncestorHeader(L)) {
      stackLine(c);
      c.inAncestors = true;
      return;
    }
    if (isNonGoFrame(L)) {
      stackLine(c);
      if (nonGoFrame < 0) nonGoFrame = b.frame('(non-Go function)');
      if (!c.inAncestors) c.frames.push(nonGoFrame);
      return;
    }
    // Fits nowhere: log noise right after the stack, or a broken line inside it.
    if (lastPartial) c.flags |= G_TRUNCATED;
    else if (!c.suspect) {
      c.suspect = n;
      c.suspectText = L;
    }
  };

  while (r.next()) {
    lastPartial = !r.lastLineTerminated;
    onLine(r.line, r.lineNo);
  }
  end(true);

  if (skipped > 0) warnings.push(`${skipped} malformed goroutine${skipped === 1 ? ' was' : 's were'} skipped`);
  if (sections.length > 1) {
    warnings.push(`the text holds ${sections.length} dumps; all their goroutines are counted (see sections)`);
  }

  for (let s = 0; s < sampleNode.length; s++) {
    b.sample(sampleNode[s], [sampleCount[s]]);
    const labels = sampleLabels[s];
    if (labels) for (const [k, v] of labels) b.stringLabel(s, k, v);
  }
  const profile = b.build(simpleMeta('goroutine-text', [GOROUTINE_SAMPLE_TYPE]));
  return { profile, dump: gd.build(sections, warnings) };
}
