/**
 * Puts the events of all Ms into one valid order: a port of the Go reader's ordering state
 * machine (golang/go src/internal/trace/order.go). `advance` says whether an event may
 * happen next given the simulated G/P/M states; if so it updates them and emits the
 * high-level event(s) into the sink. Timestamps only choose among events that are legal.
 *
 * Hot path: every G/P/M state lives in typed arrays indexed by a compact slot (no objects,
 * no Maps per event); per-generation string/stack ids resolve through dense tables. Only
 * rare state (ranges, regions, tasks) sits in Maps.
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
  PROC_NOT_EXIST,
  PROC_RUNNING,
  PROC_UNDETERMINED,
  SCOPE_GOROUTINE,
  SCOPE_NONE,
  SCOPE_PROC,
  type TraceSymbols,
} from '../../../model/trace';
import { grown } from '../../../model/growable';
import { IdIndex, LocalIds } from '../build/idmap';
import type { EventBuffer } from '../events';
import { TraceFormatError, wireId } from '../bytes';
import type { Generation } from './generation';
import * as E from './spec';

/** The event being ordered (a batch cursor's current event). */
export interface OrderInput {
  typ: number;
  /** Raw time (relative ns), before the monotonic fix-up. */
  time: number;
  /** Arguments after dt. */
  args: Float64Array;
  /** The M's index from Ordering.mIndexOf, -1 for none. */
  mi: number;
  /** File offset (for errors). */
  offset: number;
}

const GC_UNDETERMINED = 0;
const GC_NOT_RUNNING = 1;
const GC_RUNNING = 2;

/** Status byte of a G/P slot that holds no live goroutine/proc. */
const ABSENT = 255;

// Wire status → reader state (tracev2GoStatus2GoState / tracev2ProcStatus2ProcState).
const GO_STATUS_STATE = [GO_UNDETERMINED, GO_RUNNABLE, GO_RUNNING, GO_SYSCALL, GO_WAITING];
const PROC_STATUS_STATE = [PROC_UNDETERMINED, PROC_RUNNING, PROC_IDLE, PROC_RUNNING, PROC_IDLE];

/** What `fail` throws inside a truncated generation (see there). */
const DROPPED = new TraceFormatError('event dropped: the generation is cut short', -1);

const REQ_NOT = 0;
const REQ_MAY = 1;
const REQ_MUST = 2;


/**
 * Slot tables for goroutines or procs: per slot, three int32s side by side (status,
 * generation ordinal and number of the last sequenced event), so an event touches one
 * cache line of state. Slots of ended goroutines are reused, so the table stays as small
 * as the most goroutines alive at once, not the million a trace may create.
 */
class StateTable {
  readonly index = new IdIndex();
  st: Int32Array = StateTable.fresh(64);
  count = 0;
  private used = 0;
  private free: number[] = [];
  /** Number of ids ever given a slot (for "procs seen"). */
  get slots(): number {
    return this.count;
  }

  private static fresh(n: number): Int32Array {
    const a = new Int32Array(n * 3);
    for (let i = 0; i < a.length; i += 3) a[i] = ABSENT;
    return a;
  }

  /** Slot of `id` (created when missing). */
  slot(id: number): number {
    let s = this.index.get(id);
    if (s >= 0) return s;
    this.count++;
    if (this.free.length > 0) {
      s = this.free.pop()!;
      this.index.set(id, s);
      return s;
    }
    s = this.used++;
    if (s * 3 === this.st.length) {
      const b = StateTable.fresh(s + (s >> 1));
      b.set(this.st);
      this.st = b;
    }
    this.index.set(id, s);
    return s;
  }

  /** Forgets `id` (it will not come back) and frees its slot `s`. */
  drop(id: number, s: number): void {
    this.st[s * 3] = ABSENT;
    this.index.set(id, -1);
    this.free.push(s);
  }

  /** Slot of a live id, or -1. */
  live(id: number): number {
    const s = this.index.get(id);
    return s >= 0 && this.st[s * 3] !== ABSENT ? s : -1;
  }
}

export class Ordering {
  private readonly g = new StateTable();
  private readonly p = new StateTable();
  /** Per M index: its id, current G and P (NONE when none). */
  private mIds: number[] = [];
  private readonly mIndex = new Map<number, number>();
  private mG = new Float64Array(16).fill(NONE);
  private mP = new Float64Array(16).fill(NONE);
  /** Rare per-resource state, keyed by goroutine / proc id. */
  private readonly gRegions = new Map<number, { task: number; name: number }[]>();
  private readonly gRanges = new Map<number, number[]>(); // pairs: start event type, desc string
  private readonly pRanges = new Map<number, number[]>();
  private readonly activeTasks = new Map<number, { name: number; parent: number }>();
  private gcSeq = 0;
  private gcState = GC_UNDETERMINED;
  initialGen = 0;
  /** Events dropped while reading a truncated generation. */
  skipped = 0;

  // Current generation's tables and the event being advanced (set per call).
  private gen: Generation | null = null;
  private strTab = new LocalIds(1);
  private stkTab = new LocalIds(1);
  private genNum = 0;
  /** 1 for the first generation read, 2 for the next...: what sequence states record. */
  private genOrd = 0;
  private curM = NONE;
  private curP = NONE;
  private curG = NONE;
  private newP = NONE;
  private newG = NONE;
  private offset = NaN;
  /** Raw time of the event being advanced. */
  private evTime = NaN;

