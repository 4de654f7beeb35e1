/**
 * The conversion of go1.21 src/internal/trace/tracev1.go: turns the ordered, checked v1
 * events into the high-level events the v2 reader produces.
 */
import {
  GO_NOT_EXIST,
  GO_RUNNABLE,
  GO_RUNNING,
  GO_SYSCALL,
  GO_UNDETERMINED,
  GO_WAITING,
  METRIC_GOMAXPROCS,
  METRIC_HEAP_ALLOC,
  METRIC_HEAP_GOAL,
  NONE,
  PROC_IDLE,
  PROC_RUNNING,
  PROC_UNDETERMINED,
  SCOPE_GOROUTINE,
  SCOPE_NONE,
  SCOPE_PROC,
  type TraceSymbols,
} from '../../../model/trace';
import type { LocalIds } from '../build/idmap';
import { TraceFormatError } from '../bytes';
import type { EventBuffer } from '../events';
import type { Ordered } from './ordered';
import * as V from './spec';

export class Converter {
  base = 0;
  private preInit = true;
  private readonly createdPreInit = new Set<number>();
  private readonly tasks = new Map<number, { name: number; parent: number }>();
  readonly seenProcs = new Set<number>();
  private lastStwReason = 0;
  private readonly reasons = new Map<number, number>();
  private readonly nameGCMark: number;
  private readonly nameSweep: number;
  private readonly nameAssist: number;

  constructor(
    private readonly out: Ordered,
    private readonly ev: EventBuffer,
    private readonly syms: TraceSymbols,
    private readonly ver: number,
    private readonly stacks: LocalIds,
    private readonly strings: LocalIds,
  ) {
    this.nameGCMark = syms.intern('GC concurrent mark phase');
    this.nameSweep = syms.intern('GC incremental sweep');
    this.nameAssist = syms.intern('GC mark assist');
  }

  /** Whether P `p` was seen before (its state is known); it is seen from now on. */
  private seen(p: number): boolean {
    if (this.seenProcs.has(p)) return true;
    this.seenProcs.add(p);
    return false;
  }

  private stack(id: number): number {
    if (id === 0) return 0;
    const s = this.stacks.get(id);
    return s < 0 ? 0 : s;
  }

  private str(id: number): number {
    if (id === 0) return 0;
    const s = this.strings.get(id);
    return s < 0 ? 0 : s;
  }

  private reason(typ: number): number {
    let r = this.reasons.get(typ);
    if (r === undefined) {
      r = this.syms.intern(V.blockReason(typ) ?? '');
      this.reasons.set(typ, r);
    }
    return r;
  }

  private stwName(reason: string): number {
    return this.syms.intern(`stop-the-world (${reason})`);
  }

