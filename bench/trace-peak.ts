/**
 * Child process of the trace benchmark: parses one trace once and prints, as JSON, the
 * peak resident memory (VmHWM) above the process's size before the file was read. A fresh
 * process, so nothing else it did counts; the file itself (read without a copy) does.
 * With --piped, the reader half runs on a worker thread (its memory is the process's too),
 * started from the bundled entry given by --reader when there is one.
 * Run: node --import tsx bench/trace-peak.ts FILE [--piped [--reader BUNDLED.mjs]]
 * (bench/trace.ts runs it bundled).
 */
import { readFileSync } from 'node:fs';
import { parseTrace, parseTracePiped } from '../src/formats/gotrace';
import { spawnNodeTraceThread } from './node-trace-thread';

function status(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

const base = status('VmRSS');
const file = readFileSync(process.argv[2]!);
const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
let model;
if (process.argv.includes('--piped')) {
  const at = process.argv.indexOf('--reader');
  const reader = await spawnNodeTraceThread('reader', at > 0 ? process.argv[at + 1] : undefined);
  model = (await parseTracePiped(bytes, reader.port)).model;
  await reader.close();
} else model = parseTrace(bytes);
console.log(JSON.stringify({ peakBytes: status('VmHWM') - base, bytes: file.length, goroutines: model.summary.goroutines }));
