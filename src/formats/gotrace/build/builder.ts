/**
 * The TraceEventSink that builds the TraceModel: event counts, the goroutine summarizer,
 * derived-profile records, metric/GC/STW series and CPU samples. No per-event objects.
 */
import {
  GO_STATE_NAMES,
  KIND_NAMES,
  METRIC_NAMES,
  PROC_STATE_NAMES,
  SCOPE_GOROUTINE,
  SCOPE_NONE,
  type RangeTable,
  type TraceEventSink,
  type TraceModel,
  type TraceSummary,
  type TraceSymbols,
} from '../../../model/trace';
import { F64, I32, U8 } from './columns';
import { DerivedAccumulator } from './derived';
import { Summarizer } from './summarizer';

const K_SYNC = 0;
const K_STATE = 1;
const K_RANGE_BEGIN = 2;
const K_METRIC = 5;
const K_LABEL = 6;
const K_TASK_BEGIN = 7;
const K_REGION_BEGIN = 9;
const K_LOG = 11;
const K_SAMPLE = 12;
const K_EXPERIMENTAL = 13;

/**
 * Whether derived profiles ignore transitions without a stack. Go ≤1.22's cmd/trace did;
 * later releases do not (a stackless GoStart then ends a scheduler-latency interval).
 */
export const PPROF_SKIP_STACKLESS = false;

class Ranges {
  start = new F64();
  end = new F64();
  name = new I32();
  open = new Map<number, number>(); // key → row
  begin(key: number, t: number, name: number): void {
    const i = this.start.push(t);
    this.end.push(NaN);
    this.name.push(name);
    this.open.set(key, i);
  }
  finishRange(key: number, t: number): void {
    const i = this.open.get(key);
    if (i === undefined) return;
    this.end.data[i] = t;
    this.open.delete(key);
  }
  table(): RangeTable {
    return { count: this.start.length, startNs: this.start.finish(), endNs: this.end.finish(), name: this.name.finish() };
  }
}

export class TraceModelBuilder implements TraceEventSink {
  readonly kinds = new Float64Array(KIND_NAMES.length);
  readonly goTrans = new Float64Array(36);
  readonly procTrans = new Float64Array(16);
  readonly rangeBegins = new Map<number, number>();
  readonly metricCounts = new Float64Array(3);
  readonly sum: Summarizer;
  readonly derived: DerivedAccumulator;
  private readonly gcs = new Ranges();
  private readonly stw = new Ranges();
  private readonly mKind = new U8(1024);
  private readonly mTime = new F64(1024);
  private readonly mValue = new F64(1024);
  private readonly sTime = new F64(64);
  private readonly sG = new F64(64);
  private readonly sStack = new I32(64);
  private readonly gcMarkName: number;
  lastTs = 0;
  maxProcs = 0;

  constructor(readonly syms: TraceSymbols) {
    this.sum = new Summarizer(syms);
    this.derived = new DerivedAccumulator(syms, this.sum);
    this.sum.listener = this.derived;
    this.gcMarkName = syms.intern('GC concurrent mark phase');
  }

  sync(time: number): void {
    this.kinds[K_SYNC]++;
    this.lastTs = time;
    this.sum.sync(time);
  }

  goTransition(
    time: number,
    goid: number,
    from: number,
    to: number,
    reason: number,
    evStack: number,
    stStack: number,
    ctxG: number,
    ctxP: number,
  ): void {
    this.kinds[K_STATE]++;
    this.goTrans[from * 6 + to]++;
    this.lastTs = time;
    const slot = this.sum.goTransition(time, goid, from, to, reason, stStack, ctxG, ctxP, evStack);
    if (PPROF_SKIP_STACKLESS && evStack === 0) return;
    this.derived.transition(time, slot, to, reason, evStack);
  }

  procTransition(time: number, proc: number, from: number, to: number): void {
    this.kinds[K_STATE]++;
    this.procTrans[from * 4 + to]++;
    this.lastTs = time;
    this.sum.procTransition(time, proc, from, to);
  }

  range(time: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number): void {
    this.kinds[K_RANGE_BEGIN + kind]++;
    this.lastTs = time;
    if (kind === 0) this.rangeBegins.set(name, (this.rangeBegins.get(name) ?? 0) + 1);
    this.sum.range(time, kind, name, scope, scopeId, ctxG);
    if (scope === SCOPE_NONE && name === this.gcMarkName) {
      if (kind === 2) this.gcs.finishRange(0, time);
      else if (!this.gcs.open.has(0)) this.gcs.begin(0, kind === 1 ? this.sum.syncTs : time, name);
    } else if (scope === SCOPE_GOROUTINE && this.syms.strings[name].startsWith('stop-the-world')) {
      if (kind === 0) this.stw.begin(scopeId, time, name);
      else if (kind === 2) this.stw.finishRange(scopeId, time);
    }
  }