  /**
   * Converts the event in slot i, whose time is `tNs`; `sysBlocked`: for a syscall, whether
   * the goroutine's next event says it blocked.
   */
  event(i: number, sysBlocked: boolean, tNs: number): void {
    const out = this.out;
    const ev = this.ev;
    const typ = out.typ[i];
    const t = tNs - this.base;
    const evG = out.g[i];
    const p = out.p[i];
    const a0 = out.a0[i];
    const a1 = out.a1[i];
    const a2 = out.a2[i];
    const stk = this.stack(out.stk[i] >>> 0);
    const ctxG = evG === 0 ? NONE : evG;
    const ctxP = p;
    switch (typ) {
      case V.EV_GOMAXPROCS:
        if (this.preInit) {
          // The first Gomaxprocs ends the trace's start: goroutines created before it and
          // never seen since were runnable (or idle).
          this.preInit = false;
          for (const g of this.createdPreInit) ev.go(t, g, GO_UNDETERMINED, GO_RUNNABLE, 0, 0, 0, NONE, NONE);
          this.createdPreInit.clear();
          return;
        }
        ev.metric(t, METRIC_GOMAXPROCS, a0);
        return;
      case V.EV_PROC_START:
        ev.proc(t, p, this.seen(p) ? PROC_IDLE : PROC_UNDETERMINED, PROC_RUNNING, ctxG, ctxP);
        return;
      case V.EV_PROC_STOP:
        ev.proc(t, p, this.seen(p) ? PROC_RUNNING : PROC_UNDETERMINED, PROC_IDLE, ctxG, ctxP);
        return;
      case V.EV_GC_START:
        ev.range(t, 0, this.nameGCMark, SCOPE_NONE, NONE, ctxG, ctxP, stk);
        return;
      case V.EV_GC_DONE:
        ev.range(t, 2, this.nameGCMark, SCOPE_NONE, NONE, ctxG, ctxP, 0);
        return;
      case V.EV_STW_START: {
        const name = this.stwName(V.stwReason(this.ver, a0));
        this.lastStwReason = name;
        ev.range(t, 0, name, SCOPE_GOROUTINE, ctxG, ctxG, ctxP, 0);
        return;
      }
      case V.EV_STW_DONE:
        ev.range(t, 2, this.lastStwReason || this.stwName(''), SCOPE_GOROUTINE, ctxG, ctxG, ctxP, 0);
        return;
      case V.EV_GC_SWEEP_START:
        ev.range(t, 0, this.nameSweep, SCOPE_PROC, ctxP, ctxG, ctxP, stk);
        return;
      case V.EV_GC_SWEEP_DONE:
        ev.range(t, 2, this.nameSweep, SCOPE_PROC, ctxP, ctxG, ctxP, 0);
        return;
      case V.EV_GO_CREATE:
        if (this.preInit) {
          this.createdPreInit.add(a0);
          return;
        }
        ev.go(t, a0, GO_NOT_EXIST, GO_RUNNABLE, 0, stk, this.stack(a1), ctxG, ctxP);
        return;
      case V.EV_GO_START:
        if (this.preInit) {
          this.createdPreInit.delete(a0);
          ev.go(t, a0, GO_UNDETERMINED, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
          return;
        }
        ev.go(t, a0, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_START_LABEL:
        ev.go(t, a0, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
        ev.label(t, ctxG, this.str(a2));
        return;
      case V.EV_GO_END:
        ev.go(t, ctxG, GO_RUNNING, GO_NOT_EXIST, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_SCHED:
      case V.EV_GO_PREEMPT:
        ev.go(t, ctxG, GO_RUNNING, GO_RUNNABLE, this.reason(typ), stk, stk, ctxG, ctxP);
        return;
      case V.EV_GO_STOP:
      case V.EV_GO_SLEEP:
      case V.EV_GO_BLOCK:
      case V.EV_GO_BLOCK_SEND:
      case V.EV_GO_BLOCK_RECV:
      case V.EV_GO_BLOCK_SELECT:
      case V.EV_GO_BLOCK_SYNC:
      case V.EV_GO_BLOCK_COND:
      case V.EV_GO_BLOCK_NET:
      case V.EV_GO_BLOCK_GC:
        ev.go(t, ctxG, GO_RUNNING, GO_WAITING, this.reason(typ), stk, stk, ctxG, ctxP);
        return;
      case V.EV_GO_UNBLOCK:
        ev.go(t, a0, GO_WAITING, GO_RUNNABLE, 0, stk, 0, ctxG, ctxP);
        return;
      case V.EV_GO_SYS_CALL:
        ev.go(t, ctxG, GO_RUNNING, GO_SYSCALL, 0, stk, stk, ctxG, ctxP);
        if (!sysBlocked) {
          // An instantaneous syscall becomes a 1 ns one.
          ev.go(t + 1, ctxG, GO_SYSCALL, GO_RUNNING, 0, 0, 0, ctxG, ctxP);
        }
        return;
      case V.EV_GO_SYS_EXIT:
        ev.go(t, ctxG, GO_SYSCALL, GO_RUNNABLE, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_SYS_BLOCK:
        return;
      case V.EV_GO_WAITING:
        this.createdPreInit.delete(a0);
        ev.go(t, a0, GO_UNDETERMINED, GO_WAITING, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_GO_IN_SYSCALL:
        this.createdPreInit.delete(a0);
        ev.go(t, a0, GO_UNDETERMINED, GO_SYSCALL, 0, 0, 0, ctxG, ctxP);
        return;
      case V.EV_HEAP_ALLOC:
        ev.metric(t, METRIC_HEAP_ALLOC, a0);
        return;
      case V.EV_HEAP_GOAL:
        ev.metric(t, METRIC_HEAP_GOAL, a0);
        return;
      case V.EV_GC_MARK_ASSIST_START:
        ev.range(t, 0, this.nameAssist, SCOPE_GOROUTINE, ctxG, ctxG, ctxP, stk);
        return;
      case V.EV_GC_MARK_ASSIST_DONE:
        ev.range(t, 2, this.nameAssist, SCOPE_GOROUTINE, ctxG, ctxG, ctxP, 0);
        return;
      case V.EV_USER_TASK_CREATE: {
        const name = this.str(a2);
        this.tasks.set(a0, { name, parent: a1 });
        ev.task(t, true, a0, a1 === 0 ? NONE : a1, name, ctxG, stk);
        return;
      }
      case V.EV_USER_TASK_END: {
        const ts = this.tasks.get(a0);
        if (ts) this.tasks.delete(a0);
        // The Go converter passes the raw parent id (0 when none) with the end.
        ev.task(t, false, a0, ts ? ts.parent : NONE, ts ? ts.name : 0, ctxG, stk);
        return;
      }
      case V.EV_USER_REGION:
        ev.region(t, a1 === 0, a0, this.str(a2), ctxG, stk);
        return;
      case V.EV_USER_LOG:
        ev.log(t, a0, this.str(a1), (out.a3.get(i) ?? 0), ctxG, stk);
        return;
      case V.EV_CPU_SAMPLE:
        ev.cpuSample(t, evG === 0 ? NONE : evG, a1, stk);
        return;
      default:
        throw new TraceFormatError(`unexpected event type ${typ}`, 0);
    }
  }
}
