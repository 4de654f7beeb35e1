/**
 * The checks go1.21 parser.go postProcessTrace runs over the ordered events: every
 * goroutine, P, GC, STW, sweep, mark assist, task and region moves through legal states.
 * It also moves GC starts and netpoll unblocks to their fake Ps, and drops references to
 * stacks the trace does not have.
 */
import { grown } from '../../../model/growable';
import { IdIndex, type LocalIds } from '../build/idmap';
import { fail } from '../bytes';
import type { Ordered } from './ordered';
import * as V from './spec';

/** PostCheck's state per goroutine, in columns (a trace can have millions of goroutines). */
class GStates {
  private readonly slotOf = new IdIndex();
  private count = 0;
  state = new Uint8Array(1024);
  lastTyp = new Uint8Array(1024);
  assist = new Uint8Array(1024);

  has(id: number): boolean {
    return this.slotOf.get(id) >= 0;
  }

  /** The goroutine's slot; a goroutine not seen before starts dead. */
  slot(id: number): number {
    const s = this.slotOf.get(id);
    return s >= 0 ? s : this.create(id, V.G_DEAD, 0);
  }

  create(id: number, state: number, lastTyp: number): number {
    const s = this.count++;
    if (s === this.state.length) {
      this.state = grown(this.state, s + 1);
      this.lastTyp = grown(this.lastTyp, s + 1);
      this.assist = grown(this.assist, s + 1);
    }
    this.slotOf.set(id, s);
    this.state[s] = state;
    this.lastTyp[s] = lastTyp;
    this.assist[s] = 0;
    return s;
  }
}

/** parser.go postProcessTrace: checks the state machine and assigns some fake Ps. */
export class PostCheck {
  private readonly gs = new GStates();
  private readonly pState = new Map<number, { running: boolean; g: number; sweep: boolean }>();
  private readonly tasks = new Set<number>();
  private readonly regions = new Map<number, { task: number; name: number }[]>();
  private gc = false;
  private stw = false;

  constructor(
    private readonly out: Ordered,
    /** v1 stack id → TraceSymbols stack id: stacks the trace does not have are dropped. */
    private readonly stacks: LocalIds,
  ) {
    this.gs.create(0, V.G_RUNNING, 0);
  }

  private p(id: number): { running: boolean; g: number; sweep: boolean } {
    let s = this.pState.get(id);
    if (!s) this.pState.set(id, (s = { running: false, g: 0, sweep: false }));
    return s;
  }

  private checkRunning(p: { g: number }, gState: number, evG: number, name: string, allowG0: boolean, at: number): void {
    if (gState !== V.G_RUNNING) fail(`g ${evG} is not running while ${name}`, at);
    if (p.g !== evG) fail(`p is not running g ${evG} while ${name}`, at);
    if (!allowG0 && evG === 0) fail(`g 0 did ${name}`, at);
  }

