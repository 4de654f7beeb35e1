/**
 * The Goroutines tab for goroutine files (pprof debug=0, debug=1 and debug=2 text):
 * goroutines by stack, who spawns them, two snapshots compared, and leak suspects.
 * Everything is asked of the worker in small pages; names are rendered as text only.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { FileId } from '../../worker/types';
import { granularityOf } from '../../analysis/transforms/list';
import { useView } from '../../state/view';
import { GranularityChoice, type GranularityOption } from '../controls/GranularityChoice';
import { useWorkerCall } from '../shared/useWorkerCall';
import { CompareView } from './CompareView';
import { CreatorsView } from './CreatorsView';
import { GroupsTable } from './GroupsTable';
import { LeaksView } from './LeaksView';
import { count, encodingLabel, percent, plural, signed } from './format';
import { previousOf } from './pairs';
import { FrameName } from './parts';
import { goroutineActions, useGoroutineView, type GoroutineSubview } from './store';
import { useGoroutinePairs } from './useGoroutineFiles';
import './goroutines.css';
import { GoroutineExport } from '../export/GoroutineExport';

const SUBVIEWS: { id: GoroutineSubview; label: string }[] = [
  { id: 'stacks', label: 'By stack' },
  { id: 'creators', label: 'Who spawns them' },
  { id: 'compare', label: 'Compare snapshots' },
  { id: 'leaks', label: 'Leak suspects' },
];

const GRANULARITIES: GranularityOption[] = [
  { id: 'function', label: 'Function', title: 'One group per sequence of functions' },
  { id: 'line', label: 'Function + line', title: 'Stacks that differ only in line numbers are separate groups' },
];

export function GoroutinesView({ file }: { file: FileId }) {
  const granularity = useView((s) => granularityOf(s.transforms));
  const subview = useGoroutineView((s) => s.subview);
  const overview = useWorkerCall('goroutineOverview', { file, granularity });
  const pairs = useGoroutinePairs();
  const files = pairs.data?.files ?? [];
  const previous = previousOf(files, file);
  const previousName = files.find((f) => f.file === previous)?.name ?? null;
  // Wait for the ordering, so growth is measured against the previous snapshot from the start.
  const leaks = useWorkerCall('goroutineLeaks', pairs.data || pairs.error ? { file, granularity, previous, limit: 5 } : null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const o = overview.data && overview.data.file === file ? overview.data : null;
  const top = leaks.data?.suspects[0] ?? null;

  // "/" filters: the compare table on Compare, else the stack groups.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      const compare = useGoroutineView.getState().subview === 'compare';
      if (!compare) goroutineActions.setSubview('stacks');
      requestAnimationFrame(() => document.getElementById(compare ? 'goroutine-compare-filter' : 'goroutine-filter')?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const showStacks = (func: string) => {
    goroutineActions.setState(null);
    goroutineActions.setText(func);
    goroutineActions.setSubview('stacks');
  };

  const onTabKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = (i + d + SUBVIEWS.length) % SUBVIEWS.length;
    goroutineActions.setSubview(SUBVIEWS[next]!.id);
    tabs.current[next]?.focus();
  };

  return (
    <section className="goroutines-view" aria-label="Goroutines">
      <div className="g-header">
        <div className="g-summary" data-testid="goroutine-summary">
          {o ? (
            <>
              <strong>{plural(o.total, 'goroutine')}</strong>
              <span className="muted"> in {plural(o.groups, 'stack')} · {encodingLabel(o.encoding)}</span>
            </>
          ) : overview.error ? (
            <span className="view-error" role="alert">{overview.error}</span>
          ) : (
            <span className="muted">Grouping goroutines…</span>
          )}
        </div>
        <GranularityChoice label="Group stacks by" labelId="g-granularity-label" options={GRANULARITIES} className="field g-granularity" />
        <GoroutineExport file={file} granularity={granularity} />
      </div>
      {top && (subview === 'stacks' || subview === 'creators') && (
        <div className="g-callout" role="note" aria-label="Most likely leak">
          <span className="g-callout-label">Most likely leak</span>
          <FrameName frame={top.topUserFrame ?? top.leaf} withLocation />
          <span>
            {' '}— {count(top.count)} goroutines ({percent(o && o.total > 0 ? (100 * top.count) / o.total : 0)})
            {top.delta !== null && top.delta > 0 ? `, ${signed(top.delta)} since ${previousName ?? 'the previous snapshot'}` : ''}
            {top.leaked > 0 ? ` · ${count(top.leaked)} marked leaked by the runtime` : ''}
            {top.shape ? ` · looks like ${top.shape.title.toLowerCase()}` : ''}
          </span>
          <button type="button" className="link g-callout-more" onClick={() => goroutineActions.setSubview('leaks')}>
            Why?
          </button>
        </div>
      )}
      <div className="g-subtabs" role="tablist" aria-label="Goroutine views">
        {SUBVIEWS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={`g-tab-${v.id}`}
            type="button"
            role="tab"
            aria-selected={subview === v.id}
            aria-controls={`g-panel-${v.id}`}
            tabIndex={subview === v.id ? 0 : -1}
            onClick={() => goroutineActions.setSubview(v.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {v.label}
            {v.id === 'leaks' && leaks.data && leaks.data.suspects.length > 0 && (
              <span className="badge" aria-label={`${leaks.data.suspects.length} suspects`}>{leaks.data.suspects.length}</span>
            )}
            {v.id === 'compare' && files.length >= 2 && <span className="badge" aria-label={`${files.length} snapshots`}>{files.length}</span>}
          </button>
        ))}
      </div>
      <div className="g-panel" role="tabpanel" id={`g-panel-${subview}`} aria-labelledby={`g-tab-${subview}`}>
        {subview === 'stacks' && <GroupsTable file={file} granularity={granularity} overview={o} />}
        {subview === 'creators' && <CreatorsView file={file} granularity={granularity} />}
        {subview === 'compare' && <CompareView granularity={granularity} />}
        {subview === 'leaks' && (pairs.data || pairs.error) && (
          <LeaksView file={file} granularity={granularity} previous={previous} previousName={previousName} onShowStacks={showStacks} />
        )}
      </div>
    </section>
  );
}
