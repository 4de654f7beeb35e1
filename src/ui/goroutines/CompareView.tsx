/**
 * Compare two goroutine snapshots (any encodings): per stack group before/after/delta,
 * sorted by growth, new groups marked, wait-time growth, and a headline naming the stack
 * that holds the growth.
 */
import { Fragment, useEffect, useState } from 'react';
import type { Granularity } from '../../worker/types';
import type { CompareRow, GoroutineCompareSort, GoroutineFileChoice } from '../../worker/goroutine-api';
import { useWorkerCall } from '../shared/useWorkerCall';
import { useDebounced } from '../shared/useDebounced';
import { count, profileTime, signed, waitGrowth } from './format';
import { choose, resolvePair, type Pair } from './pairs';
import { FrameName, ShowMore, SortHeader, StackFrames, StateChips } from './parts';
import { goroutineActions, naturalDesc, useGoroutineView } from './store';
import { compareActions, useCompare, type ChosenPair } from '../../state/compare';
import { useGoroutinePairs } from './useGoroutineFiles';
import { visibleMarks } from '../../state/format';

const STEP = 100;

function optionLabel(f: GoroutineFileChoice): string {
  const t = profileTime(f.timeNanos);
  return `${f.name} · ${f.encoding} · ${count(f.total)} goroutines${t ? ` · ${t}` : ''}`;
}

/** The shared pair in this view's terms; a base with no target is no pair here. */
function asPair(c: ChosenPair | null): Pair | null {
  return c && c.target !== null ? { before: c.base, after: c.target } : null;
}

function growthClass(d: number): string {
  return d > 0 ? 'g-grew' : d < 0 ? 'g-shrank' : 'muted';
}

const COLUMNS: { id: GoroutineCompareSort; label: string; title: string; numeric?: boolean }[] = [
  { id: 'name', label: 'Stack (top user frame · blocked in)', title: 'The stack group, named by its first frame of user code and where it is blocked' },
  { id: 'before', label: 'Before', title: 'Goroutines in the earlier snapshot', numeric: true },
  { id: 'after', label: 'After', title: 'Goroutines in the later snapshot', numeric: true },
  { id: 'delta', label: 'Change', title: 'After − before', numeric: true },
  { id: 'waitGrowth', label: 'Longest wait', title: 'Longest wait in minutes, before → after (debug=2 only)', numeric: true },
];

export function CompareView({ granularity }: { granularity: Granularity }) {
  const pairs = useGoroutinePairs();
  const { compareSort, compareDesc, compareText: textInput } = useGoroutineView();
  const chosen = useCompare((s) => s.chosen);
  const desc = compareDesc ?? naturalDesc(compareSort);
  const files = pairs.data?.files ?? [];
  const pair = resolvePair(files, pairs.data?.suggested ?? null, asPair(chosen));
  // The file list marks the pair and the swap key swaps it while it is on screen; show() ignores the same pair again.
  useEffect(() => compareActions.show(pair && { base: pair.before, target: pair.after }));
  useEffect(() => () => compareActions.show(null), []);
  const [limit, setLimit] = useState(STEP);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const text = useDebounced(textInput.trim(), 150);
  useEffect(() => {
    setLimit(STEP);
    setOpen(new Set());
  }, [pair?.before, pair?.after, granularity, compareSort, desc, text]);

  const call = useWorkerCall(
    'goroutineCompare',
    pair ? { ...pair, granularity, offset: 0, limit, sort: compareSort, desc, text: text || undefined } : null,
  );

  if (pairs.error) return <p className="view-error" role="alert">{pairs.error}</p>;
  if (!pairs.data) return <p className="view-empty">Looking for snapshots…</p>;
  if (files.length < 2 || !pair) {
    return (
      <div className="g-hint-box" role="status">
        <p><strong>Open a second goroutine snapshot to compare.</strong></p>
        <p className="muted">
          Take <code>/debug/pprof/goroutine</code> again a few minutes later (any of <code>debug=0</code>, <code>debug=1</code> or{' '}
          <code>debug=2</code>; they can be mixed) and drop it here. The two most recent snapshots are compared.
        </p>
      </div>
    );
  }

  const a = call.data;
  const toggle = (key: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });

  return (
    <div className="g-compare">
      <div className="g-bar g-pair" role="group" aria-label="Snapshots to compare">
        <SnapshotSelect side="before" pair={pair} files={files} />
        <button type="button" className="btn small g-swap" onClick={compareActions.swap} aria-label="Swap before and after" title="Swap before and after (x)" aria-keyshortcuts="x">
          ⇄ Swap
        </button>
        <SnapshotSelect side="after" pair={pair} files={files} />
        <input
          id="goroutine-compare-filter"
          type="search"
          className="input g-compare-filter"
          placeholder="Filter by function or file"
          aria-label="Filter compared stacks by function or file"
          value={textInput}
          spellCheck={false}
          onChange={(e) => goroutineActions.setCompareText(e.target.value)}
        />
      </div>
      {call.error && <p className="view-error" role="alert">Could not compare: {call.error}</p>}
      {a && (
        <>
          <div className="g-headline" role="status" aria-label="Comparison summary" data-testid="compare-headline">
            <strong className={growthClass(a.delta)}>{a.headline}</strong>
            <span className="muted">
              {' '}· {count(a.beforeTotal)} → {count(a.afterTotal)} goroutines
              {a.newGroups > 0 ? ` · ${count(a.newGroups)} new stack${a.newGroups === 1 ? '' : 's'}` : ''}
              {a.goneGroups > 0 ? ` · ${count(a.goneGroups)} gone` : ''}
              {` · ${files.length} snapshots, ordered by ${pairs.data.orderedBy === 'time' ? 'profile time' : 'the order opened'}`}
            </span>
          </div>
          <div className="g-scroll">
            <table className="g-table g-compare-table" aria-label="Stack groups compared between snapshots" aria-rowcount={a.rowCount + 1}>
              <colgroup>
                <col className="gc-stack" />
                <col className="gc-count" />
                <col className="gc-count" />
                <col className="gc-count" />
                <col className="gc-wait2" />
                <col className="gc-states2" />
              </colgroup>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <SortHeader key={c.id} id={c.id} label={c.label} title={c.title} numeric={c.numeric} active={compareSort} desc={desc} onSort={goroutineActions.compareSortBy} />
                  ))}
                  <th scope="col">States after</th>
                </tr>
              </thead>
              <tbody>
                {a.rows.map((r, i) => (
                  <CompareRowView key={r.key} r={r} index={i} open={open.has(r.key)} onToggle={() => toggle(r.key)} />
                ))}
              </tbody>
            </table>
            {a.rowCount === 0 && <p className="view-empty">No stack matches this filter.</p>}
            <ShowMore shown={a.rows.length} total={a.rowCount} step={STEP} noun="stacks" onMore={() => setLimit((l) => l + STEP)} />
          </div>
        </>
      )}
    </div>
  );
}

