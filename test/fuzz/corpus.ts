/**
 * The seeds each parser is fuzzed from: small real files of every form it reads (inflated,
 * so mutations reach the parser rather than gzip's checksum), and their family's name.
 * Archives: tiny ones made here with stored entries (mutations reach the entries' readers),
 * and the pods fixtures as kubectl users make them (deflated: mutations reach the inflater).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { makeTar, makeZip, type TestEntry } from '../helpers/archives';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** A fixture's bytes as stored (a .gz kept compressed). */
function raw(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, rel)));
}

function read(rel: string): Uint8Array {
  const b = readFileSync(join(FIXTURES, rel));
  return new Uint8Array(rel.endsWith('.gz') ? gunzipSync(b) : b);
}

/** The first `n` bytes of a text, cut at a blank line so the seed is still well formed. */
function head(rel: string, n: number): Uint8Array {
  const b = read(rel);
  const text = new TextDecoder().decode(b.subarray(0, n));
  const cut = text.lastIndexOf('\n\n');
  return new TextEncoder().encode(cut > 0 ? text.slice(0, cut + 1) : text);
}

/** A few small files of different kinds under two pods' names. */
function podEntries(): TestEntry[] {
  const files: [string, Uint8Array][] = [
    ['heap.txt', head('debug1/heap.txt', 3000)],
    ['mutex.pb', read('debug1/mutex.pb.gz')],
    ['goroutines.txt', head('goroutine-versions/go1.22/goroutine.debug2.txt', 3000)],
    ['cpu.folded', new TextEncoder().encode(FOLDED)],
  ];
  return ['api-7d9f8b6c5-x2k4q', 'api-7d9f8b6c5-m8r7t'].flatMap((pod) => files.map(([name, bytes]) => ({ name: `${pod}/${name}`, bytes, stored: true })));
}

const FOLDED = 'main;net/http.(*conn).serve;main.handler;runtime.mallocgc 120\nmain;main.worker;sync.(*Mutex).Lock 37\nmain;main.worker;main.compute 5000\n';

export const FAMILIES = {
  pprof: () => [
    read('node/node-wall.pb.gz'),
    read('node/node-heap.pb.gz'),
    read('debug1/heap.pb.gz'),
    read('debug1/mutex.pb.gz'),
    read('incident3/goroutine-t1.pb.gz'),
    read('labels/cpu.pb.gz'),
    read('traces/v2/go1.27.net.pprof'),
  ],
  'pprof-text': () => [read('debug1/heap.txt'), read('debug1/mutex.txt'), read('debug1/block.txt'), read('debug1/threadcreate.txt')],
  'goroutine-text': () => [
    read('incident3/goroutine-t1.debug1.txt'),
    head('goroutine-versions/go1.22/goroutine.debug2.txt', 8000),
    read('goroutine-versions/go1.22/panic-with-logs.txt'),
    head('goroutine-versions/go1.22/sigquit-with-logs.txt', 8000),
  ],
  folded: () => [new TextEncoder().encode(FOLDED)],
  legacy: () =>
    ['cppbench.contention', 'cppbench.thread', 'gobench.heap', 'cppbench.growth', 'java.contention', 'java.heap', 'go.crc32.cpu'].map((f) =>
      read(`peer/google-pprof/profile/${f}`),
    ),
  'trace-v1': () => ['user_task_region_1_21_good', 'stress_start_stop_1_21_good', 'http_1_11_good'].map((f) => read(`traces/v1/${f}`)),
  'trace-v2': () => [read('traces/v2/go1.26-long.trace'), read('traces/v2/go1.22.trace'), read('traces/v2-fuzz/344331b314da0b08.bin')],
  archive: async () => [
    await makeTar(podEntries()),
    await makeZip(podEntries()),
    raw('pods/pods-named.zip'),
    raw('pods/pods-folders.tar.gz'),
  ],
} satisfies Record<string, () => Uint8Array[] | Promise<Uint8Array[]>>;

export type Family = keyof typeof FAMILIES;
