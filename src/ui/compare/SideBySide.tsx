/** Base and target flame graphs next to each other, zoomed and searched together. */
import { useRef } from 'react';
import type { FlameAnswer } from '../../worker/types';
import { formatValue } from '../../state/format';
import { FlameChart } from '../flame/FlameChart';
import { useElementSize } from '../shared/useElementSize';

interface Props {
  sides: { base: FlameAnswer; target: FlameAnswer } | null;
  baseName: string;
  targetName: string;
  search: string;
  dark: boolean;
  onZoom: (path: string[]) => void;
}

function Side({ answer, title, width, search, dark, onZoom }: { answer: FlameAnswer; title: string; width: number; search: string; dark: boolean; onZoom: (p: string[]) => void }) {
  return (
    <section className="compare-side" aria-label={`${title} flame graph`}>
      <h3>
        {title} <span className="muted">· {formatValue(answer.total, answer.unit)} total</span>
      </h3>
      {answer.root.value > 0 ? (
        <FlameChart answer={answer} width={width} search={search} dark={dark} onZoom={onZoom} />
      ) : (
        <p className="view-empty">Nothing here at this zoom.</p>
      )}
    </section>
  );
}

export function SideBySide({ sides, baseName, targetName, search, dark, onZoom }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const each = Math.max(0, Math.floor((width - 12) / 2));
  return (
    <div className="compare-sides" ref={box} data-testid="compare-sides">
      {sides && each > 0 && (
        <>
          <Side answer={sides.base} title={`Base: ${baseName}`} width={each} search={search} dark={dark} onZoom={onZoom} />
          <Side answer={sides.target} title={`Target: ${targetName}`} width={each} search={search} dark={dark} onZoom={onZoom} />
        </>
      )}
    </div>
  );
}
