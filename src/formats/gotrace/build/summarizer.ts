/**
 * Per-goroutine time breakdown, tasks and regions, computed while events stream by.
 * Same rules as golang/go src/internal/trace/summary.go (so numbers match `go tool trace`),
 * but with one row per goroutine in typed columns and one "current state since" per
 * goroutine instead of a struct of timestamps. Block time per reason and time per range
 * name live in per-goroutine chains of typed rows (a goroutine has few of each), so the
 * event path touches no Map.
 */
import {
  GO_NOT_EXIST,
  GO_RUNNABLE,
  GO_RUNNING,
  GO_SYSCALL,
  GO_UNDETERMINED,
  GO_WAITING,
  NONE,
  PROC_IDLE,
  SCOPE_GOROUTINE,
  SCOPE_PROC,
  type GoroutineTable,
  type RegionInfo,
  type SparseTimes,
  type TaskInfo,
  type TraceSymbols,
  isSyncReason,
  isSystemGoroutine,
} from '../../../model/trace';
import { GrowableFloat64, GrowableInt32, SlotF64, SlotI32, grown, startsBlock } from '../../../model/growable';
import { IdFlags, SmallIndex } from './idmap';
import { GoroutineSlots } from './goroutine-slots';
import { fromState, toState } from '../events';
import { HotRows, hotRow } from './slot-columns';

// What the goroutine's `since` measures (summary.go's last*Time fields; only one is set).
const S_NONE = 0;
const S_RUNNING = 1;
const S_RUNNABLE = 2;
const S_WAITING = 3;
const S_SYSCALL = 4;
/** Flag in `state`: finalized (ended, or closed at the end of the trace). */
const S_FINAL = 8;

const KEY = 1024; // multiplier for (slot, small index) map keys of open ranges

/**
 * Fields of a goroutine's hot row (slot-columns.ts HotRows): everything a state transition
 * reads or writes, the derived-profile tracker (derived.ts) included, in one cache line per
 * slot. A transition then touches one line instead of one per column, and a new
 * goroutine's row is one sequential stream of memory. F_* are float fields, I_* int ones.
 */
export const F_SINCE = 0; // when the current state began
export const F_EXEC = 1;
export const F_SCHED = 2;
export const F_START = 3; // first run (NaN: never ran)
export const F_TRACK_SINCE = 4; // derived.ts: since when the tracked kind runs
export const I_STATE = 10; // S_* | S_FINAL
export const I_REASON = 11; // block reason (string id) while waiting
export const I_NAME = 12; // start function (string id, 0: not known yet)
export const I_BLOCKS = 13; // head of the slot's chain of block times by reason
export const I_TRACK = 14; // derived.ts: tracked profile kind (-1: none), entered with which stack
export const I_TRACK_STACK = 15;

function initHotRow(f: Float64Array, i: Int32Array): void {
  f[F_START] = NaN;
  i[I_BLOCKS] = -1;
  i[I_TRACK] = -1;
}

interface ActiveRegion {
  task: number;
  name: number;
  start: number | null;
  stack: number;
}

interface TaskAcc {
  id: number;
  name: number;
  parent: number;
  start: number | null;
  end: number | null;
  logs: number;
  regions: number;
  goroutines: Set<number>;
}

/** Hooks the derived-profile accumulator needs. */
export interface SummaryListener {
  onStart(slot: number): void;
  onNamed(slot: number): void;
}

/** (goroutine slot, key) → ns rows, chained per slot; the rows are the sparse output. */
class KeyedTimes {
  slot = new GrowableInt32(1024);
  key = new GrowableInt32(1024);
  ns = new GrowableFloat64(1024);
  next = new GrowableInt32(1024);

  /** Adds `dt` to (slot `s`, key) in the chain at `h` (-1 = empty); returns the chain's head. */
  add(h: number, s: number, key: number, dt: number): number {
    const r = this.find(h, key);
    if (r < 0) return this.append(s, key, dt, h);
    this.ns.data[r] += dt;
    return h;
  }

