/**
 * The Trace tab: summary, creation over time (with the snapshot times), goroutine analysis,
 * the profiles inside the trace, the goroutines at an instant, heap and GC, tasks and regions.
 */
import { useId, useRef, useState } from 'react';
import type { FileEntry } from '../../state/files';
import { useDebounced } from '../shared/useDebounced';
import { useElementSize } from '../shared/useElementSize';
import { useWorkerCall } from '../shared/useWorkerCall';
import { creationHeadline, formatInstant, rate } from './chart';
import { CreationChart } from './CreationChart';
import { GroupTable } from './GroupTable';
import { HeapChart } from './HeapChart';
import { ProfileButtons } from './ProfileButtons';
import { SnapshotPanel } from './SnapshotPanel';
import { SummaryStrip } from './SummaryStrip';
import { TasksPanel } from './TasksPanel';
import { TraceGroupsExport } from '../export/TraceGroupsExport';
import { shortFuncName } from '../../model/go-names';
import { thousands, visibleMarks } from '../../state/format';
import './trace.css';

function Section({ id, title, children, extra }: { id: string; title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <section className="tr-section" aria-labelledby={id}>
      <header>
        <h2 id={id}>{title}</h2>
        {extra}
      </header>
      {children}
    </section>
  );
}

function Failed({ what, error }: { what: string; error: string | null }) {
  return error ? <p className="tr-error" role="alert">Could not compute {what}: {error}</p> : <p className="tr-empty" role="status">Computing {what}…</p>;
}

function TimeSlider({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (v: number) => void }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="range"
        min={0}
        max={max}
        step={Math.max(1, Math.round(max / 1000))}
        value={value}
        aria-valuetext={formatInstant(value)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output>{formatInstant(value)}</output>
    </label>
  );
}

export function TraceView({ file }: { file: FileEntry }) {
  const id = file.id;
  const body = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(body);
  const summary = useWorkerCall('traceSummary', { file: id });
  const groups = useWorkerCall('traceGroups', { file: id });
  const creation = useWorkerCall('traceCreation', { file: id, buckets: 100, top: 8 });
  const heap = useWorkerCall('traceHeap', { file: id, points: 1500 });
  const tasks = useWorkerCall('traceTasks', { file: id });
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const headlineId = useId();
  const ids = { creation: useId(), groups: useId(), profiles: useId(), snapshot: useId(), heap: useId(), tasks: useId() };

  const duration = summary.data?.durationNs ?? creation.data?.durationNs ?? 0;
  const aNow = a ?? duration;
  const debA = useDebounced(a, 250);
  const debB = useDebounced(b, 250);
  const pick = (t: number, which: 'a' | 'b') => (which === 'a' ? setA(t) : setB(t));
  const headline = creation.data && groups.data ? creationHeadline(creation.data, groups.data.groups) : null;

  return (
    <div className="tr-view" role="region" aria-label={`Execution trace ${file.name}`} data-testid="trace-view">
      {summary.data ? <SummaryStrip s={summary.data} /> : <Failed what="the trace summary" error={summary.error} />}

      <Section id={ids.creation} title="Goroutine creation over time">
        <div ref={body}>
          {headline && (
            <p id={headlineId} className={`tr-headline${headline.runaway.length > 0 ? ' alarm' : ''}`} data-testid="creation-headline">
              {headline.summary}{' '}
              {headline.runaway.length > 0 && (
                <>
                  Created and never exited:{' '}
                  {headline.runaway.map((f, i) => (
                    <span key={f.name}>
                      {i > 0 && '; '}
                      <strong title={visibleMarks(f.name)}>{visibleMarks(shortFuncName(f.name))}</strong> {thousands(f.created)} created
                      {f.perSecond > 0 && ` (${rate(f.perSecond)}${f.steadiness >= 0.6 ? ', steadily' : ''})`}, {thousands(f.alive)} still alive at the end
                    </span>
                  ))}
                  .
                </>
              )}
            </p>
          )}
          {creation.data && width > 0 ? (
            <CreationChart data={creation.data} width={width} markers={{ a, b }} onPick={pick} describedBy={headline ? headlineId : undefined} />
          ) : (
            <Failed what="goroutine creation" error={creation.error} />
          )}
          {duration > 0 && (
            <div className="tr-picker" role="group" aria-label="Snapshot times">
              <TimeSlider label="Snapshot A" value={aNow} max={duration} onChange={setA} />
              {a === null && (
                <button type="button" className="btn small" onClick={() => setA(duration)}>
                  Goroutines at the end
                </button>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={b !== null}
                  onChange={(e) => {
                    // B takes the instant chosen so far; A moves halfway back to it, so there is a change to see.
                    if (e.target.checked) {
                      setB(aNow);
                      setA(aNow / 2);
                    } else setB(null);
                  }}
                />
                Compare with B
              </label>
              {b !== null && <TimeSlider label="B" value={b} max={duration} onChange={setB} />}
              <span className="hint muted">Click the chart to set A, Shift+click to set B.</span>
            </div>
          )}
        </div>
      </Section>

      <Section
        id={ids.groups}
        title="Goroutine analysis"
        extra={
          groups.data && (
            <>
              <span className="hint">{thousands(groups.data.goroutines)} goroutines in {thousands(groups.data.groups.length)} groups by start function · open a group for its goroutines and profiles</span>
              <TraceGroupsExport fileName={file.name} groups={groups.data.groups} />
            </>
          )
        }
      >
        {groups.data ? <GroupTable file={id} groups={groups.data.groups} /> : <Failed what="the goroutine analysis" error={groups.error} />}
      </Section>

      <Section id={ids.profiles} title="Profiles inside the trace" extra={<span className="hint">Each opens as a new file: flame graph, top and Compare work on it</span>}>
        <ProfileButtons file={id} label="Profiles of the whole trace" />
      </Section>

      <Section id={ids.snapshot} title={a === null ? 'Snapshot at an instant' : `Goroutines at ${formatInstant(aNow)}${b !== null ? ` and ${formatInstant(b)}` : ''}`}>
        {debA === null || a === null ? (
          <p className="tr-empty">
            Pick a time on the creation chart (click, or the Snapshot A slider) to see every goroutine’s state at that moment and where it was
            blocked, as a goroutine dump would show it. Turn on “Compare with B” for the change between two instants.
          </p>
        ) : (
          <SnapshotPanel file={id} aNs={debA} bNs={debB} durationNs={duration} />
        )}
      </Section>

      <Section id={ids.heap} title="Heap and GC">
        {heap.data ? (
          heap.data.heapAlloc.timeNs.length > 0 || heap.data.gcs.length > 0 ? (
            width > 0 && <HeapChart data={heap.data} width={width} />
          ) : (
            <p className="tr-empty">No heap metrics or GC cycles in this trace.</p>
          )
        ) : (
          <Failed what="the heap series" error={heap.error} />
        )}
      </Section>

      <Section id={ids.tasks} title="Tasks and regions">
        {tasks.data ? <TasksPanel data={tasks.data} /> : <Failed what="tasks and regions" error={tasks.error} />}
      </Section>
    </div>
  );
}
