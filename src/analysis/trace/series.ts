/** Heap and GC over time, tasks and regions with durations. */
import { METRIC_GOMAXPROCS, METRIC_HEAP_ALLOC, METRIC_HEAP_GOAL, type TraceModel } from '../../model/trace';

export interface HeapSeries {
  heapAlloc: { timeNs: number[]; bytes: number[] };
  heapGoal: { timeNs: number[]; bytes: number[] };
  gomaxprocs: { timeNs: number[]; value: number[] };
  /** GC mark phases; end null if still running at the end. */
  gcs: { startNs: number; endNs: number | null }[];
  /** Stop-the-world pauses with their kind. */
  stw: { startNs: number; endNs: number | null; kind: string }[];
}

export function heapSeries(model: TraceModel): HeapSeries {
  const m = model.metrics;
  const out: HeapSeries = {
    heapAlloc: { timeNs: [], bytes: [] },
    heapGoal: { timeNs: [], bytes: [] },
    gomaxprocs: { timeNs: [], value: [] },
    gcs: [],
    stw: [],
  };
  for (let i = 0; i < m.count; i++) {
    if (m.metric[i] === METRIC_HEAP_ALLOC) {
      out.heapAlloc.timeNs.push(m.timeNs[i]);
      out.heapAlloc.bytes.push(m.value[i]);
    } else if (m.metric[i] === METRIC_HEAP_GOAL) {
      out.heapGoal.timeNs.push(m.timeNs[i]);
      out.heapGoal.bytes.push(m.value[i]);
    } else if (m.metric[i] === METRIC_GOMAXPROCS) {
      out.gomaxprocs.timeNs.push(m.timeNs[i]);
      out.gomaxprocs.value.push(m.value[i]);
    }
  }
  const end = (x: number): number | null => (Number.isNaN(x) ? null : x);
  for (let i = 0; i < model.gcs.count; i++) out.gcs.push({ startNs: model.gcs.startNs[i], endNs: end(model.gcs.endNs[i]) });
  const s = model.symbols.strings;
  for (let i = 0; i < model.stw.count; i++) {
    const name = s[model.stw.name[i]];
    out.stw.push({ startNs: model.stw.startNs[i], endNs: end(model.stw.endNs[i]), kind: name.replace(/^stop-the-world \((.*)\)$/, '$1') });
  }
  return out;
}

export interface TaskSummaryRow {
  name: string;
  count: number;
  complete: number;
  /** Durations of the complete ones, ns, ascending. */
  durations: number[];
}

/** Tasks grouped by name (the "user-defined tasks" page). */
export function taskSummary(model: TraceModel): TaskSummaryRow[] {
  const by = new Map<string, TaskSummaryRow>();
  for (const t of model.tasks) {
    let r = by.get(t.name);
    if (!r) by.set(t.name, (r = { name: t.name, count: 0, complete: 0, durations: [] }));
    r.count++;
    if (t.startNs !== null && t.endNs !== null) {
      r.complete++;
      r.durations.push(t.endNs - t.startNs);
    }
  }
  for (const r of by.values()) r.durations.sort((a, b) => a - b);
  return [...by.values()].sort((a, b) => b.count - a.count);
}

/** Regions grouped by name, with durations of those that began and ended in the trace. */
export function regionSummary(model: TraceModel): TaskSummaryRow[] {
  const by = new Map<string, TaskSummaryRow>();
  for (const r of model.regions) {
    if (r.name === '') continue; // synthetic regions inherited from a creator
    let row = by.get(r.name);
    if (!row) by.set(r.name, (row = { name: r.name, count: 0, complete: 0, durations: [] }));
    row.count++;
    if (r.startNs !== null && r.endNs !== null) {
      row.complete++;
      row.durations.push(r.endNs - r.startNs);
    }
  }
  for (const r of by.values()) r.durations.sort((a, b) => a - b);
  return [...by.values()].sort((a, b) => b.count - a.count);
}