  private find(h: number, key: number): number {
    const keys = this.key.data;
    const next = this.next.data;
    for (let r = h; r >= 0; r = next[r]) if (keys[r] === key) return r;
    return -1;
  }

  private append(s: number, key: number, dt: number, h: number): number {
    const r = this.slot.push(s);
    this.key.push(key);
    this.ns.push(dt);
    this.next.push(h);
    return r;
  }

  sparse(): SparseTimes {
    return { count: this.slot.length, goroutine: this.slot.view(), key: this.key.view(), ns: this.ns.view() };
  }
}

/** Open ranges (name, since), chained per goroutine slot, with a free list. */
class OpenRanges {
  name: Int32Array = new Int32Array(256);
  since: Float64Array = new Float64Array(256);
  next: Int32Array = new Int32Array(256);
  private used = 0;
  private free = -1;

  find(head: number, name: number): number {
    for (let e = head; e >= 0; e = this.next[e]) if (this.name[e] === name) return e;
    return -1;
  }

  /** Adds (name, since) in front of the chain at `head`; returns the new head. */
  add(head: number, name: number, since: number): number {
    let e = this.free;
    if (e >= 0) this.free = this.next[e];
    else {
      e = this.used++;
      if (e === this.name.length) {
        this.name = grown(this.name, e + 1);
        this.since = grown(this.since, e + 1);
        this.next = grown(this.next, e + 1);
      }
    }
    this.name[e] = name;
    this.since[e] = since;
    this.next[e] = head;
    return e;
  }

  /** Unlinks entry `e` from the chain at `head`; returns the new head. */
  remove(head: number, e: number): number {
    let h = head;
    if (h === e) h = this.next[e];
    else for (let p = head; p >= 0; p = this.next[p]) if (this.next[p] === e) {
      this.next[p] = this.next[e];
      break;
    }
    this.next[e] = this.free;
    this.free = e;
    return h;
  }

  freeChain(head: number): void {
    let e = head;
    while (e >= 0) {
      const n = this.next[e];
      this.next[e] = this.free;
      this.free = e;
      e = n;
    }
  }
}

export class Summarizer {
  readonly slots = new GoroutineSlots();
  /** Time the analysis ended (the last event), for goroutines still alive then. */
  private endedAt = NaN;
  // Columns, one row per goroutine slot.
  readonly id = new SlotF64();
  readonly creation = new SlotF64();
  readonly end = new SlotF64(NaN);
  readonly creator = new SlotF64(-1);
  readonly creationStack = new SlotI32();
  readonly syscall = new SlotF64();
  readonly syscallBlock = new SlotF64();
  readonly regionCount = new SlotI32();
  /** The F_* and I_* fields, one row per slot. */
  readonly hot = new HotRows(initHotRow);
  private readonly rangeHead = new SlotI32(-1);
  /** Open (begun or active) ranges, chained per slot: range name, since when. */
  private readonly openHead = new SlotI32(-1);
  private readonly open = new OpenRanges();

  private readonly rangeNames = new SmallIndex();
  readonly blockTimes = new KeyedTimes();
  readonly rangeTimes = new KeyedTimes();
  /** Syscalls whose P was taken away: slot → time it happened. */
  private readonly syscallBlockSince = new Map<number, number>();

  private readonly syscallingP = new Map<number, number>(); // P → goid
  private readonly syscallingG = new Map<number, number>(); // goid → P
  private readonly rangesP = new Map<number, number>(); // P*KEY+range → goid
  private readonly activeRegions = new Map<number, ActiveRegion[]>();
  readonly regions: RegionInfo[] = [];
  private readonly tasks = new Map<number, TaskAcc>();

  syncTs = NaN;
  listener: SummaryListener | null = null;

  /** Reason string ids that say "blocked forever". */
  private readonly forever = new IdFlags((reason) => this.syms.strings[reason] === 'forever');

  /** Reads `syms` and never interns into it, so it can be a replica of a reader's (pipe/). */
  constructor(private readonly syms: TraceSymbols) {}

  sync(t: number): void {
    this.syncTs = t;
  }

  /** Start function (string id) of slot `s`, 0 while unknown. */
  nameOf(s: number): number {
    return this.hot.getI(s, I_NAME);
  }

