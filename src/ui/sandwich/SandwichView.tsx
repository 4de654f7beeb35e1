/**
 * Callers and callees of one function (a sandwich): its callers as a flame graph drawn
 * upwards from it, its callees as one drawn downwards, and pprof's -peek table beside.
 */
import { useCallback, useRef } from 'react';
import { useSandwichZoom } from './useSandwichZoom';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useElementSize } from '../shared/useElementSize';
import { useWorkerCall } from '../shared/useWorkerCall';
import { useView, viewActions } from '../../state/view';
import { formatPercent, formatValue } from '../../state/format';
import type { FlameAnswer } from '../../worker/types';
import { FlameChart } from '../flame/FlameChart';
import { FunctionPicker } from './FunctionPicker';
import { PeekTable } from './PeekTable';
import { SandwichSide } from './SandwichSide';

function Side({ title, answer, width, dark, rootAtBottom, onZoom }: { title: string; answer: FlameAnswer | null; width: number; dark: boolean; rootAtBottom?: boolean; onZoom: (p: string[]) => void }) {
  return (
    <SandwichSide title={title} callers={rootAtBottom} zoomed={!!answer && answer.path.length > 1} onReset={() => onZoom([])}>
      {answer && answer.root.value !== 0 && (
        <FlameChart answer={answer} width={width} search="" dark={dark} onZoom={onZoom} onPick={(f) => viewActions.showSandwich(f.name)} rootAtBottom={rootAtBottom} />
      )}
    </SandwichSide>
  );
}

export function SandwichView({ current }: { current: CurrentProfile }) {
  const name = useView((s) => s.sandwichFunc);
  const dark = useView((s) => s.theme === 'dark');
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const { callersPath, calleesPath, setCallersPath, setCalleesPath } = useSandwichZoom(name);
  const minFraction = width > 0 ? 1 / (2 * width) : 0;
  const call = useWorkerCall(
    'sandwich',
    name && width > 0 ? { file: current.file.id, ...current.options, name, callersPath, calleesPath, minFraction } : null,
  );
  const answer = call.data;
  const onCallers = useCallback((p: string[]) => setCallersPath(p), []);
  const onCallees = useCallback((p: string[]) => setCalleesPath(p), []);

  return (
    <div className="sandwich-view">
      <div className="top-bar">
        <FunctionPicker key={name ?? ''} current={current} value={name} onPick={viewActions.showSandwich} />
        {answer?.found && name && (
          <span className="muted" data-testid="sandwich-total">
            cum {formatValue(answer.cum, answer.unit)} ({formatPercent(answer.cum, answer.total)}) · flat {formatValue(answer.flat, answer.unit)}
          </span>
        )}
        <span className="muted hint">Right-click a frame or click a name to move to that function</span>
      </div>
      {call.error && <p className="view-error" role="alert">Could not find the callers and callees: {call.error}</p>}
      {!name && <p className="view-empty">Pick a function above, right-click a frame in the flame graph, or use ⇅ in the top table.</p>}
      {name && answer && !answer.found && <p className="view-empty">This view has no function named {name}: another granularity or a filter leaves it out.</p>}
      <div className="sandwich-body">
        <div className="sandwich-flames" ref={box} aria-busy={call.loading}>
          {name && answer?.found && (
            <>
              <Side title={`Callers of ${name}`} answer={answer.callersFlame} width={width} dark={dark} rootAtBottom onZoom={onCallers} />
              <Side title={`Callees of ${name}`} answer={answer.calleesFlame} width={width} dark={dark} onZoom={onCallees} />
            </>
          )}
        </div>
        {name && answer?.found && (
          <div className="sandwich-table">
            <PeekTable name={name} answer={answer} onPick={viewActions.showSandwich} />
          </div>
        )}
      </div>
    </div>
  );
}
