/**
 * The event consumer that builds the TraceModel: event counts, the goroutine summarizer,
 * derived-profile records, metric/GC/STW series and CPU samples. No per-event objects:
 * it consumes the ordered stream in chunks of typed rows (events.ts).
 */
import {
  GO_STATE_NAMES,
  KIND_NAMES,
  METRIC_NAMES,
  PROC_STATE_NAMES,
  SCOPE_GOROUTINE,
  SCOPE_NONE,
  type RangeTable,
  type TraceModel,
  type TraceSummary,
  type TraceSymbols,
  type TraceWarning,
} from '../../../model/trace';
import type { ScanResult } from '../scan';
import { type EventConsumer, type EventRows, goTransitionCode, toState, K_CPU, K_EXP, K_GO, K_LABEL, K_LOG, K_METRIC, K_PROC, K_RANGE, K_REGION, K_SYNC, K_TASK, F, N } from '../events';
import { GrowableFloat64, GrowableInt32, GrowableUint8 } from '../../../model/growable';
import { IdFlags } from './idmap';
import { DerivedAccumulator } from './derived';
import { Summarizer } from './summarizer';
import { ParseError } from '../../parse-error';

// Indexes into KIND_NAMES (the Go reader's event kinds).
const KN_SYNC = 0;
const KN_STATE = 1;
const KN_RANGE_BEGIN = 2;
const KN_METRIC = 5;
const KN_LABEL = 6;
const KN_TASK_BEGIN = 7;
const KN_REGION_BEGIN = 9;
const KN_LOG = 11;
const KN_SAMPLE = 12;
const KN_EXPERIMENTAL = 13;

class Ranges {
  start = new GrowableFloat64(256);
  end = new GrowableFloat64(256);
  name = new GrowableInt32(256);
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
    return { count: this.start.length, startNs: this.start.view(), endNs: this.end.view(), name: this.name.view() };
  }
}

export class TraceModelBuilder implements EventConsumer {
  readonly kinds = new Float64Array(KIND_NAMES.length);
  /** Goroutine transitions by goTransitionCode. */
  readonly goTrans = new Float64Array(64);
  readonly procTrans = new Float64Array(16);
  readonly rangeBegins = new Map<number, number>();
  readonly metricCounts = new Float64Array(3);
  readonly sum: Summarizer;
  readonly derived: DerivedAccumulator;
  private readonly gcs = new Ranges();
  private readonly stw = new Ranges();
  private readonly mKind = new GrowableUint8(1024);
  private readonly mTime = new GrowableFloat64(1024);
  private readonly mValue = new GrowableFloat64(1024);
  private readonly sTime = new GrowableFloat64(64);
  private readonly sG = new GrowableFloat64(64);
  private readonly sStack = new GrowableInt32(64);
  /** Range names (string ids) of stop-the-world ranges. */
  private readonly stwName = new IdFlags((name) => this.syms.strings[name].startsWith('stop-the-world'));
  lastTs = NaN;
  maxProcs = 0;

  /**
   * Reads `syms` and never interns into it, so it can be a replica of a reader's (pipe/).
   * With a `range`, the derived profiles count only the time inside it (an interval that
   * crosses it counts its part inside, once it ends: as for the whole trace, one still open
   * at the end of the trace counts nothing).
   */
  constructor(
    readonly syms: TraceSymbols,
    range?: { t0: number; t1: number },
  ) {
    this.sum = new Summarizer(syms);
    this.derived = new DerivedAccumulator(syms, this.sum, range?.t0, range?.t1);
    this.sum.listener = this.derived;
  }

  consume(ev: EventRows, count: number): void {
    const kind = ev.kind;
    const time = ev.time;
    const f = ev.f;
    const n = ev.n;
    const sum = this.sum;
    const derived = this.derived;
    const goTrans = this.goTrans;
    for (let i = 0; i < count; i++) {
      const k = kind[i];
      if (k === K_GO) {
        const nb = i * N;
        const code = n[nb];
        goTrans[code]++;
        sum.now = time[i];
        const slot = sum.goTransition(f, n, i * F, nb);
        derived.transition(slot, toState(code), n[nb + 1], n[nb + 2]);
        continue;
      }
      this.other(k, time[i], f, n, i * F, i * N);
    }
    if (count > 0) this.lastTs = time[count - 1];
  }

