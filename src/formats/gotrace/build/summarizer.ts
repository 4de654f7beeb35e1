/**
 * Per-goroutine time breakdown, tasks and regions, computed while events stream by.
 * Same rules as golang/go src/internal/trace/summary.go (so numbers match `go tool trace`),
 * but with one row per goroutine in typed columns and one "current state since" per
 * goroutine instead of a struct of timestamps.
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
import { F64, I32, SmallIndex } from './columns';
import { IdIndex } from './idmap';

// What the goroutine's `since` measures (summary.go's last*Time fields; only one is set).
const S_NONE = 0;
const S_RUNNING = 1;
const S_RUNNABLE = 2;
const S_WAITING = 3;
const S_SYSCALL = 4;

const KEY = 1024; // multiplier for (slot, small index) map keys

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

export class Summarizer {
  readonly slotOf = new IdIndex();
  // Columns, one row per goroutine slot.
  readonly id = new F64();
  readonly name = new I32();
  readonly creation = new F64();
  readonly start = new F64();
  readonly end = new F64();
  readonly creator = new F64();
  readonly creationStack = new I32();
  readonly exec = new F64();
  readonly schedWait = new F64();
  readonly syscall = new F64();
  readonly syscallBlock = new F64();
  readonly total = new F64();
  readonly regionCount = new I32();
  private readonly state = new I32();
  private readonly since = new F64();
  private readonly syscallBlockSince = new F64();
  private readonly blockReason = new I32();
  private readonly finalized = new I32();

  private readonly reasons = new SmallIndex();
  private readonly rangeNames = new SmallIndex();
  /** (slot, reason) → ns while the goroutine lives; flushed to `blockRows` when it ends. */
  private readonly liveBlock = new Map<number, number>();
  private readonly liveRange = new Map<number, number>();
  private readonly lastRange = new Map<number, number>();
  readonly blockRows = { g: new I32(), key: new I32(), ns: new F64() };
  readonly rangeRows = { g: new I32(), key: new I32(), ns: new F64() };

  private readonly syscallingP = new Map<number, number>(); // P → goid
  private readonly syscallingG = new Map<number, number>(); // goid → P
  private readonly rangesP = new Map<number, number>(); // P*KEY+range → goid
  private readonly activeRegions = new Map<number, ActiveRegion[]>();
  readonly regions: RegionInfo[] = [];
  private readonly tasks = new Map<number, TaskAcc>();

  syncTs = NaN;
  lastTs = 0;
  listener: SummaryListener | null = null;

  private readonly forever: number;

  constructor(private readonly syms: TraceSymbols) {
    this.forever = syms.intern('forever');
  }

  get count(): number {
    return this.id.length;
  }

  sync(t: number): void {
    this.syncTs = t;
    this.lastTs = t;
  }

  /** Returns the slot of the goroutine after the transition (-1 if none). */
  goTransition(t: number, goid: number, from: number, to: number, reason: number, stStack: number, ctxG: number, ctxP: number, evStack: number): number {
    if (Number.isNaN(this.syncTs)) this.syncTs = t;
    this.lastTs = t;
    if (from === to) return this.slotOf.get(goid);
    let slot: number;
    if (from === GO_UNDETERMINED || from === GO_NOT_EXIST) {
      slot = this.newSlot(goid, from === GO_UNDETERMINED ? this.syncTs : t);
      if (from === GO_NOT_EXIST && ctxG !== NONE) {
        this.creator.data[slot] = ctxG;
        this.creationStack.data[slot] = evStack;
      }
      // A goroutine created inside a region inherits the creator's task (synthetic region).
      const cs = ctxG < 0 ? -1 : this.slotOf.get(ctxG);
      const creatorRegions = cs < 0 || this.activeRegions.size === 0 ? undefined : this.activeRegions.get(cs);
      if (creatorRegions && creatorRegions.length > 0) {
        const top = creatorRegions[creatorRegions.length - 1];
        this.activeRegions.set(slot, [{ task: top.task, name: 0, start: null, stack: 0 }]);
      }
    } else {
      slot = this.slotOf.get(goid);
      if (slot < 0) return -1;
      this.closeState(slot, t);
    }
    if (this.name.data[slot] === 0 && stStack !== 0) {
      const n = this.syms.rootFunc(stStack);
      if (n !== '') {
        this.name.data[slot] = this.syms.intern(n);
        this.listener?.onNamed(slot);
      }
    }
    // A goroutine first seen in a status event existed since the last Sync: Go 1.27's
    // summarizer credits that time to the state it is found in.
    const tIn = from === GO_UNDETERMINED ? this.syncTs : t;
    switch (to) {
      case GO_RUNNING:
        this.state.data[slot] = S_RUNNING;
        this.since.data[slot] = tIn;
        if (Number.isNaN(this.start.data[slot])) {
          this.start.data[slot] = t;
          this.listener?.onStart(slot);
        }
        break;
      case GO_RUNNABLE:
        this.state.data[slot] = S_RUNNABLE;
        this.since.data[slot] = tIn;
        break;
      case GO_WAITING:
        if (reason !== this.forever) {
          this.state.data[slot] = S_WAITING;
          this.since.data[slot] = tIn;
          this.blockReason.data[slot] = reason;
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
        this.state.data[slot] = S_SYSCALL;
        this.since.data[slot] = tIn;
        if (from === GO_UNDETERMINED && ctxP === NONE) {
          // Found in a syscall without a P: it was blocked in it since the Sync.
          this.syscallBlock.data[slot] += t - this.syncTs;
          this.since.data[slot] = t;
        }
        break;
    }
    return slot;
  }

  private newSlot(goid: number, creation: number): number {
    const slot = this.id.push(goid);
    this.name.push(0);
    this.creation.push(creation);
    this.start.push(NaN);
    this.end.push(NaN);
    this.creator.push(-1);
    this.creationStack.push(0);
    this.exec.push(0);
    this.schedWait.push(0);
    this.syscall.push(0);
    this.syscallBlock.push(0);
    this.total.push(0);
    this.regionCount.push(0);
    this.state.push(S_NONE);
    this.since.push(0);
    this.syscallBlockSince.push(NaN);
    this.blockReason.push(0);
    this.finalized.push(0);
    this.slotOf.set(goid, slot);
    return slot;
  }

  private closeState(slot: number, t: number): void {
    const st = this.state.data[slot];
    if (st === S_NONE) return;
    const dt = t - this.since.data[slot];
    if (st === S_RUNNING) this.exec.data[slot] += dt;
    else if (st === S_RUNNABLE) this.schedWait.data[slot] += dt;
    else if (st === S_WAITING) this.addBlock(slot, this.blockReason.data[slot], dt);
    else if (st === S_SYSCALL) {
      const sbs = this.syscallBlockSince.data[slot];
      if (!Number.isNaN(sbs)) {
        this.syscallBlock.data[slot] += t - sbs;
        this.syscall.data[slot] += sbs - this.since.data[slot];
      } else {
        this.syscall.data[slot] += dt;
      }
      this.syscallBlockSince.data[slot] = NaN;
      const goid = this.id.data[slot];
      const p = this.syscallingG.get(goid);
      if (p !== undefined) this.syscallingP.delete(p);
      this.syscallingG.delete(goid);
    }
    this.state.data[slot] = S_NONE;
  }

  private addBlock(slot: number, reason: number, dt: number): void {
    const k = slot * KEY + this.reasons.get(reason);
    this.liveBlock.set(k, (this.liveBlock.get(k) ?? 0) + dt);
  }

  private addRange(slot: number, name: number, dt: number): void {
    const k = slot * KEY + this.rangeNames.get(name);
    this.liveRange.set(k, (this.liveRange.get(k) ?? 0) + dt);
  }

  procTransition(t: number, proc: number, from: number, to: number): void {
    this.lastTs = t;
    if (from !== to && to === PROC_IDLE) {
      const goid = this.syscallingP.get(proc);
      if (goid !== undefined) {
        const slot = this.slotOf.get(goid);
        if (slot >= 0) this.syscallBlockSince.data[slot] = t;
        this.syscallingP.delete(proc);
      }
    }
  }

  range(t: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number): void {
    this.lastTs = t;
    let slot = -1;
    const ri = this.rangeNames.get(name);
    if (kind !== 2) {
      if (scope === SCOPE_GOROUTINE) slot = this.slotOf.get(scopeId);
      else if (scope === SCOPE_PROC && ctxG >= 0) {
        slot = this.slotOf.get(ctxG);
        if (slot >= 0) this.rangesP.set(scopeId * KEY + ri, ctxG);
      }
      if (slot < 0) return;
      const k = slot * KEY + ri;
      if (kind === 1) {
        const ts = this.lastRange.get(k);
        if (ts !== undefined) this.addRange(slot, name, this.syncTs - ts);
        this.lastRange.set(k, this.syncTs);
      } else {
        this.lastRange.set(k, t);
      }
      return;
    }
    if (scope === SCOPE_GOROUTINE) slot = this.slotOf.get(scopeId);
    else if (scope === SCOPE_PROC) {
      const pk = scopeId * KEY + ri;
      const goid = this.rangesP.get(pk);
      if (goid !== undefined) {
        if (goid === ctxG) slot = this.slotOf.get(goid);
        this.rangesP.delete(pk);
      }
    }
    if (slot < 0) return;
    const k = slot * KEY + ri;
    const ts = this.lastRange.get(k);
    if (ts === undefined) return;
    this.addRange(slot, name, t - ts);
    this.lastRange.delete(k);
  }

  region(t: number, begin: boolean, task: number, name: number, ctxG: number, stack: number): void {
    this.lastTs = t;
    const slot = ctxG < 0 ? -1 : this.slotOf.get(ctxG);
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
    this.regionCount.data[slot]++;
    this.regions.push({
      goroutine: this.id.data[slot],
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
    this.lastTs = t;
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

  log(t: number, task: number, ctxG: number): void {
    this.lastTs = t;
    const tk = this.task(task);
    tk.goroutines.add(ctxG);
    tk.logs++;
  }

  /** summary.go finalize: pending state is credited up to `t`; `ended` sets the end time. */
  private finalize(slot: number, t: number, ended: boolean): void {
    if (this.finalized.data[slot]) return;
    this.finalized.data[slot] = 1;
    if (ended) this.end.data[slot] = t;
    this.total.data[slot] = t - this.creation.data[slot];
    const st = this.state.data[slot];
    const dt = t - this.since.data[slot];
    if (st === S_RUNNING) this.exec.data[slot] += dt;
    else if (st === S_RUNNABLE) this.schedWait.data[slot] += dt;
    else if (st === S_WAITING) this.addBlock(slot, this.blockReason.data[slot], dt);
    else if (st === S_SYSCALL) {
      // As summary.go's snapshotStat: the whole syscall counts, and a blocked tail also
      // counts as scheduler wait.
      this.syscall.data[slot] += dt;
      const sbs = this.syscallBlockSince.data[slot];
      if (!Number.isNaN(sbs)) this.schedWait.data[slot] += t - sbs;
    }
    this.state.data[slot] = S_NONE;
    for (let ri = 0; ri < this.rangeNames.keys.length; ri++) {
      const k = slot * KEY + ri;
      const ts = this.lastRange.get(k);
      if (ts !== undefined) {
        this.addRange(slot, this.rangeNames.keys[ri], t - ts);
        this.lastRange.delete(k);
      }
    }
    const active = this.activeRegions.get(slot);
    if (active) {
      if (!isSystemGoroutine(this.syms.strings[this.name.data[slot]])) {
        for (const r of active) this.pushRegion(slot, r, ended ? t : null);
      }
      this.activeRegions.delete(slot);
    }
    // Move this goroutine's per-reason and per-range times into the sparse rows.
    for (let ri = 0; ri < this.reasons.keys.length; ri++) {
      const k = slot * KEY + ri;
      const v = this.liveBlock.get(k);
      if (v !== undefined) {
        this.blockRows.g.push(slot);
        this.blockRows.key.push(this.reasons.keys[ri]);
        this.blockRows.ns.push(v);
        this.liveBlock.delete(k);
      }
    }
    for (let ri = 0; ri < this.rangeNames.keys.length; ri++) {
      const k = slot * KEY + ri;
      const v = this.liveRange.get(k);
      if (v !== undefined) {
        this.rangeRows.g.push(slot);
        this.rangeRows.key.push(this.rangeNames.keys[ri]);
        this.rangeRows.ns.push(v);
        this.liveRange.delete(k);
      }
    }
  }

  /** Ends the analysis at time `t` (the last event). */
  finish(t: number): void {
    for (let s = 0; s < this.count; s++) this.finalize(s, t, false);
  }

  goroutineTable(): { table: GoroutineTable; blockByReason: SparseTimes; rangeTimes: SparseTimes } {
    const n = this.count;
    const blockSync = new Float64Array(n);
    const blockNet = new Float64Array(n);
    const blockOther = new Float64Array(n);
    const gcAssist = new Float64Array(n);
    const gcSweep = new Float64Array(n);
    const unknown = new Float64Array(n);
    const strings = this.syms.strings;
    const b = this.blockRows;
    for (let i = 0; i < b.g.length; i++) {
      const reason = strings[b.key.data[i]];
      const slot = b.g.data[i];
      if (reason === 'network') blockNet[slot] += b.ns.data[i];
      else if (isSyncReason(reason)) blockSync[slot] += b.ns.data[i];
      else blockOther[slot] += b.ns.data[i];
    }
    const r = this.rangeRows;
    for (let i = 0; i < r.g.length; i++) {
      const name = strings[r.key.data[i]];
      if (name === 'GC mark assist') gcAssist[r.g.data[i]] += r.ns.data[i];
      else if (name === 'GC incremental sweep') gcSweep[r.g.data[i]] += r.ns.data[i];
    }
    for (let s = 0; s < n; s++) {
      const sum =
        this.exec.data[s] +
        this.schedWait.data[s] +
        this.syscall.data[s] +
        this.syscallBlock.data[s] +
        blockSync[s] +
        blockNet[s] +
        blockOther[s];
      unknown[s] = sum < this.total.data[s] ? this.total.data[s] - sum : 0;
    }
    const table: GoroutineTable = {
      count: n,
      id: this.id.finish(),
      name: this.name.finish(),
      creationNs: this.creation.finish(),
      startNs: this.start.finish(),
      endNs: this.end.finish(),
      creator: this.creator.finish(),
      creationStack: this.creationStack.finish(),
      execNs: this.exec.finish(),
      schedWaitNs: this.schedWait.finish(),
      syscallNs: this.syscall.finish(),
      syscallBlockNs: this.syscallBlock.finish(),
      blockSyncNs: blockSync,
      blockNetNs: blockNet,
      blockOtherNs: blockOther,
      gcAssistNs: gcAssist,
      gcSweepNs: gcSweep,
      totalNs: this.total.finish(),
      unknownNs: unknown,
      regions: this.regionCount.finish(),
    };
    const sparse = (rows: { g: I32; key: I32; ns: F64 }): SparseTimes => ({
      count: rows.g.length,
      goroutine: rows.g.finish(),
      key: rows.key.finish(),
      ns: rows.ns.finish(),
    });
    return { table, blockByReason: sparse(this.blockRows), rangeTimes: sparse(this.rangeRows) };
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

  isStarted(slot: number): boolean {
    return !Number.isNaN(this.start.data[slot]);
  }
}

