/**
 * One P's events, as go1.21 parser.go parseEventBatches reads them: where the P's batches
 * lie in the file, and the events of the batch being merged, decoded into columns (one
 * batch at a time, so memory follows a batch, not the trace).
 */
import { grown } from '../../../model/growable';
import type { RawReader } from './raw';
import * as V from './spec';

export class ProcStream {
  /** Index in the reader's streams (set when ordering starts). */
  ix = -1;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  bi = 0;
  /** The G last running on this P (carried from batch to batch, parser.go lastGs). */
  private lastG = 0;
  // Decoded events of the current batch: time, type, goroutine, four args, stack id.
  n = 0;
  i = 0;
  ts = new Float64Array(64);
  typ = new Uint8Array(64);
  g = new Float64Array(64);
  a = new Float64Array(64 * 4);
  stk = new Float64Array(64);
  done = false;
  constructor(readonly pid: number) {}

  /** Grows the columns to at least `cap` events, keeping what they hold. */
  ensure(cap: number): void {
    if (this.ts.length >= cap) return;
    this.ts = grown(this.ts, cap);
    this.typ = grown(this.typ, cap);
    this.g = grown(this.g, cap);
    this.a = grown(this.a, cap * 4);
    this.stk = grown(this.stk, cap);
  }

  /** Decodes the next batch (parser.go loadBatch / parseEvent); false when none is left. */
  load(raw: RawReader): boolean {
    if (this.bi >= this.starts.length) return false;
    const end = this.ends[this.bi];
    let pos = this.starts[this.bi];
    this.bi++;
    let lastTs = 0;
    let lastG = this.lastG;
    let n = 0;
    while (pos < end) {
      pos = raw.read(pos, false);
      const typ = raw.typ;
      switch (typ) {
        case V.EV_BATCH:
          lastTs = raw.args[1];
          continue;
        case V.EV_STRING:
        case V.EV_STACK:
        case V.EV_FREQUENCY:
        case V.EV_TIMER_GOROUTINE:
        case V.EV_CPU_SAMPLE:
          continue;
      }
      if (n === this.ts.length) this.ensure(n * 2);
      const ts = lastTs + raw.args[0];
      lastTs = ts;
      const d = V.DESCS[typ];
      const a = this.a;
      const b = n * 4;
      a[b] = a[b + 1] = a[b + 2] = a[b + 3] = 0;
      let stk = 0;
      for (let i = 1; i < raw.n; i++) {
        if (i === raw.n - 1 && d.stack) stk = raw.args[i] % 4294967296;
        else if (i - 1 < 4) a[b + i - 1] = raw.args[i];
      }
      let g = lastG;
      switch (typ) {
        case V.EV_GO_START:
        case V.EV_GO_START_LOCAL:
        case V.EV_GO_START_LABEL:
          lastG = a[b];
          g = lastG;
          break;
        case V.EV_GO_END:
        case V.EV_GO_STOP:
        case V.EV_GO_SCHED:
        case V.EV_GO_PREEMPT:
        case V.EV_GO_SLEEP:
        case V.EV_GO_BLOCK:
        case V.EV_GO_BLOCK_SEND:
        case V.EV_GO_BLOCK_RECV:
        case V.EV_GO_BLOCK_SELECT:
        case V.EV_GO_BLOCK_SYNC:
        case V.EV_GO_BLOCK_COND:
        case V.EV_GO_BLOCK_NET:
        case V.EV_GO_SYS_BLOCK:
        case V.EV_GO_BLOCK_GC:
          lastG = 0;
          break;
        case V.EV_GO_SYS_EXIT:
        case V.EV_GO_WAITING:
        case V.EV_GO_IN_SYSCALL:
          g = a[b];
          break;
        case V.EV_USER_LOG:
          a[b + 3] = raw.internMessage();
          break;
      }
      this.ts[n] = ts;
      this.typ[n] = typ;
      this.g[n] = g;
      this.stk[n] = stk;
      n++;
    }
    this.lastG = lastG;
    this.n = n;
    this.i = 0;
    return true;
  }
}
