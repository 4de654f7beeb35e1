/** Choose base and target (with swap), the sample type, or one of the suggested pairs. */
import type { FileId, FileInfo } from '../../worker/types';
import type { PairOption } from '../../worker/compare-api';

interface Props {
  files: FileInfo[];
  pairs: PairOption[];
  base: FileId | null;
  target: FileId | null;
  sampleType: string | null;
  sampleTypes: string[];
  onChange: (base: FileId, target: FileId) => void;
  onSampleType: (t: string) => void;
}

export function PairPicker({ files, pairs, base, target, sampleType, sampleTypes, onChange, onSampleType }: Props) {
  const profiles = files.filter((f) => f.profile);
  const name = (id: FileId) => files.find((f) => f.id === id)?.name ?? `#${id}`;
  const pairValue = pairs.findIndex((p) => (p.base === base && p.target === target) || (p.base === target && p.target === base));
  return (
    <div className="compare-pair" role="group" aria-label="Profiles to compare">
      <label>
        <span>Base (before)</span>
        <select aria-label="Base profile (before)" value={base ?? ''} onChange={(e) => target !== null && onChange(Number(e.target.value), target)}>
          {profiles.map((f) => (
            <option key={f.id} value={f.id}>{f.name}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn"
        aria-label="Swap base and target"
        title="Swap base and target"
        disabled={base === null || target === null}
        onClick={() => base !== null && target !== null && onChange(target, base)}
      >
        ⇄
      </button>
      <label>
        <span>Target (after)</span>
        <select aria-label="Target profile (after)" value={target ?? ''} onChange={(e) => base !== null && onChange(base, Number(e.target.value))}>
          {profiles.map((f) => (
            <option key={f.id} value={f.id}>{f.name}</option>
          ))}
        </select>
      </label>
      <label>
        <span>Sample type</span>
        <select aria-label="Sample type to compare" value={sampleType ?? ''} onChange={(e) => onSampleType(e.target.value)} disabled={sampleTypes.length === 0}>
          {sampleTypes.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </label>
      {pairs.length > 1 && (
        <label>
          <span>Suggested pairs</span>
          <select
            aria-label="Suggested pairs"
            value={pairValue >= 0 ? pairValue : ''}
            onChange={(e) => {
              const p = pairs[Number(e.target.value)];
              if (p) onChange(p.base, p.target);
            }}
          >
            {pairValue < 0 && <option value="">—</option>}
            {pairs.map((p, i) => (
              <option key={`${p.base}-${p.target}`} value={i}>
                {name(p.base)} → {name(p.target)}{p.sameKind ? '' : ' (different kinds)'}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
