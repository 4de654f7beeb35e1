/**
 * pprof decoding speed in Node: our columnar decoder next to pprof-format and
 * protobufjs reflection on the same inflated bytes, and a bare varint scan as the
 * ceiling; inflation with Node's zlib, pako and DecompressionStream.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import pako from 'pako';
import { Profile as PprofFormatProfile } from 'pprof-format';
import protobuf from 'protobufjs';
import { buildCallTree } from '../src/analysis/calltree/calltree';
import { gunzip } from '../src/formats/gzip';
import { decodePprof } from '../src/formats/pprof/decode';
import { mb, row, timeIt } from './measure';
import { PROFILE_PROTO } from './profile-proto';

/** Reads every varint in the buffer and nothing else: how fast bytes can be walked. */
function scanVarints(buf: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] < 0x80) n++;
  return n;
}

export async function benchPprof(path: string): Promise<{ oursMBs: number; ratioVsPprofFormat: number }> {
  const gz = new Uint8Array(readFileSync(path));
  const raw = new Uint8Array(gunzipSync(gz));
  const runs = 5;
  console.log(`pprof: ${path} — ${mb(gz.length).toFixed(1)} MB gzip, ${mb(raw.length).toFixed(1)} MB protobuf`);

  console.log(' inflate');
  const zlib = await timeIt(runs, () => gunzipSync(gz));
  console.log(row('node zlib', zlib.ms, raw.length));
  const pk = await timeIt(runs, () => pako.inflate(gz));
  console.log(row('pako', pk.ms, raw.length));
  const ds = await timeIt(runs, () => gunzip(gz, { native: true }));
  console.log(row('DecompressionStream (ours, bounded)', ds.ms, raw.length));

  console.log(' decode (inflated bytes → model)');
  const scan = await timeIt(runs, () => scanVarints(raw));
  console.log(row('bare varint scan (ceiling)', scan.ms, raw.length));
  const ours = await timeIt(runs, () => decodePprof(raw));
  const p = ours.result;
  console.log(
    row('goroscope decodePprof', ours.ms, raw.length, `heap +${mb(ours.heapBytes).toFixed(0)} MB; ${p.samples.count} samples, ${p.frames.count} frames, ${p.stacks.count} stack nodes`),
  );
  const tree = await timeIt(runs, () => buildCallTree(p, { sampleType: p.defaultSampleType, granularity: 'function' }));
  console.log(row('  + first call tree (flame/top)', tree.ms, raw.length, `${tree.result.count} nodes`));
  const pf = await timeIt(runs, () => PprofFormatProfile.decode(raw));
  console.log(row('pprof-format', pf.ms, raw.length, `heap +${mb(pf.heapBytes).toFixed(0)} MB`));
  const type = protobuf.parse(PROFILE_PROTO).root.lookupType('perftools.profiles.Profile');
  const reflect = await timeIt(runs, () => type.decode(raw));
  console.log(row('protobufjs reflection', reflect.ms, raw.length, `heap +${mb(reflect.heapBytes).toFixed(0)} MB`));
  const oursMBs = mb(raw.length) / (ours.ms / 1000);
  const ratio = pf.ms / ours.ms;
  console.log(`  → ours is ${ratio.toFixed(1)}× pprof-format, ${(reflect.ms / ours.ms).toFixed(1)}× protobufjs reflection (target ≥ 100 MB/s, 10×)`);
  return { oursMBs, ratioVsPprofFormat: ratio };
}
