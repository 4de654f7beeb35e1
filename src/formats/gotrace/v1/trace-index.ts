/**
 * The index pass over a v1 trace (go1.21 parser.go readTrace and the start of
 * parseEvents): every event once, noting where each P's batches lie and reading what the
 * trace keeps anywhere in it, usually at its end: strings, stacks, the clock frequency,
 * timer goroutines and CPU samples. Resumable, so the scan can yield between slices.
 */
import type { TraceSymbols } from '../../../model/trace';
import { LocalIds } from '../build/idmap';
import { fail } from '../bytes';
import { HEADER_SIZE } from '../header';
import { CHECK_EVERY } from '../scan';
import { ProcStream } from './batch';
import { MAX_I32, MAX_U64, type RawReader } from './raw';
import * as V from './spec';

export class TraceIndex {
  /** Where the walk is; the end of the file once it is done. */
  pos = HEADER_SIZE;
  private curProc: ProcStream | null = null;
  readonly procs: ProcStream[] = [];
  private readonly procOf = new Map<number, ProcStream>();
  ticksPerSec = 0;
  /** Raw stacks: id → PCs; PC → frame (func string, file string, line), first one wins. */
  private readonly rawStacks = new Map<number, number[]>();
  private readonly pcFrames = new Map<number, [number, number, number]>();
  readonly timerGoids = new Set<number>();
  private readonly cpu = { ts: [] as number[], p: [] as number[], g: [] as number[], stk: [] as number[] };

  constructor(
    private readonly buf: Uint8Array,
    private readonly raw: RawReader,
  ) {}

  /** Walks the events until the end (true) or the deadline (false). */
  walk(deadline: number): boolean {
    const raw = this.raw;
    let n = 0;
    for (;;) {
      if (++n === CHECK_EVERY) {
        n = 0;
        if (performance.now() >= deadline) return false;
      }
      const at = this.pos;
      const next = raw.read(at, true);
      if (next < 0) break;
      this.pos = next;
      const typ = raw.typ;
      if (typ === V.EV_STRING) continue;
      if (typ === V.EV_BATCH) {
        this.batch(raw.args[0], at);
        continue;
      }
      if (!this.curProc) fail(`read event ${typ} with current P of 0, but P has no batches yet (offset ${at})`, at);
      raw.checkArgs(at);
      switch (typ) {
        case V.EV_FREQUENCY:
          this.ticksPerSec = raw.args[0];
          if (this.ticksPerSec <= 0) fail(`time stamps out of order (frequency ${raw.args[0]}) (offset ${at})`, at);
          break;
        case V.EV_TIMER_GOROUTINE:
          this.timerGoids.add(raw.args[0]);
          break;
        case V.EV_STACK:
          this.stack(at);
          break;
        case V.EV_CPU_SAMPLE: {
          // [ts delta, real ts, p, g, stack]
          this.cpu.ts.push(raw.args[1]);
          const p = raw.args[2];
          this.cpu.p.push(p === MAX_U64 || p > MAX_I32 ? -1 : p);
          this.cpu.g.push(raw.args[3]);
          this.cpu.stk.push(raw.args[4] % 4294967296);
          break;
        }
      }
    }
    if (this.curProc) this.curProc.ends.push(this.buf.length);
    return true;
  }

  /** A batch of P `pid` begins at `at` (and the current one ends there). */
  private batch(pid: number, at: number): void {
    if (this.curProc) this.curProc.ends.push(at);
    let p = this.procOf.get(pid);
    if (!p) {
      p = new ProcStream(pid);
      this.procOf.set(pid, p);
      this.procs.push(p);
    }
    p.starts.push(at);
    this.curProc = p;
  }

  private stack(at: number): void {
    const raw = this.raw;
    if (raw.n < 2) fail(`EvStack has wrong number of arguments: want at least 2, got ${raw.n} (offset ${at})`, at);
    const size = raw.args[1];
    if (size > 1000) fail(`EvStack has bad number of frames: ${size} (offset ${at})`, at);
    if (raw.n !== 2 + 4 * size) fail(`EvStack has wrong number of arguments: want ${2 + 4 * size}, got ${raw.n} (offset ${at})`, at);
    const id = raw.args[0];
    if (id === 0 || size === 0) return;
    const pcs: number[] = [];
    for (let i = 0; i < size; i++) {
      const pc = raw.args[2 + i * 4];
      pcs.push(pc);
      if (!this.pcFrames.has(pc)) this.pcFrames.set(pc, [raw.args[3 + i * 4], raw.args[4 + i * 4], raw.args[5 + i * 4]]);
    }
    this.rawStacks.set(id % 4294967296, pcs);
  }

  /** The stacks as TraceSymbols stacks, now that every string is known: v1 stack id → stack id. */
  resolveStacks(syms: TraceSymbols): LocalIds {
    const strings = this.raw.strings;
    const str = (id: number): number => {
      const s = strings.get(id);
      return s < 0 ? 0 : s;
    };
    const stacks = new LocalIds();
    const frameOf = new Map<number, number>();
    const frames: number[] = [];
    for (const [id, pcs] of this.rawStacks) {
      frames.length = 0;
      for (const pc of pcs) {
        let f = frameOf.get(pc);
        if (f === undefined) {
          const fr = this.pcFrames.get(pc)!;
          f = syms.frame(pc, str(fr[0]), str(fr[1]), fr[2]);
          frameOf.set(pc, f);
        }
        frames.push(f);
      }
      stacks.set(id, syms.stack(frames));
    }
    this.rawStacks.clear();
    this.pcFrames.clear();
    return stacks;
  }

  /** The CPU samples as one more event stream, sorted by the time the signal handler took. */
  cpuStream(): ProcStream {
    const c = this.cpu;
    const idx = c.ts.map((_, i) => i).sort((a, b) => c.ts[a] - c.ts[b]);
    const cp = new ProcStream(V.PROFILE_P);
    cp.ensure(idx.length + 1);
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j];
      cp.ts[j] = c.ts[i];
      cp.typ[j] = V.EV_CPU_SAMPLE;
      cp.g[j] = c.g[i];
      cp.a[j * 4] = 0;
      cp.a[j * 4 + 1] = c.p[i];
      cp.a[j * 4 + 2] = c.g[i];
      cp.stk[j] = c.stk[i];
    }
    cp.n = idx.length;
    return cp;
  }
}
