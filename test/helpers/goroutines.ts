import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodePprof } from '../../src/formats/pprof/decode';
import { parseGoroutineText, type GoroutineTextResult } from '../../src/formats/goroutine-text/index';
import type { GoroutineSource } from '../../src/analysis/goroutines/index';

export const FIXTURES = fileURLToPath(new URL('../fixtures/incident3/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function parseText(text: string): GoroutineTextResult {
  return parseGoroutineText(new TextEncoder().encode(text));
}

/** Any of the three encodings as a GoroutineSource (debug=0 through the pprof decoder). */
export function loadSource(name: string): GoroutineSource {
  if (name.endsWith('.pb.gz')) return { profile: decodePprof(new Uint8Array(gunzipSync(fixtureBytes(name)))), dump: null };
  return parseGoroutineText(fixtureBytes(name));
}

/**
 * The goroutine that wrote a snapshot is the one stack the encodings disagree on by
 * construction (each form is written by different runtime/pprof code).
 */
export function isWriterStack(key: string): boolean {
  return key.includes('runtime/pprof.');
}

export interface GoroutineView {
  id: number;
  state: string;
  waitMinutes: number;
  locked: boolean;
  createdBy: string | null;
  createdAt: string | null;
  parentId: number;
  flags: number;
  frames: string[];
  section: number;
}

/** Rows of a parsed dump as plain objects, frames as "func file:line", leaf first. */
export function goroutines(r: GoroutineTextResult): GoroutineView[] {
  const { profile: p, dump } = r;
  if (!dump) return [];
  const fr = (f: number): string => `${p.strings[p.frames.func[f]]} ${p.strings[p.frames.file[f]]}:${p.frames.line[f]}`;
  const out: GoroutineView[] = [];
  for (let i = 0; i < dump.count; i++) {
    const frames: string[] = [];
    for (let n = dump.stack[i]; n > 0; n = p.stacks.parent[n]) frames.push(fr(p.stacks.frame[n]));
    const cb = dump.createdBy[i];
    out.push({
      id: dump.id[i],
      state: dump.states[dump.state[i]],
      waitMinutes: dump.waitMinutes[i],
      locked: dump.locked[i] === 1,
      createdBy: cb >= 0 ? p.strings[p.frames.func[cb]] : null,
      createdAt: cb >= 0 ? `${p.strings[p.frames.file[cb]]}:${p.frames.line[cb]}` : null,
      parentId: dump.parentId[i],
      flags: dump.flags[i],
      frames,
      section: dump.section[i],
    });
  }
  return out;
}