  // Names interned once.
  private readonly nameGCMark: number;
  private readonly nameSweep: number;
  private readonly nameAssist: number;
  private readonly stwNames = new Map<number, number>();

  constructor(
    readonly ev: EventBuffer,
    private readonly syms: TraceSymbols,
  ) {
    this.nameGCMark = syms.intern('GC concurrent mark phase');
    this.nameSweep = syms.intern('GC incremental sweep');
    this.nameAssist = syms.intern('GC mark assist');
  }

  setGeneration(g: Generation): void {
    this.gen = g;
    this.strTab = g.strings;
    this.stkTab = g.stacks;
    this.genNum = g.gen;
    this.genOrd++;
    if (this.initialGen === 0) this.initialGen = g.gen;
  }

  /** Index of thread `m` in the M state arrays (created when new). */
  mIndexOf(m: number): number {
    let i = this.mIndex.get(m);
    if (i !== undefined) return i;
    i = this.mIds.length;
    this.mIds.push(m);
    this.mIndex.set(m, i);
    if (i === this.mG.length) {
      this.mG = grown(this.mG, i + 1, NONE);
      this.mP = grown(this.mP, i + 1, NONE);
    }
    return i;
  }

  private fail(msg: string): never {
    // In a cut-short generation the reader reports the cut instead and drops the event, so
    // one shared error spares building a message and a stack trace per dropped event.
    if (this.gen?.truncated) throw DROPPED;
    throw new TraceFormatError(`${msg} (event at offset ${this.offset})`, this.offset);
  }

  private str(id: number, what: string): number {
    if (id === 0) return 0;
    const s = this.gen!.strings.get(id);
    if (s < 0) {
      if (this.gen!.truncated) return 0;
      this.fail(`found invalid string ID ${id} for event ${what}`);
    }
    return s;
  }

  stack(id: number, what: string): number {
    if (id === 0) return 0;
    const s = this.gen!.stacks.get(id);
    if (s < 0) {
      if (this.gen!.truncated) return 0;
      this.fail(`found invalid stack ID ${id} for event ${what}`);
    }
    return s;
  }

  private validate(m: number, p: number, g: number): void {
    if (m === REQ_MUST && this.curM === NONE) this.fail("expected a thread but didn't have one");
    if (p === REQ_MUST && this.curP === NONE) this.fail("expected a proc but didn't have one");
    else if (p === REQ_NOT && this.curP !== NONE) this.fail('expected no proc but had one');
    if (g === REQ_MUST && this.curG === NONE) this.fail("expected a goroutine but didn't have one");
    else if (g === REQ_NOT && this.curG !== NONE) this.fail('expected no goroutine but had one');
  }

  private userGo(): void {
    if (this.curM === NONE || this.curP === NONE || this.curG === NONE) this.validate(REQ_MUST, REQ_MUST, REQ_MUST);
  }

  /**
   * Tries to make the event the next one. Returns false if it is not legal yet (another M
   * must go first); throws on a broken trace.
   */
  advance(c: OrderInput): boolean {
    const mi = c.mi;
    const typ = c.typ;
    const a = c.args;
    // Fast paths for the events that make up almost all of a busy trace, on an M with
    // everything in the expected state; anything unusual takes the general path below.
    if (mi >= 0) {
      if (typ === E.EV_GO_START) {
        const gid = a[0];
        const G = this.g;
        const s = G.index.get(gid);
        if (s < 0 || G.st[s * 3] !== E.GS_RUNNABLE || G.st[s * 3 + 1] !== this.genOrd || a[1] !== G.st[s * 3 + 2] + 1) return false;
        const curP = this.mP[mi];
        if (curP !== NONE && this.mG[mi] === NONE) {
          G.st[s * 3] = E.GS_RUNNING;
          G.st[s * 3 + 2] = a[1];
          this.mG[mi] = gid;
          this.ev.go(c.time, gid, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, NONE, curP);
          return true;
        }
      } else if (typ === E.EV_GO_BLOCK) {
        const curG = this.mG[mi];
        const curP = this.mP[mi];
        const G = this.g;
        const s = G.index.get(curG);
        if (curG !== NONE && curP !== NONE && s >= 0 && G.st[s * 3] === E.GS_RUNNING) {
          const reason = a[0] === 0 ? 0 : this.strTab.get(a[0]);
          const stk = a[1] === 0 ? 0 : this.stkTab.get(a[1]);
          if (reason >= 0 && stk >= 0) {
            G.st[s * 3] = E.GS_WAITING;
            this.mG[mi] = NONE;
            this.ev.go(c.time, curG, GO_RUNNING, GO_WAITING, reason, stk, stk, curG, curP);
            return true;
          }
        }
      } else if (typ === E.EV_GO_UNBLOCK) {
        const gid = a[0];
        const G = this.g;
        const s = G.index.get(gid);
        if (s < 0 || G.st[s * 3] !== E.GS_WAITING || G.st[s * 3 + 1] !== this.genOrd || a[1] !== G.st[s * 3 + 2] + 1) return false;
        const stk = a[2] === 0 ? 0 : this.stkTab.get(a[2]);
        if (stk >= 0) {
          G.st[s * 3] = E.GS_RUNNABLE;
          G.st[s * 3 + 2] = a[1];
          this.ev.go(c.time, gid, GO_WAITING, GO_RUNNABLE, 0, stk, 0, this.mG[mi], this.mP[mi]);
          return true;
        }
      }
    }
    this.offset = c.offset;
    this.evTime = c.time;
    if (mi < 0) {
      this.curM = NONE;
      this.curP = NONE;
      this.curG = NONE;
    } else {
      this.curM = this.mIds[mi];
      this.curP = this.mP[mi];
      this.curG = this.mG[mi];
    }
    this.newP = this.curP;
    this.newG = this.curG;
    const ok = this.dispatch(typ, a);
    if (ok && mi >= 0) {
      this.mP[mi] = this.newP;
      this.mG[mi] = this.newG;
    }
    return ok;
  }

