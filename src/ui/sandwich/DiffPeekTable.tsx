/**
 * pprof's -peek on a diff for one function: each caller's and callee's value before, after,
 * the change, and the change's share of the function's change in cum.
 */
import { useEffect, useRef } from 'react';
import type { WorkerClient } from '../../worker/client';
import type { DiffPeekRequest } from '../../worker/compare-api';
import type { DiffPeekRow, DiffValue } from '../../analysis/diff/peek';
import { formatExact, formatPercent, formatValue, visibleMarks } from '../../state/format';
import { useCall } from '../shared/useWorkerCall';
import { formatDelta } from '../compare/format';

const signClass = (v: number) => (v > 0 ? ' pos' : v < 0 ? ' neg' : '');

function Values({ v, unit, cumDelta }: { v: DiffValue; unit: string; cumDelta: number | null }) {
  return (
    <>
      <td className="num" title={formatExact(v.before, unit)}>{formatValue(v.before, unit)}</td>
      <td className="num" title={formatExact(v.after, unit)}>{formatValue(v.after, unit)}</td>
      <td className={`num${signClass(v.delta)}`} title={formatExact(v.delta, unit)}>{formatDelta(v.delta, unit)}</td>
      <td className="num">{cumDelta === null ? '' : formatPercent(Math.abs(v.delta), Math.abs(cumDelta))}</td>
    </>
  );
}

export function DiffPeekTable({ client, request, onPick, onClose }: { client: WorkerClient; request: DiffPeekRequest; onPick: (name: string) => void; onClose: () => void }) {
  const call = useCall(client, 'diffPeek', request);
  const box = useRef<HTMLElement>(null);
  // The panel may be scrolled past it: bring each newly picked function into view.
  useEffect(() => box.current?.scrollIntoView({ block: 'nearest' }), [request.name]);
  const a = call.data;
  const p = a?.peek;
  const edge = (r: DiffPeekRow, role: string) => (
    <tr key={`${role}${r.name}`} className={`peek-${role}`}>
      <td className="name-cell">
        <button type="button" className="link" title={`${role === 'caller' ? 'Calls' : 'Called by'} ${request.name}. Show its callers and callees`} onClick={() => onPick(r.name)}>
          {visibleMarks(r.name)}
        </button>
      </td>
      <Values v={r} unit={a!.unit} cumDelta={p!.cum.delta} />
    </tr>
  );
  return (
    <section ref={box} className="diff-peek" aria-label={`Callers and callees of ${request.name}, before and after`}>
      <div className="compare-table-bar">
        <strong>Callers and callees</strong>
        <span className="muted">of {request.name} (pprof -peek on the diff)</span>
        <button type="button" className="btn small" onClick={onClose}>Close</button>
      </div>
      {call.error && <p className="view-error" role="alert">{call.error}</p>}
      {a && !p && <p className="view-empty">Neither profile has {request.name} in this view.</p>}
      {a && p && (
        <table className="peek-table" data-testid="diff-peek-table">
          <thead>
            <tr>
              <th scope="col">function</th>
              <th scope="col" className="num">before</th>
              <th scope="col" className="num">after</th>
              <th scope="col" className="num">Δ</th>
              <th scope="col" className="num" title="Share of the function's change in cum">of cum Δ</th>
            </tr>
          </thead>
          <tbody>
            {p.callers.map((r) => edge(r, 'caller'))}
            <tr className="peek-self">
              <th scope="row" className="name-cell">{request.name}</th>
              <Values v={p.cum} unit={a.unit} cumDelta={null} />
            </tr>
            {p.callees.map((r) => edge(r, 'callee'))}
          </tbody>
        </table>
      )}
    </section>
  );
}
