/** Buttons that open a profile inside the trace (whole trace or one group) in the flame graph. */
import { useState } from 'react';
import { formatNanos, thousands } from '../../state/format';
import type { FileId } from '../../worker/types';
import { DERIVED_KINDS } from '../../analysis/trace/profile-totals';
import type { DerivedKind, DerivedTotal } from '../../worker/trace-api';
import { useWorkerCall } from '../shared/useWorkerCall';
import { openDerivedProfile } from './derived';

export const DERIVED_LABEL: Record<DerivedKind, string> = {
  cpu: 'CPU samples',
  sync: 'Sync blocking',
  net: 'Network blocking',
  syscall: 'Syscalls',
  sched: 'Scheduler latency',
};

const DERIVED_TITLE: Record<DerivedKind, string> = {
  cpu: 'CPU profile samples recorded in the trace',
  sync: 'Where goroutines blocked on channels, select and sync primitives, weighted by time blocked (go tool trace -pprof=sync)',
  net: 'Where goroutines blocked on network I/O (go tool trace -pprof=net)',
  syscall: 'Where goroutines spent time in system calls (go tool trace -pprof=syscall)',
  sched: 'Where goroutines waited to be scheduled after becoming runnable (go tool trace -pprof=sched)',
};

export function amountOf(t: DerivedTotal): string {
  if (t.stacks === 0) return 'none';
  if (t.kind === 'cpu') return `${thousands(t.value)} sample${t.value === 1 ? '' : 's'}`;
  return `${formatNanos(t.value)} · ${thousands(t.events)} event${t.events === 1 ? '' : 's'}`;
}

export function ProfileButtons({ file, group, label }: { file: FileId; group?: string; label: string }) {
  const totals = useWorkerCall('traceProfiles', group === undefined ? { file } : { file, group });
  const [busy, setBusy] = useState<DerivedKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (kind: DerivedKind) => {
    setBusy(kind);
    setError(null);
    try {
      await openDerivedProfile(group === undefined ? { file, kind } : { file, kind, group });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <div className="tr-profiles" role="group" aria-label={label}>
        {DERIVED_KINDS.map((kind) => {
          const t = totals.data?.profiles.find((p) => p.kind === kind);
          const empty = !!t && t.stacks === 0;
          return (
            <button
              key={kind}
              type="button"
              className="btn"
              disabled={empty || busy !== null}
              aria-busy={busy === kind}
              title={`${DERIVED_TITLE[kind]}${empty ? ' — nothing recorded' : '. Opens as a new file in the flame graph.'}`}
              onClick={() => void open(kind)}
              data-kind={kind}
            >
              <span>{DERIVED_LABEL[kind]}</span>
              <span className="amount">{busy === kind ? 'opening…' : t ? amountOf(t) : '…'}</span>
            </button>
          );
        })}
      </div>
      {(error || totals.error) && <p className="tr-error" role="alert">{error ?? totals.error}</p>}
    </div>
  );
}