  private dispatch(typ: number, a: Float64Array): boolean {
    switch (typ) {
      case E.EV_GO_START:
        return this.goStart(a);
      case E.EV_GO_BLOCK:
      case E.EV_GO_STOP:
      case E.EV_GO_DESTROY:
        return this.goStopExec(typ, a);
      case E.EV_GO_UNBLOCK:
        return this.goUnblock(a);
      case E.EV_GO_CREATE:
      case E.EV_GO_CREATE_BLOCKED:
        return this.goCreate(typ, a);
      case E.EV_PROCS_CHANGE:
        this.userGo();
        this.ev.metric(this.evTime, METRIC_GOMAXPROCS, a[0]);
        return true;
      case E.EV_PROC_START:
        return this.procStart(a);
      case E.EV_PROC_STOP:
        return this.procStop();
      case E.EV_PROC_STEAL:
        return this.procSteal(a);
      case E.EV_PROC_STATUS:
        return this.procStatus(a);
      case E.EV_GO_CREATE_SYSCALL:
        return this.goCreateSyscall(a);
      case E.EV_GO_DESTROY_SYSCALL:
        return this.goDestroySyscall();
      case E.EV_GO_SWITCH:
      case E.EV_GO_SWITCH_DESTROY:
        return this.goSwitch(typ, a);
      case E.EV_GO_SYSCALL_BEGIN:
        return this.goSyscallBegin(a);
      case E.EV_GO_SYSCALL_END:
        return this.goSyscallEnd();
      case E.EV_GO_SYSCALL_END_BLOCKED:
        return this.goSyscallEndBlocked();
      case E.EV_GO_STATUS:
      case E.EV_GO_STATUS_STACK:
        return this.goStatus(typ, a);
      case E.EV_STW_BEGIN:
      case E.EV_GC_MARK_ASSIST_BEGIN:
        return this.goRangeBegin(typ, a);
      case E.EV_STW_END:
      case E.EV_GC_MARK_ASSIST_END:
        return this.goRangeEnd(typ);
      case E.EV_GC_MARK_ASSIST_ACTIVE:
        return this.goRangeActive(a);
      case E.EV_GC_ACTIVE:
        return this.gcActive(a);
      case E.EV_GC_BEGIN:
        return this.gcBegin(a);
      case E.EV_GC_END:
        return this.gcEnd(a);
      case E.EV_GC_SWEEP_ACTIVE:
        return this.sweepActive(a);
      case E.EV_GC_SWEEP_BEGIN:
        return this.sweepBegin(a);
      case E.EV_GC_SWEEP_END:
        return this.sweepEnd();
      case E.EV_HEAP_ALLOC:
      case E.EV_HEAP_GOAL:
        this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
        this.ev.metric(this.evTime, typ === E.EV_HEAP_ALLOC ? METRIC_HEAP_ALLOC : METRIC_HEAP_GOAL, a[0]);
        return true;
      case E.EV_GO_LABEL: {
        this.userGo();
        const label = this.str(a[0], 'GoLabel');
        this.ev.label(this.evTime, this.curG, label);
        return true;
      }
      case E.EV_USER_TASK_BEGIN:
        return this.taskBegin(a);
      case E.EV_USER_TASK_END:
        return this.taskEnd(a);
      case E.EV_USER_REGION_BEGIN:
      case E.EV_USER_REGION_END:
        return this.region(typ, a);
      case E.EV_USER_LOG: {
        this.userGo();
        const key = this.str(a[1], 'UserLog');
        const value = this.str(a[2], 'UserLog');
        const stk = this.stack(a[3], 'UserLog');
        this.ev.log(this.evTime, a[0], key, value, this.curG, stk);
        return true;
      }
      default:
        if (typ >= E.EV_FIRST_EXPERIMENTAL && typ <= 136) {
          this.validate(REQ_MUST, REQ_MAY, REQ_MAY);
          this.ev.experimental(this.evTime, typ);
          return true;
        }
        return this.fail(`bad event type found while ordering: ${typ}`);
    }
  }

  private seqOk(seqGen: number, stSeq: number, seq: number): boolean {
    return seqGen === this.genOrd && seq === stSeq + 1;
  }