const choosePair = (p: Pair) => compareActions.choose({ base: p.before, target: p.after });

/** One side of the pair: which snapshot is before, or after. */
function SnapshotSelect({ side, pair, files }: { side: 'before' | 'after'; pair: Pair; files: GoroutineFileChoice[] }) {
  const label = side === 'before' ? 'Before' : 'After';
  return (
    <label className="field">
      <span className="label">{label}</span>
      <select className="input" aria-label={`${label} snapshot`} value={pair[side]} onChange={(e) => choosePair(choose(pair, side, Number(e.target.value)))}>
        {files.map((f) => (
          <option key={f.file} value={f.file}>{optionLabel(f)}</option>
        ))}
      </select>
    </label>
  );
}

function CompareRowView({ r, index, open, onToggle }: { r: CompareRow; index: number; open: boolean; onToggle: () => void }) {
  const id = `g-cmp-${index}`;
  const name = r.topUserFrame ?? r.leaf;
  return (
    <Fragment>
      <tr data-testid="compare-row" className={open ? 'g-open' : undefined} aria-rowindex={index + 2}>
        <td className="g-name">
          <button
            type="button"
            className="g-expand"
            aria-expanded={open}
            aria-controls={open ? id : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} the stack of ${name?.func ?? 'this group'}`}
            onClick={onToggle}
          >
            <span className="g-caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
            <FrameName frame={name} withLocation />
            {r.leaf && r.topUserFrame && r.leaf.func !== r.topUserFrame.func && (
              <span className="g-sub"> · {visibleMarks(r.leaf.func)}</span>
            )}
          </button>
          {r.isNew && <span className="g-tag g-tag-new">new</span>}
          {r.gone && <span className="g-tag">gone</span>}
        </td>
        <td className="num">{count(r.before)}</td>
        <td className="num">{count(r.after)}</td>
        <td className={`num g-count ${growthClass(r.delta)}`}>{signed(r.delta)}</td>
        <td className={`num ${r.delta > 0 && r.waitGrowth && r.waitGrowth > 0 ? 'g-grew' : ''}`}>{waitGrowth(r.waitMaxBefore, r.waitMaxAfter, r.waitGrowth)}</td>
        <td><StateChips states={r.statesAfter} max={2} /></td>
      </tr>
      {open && (
        <tr className="g-detail">
          <td colSpan={6} id={id}>
            <StackFrames frames={r.frames} highlight={r.topUserFrame} label={`Stack of ${name?.func ?? 'group'}, innermost frame first`} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