  /** Time of the transition being delivered (a field, so no boxed double per call). */
  now = 0.5;

  /**
   * The goroutine transition in row (fb, nb) of an event chunk (layout in events.ts), at
   * time `now`; returns the slot of the goroutine after it (-1 if none).
   */
  goTransition(f: Float64Array, n: Int32Array, fb: number, nb: number): number {
    const t = this.now;
    const goid = f[fb];
    const ctxG = f[fb + 1];
    const ctxP = f[fb + 2];
    const from = fromState(n[nb]);
    const to = toState(n[nb]);
    const reason = n[nb + 1];
    const evStack = n[nb + 2];
    const stStack = n[nb + 3];
    if (this.syncTs !== this.syncTs) this.syncTs = t;
    if (from === to) return this.slots.current(goid);
    const slot = this.slots.of(goid, from, to);
    if (this.slots.opened) {
      this.newSlot(slot, goid, from === GO_UNDETERMINED ? this.syncTs : t);
      if (from === GO_NOT_EXIST && ctxG !== NONE) {
        this.creator.set(slot, ctxG);
        this.creationStack.set(slot, evStack);
      }
      // A goroutine created inside a region inherits the creator's task (synthetic region).
      if (this.activeRegions.size > 0 && ctxG >= 0) {
        const cs = this.slots.current(ctxG);
        const creatorRegions = cs < 0 ? undefined : this.activeRegions.get(cs);
        if (creatorRegions && creatorRegions.length > 0) {
          const top = creatorRegions[creatorRegions.length - 1];
          this.activeRegions.set(slot, [{ task: top.task, name: 0, start: null, stack: 0 }]);
        }
      }
    } else if (slot < 0) {
      return -1;
    }
    const w = this.hot.floats(slot);
    const wi = this.hot.ints(slot);
    const wo = hotRow(slot);
    const io = wo * 2;
    if ((wi[io + I_STATE] & 7) !== S_NONE) this.closeState(w, wi, wo, slot, t);
    if (stStack !== 0 && wi[io + I_NAME] === 0) {
      const n = this.syms.rootFuncId(stStack);
      if (n !== 0) {
        wi[io + I_NAME] = n;
        this.listener?.onNamed(slot);
      }
    }
    // A goroutine first seen in a status event existed since the last Sync: Go 1.27's
    // summarizer credits that time to the state it is found in.
    const tIn = from === GO_UNDETERMINED ? this.syncTs : t;
    const fin = wi[io + I_STATE] & S_FINAL;
    switch (to) {
      case GO_RUNNING:
        wi[io + I_STATE] = S_RUNNING | fin;
        w[wo + F_SINCE] = tIn;
        if (w[wo + F_START] !== w[wo + F_START]) {
          w[wo + F_START] = t;
          this.listener?.onStart(slot);
        }
        break;
      case GO_RUNNABLE:
        wi[io + I_STATE] = S_RUNNABLE | fin;
        w[wo + F_SINCE] = tIn;
        break;
      case GO_WAITING:
        if (!this.forever.has(reason)) {
          wi[io + I_STATE] = S_WAITING | fin;
          w[wo + F_SINCE] = tIn;
          wi[io + I_REASON] = reason;
        } else {
          this.finalize(slot, t, true); // blocked forever counts as the end
        }
        break;
      case GO_NOT_EXIST:
        this.finalize(slot, t, true);
        break;
      case GO_SYSCALL:
        this.syscallingP.set(ctxP, goid);
        this.syscallingG.set(goid, ctxP);
        wi[io + I_STATE] = S_SYSCALL | fin;
        w[wo + F_SINCE] = tIn;
        if (from === GO_UNDETERMINED && ctxP === NONE) {
          // Found in a syscall without a P: it was blocked in it since the Sync.
          this.syscallBlock.add(slot, t - this.syncTs);
          w[wo + F_SINCE] = t;
        }
        break;
    }
    return slot;
  }