  private procStatus(a: Float64Array): boolean {
    const pid = a[0];
    let status = a[1];
    if (status >= PROC_STATUS_STATE.length) this.fail(`invalid status for proc ${pid}: ${status}`);
    let oldState = PROC_STATUS_STATE[status];
    const P = this.p;
    const s = P.live(pid);
    if (s >= 0) {
      const cur = P.st[s * 3];
      if (status === E.PS_SYSCALL_ABANDONED && cur === E.PS_SYSCALL) {
        oldState = PROC_RUNNING;
        status = E.PS_SYSCALL;
      } else if (status === E.PS_SYSCALL_ABANDONED && cur === E.PS_SYSCALL_ABANDONED) {
        oldState = PROC_IDLE;
      } else if (cur !== status) {
        this.fail(`inconsistent status for proc ${pid}: old ${cur} vs. new ${status}`);
      }
      P.st[s * 3 + 1] = this.genOrd;
      P.st[s * 3 + 2] = 0;
    } else {
      const ns = P.slot(pid);
      P.st[ns * 3] = status;
      P.st[ns * 3 + 1] = this.genOrd;
      P.st[ns * 3 + 2] = 0;
      oldState = this.genNum === this.initialGen ? PROC_UNDETERMINED : PROC_NOT_EXIST;
    }
    if (status === E.PS_RUNNING || status === E.PS_SYSCALL) this.newP = pid;
    let ctxG = this.curG;
    let ctxP = this.curP;
    if (status === E.PS_SYSCALL_ABANDONED && oldState === PROC_RUNNING) {
      // A P in syscall that is about to be stolen: the event belongs to the M that held it.
      let found = false;
      for (let i = 0; i < this.mIds.length; i++) {
        if (this.mP[i] === pid) {
          ctxP = pid;
          ctxG = this.mG[i];
          found = true;
        }
      }
      if (!found) this.fail(`failed to find sched context for proc ${pid} that's about to be stolen`);
    }
    this.ev.proc(this.evTime, pid, oldState, PROC_STATUS_STATE[status], ctxG, ctxP);
    return true;
  }

  private procStart(a: Float64Array): boolean {
    const pid = a[0];
    const P = this.p;
    const s = P.live(pid);
    if (s < 0 || P.st[s * 3] !== E.PS_IDLE || !this.seqOk(P.st[s * 3 + 1], P.st[s * 3 + 2], a[1]) || this.curP !== NONE) {
      return false;
    }
    this.validate(REQ_MUST, REQ_NOT, REQ_MAY);
    P.st[s * 3] = E.PS_RUNNING;
    P.st[s * 3 + 1] = this.genOrd;
    P.st[s * 3 + 2] = a[1];
    this.newP = pid;
    this.ev.proc(this.evTime, pid, PROC_IDLE, PROC_RUNNING, this.curG, this.curP);
    return true;
  }

  private procStop(): boolean {
    const P = this.p;
    const s = P.live(this.curP);
    if (s < 0) this.fail(`ProcStop event for proc (${this.curP}) that doesn't exist`);
    if (P.st[s * 3] !== E.PS_RUNNING && P.st[s * 3] !== E.PS_SYSCALL) {
      this.fail("ProcStop event for proc that's not Running or Syscall");
    }
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    P.st[s * 3] = E.PS_IDLE;
    this.newP = NONE;
    this.ev.proc(this.evTime, this.curP, PROC_RUNNING, PROC_IDLE, this.curG, this.curP);
    return true;
  }

  private procSteal(a: Float64Array): boolean {
    const pid = a[0];
    const P = this.p;
    const s = P.live(pid);
    if (
      s < 0 ||
      (P.st[s * 3] !== E.PS_SYSCALL && P.st[s * 3] !== E.PS_SYSCALL_ABANDONED) ||
      !this.seqOk(P.st[s * 3 + 1], P.st[s * 3 + 2], a[1])
    ) {
      return false;
    }
    this.validate(REQ_MUST, REQ_MAY, REQ_MAY);
    const oldStatus = P.st[s * 3];
    P.st[s * 3] = E.PS_IDLE;
    P.st[s * 3 + 1] = this.genOrd;
    P.st[s * 3 + 2] = a[1];
    const before = oldStatus === E.PS_SYSCALL_ABANDONED ? PROC_IDLE : PROC_RUNNING;
    if (oldStatus === E.PS_SYSCALL_ABANDONED) {
      this.ev.proc(this.evTime, pid, before, PROC_IDLE, this.curG, this.curP);
      return true;
    }
    const mid = wireId(a[2]);
    if (mid === this.curM) {
      if (this.curP !== pid) this.fail(`tried to self-steal proc ${pid} (thread ${mid}), but got proc ${this.curP} instead`);
      this.newP = NONE;
      this.ev.proc(this.evTime, pid, before, PROC_IDLE, this.curG, this.curP);
      return true;
    }
    const vi = this.mIndex.get(mid);
    if (vi === undefined) this.fail(`stole proc from non-existent thread ${mid}`);
    if (this.mP[vi] !== pid) this.fail(`tried to steal proc ${pid} from thread ${mid}, but got proc ${this.mP[vi]} instead`);
    this.mP[vi] = NONE;
    this.ev.proc(this.evTime, pid, before, PROC_IDLE, this.curG, this.curP);
    return true;
  }

