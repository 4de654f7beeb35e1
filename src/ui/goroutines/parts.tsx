/** Small pieces shared by the goroutine views: state chips, stacks, sortable headers, "show more". */
import type { ReactNode } from 'react';
import type { FrameInfo, LabelCount, StateCount } from '../../worker/goroutine-api';
import { viewActions } from '../../state/view';
import { count, location, shortFile, stateTone } from './format';
import { visibleMarks } from '../../state/format';

export function StateChips({ states, max = 3 }: { states: StateCount[]; max?: number }) {
  if (states.length === 0) return <span className="muted">—</span>;
  const shown = states.slice(0, max);
  const rest = states.slice(max);
  return (
    <span className="g-chips">
      {shown.map((s) => (
        <span key={s.state} className={`g-chip tone-${stateTone(s.state)}`} title={`${s.state}: ${count(s.count)}`}>
          {s.state} <b>{count(s.count)}</b>
        </span>
      ))}
      {rest.length > 0 && (
        <span className="g-chip tone-other" title={rest.map((s) => `${s.state}: ${count(s.count)}`).join('\n')}>
          +{rest.length}
        </span>
      )}
    </span>
  );
}

/**
 * A group's commonest pprof label with its count; the others behind "+N", whose tooltip
 * lists them with theirs (a table row has room for one label, and a cut count misleads).
 */
export function LabelChips({ labels, kinds }: { labels: LabelCount[]; kinds: number }) {
  if (labels.length === 0) return <span className="muted">—</span>;
  const [first, ...rest] = labels;
  const more = kinds - 1;
  const restTitle = rest.map((l) => `${l.label}: ${count(l.count)}`).concat(kinds > labels.length ? [`and ${kinds - labels.length} more`] : []);
  return (
    <span className="g-chips">
      <span className="g-chip g-label mono" title={`${first.label}: ${count(first.count)} goroutines`}>
        <span>{first.label}</span> <b>{count(first.count)}</b>
      </span>
      {more > 0 && (
        <span className="g-chip tone-other" title={restTitle.join('\n')}>
          +{more}
        </span>
      )}
    </span>
  );
}

/** How many of a group the runtime's leak detector marked leaked; nothing when none. */
export function LeakedChip({ n }: { n: number }) {
  if (n <= 0) return null;
  return (
    <span
      className="g-chip tone-leaked"
      title={`${count(n)} marked leaked by the runtime's leak detector: at the last GC nothing that could wake them was reachable`}
    >
      leaked <b>{count(n)}</b>
    </span>
  );
}

/** A frame name in mono, with the location beside it, both as text. */
export function FrameName({ frame, withLocation = false }: { frame: FrameInfo | null; withLocation?: boolean }) {
  if (!frame) return <span className="muted">—</span>;
  const loc = location(frame);
  return (
    <span className="g-frame" title={`${visibleMarks(frame.func)}${frame.file ? `\n${visibleMarks(frame.file)}:${frame.line}` : ''}`}>
      <span className="g-func">{visibleMarks(frame.func)}</span>
      {withLocation && loc && <span className="g-loc"> {loc}</span>}
    </span>
  );
}

export const FRAME_LINE = 20;

/** A full stack, leaf first, one line per frame with file:line; the top user frame is marked; a name opens its callers and callees. */
export function StackFrames({ frames, highlight, label }: { frames: FrameInfo[]; highlight?: FrameInfo | null; label: string }) {
  return (
    <ol className="g-stack" aria-label={label}>
      {frames.map((f, i) => {
        const mark = !!highlight && f.func === highlight.func && f.line === highlight.line;
        return (
          <li key={i} className={mark ? 'g-user' : undefined} style={{ height: FRAME_LINE }}>
            <button type="button" className="g-func link" title={`${visibleMarks(f.func)}: show its callers and callees`} onClick={() => viewActions.showSandwich(f.func)}>
              {visibleMarks(f.func)}
            </button>
            <span className="g-loc" title={`${f.file}:${f.line}`}>
              {f.file ? `${shortFile(f.file, 3)}:${f.line}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export interface SortHeaderProps<K extends string> {
  id: K;
  label: ReactNode;
  title: string;
  active: K;
  desc: boolean;
  numeric?: boolean;
  onSort: (k: K) => void;
}

export function SortHeader<K extends string>({ id, label, title, active, desc, numeric, onSort }: SortHeaderProps<K>) {
  const on = active === id;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={on ? (desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" title={`${title}. Click to sort.`} onClick={() => onSort(id)}>
        {label}
        <span className="sort-mark" aria-hidden="true">{on ? (desc ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );
}

/** Asks for the next `step` rows of a list shown in part; nothing once all are shown. */
export function ShowMore({ shown, total, step, noun, onMore }: { shown: number; total: number; step: number; noun: string; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <p className="g-more">
      <button type="button" className="btn small" onClick={onMore}>
        Show {count(Math.min(step, total - shown))} more of {count(total)} {noun}
      </button>
    </p>
  );
}
