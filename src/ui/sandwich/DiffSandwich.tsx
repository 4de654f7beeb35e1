/**
 * Callers and callees of one function on a diff: its callers as a diff flame graph drawn
 * upwards from it, its callees as one drawn downwards (width the target's value, colour the
 * change, as the Compare tab's diff flame graph), and pprof's -peek on the diff beside.
 * A right-click on a frame moves to that function; a click zooms.
 */
import { useRef } from 'react';
import { useSandwichZoom } from './useSandwichZoom';
import type { WorkerClient } from '../../worker/client';
import type { DiffFlameAnswer, DiffPeekRequest } from '../../worker/compare-api';
import { DiffFlameChart } from '../compare/DiffFlameChart';
import { DiffPeekTable } from './DiffPeekTable';
import type { Palette } from '../compare/diff-colour';
import { useElementSize } from '../shared/useElementSize';
import { useCall } from '../shared/useWorkerCall';
import { SandwichSide } from './SandwichSide';

interface Props {
  client: WorkerClient;
  request: DiffPeekRequest;
  palette: Palette;
  dark: boolean;
  /** What the tooltips' delta % is of (the diff's meaning). */
  percentLabel: string;
  onPick: (name: string) => void;
  onClose: () => void;
}

export function DiffSandwich({ client, request, palette, dark, percentLabel, onPick, onClose }: Props) {
  const name = request.name;
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const { callersPath, calleesPath, setCallersPath, setCalleesPath } = useSandwichZoom(name);
  const call = useCall(client, 'diffSandwich', width > 0 ? { ...request, callersPath, calleesPath, minFraction: 1 / (2 * width) } : null);
  const a = call.data;

  const side = (title: string, answer: DiffFlameAnswer | null | undefined, onZoom: (p: string[]) => void, callers: boolean) => (
    <SandwichSide title={title} callers={callers} zoomed={!!answer && answer.path.length > 1} onReset={() => onZoom([])}>
      {answer && answer.root.value > 0 && (
        <DiffFlameChart
          answer={answer}
          width={width}
          palette={palette}
          dark={dark}
          search=""
          percentLabel={percentLabel}
          onZoom={onZoom}
          onPick={(f) => onPick(f.name)}
          rootAtBottom={callers}
        />
      )}
    </SandwichSide>
  );

  return (
    <div className="sandwich-body diff-sandwich">
      <div className="sandwich-flames" ref={box} aria-busy={call.loading}>
        {call.error && <p className="view-error" role="alert">Could not draw the callers and callees: {call.error}</p>}
        {a && a.callers && side(`Callers of ${name}, before and after`, a.callers, setCallersPath, true)}
        {a && a.callees && side(`Callees of ${name}, before and after`, a.callees, setCalleesPath, false)}
      </div>
      <div className="sandwich-table">
        <DiffPeekTable client={client} request={request} onPick={onPick} onClose={onClose} />
      </div>
    </div>
  );
}
