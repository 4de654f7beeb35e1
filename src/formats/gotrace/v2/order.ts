/**
 * Puts the events of all Ms into one valid order: a port of the Go reader's ordering state
 * machine (golang/go src/internal/trace/order.go). `advance` says whether an event may
 * happen next given the simulated G/P/M states; if so it updates them and emits the
 * high-level event(s) into the sink. Timestamps only choose among events that are legal.
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
  type TraceEventSink,
  type TraceSymbols,
} from '../../../model/trace';
import { TraceFormatError, wireId } from './bytes';
import type { Generation } from './generation';
import * as E from './spec';
import { IdMap } from '../build/idmap';

class GState {
  seqGen = 0;
  seq = 0;
  regions: { task: number; name: number }[] | null = null;
  ranges: number[] | null = null; // pairs: start event type, desc string
  constructor(
    readonly id: number,
    public status: number,
  ) {}
}

class PState {
  seqGen = 0;
  seq = 0;
  ranges: number[] | null = null;
  constructor(public status: number) {}
}

class MState {
  g = NONE;
  p = NONE;
}

const GC_UNDETERMINED = 0;
const GC_NOT_RUNNING = 1;
const GC_RUNNING = 2;

// Wire status → reader state (tracev2GoStatus2GoState / tracev2ProcStatus2ProcState).
const GO_STATUS_STATE = [GO_UNDETERMINED, GO_RUNNABLE, GO_RUNNING, GO_SYSCALL, GO_WAITING];
const PROC_STATUS_STATE = [PROC_UNDETERMINED, PROC_RUNNING, PROC_IDLE, PROC_RUNNING, PROC_IDLE];

const REQ_NOT = 0;
const REQ_MAY = 1;
const REQ_MUST = 2;

export class Ordering {
  private readonly gs = new IdMap<GState>();
  private readonly ps = new IdMap<PState>();
  private readonly msMap = new IdMap<MState>();
  private readonly activeTasks = new Map<number, { name: number; parent: number }>();
  private gcSeq = 0;
  private gcState = GC_UNDETERMINED;
  initialGen = 0;
  /** Last emitted time; every emitted event is forced strictly after it (reader.go). */
  lastTs = -Infinity;
  events = 0;
  /** Events dropped while reading a truncated generation. */
  skipped = 0;

  // Current generation's tables and the event being advanced (set per call).
  private gen: Generation | null = null;
  private genNum = 0;
  private curM = NONE;
  private curP = NONE;
  private curG = NONE;
  private offset = 0;

  // Names interned once.
  private readonly nameGCMark: number;
  private readonly nameSweep: number;
  private readonly nameAssist: number;
  private readonly stwNames = new Map<number, number>();

  constructor(
    private readonly sink: TraceEventSink,
    private readonly syms: TraceSymbols,
  ) {
    this.nameGCMark = syms.intern('GC concurrent mark phase');
    this.nameSweep = syms.intern('GC incremental sweep');
    this.nameAssist = syms.intern('GC mark assist');
  }

  /** The emitted time of an event happening at `t`: monotonic, as the Go reader makes it. */
  t(t: number): number {
    if (t <= this.lastTs) t = this.lastTs + 1;
    this.lastTs = t;
    this.events++;
    return t;
  }

  setGeneration(g: Generation): void {
    this.gen = g;
    this.genNum = g.gen;
    if (this.initialGen === 0) this.initialGen = g.gen;
  }

  private fail(msg: string): never {
    throw new TraceFormatError(`${msg} (event at offset ${this.offset})`, this.offset);
  }

  private str(id: number, what: string): number {
    if (id === 0) return 0;
    const s = this.gen!.strings.get(id);
    if (s === undefined && this.gen!.truncated) return 0;
    if (s === undefined) this.fail(`found invalid string ID ${id} for event ${what}`);
    return s;
  }

  stack(id: number, what: string): number {
    if (id === 0) return 0;
    const s = this.gen!.stacks.get(id);
    if (s === undefined && this.gen!.truncated) return 0;
    if (s === undefined) this.fail(`found invalid stack ID ${id} for event ${what}`);
    return s;
  }

  private validate(m: number, p: number, g: number): void {
    if (m === REQ_MUST && this.curM === NONE) this.fail('expected a thread but didn\'t have one');
    if (p === REQ_MUST && this.curP === NONE) this.fail("expected a proc but didn't have one");
    else if (p === REQ_NOT && this.curP !== NONE) this.fail('expected no proc but had one');
    if (g === REQ_MUST && this.curG === NONE) this.fail("expected a goroutine but didn't have one");
    else if (g === REQ_NOT && this.curG !== NONE) this.fail('expected no goroutine but had one');
  }

  private userGo(): void {
    this.validate(REQ_MUST, REQ_MUST, REQ_MUST);
  }

  /**
   * Tries to make the event the next one. Returns false if it is not legal yet (another M
   * must go first); throws on a broken trace. `a` holds the args after dt.
   */
  advance(typ: number, time: number, a: Float64Array, m: number, offset: number): boolean {
    this.offset = offset;
    let ms: MState | undefined;
    if (m === NONE) {
      this.curM = NONE;
      this.curP = NONE;
      this.curG = NONE;
    } else {
      ms = this.msMap.get(m);
      if (!ms) {
        ms = new MState();
        this.msMap.set(m, ms);
      }
      this.curM = m;
      this.curP = ms.p;
      this.curG = ms.g;
    }
    // Each handler returns the new (P, G) of this M via newP/newG, or false.
    this.newP = this.curP;
    this.newG = this.curG;
    const ok = this.dispatch(typ, time, a);
    if (ok && ms) {
      ms.p = this.newP;
      ms.g = this.newG;
    }
    return ok;
  }

  private newP = NONE;
  private newG = NONE;

  private dispatch(typ: number, time: number, a: Float64Array): boolean {
    switch (typ) {
      case E.EV_PROCS_CHANGE:
        this.userGo();
        this.sink.metric(this.t(time), METRIC_GOMAXPROCS, a[0]);
        return true;
      case E.EV_PROC_START:
        return this.procStart(time, a);
      case E.EV_PROC_STOP:
        return this.procStop(time);
      case E.EV_PROC_STEAL:
        return this.procSteal(time, a);
      case E.EV_PROC_STATUS:
        return this.procStatus(time, a);
      case E.EV_GO_CREATE:
      case E.EV_GO_CREATE_BLOCKED:
        return this.goCreate(typ, time, a);
      case E.EV_GO_CREATE_SYSCALL:
        return this.goCreateSyscall(time, a);
      case E.EV_GO_START:
        return this.goStart(time, a);
      case E.EV_GO_DESTROY:
      case E.EV_GO_STOP:
      case E.EV_GO_BLOCK:
        return this.goStopExec(typ, time, a);
      case E.EV_GO_DESTROY_SYSCALL:
        return this.goDestroySyscall(time);
      case E.EV_GO_UNBLOCK:
        return this.goUnblock(time, a);
      case E.EV_GO_SWITCH:
      case E.EV_GO_SWITCH_DESTROY:
        return this.goSwitch(typ, time, a);
      case E.EV_GO_SYSCALL_BEGIN:
        return this.goSyscallBegin(time, a);
      case E.EV_GO_SYSCALL_END:
        return this.goSyscallEnd(time);
      case E.EV_GO_SYSCALL_END_BLOCKED:
        return this.goSyscallEndBlocked(time);
      case E.EV_GO_STATUS:
      case E.EV_GO_STATUS_STACK:
        return this.goStatus(typ, time, a);
      case E.EV_STW_BEGIN:
      case E.EV_GC_MARK_ASSIST_BEGIN:
        return this.goRangeBegin(typ, time, a);
      case E.EV_STW_END:
      case E.EV_GC_MARK_ASSIST_END:
        return this.goRangeEnd(typ, time);
      case E.EV_GC_MARK_ASSIST_ACTIVE:
        return this.goRangeActive(time, a);
      case E.EV_GC_ACTIVE:
        return this.gcActive(time, a);
      case E.EV_GC_BEGIN:
        return this.gcBegin(time, a);
      case E.EV_GC_END:
        return this.gcEnd(time, a);
      case E.EV_GC_SWEEP_ACTIVE:
        return this.sweepActive(time, a);
      case E.EV_GC_SWEEP_BEGIN:
        return this.sweepBegin(time, a);
      case E.EV_GC_SWEEP_END:
        return this.sweepEnd(time);
      case E.EV_HEAP_ALLOC:
      case E.EV_HEAP_GOAL:
        this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
        this.sink.metric(this.t(time), typ === E.EV_HEAP_ALLOC ? METRIC_HEAP_ALLOC : METRIC_HEAP_GOAL, a[0]);
        return true;
      case E.EV_GO_LABEL: {
        this.userGo();
        const label = this.str(a[0], 'GoLabel');
        this.sink.label(this.t(time), this.curG, label);
        return true;
      }
      case E.EV_USER_TASK_BEGIN:
        return this.taskBegin(time, a);
      case E.EV_USER_TASK_END:
        return this.taskEnd(time, a);
      case E.EV_USER_REGION_BEGIN:
      case E.EV_USER_REGION_END:
        return this.region(typ, time, a);
      case E.EV_USER_LOG: {
        this.userGo();
        const key = this.str(a[1], 'UserLog');
        const value = this.str(a[2], 'UserLog');
        const stk = this.stack(a[3], 'UserLog');
        this.sink.log(this.t(time), a[0], key, value, this.curG, stk);
        return true;
      }
      default:
        if (typ >= E.EV_FIRST_EXPERIMENTAL && typ <= 136) {
          this.validate(REQ_MUST, REQ_MAY, REQ_MAY);
          this.sink.experimental(this.t(time), typ);
          return true;
        }
        return this.fail(`bad event type found while ordering: ${typ}`);
    }
  }

  private seqOk(gen: number, seq: number, stGen: number, stSeq: number): boolean {
    return gen === stGen && seq === stSeq + 1;
  }

  private procStatus(time: number, a: Float64Array): boolean {
    const pid = a[0];
    let status = a[1];
    if (status >= PROC_STATUS_STATE.length) this.fail(`invalid status for proc ${pid}: ${status}`);
    let oldState = PROC_STATUS_STATE[status];
    const s = this.ps.get(pid);
    if (s) {
      if (status === E.PS_SYSCALL_ABANDONED && s.status === E.PS_SYSCALL) {
        oldState = PROC_RUNNING;
        status = E.PS_SYSCALL;
      } else if (status === E.PS_SYSCALL_ABANDONED && s.status === E.PS_SYSCALL_ABANDONED) {
        oldState = PROC_IDLE;
      } else if (s.status !== status) {
        this.fail(`inconsistent status for proc ${pid}: old ${s.status} vs. new ${status}`);
      }
      s.seqGen = this.genNum;
      s.seq = 0;
    } else {
      const ns = new PState(status);
      ns.seqGen = this.genNum;
      this.ps.set(pid, ns);
      oldState = this.genNum === this.initialGen ? PROC_UNDETERMINED : PROC_NOT_EXIST;
    }
    if (status === E.PS_RUNNING || status === E.PS_SYSCALL) this.newP = pid;
    let ctxG = this.curG;
    let ctxP = this.curP;
    if (status === E.PS_SYSCALL_ABANDONED && oldState === PROC_RUNNING) {
      // A P in syscall that is about to be stolen: the event belongs to the M that held it.
      let found = false;
      for (const st of this.msMap.values()) {
        if (st.p === pid) {
          ctxP = pid;
          ctxG = st.g;
          found = true;
        }
      }
      if (!found) this.fail(`failed to find sched context for proc ${pid} that's about to be stolen`);
    }
    this.sink.procTransition(this.t(time), pid, oldState, PROC_STATUS_STATE[status], ctxG, ctxP);
    return true;
  }

  private procStart(time: number, a: Float64Array): boolean {
    const pid = a[0];
    const st = this.ps.get(pid);
    if (!st || st.status !== E.PS_IDLE || !this.seqOk(this.genNum, a[1], st.seqGen, st.seq) || this.curP !== NONE) {
      return false;
    }
    this.validate(REQ_MUST, REQ_NOT, REQ_MAY);
    st.status = E.PS_RUNNING;
    st.seqGen = this.genNum;
    st.seq = a[1];
    this.newP = pid;
    this.sink.procTransition(this.t(time), pid, PROC_IDLE, PROC_RUNNING, this.curG, this.curP);
    return true;
  }

  private procStop(time: number): boolean {
    const st = this.ps.get(this.curP);
    if (!st) this.fail(`ProcStop event for proc (${this.curP}) that doesn't exist`);
    if (st.status !== E.PS_RUNNING && st.status !== E.PS_SYSCALL) {
      this.fail('ProcStop event for proc that\'s not Running or Syscall');
    }
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    st.status = E.PS_IDLE;
    this.newP = NONE;
    this.sink.procTransition(this.t(time), this.curP, PROC_RUNNING, PROC_IDLE, this.curG, this.curP);
    return true;
  }

  private procSteal(time: number, a: Float64Array): boolean {
    const pid = a[0];
    const st = this.ps.get(pid);
    if (
      !st ||
      (st.status !== E.PS_SYSCALL && st.status !== E.PS_SYSCALL_ABANDONED) ||
      !this.seqOk(this.genNum, a[1], st.seqGen, st.seq)
    ) {
      return false;
    }
    this.validate(REQ_MUST, REQ_MAY, REQ_MAY);
    const oldStatus = st.status;
    st.status = E.PS_IDLE;
    st.seqGen = this.genNum;
    st.seq = a[1];
    const before = oldStatus === E.PS_SYSCALL_ABANDONED ? PROC_IDLE : PROC_RUNNING;
    if (oldStatus === E.PS_SYSCALL_ABANDONED) {
      this.sink.procTransition(this.t(time), pid, before, PROC_IDLE, this.curG, this.curP);
      return true;
    }
    const mid = wireId(a[2]);
    if (mid === this.curM) {
      if (this.curP !== pid) this.fail(`tried to self-steal proc ${pid} (thread ${mid}), but got proc ${this.curP} instead`);
      this.newP = NONE;
      this.sink.procTransition(this.t(time), pid, before, PROC_IDLE, this.curG, this.curP);
      return true;
    }
    const victim = this.msMap.get(mid);
    if (!victim) this.fail(`stole proc from non-existent thread ${mid}`);
    if (victim.p !== pid) this.fail(`tried to steal proc ${pid} from thread ${mid}, but got proc ${victim.p} instead`);
    victim.p = NONE;
    this.sink.procTransition(this.t(time), pid, before, PROC_IDLE, this.curG, this.curP);
    return true;
  }

  private goStatus(typ: number, time: number, a: Float64Array): boolean {
    const gid = a[0];
    const mid = wireId(a[1]);
    const status = a[2];
    if (status >= GO_STATUS_STATE.length) this.fail(`invalid status for goroutine ${gid}: ${status}`);
    let oldState = GO_STATUS_STATE[status];
    const s = this.gs.get(gid);
    if (s) {
      if (s.status !== status) this.fail(`inconsistent status for goroutine ${gid}: old ${s.status} vs. new ${status}`);
      s.seqGen = this.genNum;
      s.seq = 0;
    } else if (this.genNum === this.initialGen) {
      const ns = new GState(gid, status);
      ns.seqGen = this.genNum;
      this.gs.set(gid, ns);
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
        const other = this.msMap.get(mid);
        if (other) {
          if (other.g !== gid) this.fail(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${other.g}`);
          ctxG = other.g;
        } else {
          const nm = new MState();
          nm.g = gid;
          this.msMap.set(mid, nm);
        }
      }
    }
    const stk = typ === E.EV_GO_STATUS_STACK ? this.stack(a[3], 'GoStatusStack') : 0;
    this.sink.goTransition(this.t(time), gid, oldState, GO_STATUS_STATE[status], 0, stk, stk, ctxG, ctxP);
    return true;
  }

  private goCreate(typ: number, time: number, a: Float64Array): boolean {
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    const cur = this.gs.get(this.curG);
    if (cur && cur.status !== E.GS_RUNNING) this.fail('GoCreate event for goroutine that\'s not Running');
    const newg = a[0];
    if (this.gs.has(newg)) this.fail(`tried to create goroutine (${newg}) that already exists`);
    const status = typ === E.EV_GO_CREATE_BLOCKED ? E.GS_WAITING : E.GS_RUNNABLE;
    const ns = new GState(newg, status);
    ns.seqGen = this.genNum;
    this.gs.set(newg, ns);
    const newStack = this.stack(a[1], 'GoCreate');
    const stk = this.stack(a[2], 'GoCreate');
    const to = status === E.GS_WAITING ? GO_WAITING : GO_RUNNABLE;
    this.sink.goTransition(this.t(time), newg, GO_NOT_EXIST, to, 0, stk, newStack, this.curG, this.curP);
    return true;
  }

  private goStopExec(typ: number, time: number, a: Float64Array): boolean {
    this.userGo();
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`event ${typ} for goroutine (${this.curG}) that doesn't exist`);
    if (st.status !== E.GS_RUNNING) this.fail(`event ${typ} for goroutine that's not Running`);
    const g = this.curG;
    this.newG = NONE;
    if (typ === E.EV_GO_DESTROY) {
      this.gs.delete(g);
      this.sink.goTransition(this.t(time), g, GO_RUNNING, GO_NOT_EXIST, 0, 0, 0, g, this.curP);
      return true;
    }
    const what = typ === E.EV_GO_STOP ? 'GoStop' : 'GoBlock';
    const reason = this.str(a[0], what);
    const stk = this.stack(a[1], what);
    st.status = typ === E.EV_GO_STOP ? E.GS_RUNNABLE : E.GS_WAITING;
    const to = typ === E.EV_GO_STOP ? GO_RUNNABLE : GO_WAITING;
    this.sink.goTransition(this.t(time), g, GO_RUNNING, to, reason, stk, stk, g, this.curP);
    return true;
  }

  private goStart(time: number, a: Float64Array): boolean {
    const gid = a[0];
    const st = this.gs.get(gid);
    if (!st || st.status !== E.GS_RUNNABLE || !this.seqOk(this.genNum, a[1], st.seqGen, st.seq)) return false;
    this.validate(REQ_MUST, REQ_MUST, REQ_NOT);
    st.status = E.GS_RUNNING;
    st.seqGen = this.genNum;
    st.seq = a[1];
    this.newG = gid;
    this.sink.goTransition(this.t(time), gid, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goUnblock(time: number, a: Float64Array): boolean {
    const gid = a[0];
    const st = this.gs.get(gid);
    if (!st || st.status !== E.GS_WAITING || !this.seqOk(this.genNum, a[1], st.seqGen, st.seq)) return false;
    st.status = E.GS_RUNNABLE;
    st.seqGen = this.genNum;
    st.seq = a[1];
    const stk = this.stack(a[2], 'GoUnblock');
    this.sink.goTransition(this.t(time), gid, GO_WAITING, GO_RUNNABLE, 0, stk, 0, this.curG, this.curP);
    return true;
  }

  private goSwitch(typ: number, time: number, a: Float64Array): boolean {
    this.userGo();
    const cur = this.gs.get(this.curG);
    if (!cur) this.fail(`GoSwitch for goroutine (${this.curG}) that doesn't exist`);
    if (cur.status !== E.GS_RUNNING) this.fail("GoSwitch event for goroutine that's not Running");
    const nextg = a[0];
    const next = this.gs.get(nextg);
    if (!next || next.status !== E.GS_WAITING || !this.seqOk(this.genNum, a[1], next.seqGen, next.seq)) return false;
    const g = this.curG;
    const p = this.curP;
    // One wire event, three reader events: unblock next, block/destroy current, start next.
    this.sink.goTransition(this.t(time), nextg, GO_WAITING, GO_RUNNABLE, 0, 0, 0, g, p);
    if (typ === E.EV_GO_SWITCH) {
      cur.status = E.GS_WAITING;
      this.sink.goTransition(this.t(time), g, GO_RUNNING, GO_WAITING, 0, 0, 0, g, p);
    } else {
      this.gs.delete(g);
      this.sink.goTransition(this.t(time), g, GO_RUNNING, GO_NOT_EXIST, 0, 0, 0, g, p);
    }
    next.status = E.GS_RUNNING;
    next.seqGen = this.genNum;
    next.seq = a[1];
    this.newG = nextg;
    this.sink.goTransition(this.t(time), nextg, GO_RUNNABLE, GO_RUNNING, 0, 0, 0, NONE, p);
    return true;
  }

  private goSyscallBegin(time: number, a: Float64Array): boolean {
    this.userGo();
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`GoSyscallBegin for goroutine (${this.curG}) that doesn't exist`);
    if (st.status !== E.GS_RUNNING) this.fail("GoSyscallBegin event for goroutine that's not Running");
    st.status = E.GS_SYSCALL;
    const ps = this.ps.get(this.curP);
    if (!ps) this.fail(`uninitialized proc ${this.curP} found during GoSyscallBegin`);
    ps.status = E.PS_SYSCALL;
    if (!this.seqOk(this.genNum, a[0], ps.seqGen, ps.seq)) {
      this.fail(`failed to advance GoSyscallBegin: can't make sequence: ${ps.seq} -> ${a[0]}`);
    }
    ps.seqGen = this.genNum;
    ps.seq = a[0];
    const stk = this.stack(a[1], 'GoSyscallBegin');
    this.sink.goTransition(this.t(time), this.curG, GO_RUNNING, GO_SYSCALL, 0, stk, stk, this.curG, this.curP);
    return true;
  }

  private goSyscallEnd(time: number): boolean {
    this.userGo();
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`GoSyscallEnd for goroutine (${this.curG}) that doesn't exist`);
    if (st.status !== E.GS_SYSCALL) this.fail("GoSyscallEnd event for goroutine that's not Syscall");
    st.status = E.GS_RUNNING;
    const ps = this.ps.get(this.curP);
    if (!ps) this.fail(`uninitialized proc ${this.curP} found during GoSyscallEnd`);
    if (ps.status !== E.PS_SYSCALL) this.fail(`expected proc ${this.curP} in state Syscall, but got ${ps.status} instead`);
    ps.status = E.PS_RUNNING;
    this.sink.goTransition(this.t(time), this.curG, GO_SYSCALL, GO_RUNNING, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goSyscallEndBlocked(time: number): boolean {
    if (this.curP !== NONE) {
      const ps = this.ps.get(this.curP);
      if (!ps) this.fail(`uninitialized proc ${this.curP} found during GoSyscallEndBlocked`);
      // The steal of our P has not been ordered yet: wait for it.
      if (ps.status === E.PS_SYSCALL) return false;
    }
    this.validate(REQ_MUST, REQ_MAY, REQ_MUST);
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`GoSyscallEndBlocked for goroutine (${this.curG}) that doesn't exist`);
    if (st.status !== E.GS_SYSCALL) this.fail("GoSyscallEndBlocked event for goroutine that's not Syscall");
    this.newG = NONE;
    st.status = E.GS_RUNNABLE;
    this.sink.goTransition(this.t(time), this.curG, GO_SYSCALL, GO_RUNNABLE, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goCreateSyscall(time: number, a: Float64Array): boolean {
    this.validate(REQ_MUST, REQ_MAY, REQ_NOT);
    const newg = a[0];
    if (this.gs.has(newg)) this.fail(`tried to create goroutine (${newg}) in syscall that already exists`);
    const ns = new GState(newg, E.GS_SYSCALL);
    ns.seqGen = this.genNum;
    this.gs.set(newg, ns);
    this.newG = newg;
    this.sink.goTransition(this.t(time), newg, GO_NOT_EXIST, GO_SYSCALL, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private goDestroySyscall(time: number): boolean {
    this.validate(REQ_MUST, REQ_MAY, REQ_MUST);
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`GoDestroySyscall for goroutine (${this.curG}) that doesn't exist`);
    if (st.status !== E.GS_SYSCALL) this.fail("GoDestroySyscall event for goroutine that's not Syscall");
    this.gs.delete(this.curG);
    this.newG = NONE;
    if (this.curP !== NONE) {
      const ps = this.ps.get(this.curP);
      if (!ps) this.fail(`found invalid proc ${this.curP} during GoDestroySyscall`);
      if (ps.status !== E.PS_SYSCALL) this.fail(`proc ${this.curP} in unexpected state ${ps.status} during GoDestroySyscall`);
      // The P stays in syscall with no M to return to it: it is abandoned (self-steal).
      ps.status = E.PS_SYSCALL_ABANDONED;
      this.newP = NONE;
      this.sink.procTransition(this.t(time), this.curP, PROC_RUNNING, PROC_IDLE, this.curG, this.curP);
    }
    this.sink.goTransition(this.t(time), this.curG, GO_SYSCALL, GO_NOT_EXIST, 0, 0, 0, this.curG, this.curP);
    return true;
  }

  private taskBegin(time: number, a: Float64Array): boolean {
    const id = a[0];
    if (this.activeTasks.has(id)) this.fail(`task ID conflict: ${id}`);
    const parent = a[1] === 0 ? NONE : a[1];
    const name = this.str(a[2], 'UserTaskBegin');
    this.activeTasks.set(id, { name, parent });
    this.userGo();
    const stk = this.stack(a[3], 'UserTaskBegin');
    this.sink.task(this.t(time), true, id, parent, name, this.curG, stk);
    return true;
  }

  private taskEnd(time: number, a: Float64Array): boolean {
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
    this.sink.task(this.t(time), false, id, parent, name, this.curG, stk);
    return true;
  }

  private region(typ: number, time: number, a: Float64Array): boolean {
    this.userGo();
    const begin = typ === E.EV_USER_REGION_BEGIN;
    const what = begin ? 'UserRegionBegin' : 'UserRegionEnd';
    const name = this.str(a[1], what);
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`encountered ${what} without known state for current goroutine ${this.curG}`);
    if (begin) {
      (st.regions ??= []).push({ task: a[0], name });
    } else if (st.regions && st.regions.length > 0) {
      const top = st.regions[st.regions.length - 1];
      if (top.task !== a[0] || top.name !== name) {
        this.fail(`misuse of region in goroutine ${st.id}: region end does not match the inner-most active region`);
      }
      st.regions.pop();
    }
    const stk = this.stack(a[2], what);
    this.sink.region(this.t(time), begin, a[0], name, this.curG, stk);
    return true;
  }

  private gcActive(time: number, a: Float64Array): boolean {
    const seq = a[0];
    if (this.genNum === this.initialGen) {
      if (this.gcState !== GC_UNDETERMINED) this.fail("GCActive in the first generation isn't first GC event");
      this.gcSeq = seq;
      this.gcState = GC_RUNNING;
      this.sink.range(this.t(time), 1, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, 0);
      return true;
    }
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState !== GC_RUNNING) this.fail('encountered GCActive while GC was not in progress');
    this.gcSeq = seq;
    this.userGo();
    this.sink.range(this.t(time), 1, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, 0);
    return true;
  }

  private gcBegin(time: number, a: Float64Array): boolean {
    const seq = a[0];
    const stk = this.stack(a[1], 'GCBegin');
    if (this.gcState === GC_UNDETERMINED) {
      this.gcSeq = seq;
      this.gcState = GC_RUNNING;
      this.sink.range(this.t(time), 0, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, stk);
      return true;
    }
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState === GC_RUNNING) this.fail('encountered GCBegin while GC was already in progress');
    this.gcSeq = seq;
    this.gcState = GC_RUNNING;
    this.userGo();
    this.sink.range(this.t(time), 0, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, stk);
    return true;
  }

  private gcEnd(time: number, a: Float64Array): boolean {
    const seq = a[0];
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState === GC_NOT_RUNNING) this.fail('encountered GCEnd when GC was not in progress');
    if (this.gcState === GC_UNDETERMINED) this.fail('encountered GCEnd when GC was in an undetermined state');
    this.gcSeq = seq;
    this.gcState = GC_NOT_RUNNING;
    this.userGo();
    this.sink.range(this.t(time), 2, this.nameGCMark, SCOPE_NONE, NONE, this.curG, this.curP, 0);
    return true;
  }

  private sweepBegin(time: number, a: Float64Array): boolean {
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    const ps = this.ps.get(this.curP)!;
    beginRange(this, ps, E.EV_GC_SWEEP_BEGIN, 0);
    const stk = this.stack(a[0], 'GCSweepBegin');
    this.sink.range(this.t(time), 0, this.nameSweep, SCOPE_PROC, this.curP, this.curG, this.curP, stk);
    return true;
  }

  private sweepActive(time: number, a: Float64Array): boolean {
    const pid = a[0];
    const ps = this.ps.get(pid);
    if (!ps) this.fail(`encountered GCSweepActive for unknown proc ${pid}`);
    activeRange(this, ps, E.EV_GC_SWEEP_BEGIN, 0, this.genNum === this.initialGen);
    this.sink.range(this.t(time), 1, this.nameSweep, SCOPE_PROC, pid, this.curG, this.curP, 0);
    return true;
  }

  private sweepEnd(time: number): boolean {
    this.validate(REQ_MUST, REQ_MUST, REQ_MAY);
    endRange(this, this.ps.get(this.curP)!, E.EV_GC_SWEEP_BEGIN);
    this.sink.range(this.t(time), 2, this.nameSweep, SCOPE_PROC, this.curP, this.curG, this.curP, 0);
    return true;
  }

  private goRangeBegin(typ: number, time: number, a: Float64Array): boolean {
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
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`encountered event of type ${typ} without known state for current goroutine ${this.curG}`);
    beginRange(this, st, typ, desc);
    this.sink.range(this.t(time), 0, name, SCOPE_GOROUTINE, this.curG, this.curG, this.curP, stk);
    return true;
  }

  private goRangeActive(time: number, a: Float64Array): boolean {
    const gid = a[0];
    const st = this.gs.get(gid);
    if (!st) this.fail(`uninitialized goroutine ${gid} found during GCMarkAssistActive`);
    activeRange(this, st, E.EV_GC_MARK_ASSIST_BEGIN, 0, this.genNum === this.initialGen);
    this.sink.range(this.t(time), 1, this.nameAssist, SCOPE_GOROUTINE, gid, this.curG, this.curP, 0);
    return true;
  }

  private goRangeEnd(typ: number, time: number): boolean {
    this.userGo();
    const st = this.gs.get(this.curG);
    if (!st) this.fail(`encountered event of type ${typ} without known state for current goroutine ${this.curG}`);
    const start = typ === E.EV_STW_END ? E.EV_STW_BEGIN : E.EV_GC_MARK_ASSIST_BEGIN;
    const desc = endRange(this, st, start);
    const name = typ === E.EV_STW_END ? this.stwName(desc) : this.nameAssist;
    this.sink.range(this.t(time), 2, name, SCOPE_GOROUTINE, this.curG, this.curG, this.curP, 0);
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
    return this.ps.size;
  }
}

function beginRange(o: Ordering, s: GState | PState, typ: number, desc: number): void {
  const r = (s.ranges ??= []);
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] === typ && r[i + 1] === desc) o.error(`discovered event already in-flight for when starting event ${typ}`);
  }
  r.push(typ, desc);
}

function activeRange(o: Ordering, s: GState | PState, typ: number, desc: number, initialGen: boolean): void {
  const r = (s.ranges ??= []);
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
function endRange(o: Ordering, s: GState | PState, start: number): number {
  const r = s.ranges;
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