  private newSlot(slot: number, goid: number, creation: number): void {
    if (startsBlock(slot)) {
      // The other columns make their blocks when first written.
      this.hot.ensure(slot);
    }
    this.id.set(slot, goid);
    this.creation.set(slot, creation);
  }

  /** Credits the time in the current state of `slot` (hot row at `wo` of `w`/`wi`) up to `t`. */
  private closeState(w: Float64Array, wi: Int32Array, wo: number, slot: number, t: number): void {
    const io = wo * 2;
    const st = wi[io + I_STATE] & 7;
    const dt = t - w[wo + F_SINCE];
    if (st === S_RUNNING) w[wo + F_EXEC] += dt;
    else if (st === S_RUNNABLE) w[wo + F_SCHED] += dt;
    else if (st === S_WAITING) wi[io + I_BLOCKS] = this.blockTimes.add(wi[io + I_BLOCKS], slot, wi[io + I_REASON], dt);
    else if (st === S_SYSCALL) {
      const sbs = this.syscallBlockSince.get(slot);
      if (sbs !== undefined) {
        this.syscallBlock.add(slot, t - sbs);
        this.syscall.add(slot, sbs - w[wo + F_SINCE]);
        this.syscallBlockSince.delete(slot);
      } else {
        this.syscall.add(slot, dt);
      }
      const goid = this.id.get(slot);
      const p = this.syscallingG.get(goid);
      if (p !== undefined) this.syscallingP.delete(p);
      this.syscallingG.delete(goid);
    }
    wi[io + I_STATE] &= S_FINAL;
  }

  private addRange(slot: number, name: number, dt: number): void {
    this.rangeHead.set(slot, this.rangeTimes.add(this.rangeHead.get(slot), slot, name, dt));
  }

  procTransition(t: number, proc: number, from: number, to: number): void {
    if (from !== to && to === PROC_IDLE && this.syscallingP.size > 0) {
      const goid = this.syscallingP.get(proc);
      if (goid !== undefined) {
        const slot = this.slots.current(goid);
        if (slot >= 0) this.syscallBlockSince.set(slot, t);
        this.syscallingP.delete(proc);
      }
    }
  }

  /** Small index of a range name (for the per-P map key), cached per string id. */
  private riOf: Int32Array = new Int32Array(64).fill(-1);
  private rangeIndex(name: number): number {
    if (name >= this.riOf.length) this.riOf = grown(this.riOf, name + 1, -1);
    let ri = this.riOf[name];
    if (ri < 0) this.riOf[name] = ri = this.rangeNames.get(name);
    return ri;
  }

  range(t: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number): void {
    let slot = -1;
    const ri = this.rangeIndex(name);
    const open = this.open;
    if (kind !== 2) {
      if (scope === SCOPE_GOROUTINE) slot = this.slots.current(scopeId);
      else if (scope === SCOPE_PROC && ctxG >= 0) {
        slot = this.slots.current(ctxG);
        if (slot >= 0) this.rangesP.set(scopeId * KEY + ri, ctxG);
      }
      if (slot < 0) return;
      const e = open.find(this.openHead.get(slot), name);
      if (kind === 1) {
        if (e >= 0) {
          this.addRange(slot, name, this.syncTs - open.since[e]);
          open.since[e] = this.syncTs;
        } else this.openHead.set(slot, open.add(this.openHead.get(slot), name, this.syncTs));
      } else if (e >= 0) open.since[e] = t;
      else this.openHead.set(slot, open.add(this.openHead.get(slot), name, t));
      return;
    }
    if (scope === SCOPE_GOROUTINE) slot = this.slots.current(scopeId);
    else if (scope === SCOPE_PROC) {
      const pk = scopeId * KEY + ri;
      const goid = this.rangesP.get(pk);
      if (goid !== undefined) {
        if (goid === ctxG) slot = this.slots.current(goid);
        this.rangesP.delete(pk);
      }
    }
    if (slot < 0) return;
    const e = open.find(this.openHead.get(slot), name);
    if (e < 0) return;
    this.addRange(slot, name, t - open.since[e]);
    this.openHead.set(slot, open.remove(this.openHead.get(slot), e));
  }

