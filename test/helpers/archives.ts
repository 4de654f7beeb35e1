/** Archives made in memory for tests: zip (zip.js, with passwords), tar (modern-tar), tar.gz (zlib). */
import { gzipSync } from 'node:zlib';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { packTar } from 'modern-tar';

export interface TestEntry {
  name: string;
  bytes: Uint8Array;
  password?: string;
  /** Store without compressing (much faster to write thousands of tiny entries). */
  stored?: boolean;
}

export async function makeZip(entries: TestEntry[]): Promise<Uint8Array> {
  const w = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const e of entries) await w.add(e.name, new Uint8ArrayReader(e.bytes), { password: e.password, level: e.stored ? 0 : undefined });
  return w.close();
}

export async function makeTar(entries: TestEntry[]): Promise<Uint8Array> {
  return packTar(entries.map((e) => ({ header: { name: e.name, size: e.bytes.length, type: 'file' as const }, body: e.bytes })));
}

export async function makeTarGz(entries: TestEntry[]): Promise<Uint8Array> {
  return new Uint8Array(gzipSync(await makeTar(entries)));
}