  metric(time: number, metric: number, value: number): void {
    this.kinds[K_METRIC]++;
    this.metricCounts[metric]++;
    this.lastTs = time;
    this.mKind.push(metric);
    this.mTime.push(time);
    this.mValue.push(value);
    if (metric === 0 && value > this.maxProcs) this.maxProcs = value;
  }

  label(time: number): void {
    this.kinds[K_LABEL]++;
    this.lastTs = time;
  }

  task(time: number, begin: boolean, id: number, parent: number, name: number, ctxG: number): void {
    this.kinds[begin ? K_TASK_BEGIN : K_TASK_BEGIN + 1]++;
    this.lastTs = time;
    this.sum.taskEvent(time, begin, id, parent, name, ctxG);
  }

  region(time: number, begin: boolean, task: number, name: number, ctxG: number, stack: number): void {
    this.kinds[begin ? K_REGION_BEGIN : K_REGION_BEGIN + 1]++;
    this.lastTs = time;
    this.sum.region(time, begin, task, name, ctxG, stack);
  }

  log(time: number, task: number, _key: number, _value: number, ctxG: number): void {
    this.kinds[K_LOG]++;
    this.lastTs = time;
    this.sum.log(time, task, ctxG);
  }

  cpuSample(time: number, goid: number, _proc: number, stack: number): void {
    this.kinds[K_SAMPLE]++;
    this.lastTs = time;
    this.sTime.push(time);
    this.sG.push(goid);
    this.sStack.push(stack);
  }

  experimental(time: number): void {
    this.kinds[K_EXPERIMENTAL]++;
    this.lastTs = time;
  }

  build(head: Pick<TraceSummary, 'goVersion' | 'formatMinor' | 'clockBaseNs' | 'wallClockBaseNs' | 'generations' | 'procs' | 'warnings' | 'error'>): TraceModel {
    this.sum.finish(this.lastTs);
    const derived = this.derived.finish();
    const { table, blockByReason, rangeTimes } = this.sum.goroutineTable();
    const strings = this.syms.strings;
    const eventsByKind: Record<string, number> = {};
    let events = 0;
    KIND_NAMES.forEach((k, i) => {
      if (this.kinds[i] > 0) eventsByKind[k] = this.kinds[i];
      events += this.kinds[i];
    });
    const goStateTransitions: Record<string, number> = {};
    for (let i = 0; i < 36; i++) {
      if (this.goTrans[i] > 0) goStateTransitions[`${GO_STATE_NAMES[Math.floor(i / 6)]}->${GO_STATE_NAMES[i % 6]}`] = this.goTrans[i];
    }
    const procStateTransitions: Record<string, number> = {};
    for (let i = 0; i < 16; i++) {
      if (this.procTrans[i] > 0) procStateTransitions[`${PROC_STATE_NAMES[i >> 2]}->${PROC_STATE_NAMES[i & 3]}`] = this.procTrans[i];
    }
    const rangeBeginsByName: Record<string, number> = {};
    for (const [name, n] of this.rangeBegins) rangeBeginsByName[strings[name]] = n;
    const metricsByName: Record<string, number> = {};
    METRIC_NAMES.forEach((m, i) => {
      if (this.metricCounts[i] > 0) metricsByName[m] = this.metricCounts[i];
    });
    const experimentalEvents = this.kinds[K_EXPERIMENTAL];
    const summary: TraceSummary = {
      ...head,
      procs: Math.max(head.procs, this.maxProcs),
      endNs: this.lastTs,
      events,
      eventsByKind,
      goStateTransitions,
      procStateTransitions,
      rangeBeginsByName,
      metricsByName,
      goroutines: table.count,
      syncEvents: this.kinds[K_SYNC],
      experimentalEvents,
      cpuSamples: this.kinds[K_SAMPLE],
    };
    return {
      summary,
      symbols: this.syms,
      goroutines: table,
      blockByReason,
      rangeTimes,
      tasks: this.sum.taskList(),
      regions: this.sum.regions,
      gcs: this.gcs.table(),
      stw: this.stw.table(),
      metrics: { count: this.mKind.length, metric: this.mKind.finish(), timeNs: this.mTime.finish(), value: this.mValue.finish() },
      cpuSamples: { count: this.sTime.length, timeNs: this.sTime.finish(), goroutine: this.sG.finish(), stack: this.sStack.finish() },
      derived,
    };
  }
}