  region(t: number, begin: boolean, task: number, name: number, ctxG: number, stack: number): void {
    const slot = ctxG < 0 ? -1 : this.slots.current(ctxG);
    if (slot < 0) return;
    if (begin) {
      let list = this.activeRegions.get(slot);
      if (!list) this.activeRegions.set(slot, (list = []));
      list.push({ task, name, start: t, stack });
      const tk = this.task(task);
      tk.regions++;
      tk.goroutines.add(ctxG);
      return;
    }
    const list = this.activeRegions.get(slot);
    let r: ActiveRegion;
    if (list && list.length > 0) {
      r = list.pop()!;
    } else {
      // An end without a begin: the region began before the trace.
      r = { task, name, start: null, stack: 0 };
      const tk = this.task(task);
      tk.goroutines.add(ctxG);
      tk.regions++;
    }
    this.pushRegion(slot, r, t);
  }

  private pushRegion(slot: number, r: ActiveRegion, end: number | null): void {
    this.regionCount.add(slot, 1);
    this.regions.push({
      goroutine: this.id.get(slot),
      task: r.task,
      name: this.syms.strings[r.name],
      startNs: r.start,
      endNs: end,
      startStack: r.stack,
    });
  }

  private task(id: number): TaskAcc {
    let t = this.tasks.get(id);
    if (!t) {
      t = { id, name: 0, parent: -1, start: null, end: null, logs: 0, regions: 0, goroutines: new Set() };
      this.tasks.set(id, t);
    }
    return t;
  }

  taskEvent(t: number, begin: boolean, id: number, parent: number, name: number, ctxG: number): void {
    const tk = this.task(id);
    tk.name = name;
    tk.goroutines.add(ctxG);
    if (begin) tk.start = t;
    else tk.end = t;
    if (parent !== NONE && tk.parent === -1) {
      tk.parent = parent;
      this.task(parent);
    }
  }

  log(task: number, ctxG: number): void {
    const tk = this.task(task);
    tk.goroutines.add(ctxG);
    tk.logs++;
  }

  /** summary.go finalize: pending state is credited up to `t`; `ended` sets the end time. */
  private finalize(slot: number, t: number, ended: boolean): void {
    const w = this.hot.floats(slot);
    const wi = this.hot.ints(slot);
    const wo = hotRow(slot);
    const io = wo * 2;
    const st = wi[io + I_STATE];
    if (st & S_FINAL) return;
    wi[io + I_STATE] = S_FINAL;
    if (ended) this.end.set(slot, t);
    const dt = t - w[wo + F_SINCE];
    switch (st & 7) {
      case S_RUNNING:
        w[wo + F_EXEC] += dt;
        break;
      case S_RUNNABLE:
        w[wo + F_SCHED] += dt;
        break;
      case S_WAITING:
        wi[io + I_BLOCKS] = this.blockTimes.add(wi[io + I_BLOCKS], slot, wi[io + I_REASON], dt);
        break;
      case S_SYSCALL: {
        // As summary.go's snapshotStat: the whole syscall counts, and a blocked tail also
        // counts as scheduler wait.
        this.syscall.add(slot, dt);
        const sbs = this.syscallBlockSince.get(slot);
        if (sbs !== undefined) w[wo + F_SCHED] += t - sbs;
        break;
      }
    }
    let e = this.openHead.get(slot);
    if (e >= 0) {
      const open = this.open;
      for (; e >= 0; e = open.next[e]) this.addRange(slot, open.name[e], t - open.since[e]);
      open.freeChain(this.openHead.get(slot));
      this.openHead.set(slot, -1);
    }
    if (this.activeRegions.size > 0) {
      const active = this.activeRegions.get(slot);
      if (active) {
        if (!isSystemGoroutine(this.syms.strings[wi[io + I_NAME]])) {
          for (const r of active) this.pushRegion(slot, r, ended ? t : null);
        }
        this.activeRegions.delete(slot);
      }
    }
  }

  /** Ends the analysis at time `t` (the last event). */
  finish(t: number): void {
    this.endedAt = t;
    for (let s = 0; s < this.slots.count; s++) this.finalize(s, t, false);
  }