  private goStatus(typ: number, a: Float64Array): boolean {
    const gid = a[0];
    const mid = wireId(a[1]);
    const status = a[2];
    if (status >= GO_STATUS_STATE.length) this.fail(`invalid status for goroutine ${gid}: ${status}`);
    let oldState = GO_STATUS_STATE[status];
    const G = this.g;
    const s = G.live(gid);
    if (s >= 0) {
      if (G.st[s * 3] !== status) this.fail(`inconsistent status for goroutine ${gid}: old ${G.st[s * 3]} vs. new ${status}`);
      G.st[s * 3 + 1] = this.genOrd;
      G.st[s * 3 + 2] = 0;
    } else if (this.genNum === this.initialGen) {
      const ns = G.slot(gid);
      G.st[ns * 3] = status;
      G.st[ns * 3 + 1] = this.genOrd;
      G.st[ns * 3 + 2] = 0;
      oldState = GO_UNDETERMINED;
    } else {
      this.fail(`found goroutine status for new goroutine after the first generation: id=${gid} status=${status}`);
    }
    let ctxG = this.curG;
    const ctxP = this.curP;
    if (status === E.GS_RUNNING) {
      this.newG = gid;
    } else if (status === E.GS_SYSCALL) {
      if (mid === NONE) this.fail(`found goroutine ${gid} in syscall without a thread`);
      if (mid === this.curM) {
        if (this.genNum !== this.initialGen && this.curG !== gid) {
          this.fail(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${this.curG}`);
        }
        this.newG = gid;
      } else {
        // The goroutine sits in a syscall on another M for the whole generation.
        const oi = this.mIndex.get(mid);
        if (oi !== undefined) {
          if (this.mG[oi] !== gid) this.fail(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${this.mG[oi]}`);
          ctxG = this.mG[oi];
        } else {
          this.mG[this.mIndexOf(mid)] = gid;
        }
      }
    }
    const stk = typ === E.EV_GO_STATUS_STACK ? this.stack(a[3], 'GoStatusStack') : 0;
    this.ev.go(this.evTime, gid, oldState, GO_STATUS_STATE[status], 0, stk, stk, ctxG, ctxP);
    return true;
  }

  private goCreate(typ: number, a: Float64Array): boolean {
    if (this.curM === NONE || this.curP === NONE) this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    const G = this.g;
    if (this.curG !== NONE) {
      const cs = G.live(this.curG);
      if (cs >= 0 && G.st[cs * 3] !== E.GS_RUNNING) this.fail("GoCreate event for goroutine that's not Running");
    }
    const newg = a[0];
    if (G.live(newg) >= 0) this.fail(`tried to create goroutine (${newg}) that already exists`);
    const status = typ === E.EV_GO_CREATE_BLOCKED ? E.GS_WAITING : E.GS_RUNNABLE;
    const ns = G.slot(newg);
    G.st[ns * 3] = status;
    G.st[ns * 3 + 1] = this.genOrd;
    G.st[ns * 3 + 2] = 0;
    const newStack = this.stack(a[1], 'GoCreate');
    const stk = this.stack(a[2], 'GoCreate');
    const to = status === E.GS_WAITING ? GO_WAITING : GO_RUNNABLE;
    this.ev.go(this.evTime, newg, GO_NOT_EXIST, to, 0, stk, newStack, this.curG, this.curP);
    return true;
  }

  /** The current goroutine, which must exist and be Running; returns its slot. */
  private runningG(typ: number): number {
    const G = this.g;
    const s = G.live(this.curG);
    if (s < 0) this.fail(`event ${typ} for goroutine (${this.curG}) that doesn't exist`);
    if (G.st[s * 3] !== E.GS_RUNNING) this.fail(`event ${typ} for goroutine that's not Running`);
    return s;
  }

  private dropG(gid: number, s: number): void {
    this.g.drop(gid, s);
    if (this.gRegions.size > 0) this.gRegions.delete(gid);
    if (this.gRanges.size > 0) this.gRanges.delete(gid);
  }

  private goStopExec(typ: number, a: Float64Array): boolean {
    this.userGo();
    const s = this.runningG(typ);
    const g = this.curG;
    this.newG = NONE;
    if (typ === E.EV_GO_DESTROY) {
      this.dropG(g, s);
      this.ev.go(this.evTime, g, GO_RUNNING, GO_NOT_EXIST, 0, 0, 0, g, this.curP);
      return true;
    }
    const stop = typ === E.EV_GO_STOP;
    const what = stop ? 'GoStop' : 'GoBlock';
    const reason = this.str(a[0], what);
    const stk = this.stack(a[1], what);
    this.g.st[s * 3] = stop ? E.GS_RUNNABLE : E.GS_WAITING;
    this.ev.go(this.evTime, g, GO_RUNNING, stop ? GO_RUNNABLE : GO_WAITING, reason, stk, stk, g, this.curP);
    return true;
  }

