/**
 * Base and target, chosen one at a time: any open profile as base, and as target only
 * the profiles that can be diffed with it (the same sample types, as pprof requires);
 * a swap, and the sample type.
 */
import { useMemo } from 'react';
import { comparableWith, type ComparableProfile } from '../../analysis/diff/pairs';
import type { FileId } from '../../worker/types';

interface Props {
  profiles: ComparableProfile[];
  base: FileId | null;
  target: FileId | null;
  sampleType: string | null;
  sampleTypes: string[];
  onBase: (base: FileId) => void;
  onTarget: (target: FileId) => void;
  onSwap: () => void;
  onSampleType: (t: string) => void;
}

export function PairPicker({ profiles, base, target, sampleType, sampleTypes, onBase, onTarget, onSwap, onSampleType }: Props) {
  // Not again on every render of the panel (a search keystroke): an archive holds a thousand profiles.
  const targets = useMemo(() => {
    const baseProfile = profiles.find((p) => p.id === base);
    return baseProfile ? comparableWith(baseProfile, profiles) : [];
  }, [profiles, base]);
  return (
    <div className="compare-pair" role="group" aria-label="Profiles to compare">
      <label>
        <span>Base (before)</span>
        <select aria-label="Base profile (before)" value={base ?? ''} onChange={(e) => onBase(Number(e.target.value))}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn"
        aria-label="Swap base and target"
        title="Swap base and target (x)"
        aria-keyshortcuts="x"
        disabled={base === null || target === null}
        onClick={onSwap}
      >
        ⇄
      </button>
      <label>
        <span>Target (after)</span>
        <select
          aria-label="Target profile (after)"
          aria-description="Only profiles with the base's sample types are listed"
          value={target ?? ''}
          disabled={targets.length === 0}
          onChange={(e) => onTarget(Number(e.target.value))}
        >
          {targets.length === 0 && <option value="">none can be compared</option>}
          {targets.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
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
    </div>
  );
}