  event(i: number, at: number): void {
    const out = this.out;
    const typ = out.typ[i];
    const evG = out.g[i];
    const evP = out.p[i];
    const name = V.DESCS[typ].name;
    switch (typ) {
      case V.EV_PROC_START: {
        const p = this.p(evP);
        if (p.running) fail(`p ${evP} is running before start`, at);
        p.running = true;
        break;
      }
      case V.EV_PROC_STOP: {
        const p = this.p(evP);
        if (!p.running) fail(`p ${evP} is not running before stop`, at);
        if (p.g !== 0) fail(`p ${evP} is running a goroutine ${p.g} during stop`, at);
        p.running = false;
        break;
      }
      case V.EV_GC_START:
        if (this.gc) fail('previous GC is not ended before a new one', at);
        this.gc = true;
        out.p[i] = V.GC_P;
        break;
      case V.EV_GC_DONE:
        if (!this.gc) fail('bogus GC end', at);
        this.gc = false;
        break;
      case V.EV_STW_START:
        if (this.stw) fail('previous STW is not ended before a new one', at);
        this.stw = true;
        break;
      case V.EV_STW_DONE:
        if (!this.stw) fail('bogus STW end', at);
        this.stw = false;
        break;
      case V.EV_GC_SWEEP_START: {
        const p = this.p(evP);
        if (p.sweep) fail('previous sweeping is not ended before a new one', at);
        p.sweep = true;
        break;
      }
      case V.EV_GC_MARK_ASSIST_START: {
        const g = this.gs.slot(evG);
        if (this.gs.assist[g]) fail('previous mark assist is not ended before a new one', at);
        this.gs.assist[g] = 1;
        break;
      }
      case V.EV_GC_MARK_ASSIST_DONE:
        this.gs.assist[this.gs.slot(evG)] = 0;
        break;
      case V.EV_GC_SWEEP_DONE: {
        const p = this.p(evP);
        if (!p.sweep) fail('bogus sweeping end', at);
        p.sweep = false;
        break;
      }
      case V.EV_GO_WAITING:
      case V.EV_GO_IN_SYSCALL: {
        const g = this.gs.slot(evG);
        if (this.gs.state[g] !== V.G_RUNNABLE) fail(`g ${evG} is not runnable before ${name}`, at);
        this.gs.state[g] = V.G_WAITING;
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_CREATE: {
        this.checkRunning(this.p(evP), this.gs.state[this.gs.slot(evG)], evG, name, true, at);
        const ng = out.a0[i];
        if (this.gs.has(ng)) fail(`g ${ng} already exists`, at);
        this.gs.create(ng, V.G_RUNNABLE, typ);
        break;
      }
      case V.EV_GO_START:
      case V.EV_GO_START_LABEL: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        if (this.gs.state[g] !== V.G_RUNNABLE) fail(`g ${evG} is not runnable before start`, at);
        if (p.g !== 0) fail(`p ${evP} is already running g ${p.g} while start g ${evG}`, at);
        this.gs.state[g] = V.G_RUNNING;
        this.gs.lastTyp[g] = 0;
        p.g = evG;
        break;
      }
      case V.EV_GO_END:
      case V.EV_GO_STOP: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = V.G_DEAD;
        p.g = 0;
        if (typ === V.EV_GO_END) this.regions.delete(evG);
        break;
      }
      case V.EV_GO_SCHED:
      case V.EV_GO_PREEMPT: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = V.G_RUNNABLE;
        p.g = 0;
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_UNBLOCK: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        if (this.gs.state[g] !== V.G_RUNNING) fail(`g ${evG} is not running while unpark`, at);
        if (evP !== V.TIMER_P && p.g !== evG) fail(`p ${evP} is not running g ${evG} while unpark`, at);
        const target = out.a0[i];
        const g1 = this.gs.slot(target);
        if (this.gs.state[g1] !== V.G_WAITING) fail(`g ${target} is not waiting before unpark`, at);
        if (this.gs.lastTyp[g1] === V.EV_GO_BLOCK_NET) out.p[i] = V.NETPOLL_P;
        this.gs.state[g1] = V.G_RUNNABLE;
        this.gs.lastTyp[g1] = typ;
        break;
      }
      case V.EV_GO_SYS_CALL: {
        const g = this.gs.slot(evG);
        this.checkRunning(this.p(evP), this.gs.state[g], evG, name, false, at);
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_SYS_BLOCK: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = V.G_WAITING;
        p.g = 0;
        break;
      }
      case V.EV_GO_SYS_EXIT: {
        const g = this.gs.slot(evG);
        if (this.gs.state[g] !== V.G_WAITING) fail(`g ${evG} is not waiting during syscall exit`, at);
        this.gs.state[g] = V.G_RUNNABLE;
        this.gs.lastTyp[g] = typ;
        break;
      }
      case V.EV_GO_SLEEP:
      case V.EV_GO_BLOCK:
      case V.EV_GO_BLOCK_SEND:
      case V.EV_GO_BLOCK_RECV:
      case V.EV_GO_BLOCK_SELECT:
      case V.EV_GO_BLOCK_SYNC:
      case V.EV_GO_BLOCK_COND:
      case V.EV_GO_BLOCK_NET:
      case V.EV_GO_BLOCK_GC: {
        const g = this.gs.slot(evG);
        const p = this.p(evP);
        this.checkRunning(p, this.gs.state[g], evG, name, false, at);
        this.gs.state[g] = V.G_WAITING;
        this.gs.lastTyp[g] = typ;
        p.g = 0;
        break;
      }
      case V.EV_USER_TASK_CREATE: {
        const id = out.a0[i];
        if (this.tasks.has(id)) fail(`task id conflicts (id:${id})`, at);
        this.tasks.add(id);
        break;
      }
      case V.EV_USER_TASK_END:
        this.tasks.delete(out.a0[i]);
        break;
      case V.EV_USER_REGION: {
        const mode = out.a1[i];
        const task = out.a0[i];
        const nm = out.a2[i];
        let list = this.regions.get(evG);
        if (mode === 0) {
          if (!list) this.regions.set(evG, (list = []));
          list.push({ task, name: nm });
        } else if (mode === 1) {
          if (list && list.length > 0) {
            const s = list[list.length - 1];
            if (s.task !== task || s.name !== nm) fail(`misuse of region in goroutine ${evG}: span end does not match the inner-most active span start`, at);
            list.pop();
            if (list.length === 0) this.regions.delete(evG);
          }
        } else {
          fail(`invalid user region mode: ${mode}`, at);
        }
        break;
      }
    }
    const stk = out.stk[i] >>> 0;
    if (stk !== 0 && !(this.stacks.get(stk) > 0)) out.stk[i] = 0;
  }
}