  /**
   * The goroutine table. Hands over the columns (sized to the goroutine count) and drops
   * the working state, so the builder's memory shrinks to what the model keeps.
   */
  goroutineTable(): { table: GoroutineTable; blockByReason: SparseTimes; rangeTimes: SparseTimes } {
    const n = this.slots.count;
    // Working state is no longer needed; the hot rows go once their fields are out.
    this.rangeHead.release();
    this.openHead.release();
    // Each column leaves its blocks as it is copied out, so the copies never double memory.
    const creationNs = this.creation.take(n);
    const endNs = this.end.take(n);
    const totalNs = new Float64Array(n);
    for (let s = 0; s < n; s++) totalNs[s] = (endNs[s] === endNs[s] ? endNs[s] : this.endedAt) - creationNs[s];
    const hot = this.hot;
    const execNs = hot.fieldF(n, F_EXEC, new Float64Array(n));
    const schedWaitNs = hot.fieldF(n, F_SCHED, new Float64Array(n));
    const name = hot.fieldI(n, I_NAME, new Int32Array(n));
    const startNs = hot.fieldF(n, F_START, new Float64Array(n));
    hot.release();
    const syscallNs = this.syscall.take(n);
    const syscallBlockNs = this.syscallBlock.take(n);
    const blockSync = new Float64Array(n);
    const blockNet = new Float64Array(n);
    const blockOther = new Float64Array(n);
    const gcAssist = new Float64Array(n);
    const gcSweep = new Float64Array(n);
    const unknown = new Float64Array(n);
    const strings = this.syms.strings;
    // Per reason string: 0 other, 1 network, 2 sync.
    const cls = new Map<number, number>();
    const b = this.blockTimes;
    for (let i = 0; i < b.slot.length; i++) {
      const key = b.key.data[i];
      let c = cls.get(key);
      if (c === undefined) {
        const reason = strings[key];
        c = reason === 'network' ? 1 : isSyncReason(reason) ? 2 : 0;
        cls.set(key, c);
      }
      const slot = b.slot.data[i];
      if (c === 1) blockNet[slot] += b.ns.data[i];
      else if (c === 2) blockSync[slot] += b.ns.data[i];
      else blockOther[slot] += b.ns.data[i];
    }
    const r = this.rangeTimes;
    for (let i = 0; i < r.slot.length; i++) {
      const name = strings[r.key.data[i]];
      if (name === 'GC mark assist') gcAssist[r.slot.data[i]] += r.ns.data[i];
      else if (name === 'GC incremental sweep') gcSweep[r.slot.data[i]] += r.ns.data[i];
    }
    for (let s = 0; s < n; s++) {
      const sum = execNs[s] + schedWaitNs[s] + syscallNs[s] + syscallBlockNs[s] + blockSync[s] + blockNet[s] + blockOther[s];
      unknown[s] = sum < totalNs[s] ? totalNs[s] - sum : 0;
    }
    const table: GoroutineTable = {
      count: n,
      id: this.id.take(n),
      name,
      creationNs,
      startNs,
      endNs,
      creator: this.creator.take(n),
      creationStack: this.creationStack.take(n),
      execNs,
      schedWaitNs,
      syscallNs,
      syscallBlockNs,
      blockSyncNs: blockSync,
      blockNetNs: blockNet,
      blockOtherNs: blockOther,
      gcAssistNs: gcAssist,
      gcSweepNs: gcSweep,
      totalNs,
      unknownNs: unknown,
      regions: this.regionCount.take(n),
    };
    return { table, blockByReason: b.sparse(), rangeTimes: r.sparse() };
  }

  taskList(): TaskInfo[] {
    const out: TaskInfo[] = [];
    for (const t of this.tasks.values()) {
      out.push({
        id: t.id,
        name: this.syms.strings[t.name],
        parent: t.parent,
        startNs: t.start,
        endNs: t.end,
        logs: t.logs,
        regions: t.regions,
        goroutines: t.goroutines.size,
      });
    }
    return out.sort((a, b) => a.id - b.id);
  }
}
