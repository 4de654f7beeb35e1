/**
 * Child process of the trace benchmark: parses one trace once and prints, as JSON, the
 * peak resident memory (VmHWM) above the process's size before the file was read. A fresh
 * process, so nothing else it did counts; the file itself (read without a copy) does.
 * With --piped, the reader half runs on a worker thread (its memory is the process's too).
 * Run: node --import tsx bench/trace-peak.ts FILE [--piped]
 */
import { readFileSync } from 'node:fs';
import { parseTrace, parseTracePiped } from '../src/formats/gotrace';
import { spawnNodeTraceReader } from './node-trace-reader';

function status(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

const base = status('VmRSS');
const file = readFileSync(process.argv[2]!);
const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
let model;
if (process.argv.includes('--piped')) {
  const reader = await spawnNodeTraceReader();
  model = (await parseTracePiped(bytes, reader.port)).model;
  await reader.close();
} else model = parseTrace(bytes);
console.log(JSON.stringify({ peakBytes: status('VmHWM') - base, bytes: file.length, goroutines: model.summary.goroutines }));
