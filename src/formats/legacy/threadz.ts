/**
 * gperftools' thread dump (google/pprof profile/legacy_profile.go, parseThread):
 *
 *   --- threadz 1 ---
 *   --- Thread 7f794ab90940 (name: main/14748) stack: ---
 *     PC:  0x00bc8f1c: helper(arg *)       (or "PC: 0xPC 0xPC …", unsymbolized)
 *     0x0040be31: main
 *         creator: 0xa45b96 0xa460b4 …     (the stack that started the thread, appended)
 *   --- Thread … stack: ---
 *     [same as previous thread]            (one more thread on the stack before)
 *   --- Memory map: ---
 *
 * A thread is one sample of its stack. pprof reads only the addresses of each line,
 * not the names beside them, so neither do we: the numbers and names match its own.
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import type { LineReader } from '../text-lines';
import { addressFrame, placeAddressFrames } from './address-frames';
import { headerLine, hexAddresses, memoryMapLines } from './lines';
import { isMemoryMapSentinel, readMemoryMap } from './memory-map';

export const THREADZ_RE = /--- threadz \d+ ---/;
export const THREAD_RE = /--- Thread ([0-9A-Fa-f]+) \(name: (.*)\/(\d+)\) stack: ---/;

interface Thread {
  addrs: string[];
  count: number;
}

/** The reader stands before the header line. */
export function parseThreadz(r: LineReader): Profile {
  let line = headerLine(r);
  if (line === null) r.failAtEnd('the text is empty');
  if (THREADZ_RE.test(line)) {
    // Anything between the header and the first thread is a comment.
    line = null;
    while (r.next()) {
      if (isMemoryMapSentinel(r.line) || r.line.startsWith('-')) {
        line = r.line;
        break;
      }
    }
  }
  const threads: Thread[] = [];
  while (line !== null && !isMemoryMapSentinel(line) && !line.startsWith('---- no stack trace for')) {
    if (!THREAD_RE.test(line)) r.fail(`not a "--- Thread … stack: ---" line: ${JSON.stringify(line.slice(0, 120))}`);
    const addrs: string[] = [];
    let same = false;
    line = null;
    while (r.next()) {
      const L = r.line.trim();
      if (L.startsWith('---')) {
        line = L;
        break;
      }
      if (L.includes('same as previous thread')) same = true;
      else addrs.push(...hexAddresses(L));
    }
    const last = threads[threads.length - 1];
    if (same || addrs.length === 0) {
      // A thread on the same stack as the one before; pprof drops one with no addresses after no thread.
      if (last) last.count++;
    } else threads.push({ addrs, count: 1 });
  }

  const b = new ProfileBuilder(1);
  for (const t of threads) {
    const frames = t.addrs.map((a) => addressFrame(b, a));
    // The unwinder may give the leaf twice (from the signal context and from the stack).
    if (frames.length > 1 && frames[0] === frames[1]) frames.splice(1, 1);
    b.sample(b.stackLeafFirst(frames), [t.count]);
  }
  const profile = b.build({
    ...simpleMeta('pprof-text', [{ type: 'thread', unit: 'count' }]),
    periodType: { type: 'thread', unit: 'count' },
    period: 1,
  });
  placeAddressFrames(profile, readMemoryMap(memoryMapLines(r, line), (m) => r.fail(m)));
  return profile;
}