  private other(k: number, t: number, f: Float64Array, n: Int32Array, fb: number, nb: number): void {
    switch (k) {
      case K_SYNC:
        this.kinds[KN_SYNC]++;
        this.sum.sync(t);
        break;
      case K_PROC:
        this.kinds[KN_STATE]++;
        this.procTrans[n[nb] * 4 + n[nb + 1]]++;
        this.sum.procTransition(t, f[fb], n[nb], n[nb + 1]);
        break;
      case K_RANGE:
        this.range(t, n[nb], n[nb + 1], n[nb + 2], f[fb], f[fb + 1]);
        break;
      case K_METRIC: {
        const metric = n[nb];
        const value = f[fb];
        this.kinds[KN_METRIC]++;
        this.metricCounts[metric]++;
        this.mKind.push(metric);
        this.mTime.push(t);
        this.mValue.push(value);
        if (metric === 0 && value > this.maxProcs) this.maxProcs = value;
        break;
      }
      case K_LABEL:
        this.kinds[KN_LABEL]++;
        break;
      case K_TASK: {
        const begin = n[nb] === 1;
        this.kinds[begin ? KN_TASK_BEGIN : KN_TASK_BEGIN + 1]++;
        this.sum.taskEvent(t, begin, f[fb], f[fb + 1], n[nb + 1], f[fb + 2]);
        break;
      }
      case K_REGION: {
        const begin = n[nb] === 1;
        this.kinds[begin ? KN_REGION_BEGIN : KN_REGION_BEGIN + 1]++;
        this.sum.region(t, begin, f[fb], n[nb + 1], f[fb + 1], n[nb + 2]);
        break;
      }
      case K_LOG:
        this.kinds[KN_LOG]++;
        this.sum.log(f[fb], f[fb + 1]);
        break;
      case K_CPU:
        this.kinds[KN_SAMPLE]++;
        this.sTime.push(t);
        this.sG.push(f[fb]);
        this.sStack.push(n[nb]);
        break;
      case K_EXP:
        this.kinds[KN_EXPERIMENTAL]++;
        break;
    }
  }

  private range(time: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number): void {
    this.kinds[KN_RANGE_BEGIN + kind]++;
    if (kind === 0) this.rangeBegins.set(name, (this.rangeBegins.get(name) ?? 0) + 1);
    this.sum.range(time, kind, name, scope, scopeId, ctxG);
    if (scope === SCOPE_NONE && this.syms.strings[name] === 'GC concurrent mark phase') {
      if (kind === 2) this.gcs.finishRange(0, time);
      else if (!this.gcs.open.has(0)) this.gcs.begin(0, kind === 1 ? this.sum.syncTs : time, name);
    } else if (scope === SCOPE_GOROUTINE && this.stwName.has(name)) {
      if (kind === 0) this.stw.begin(scopeId, time, name);
      else if (kind === 2) this.stw.finishRange(scopeId, time);
    }
  }

  build(
    head: Pick<TraceSummary, 'goVersion' | 'formatMinor' | 'clockBaseNs' | 'wallClockBaseNs' | 'generations' | 'procs' | 'warnings' | 'error' | 'generationIndex'>,
  ): TraceModel {
    if (Number.isNaN(this.lastTs)) this.lastTs = 0;
    this.sum.finish(this.lastTs);
    const derived = this.derived.finish();
    const { table, blockByReason, rangeTimes } = this.sum.goroutineTable();
    const strings = this.syms.strings;
    const eventsByKind: Record<string, number> = {};
    let events = 0;
    // Goroutine transitions are counted only by kind of transition (goTrans).
    const kinds = this.kinds.slice();
    for (const c of this.goTrans) kinds[KN_STATE] += c;
    KIND_NAMES.forEach((k, i) => {
      if (kinds[i] > 0) eventsByKind[k] = kinds[i];
      events += kinds[i];
    });
    const goStateTransitions: Record<string, number> = {};
    for (let from = 0; from < GO_STATE_NAMES.length; from++) {
      for (let to = 0; to < GO_STATE_NAMES.length; to++) {
        const c = this.goTrans[goTransitionCode(from, to)];
        if (c > 0) goStateTransitions[`${GO_STATE_NAMES[from]}->${GO_STATE_NAMES[to]}`] = c;
      }
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
    const experimentalEvents = this.kinds[KN_EXPERIMENTAL];
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
      syncEvents: this.kinds[KN_SYNC],
      experimentalEvents,
      cpuSamples: this.kinds[KN_SAMPLE],
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
      metrics: { count: this.mKind.length, metric: this.mKind.view(), timeNs: this.mTime.view(), value: this.mValue.view() },
      cpuSamples: { count: this.sTime.length, timeNs: this.sTime.view(), goroutine: this.sG.view(), stack: this.sStack.view() },
      derived,
      timeline: null,
    };
  }
}

/**
 * The model once a scan has ended. Throws when nothing at all could be decoded; a
 * truncated or corrupt tail becomes `summary.error` plus a warning naming where it stopped.
 */
export function modelFromScan(builder: TraceModelBuilder, res: ScanResult, version: number, fileBytes: number): TraceModel {
  const warnings: TraceWarning[] = [...res.warnings];
  if (res.error) {
    if (res.events === 0) throw new ParseError(`cannot read trace: ${res.error.message}`, res.error.offset);
    warnings.push({
      offset: res.error.offset,
      message: `stopped at byte ${res.error.offset} of ${fileBytes}: ${res.error.message}; showing everything before it`,
    });
  }
  if (res.experimentalBatches > 0) {
    warnings.push({ offset: -1, message: `${res.experimentalBatches} experimental batches skipped` });
  }
  const model = builder.build({
    goVersion: `1.${version}`,
    formatMinor: version,
    clockBaseNs: res.clockBaseNs,
    wallClockBaseNs: res.wallClockBaseNs,
    generations: res.generations,
    procs: res.procs,
    warnings,
    error: res.error,
    generationIndex: res.generationIndex,
  });
  if (model.summary.experimentalEvents > 0) {
    warnings.push({ offset: -1, message: `${model.summary.experimentalEvents} experimental events skipped` });
  }
  return model;
}
