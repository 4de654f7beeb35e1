/** The goroutine analysis of the selected range: groups by start function, times inside the range. */
import { LANE_BLOCKED_NET, LANE_BLOCKED_OTHER, LANE_BLOCKED_SYNC, LANE_GC_ASSIST, LANE_RUNNABLE, LANE_RUNNING, LANE_SYSCALL } from '../../model/timeline';
import { shortFuncName } from '../../model/go-names';
import { formatNanos, thousands } from '../../state/format';
import type { FileId } from '../../worker/types';
import { useState } from 'react';
import { useDebounced } from '../shared/useDebounced';
import { openDerivedProfile } from '../trace/derived';
import { SnapshotPanel } from '../trace/SnapshotPanel';
import { DERIVED_KINDS, type DerivedKind } from '../../analysis/trace/profile-totals';
import { DERIVED_KIND_LABEL } from '../../analysis/trace/derived-names';
import { useWorkerCall } from '../shared/useWorkerCall';
import type { Viewport } from './viewport';

const COLUMNS: [number, string][] = [
  [LANE_RUNNING, 'Running'],
  [LANE_GC_ASSIST, 'GC assist'],
  [LANE_RUNNABLE, 'Runnable'],
  [LANE_SYSCALL, 'Syscall'],
  [LANE_BLOCKED_SYNC, 'Blocked (sync)'],
  [LANE_BLOCKED_NET, 'Blocked (net)'],
  [LANE_BLOCKED_OTHER, 'Blocked (other)'],
];

export function RangePanel({ file, range, hasCpuSamples, endNs }: { file: FileId; range: Viewport; hasCpuSamples: boolean; endNs: number }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<DerivedKind | null>(null);
  // While Shift+drag moves the range, ask once it rests.
  const key = useDebounced(`${Math.round(range.t0)}-${Math.round(range.t1)}`, 150);
  const [t0, t1] = key.split('-').map(Number);
  const res = useWorkerCall('timelineRange', { file, t0, t1 });
  const d = res.data;
  return (
    <section className="tl-rangepanel" aria-label="Goroutines in the range" data-testid="range-groups" data-range={d ? `${d.t0}-${d.t1}` : undefined}>
      <h3>
        Goroutines in {formatNanos(t0)} – {formatNanos(t1)}
        {d && <span className="muted"> · {thousands(d.goroutines)} goroutines</span>}
      </h3>
      <div className="tl-actions" role="group" aria-label="Profiles of the range">
        {DERIVED_KINDS.filter((k) => k !== 'cpu' || hasCpuSamples).map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn small"
            disabled={busy !== null}
            title={`The ${DERIVED_KIND_LABEL[kind]} of this range only, as a profile of its own (flame graph, top, Compare)`}
            onClick={() => {
              setBusy(kind);
              openDerivedProfile({ file, kind, range: { t0, t1 } })
                .then(
                  () => setError(null),
                  (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
                )
                .finally(() => setBusy(null));
            }}
          >
            {busy === kind ? 'reading the trace…' : DERIVED_KIND_LABEL[kind]}
          </button>
        ))}
      </div>
      {(res.error || error) && <p className="view-error">{res.error ?? error}</p>}
      {d && (
        <div className="tl-tablewrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Start function</th>
                <th scope="col">Count</th>
                {COLUMNS.map(([, name]) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.groups.map((g) => (
                <tr key={g.name}>
                  <th scope="row" title={g.name}>
                    {g.name ? shortFuncName(g.name) : '(unknown)'}
                  </th>
                  <td>{thousands(g.count)}</td>
                  {COLUMNS.map(([k, name]) => (
                    <td key={name} title={`${thousands(g.ns[k])} ns`}>
                      {g.ns[k] > 0 ? formatNanos(g.ns[k]) : '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Goroutines at the start and at the end of the range</h3>
      <SnapshotPanel file={file} aNs={t0} bNs={t1} durationNs={endNs} />
    </section>
  );
}