  private goStart(a: Float64Array): boolean {
    const gid = a[0];
    const G = this.g;
    const s = G.live(gid);
    if (s < 0 || G.st[s * 3] !== E.GS_RUNNABLE || !this.seqOk(G.st[s * 3 + 1], G.st[s * 3 + 2], a[1])) return false;
    if (this.curM === NONE || this.curP === NONE || this.curG !== NONE) this.validate(REQ_MUST, REQ_MUST, REQ_NOT);
    G.st[s * 3] = E.GS_RUNNING;
    G.st[s * 3 + 1] = this.genOrd;
    G.st[s * 3 + 2] = a[1];
    this.newG = gid;
    this.ev.go(this.evTime, gid, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goUnblock(a: Float64Array): boolean {
    const gid = a[0];
    const G = this.g;
    const s = G.live(gid);
    if (s < 0 || G.st[s * 3] !== E.GS_WAITING || !this.seqOk(G.st[s * 3 + 1], G.st[s * 3 + 2], a[1])) return false;
    G.st[s * 3] = E.GS_RUNNABLE;
    G.st[s * 3 + 1] = this.genOrd;
    G.st[s * 3 + 2] = a[1];
    const stk = this.stack(a[2], 'GoUnblock');
    this.ev.go(this.evTime, gid, GO_WAITING, GO_RUNNABLE, 0, stk, 0, this.curG, this.curP);
    return true;
  }

  private goSwitch(typ: number, a: Float64Array): boolean {
    this.userGo();
    const G = this.g;
    const cs = G.live(this.curG);
    if (cs < 0) this.fail(`GoSwitch for goroutine (${this.curG}) that doesn't exist`);
    if (G.st[cs * 3] !== E.GS_RUNNING) this.fail("GoSwitch event for goroutine that's not Running");
    const nextg = a[0];
    const ns = G.live(nextg);
    if (ns < 0 || G.st[ns * 3] !== E.GS_WAITING || !this.seqOk(G.st[ns * 3 + 1], G.st[ns * 3 + 2], a[1])) return false;
    const g = this.curG;
    const p = this.curP;
    // One wire event, three reader events: unblock next, block/destroy current, start next.
    this.ev.go(this.evTime, nextg, GO_WAITING, GO_RUNNABLE, 0, 0, 0, g, p);
    if (typ === E.EV_GO_SWITCH) {
      G.st[cs * 3] = E.GS_WAITING;
      this.ev.go(this.evTime, g, GO_RUNNING, GO_WAITING, 0, 0, 0, g, p);
    } else {
      this.dropG(g, cs);
      this.ev.go(this.evTime, g, GO_RUNNING, GO_NOT_EXIST, 0, 0, 0, g, p);
    }
    G.st[ns * 3] = E.GS_RUNNING;
    G.st[ns * 3 + 1] = this.genOrd;
    G.st[ns * 3 + 2] = a[1];
    this.newG = nextg;
    this.ev.go(this.evTime, nextg, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, NONE, p);
    return true;
  }

  private goSyscallBegin(a: Float64Array): boolean {
    this.userGo();
    const G = this.g;
    const s = G.live(this.curG);
    if (s < 0) this.fail(`GoSyscallBegin for goroutine (${this.curG}) that doesn't exist`);
    if (G.st[s * 3] !== E.GS_RUNNING) this.fail("GoSyscallBegin event for goroutine that's not Running");
    G.st[s * 3] = E.GS_SYSCALL;
    const P = this.p;
    const ps = P.live(this.curP);
    if (ps < 0) this.fail(`uninitialized proc ${this.curP} found during GoSyscallBegin`);
    P.st[ps * 3] = E.PS_SYSCALL;
    if (!this.seqOk(P.st[ps * 3 + 1], P.st[ps * 3 + 2], a[0])) {
      this.fail(`failed to advance GoSyscallBegin: can't make sequence: ${P.st[ps * 3 + 2]} -> ${a[0]}`);
    }
    P.st[ps * 3 + 1] = this.genOrd;
    P.st[ps * 3 + 2] = a[0];
    const stk = this.stack(a[1], 'GoSyscallBegin');
    this.ev.go(this.evTime, this.curG, GO_RUNNING, GO_SYSCALL, 0, stk, stk, this.curG, this.curP);
    return true;
  }

  private goSyscallEnd(): boolean {
    this.userGo();
    const G = this.g;
    const s = G.live(this.curG);
    if (s < 0) this.fail(`GoSyscallEnd for goroutine (${this.curG}) that doesn't exist`);
    if (G.st[s * 3] !== E.GS_SYSCALL) this.fail("GoSyscallEnd event for goroutine that's not Syscall");
    G.st[s * 3] = E.GS_RUNNING;
    const P = this.p;
    const ps = P.live(this.curP);
    if (ps < 0) this.fail(`uninitialized proc ${this.curP} found during GoSyscallEnd`);
    if (P.st[ps * 3] !== E.PS_SYSCALL) this.fail(`expected proc ${this.curP} in state Syscall, but got ${P.st[ps * 3]} instead`);
    P.st[ps * 3] = E.PS_RUNNING;
    this.ev.go(this.evTime, this.curG, GO_SYSCALL, GO_RUNNING, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goSyscallEndBlocked(): boolean {
    const P = this.p;
    if (this.curP !== NONE) {
      const ps = P.live(this.curP);
      if (ps < 0) this.fail(`uninitialized proc ${this.curP} found during GoSyscallEndBlocked`);
      // The steal of our P has not been ordered yet: wait for it.
      if (P.st[ps * 3] === E.PS_SYSCALL) return false;
    }
    this.validate(REQ_MUST, REQ_MAY, REQ_MUST);
    const G = this.g;
    const s = G.live(this.curG);
    if (s < 0) this.fail(`GoSyscallEndBlocked for goroutine (${this.curG}) that doesn't exist`);
    if (G.st[s * 3] !== E.GS_SYSCALL) this.fail("GoSyscallEndBlocked event for goroutine that's not Syscall");
    this.newG = NONE;
    G.st[s * 3] = E.GS_RUNNABLE;
    this.ev.go(this.evTime, this.curG, GO_SYSCALL, GO_RUNNABLE, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goCreateSyscall(a: Float64Array): boolean {
    this.validate(REQ_MUST, REQ_MAY, REQ_NOT);
    const newg = a[0];
    const G = this.g;
    if (G.live(newg) >= 0) this.fail(`tried to create goroutine (${newg}) in syscall that already exists`);
    const ns = G.slot(newg);
    G.st[ns * 3] = E.GS_SYSCALL;
    G.st[ns * 3 + 1] = this.genOrd;
    G.st[ns * 3 + 2] = 0;
    this.newG = newg;
    this.ev.go(this.evTime, newg, GO_NOT_EXIST, GO_SYSCALL, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goDestroySyscall(): boolean {
    this.validate(REQ_MUST, REQ_MAY, REQ_MUST);
    const G = this.g;
    const s = G.live(this.curG);
    if (s < 0) this.fail(`GoDestroySyscall for goroutine (${this.curG}) that doesn't exist`);
    if (G.st[s * 3] !== E.GS_SYSCALL) this.fail("GoDestroySyscall event for goroutine that's not Syscall");
    this.dropG(this.curG, s);
    this.newG = NONE;
    if (this.curP !== NONE) {
      const P = this.p;
      const ps = P.live(this.curP);
      if (ps < 0) this.fail(`found invalid proc ${this.curP} during GoDestroySyscall`);
      if (P.st[ps * 3] !== E.PS_SYSCALL) this.fail(`proc ${this.curP} in unexpected state ${P.st[ps * 3]} during GoDestroySyscall`);
      // The P stays in syscall with no M to return to it: it is abandoned (self-steal).
      P.st[ps * 3] = E.PS_SYSCALL_ABANDONED;
      this.newP = NONE;
      this.ev.proc(this.evTime, this.curP, PROC_RUNNING, PROC_IDLE, this.curG, this.curP);
    }
    this.ev.go(this.evTime, this.curG, GO_SYSCALL, GO_NOT_EXIST, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private taskBegin(a: Float64Array): boolean {
    const id = a[0];
    if (this.activeTasks.has(id)) this.fail(`task ID conflict: ${id}`);
    const parent = a[1] === 0 ? NONE : a[1];
    const name = this.str(a[2], 'UserTaskBegin');
    this.activeTasks.set(id, { name, parent });
    this.userGo();
    const stk = this.stack(a[3], 'UserTaskBegin');
    this.ev.task(this.evTime, true, id, parent, name, this.curG, stk);
    return true;
  }

  private taskEnd(a: Float64Array): boolean {
    const id = a[0];
    const ts = this.activeTasks.get(id);
    let parent = NONE;
    let name = 0;
    if (ts) {
      parent = ts.parent;
      name = ts.name;
      this.activeTasks.delete(id);
    }
    this.userGo();
    const stk = this.stack(a[1], 'UserTaskEnd');
    this.ev.task(this.evTime, false, id, parent, name, this.curG, stk);
    return true;
  }

  private region(typ: number, a: Float64Array): boolean {
    this.userGo();
    const begin = typ === E.EV_USER_REGION_BEGIN;
    const what = begin ? 'UserRegionBegin' : 'UserRegionEnd';
    const name = this.str(a[1], what);
    if (this.g.live(this.curG) < 0) this.fail(`encountered ${what} without known state for current goroutine ${this.curG}`);
    const g = this.curG;
    let regions = this.gRegions.get(g);
    if (begin) {
      if (!regions) this.gRegions.set(g, (regions = []));
      regions.push({ task: a[0], name });
    } else if (regions && regions.length > 0) {
      const top = regions[regions.length - 1];
      if (top.task !== a[0] || top.name !== name) {
        this.fail(`misuse of region in goroutine ${g}: region end does not match the inner-most active region`);
      }
      regions.pop();
    }
    const stk = this.stack(a[2], what);
    this.ev.region(this.evTime, begin, a[0], name, this.curG, stk);
    return true;
  }

  private gcActive(a: Float64Array): boolean {
    const seq = a[0];
    if (this.genNum === this.initialGen) {
      if (this.gcState !== GC_UNDETERMINED) this.fail("GCActive in the first generation isn't first GC event");
      this.gcSeq = seq;
      this.gcState = GC_RUNNING;
      this.ev.range(this.evTime, 1, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, 0);
      return true;
    }
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState !== GC_RUNNING) this.fail('encountered GCActive while GC was not in progress');
    this.gcSeq = seq;
    this.userGo();
    this.ev.range(this.evTime, 1, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, 0);
    return true;
  }

  private gcBegin(a: Float64Array): boolean {
    const seq = a[0];
    const stk = this.stack(a[1], 'GCBegin');
    if (this.gcState === GC_UNDETERMINED) {
      this.gcSeq = seq;
      this.gcState = GC_RUNNING;
      this.ev.range(this.evTime, 0, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, stk);
      return true;
    }
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState === GC_RUNNING) this.fail('encountered GCBegin while GC was already in progress');
    this.gcSeq = seq;
    this.gcState = GC_RUNNING;
    this.userGo();
    this.ev.range(this.evTime, 0, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, stk);
    return true;
  }

  private gcEnd(a: Float64Array): boolean {
    const seq = a[0];
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState === GC_NOT_RUNNING) this.fail('encountered GCEnd when GC was not in progress');
    if (this.gcState === GC_UNDETERMINED) this.fail('encountered GCEnd when GC was in an undetermined state');
    this.gcSeq = seq;
    this.gcState = GC_NOT_RUNNING;
    this.userGo();
    this.ev.range(this.evTime, 2, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, 0);
    return true;
  }

  private sweepBegin(a: Float64Array): boolean {
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    beginRange(this, this.rangesOf(this.pRanges, this.curP), E.EV_GC_SWEEP_BEGIN, 0);
    const stk = this.stack(a[0], 'GCSweepBegin');
    this.ev.range(this.evTime, 0, this.nameSweep, SCOPE_PROC, this.curP, this.curG, this.curP, stk);
    return true;
  }

  private sweepActive(a: Float64Array): boolean {
    const pid = a[0];
    if (this.p.live(pid) < 0) this.fail(`encountered GCSweepActive for unknown proc ${pid}`);
    activeRange(this, this.rangesOf(this.pRanges, pid), E.EV_GC_SWEEP_BEGIN, 0, this.genNum === this.initialGen);
    this.ev.range(this.evTime, 1, this.nameSweep, SCOPE_PROC, pid, this.curG, this.curP, 0);
    return true;
  }

  private sweepEnd(): boolean {
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    endRange(this, this.pRanges.get(this.curP), E.EV_GC_SWEEP_BEGIN);
    this.ev.range(this.evTime, 2, this.nameSweep, SCOPE_PROC, this.curP, this.curG, this.curP, 0);
    return true;
  }

  private rangesOf(map: Map<number, number[]>, id: number): number[] {
    let r = map.get(id);
    if (!r) map.set(id, (r = []));
    return r;
  }

  private goRangeBegin(typ: number, a: Float64Array): boolean {
    this.userGo();
    let name = this.nameAssist;
    let desc = 0;
    let stk: number;
    if (typ === E.EV_STW_BEGIN) {
      desc = this.str(a[0], 'STWBegin');
      name = this.stwName(desc);
      stk = this.stack(a[1], 'STWBegin');
    } else {
      stk = this.stack(a[0], 'GCMarkAssistBegin');
    }
    if (this.g.live(this.curG) < 0) this.fail(`encountered event of type ${typ} without known state for current goroutine ${this.curG}`);
    beginRange(this, this.rangesOf(this.gRanges, this.curG), typ, desc);
    this.ev.range(this.evTime, 0, name, SCOPE_GOROUTINE, this.curG, this.curG, this.curP, stk);
    return true;
  }

  private goRangeActive(a: Float64Array): boolean {
    const gid = a[0];
    if (this.g.live(gid) < 0) this.fail(`uninitialized goroutine ${gid} found during GCMarkAssistActive`);
    activeRange(this, this.rangesOf(this.gRanges, gid), E.EV_GC_MARK_ASSIST_BEGIN, 0, this.genNum === this.initialGen);
    this.ev.range(this.evTime, 1, this.nameAssist, SCOPE_GOROUTINE, gid, this.curG, this.curP, 0);
    return true;
  }

  private goRangeEnd(typ: number): boolean {
    this.userGo();
    if (this.g.live(this.curG) < 0) this.fail(`encountered event of type ${typ} without known state for current goroutine ${this.curG}`);
    const start = typ === E.EV_STW_END ? E.EV_STW_BEGIN : E.EV_GC_MARK_ASSIST_BEGIN;
    const desc = endRange(this, this.gRanges.get(this.curG), start);
    const name = typ === E.EV_STW_END ? this.stwName(desc) : this.nameAssist;
    this.ev.range(this.evTime, 2, name, SCOPE_GOROUTINE, this.curG, this.curG, this.curP, 0);
    return true;
  }

  private stwName(kind: number): number {
    let n = this.stwNames.get(kind);
    if (n === undefined) {
      n = this.syms.intern(`stop-the-world (${this.syms.strings[kind]})`);
      this.stwNames.set(kind, n);
    }
    return n;
  }

  /** Used by range helpers to report errors with the current offset. */
  error(msg: string): never {
    return this.fail(msg);
  }

  /** Number of Ps the ordering has seen (for the summary). */
  get procCount(): number {
    return this.p.slots;
  }
}

function beginRange(o: Ordering, r: number[], typ: number, desc: number): void {
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] === typ && r[i + 1] === desc) o.error(`discovered event already in-flight for when starting event ${typ}`);
  }
  r.push(typ, desc);
}

function activeRange(o: Ordering, r: number[], typ: number, desc: number, initialGen: boolean): void {
  let has = false;
  for (let i = 0; i < r.length; i += 2) if (r[i] === typ && r[i + 1] === desc) has = true;
  if (initialGen) {
    if (has) o.error(`found named active range already in first gen: ${typ}`);
    r.push(typ, desc);
  } else if (!has) {
    o.error(`resource is missing active range: ${typ}`);
  }
}

/** Removes the in-flight range begun by `start`; returns its description string. */
function endRange(o: Ordering, r: number[] | undefined, start: number): number {
  if (r) {
    for (let i = 0; i < r.length; i += 2) {
      if (r[i] === start) {
        const desc = r[i + 1];
        // Swap-remove, as the Go reader does.
        r[i] = r[r.length - 2];
        r[i + 1] = r[r.length - 1];
        r.length -= 2;
        return desc;
      }
    }
  }
  return o.error(`tried to end event ${start}, but not in-flight`);
}
