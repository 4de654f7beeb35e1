/** What the profile is: kind, sampling, when and how long, and what the chosen sample type means. */
import type { ReactNode } from 'react';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { describeKind } from '../../model/file-kind';
import { explainSampleType } from '../../state/explain';
import { LabelsSection } from './LabelsSection';
import { formatNanos, formatSize, formatValue, thousands } from '../../state/format';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function InfoPanel({ current }: { current: CurrentProfile }) {
  const { file, summary: p, sampleType } = current;
  const info = file.info!;
  const kind = info.kind.kind === 'pprof' ? info.kind.profile : info.kind.kind;
  const period = p.periodType
    ? `${formatValue(p.period, p.periodType.unit)} of ${p.periodType.type}`
    : p.period
      ? thousands(p.period)
      : '—';
  return (
    <section className="info-panel" aria-label="Profile information">
      <p className="explain" data-testid="sample-type-explanation">
        {explainSampleType(sampleType.type, sampleType.unit, p.periodType, p.period, kind)}
      </p>
      <dl className="info-grid">
        <Item label="File">{file.name} <span className="muted">({formatSize(file.size)})</span></Item>
        <Item label="Kind">{describeKind(info.kind)}</Item>
        <Item label="Read as">{p.source}</Item>
        <Item label="Period">{period}</Item>
        <Item label="Duration">{p.durationNanos ? formatNanos(p.durationNanos) : '—'}</Item>
        <Item label="Taken">{p.timeNanos ? new Date(p.timeNanos / 1e6).toLocaleString() : '—'}</Item>
        <Item label="Samples">{thousands(p.sampleCount)}</Item>
        <Item label="Totals">
          <ul className="plain">
            {p.sampleTypes.map((t, i) => (
              <li key={i}>
                <span className="mono">{t.type}</span>: {formatValue(p.totals[i] ?? 0, t.unit)}
                {t.type === sampleType.type && <span className="badge">shown</span>}
              </li>
            ))}
          </ul>
        </Item>
        <Item label="Comments">
          {p.comments.length ? (
            <ul className="plain">{p.comments.map((c, i) => <li key={i}>{c}</li>)}</ul>
          ) : (
            '—'
          )}
        </Item>
        {(p.dropFrames || p.keepFrames) && (
          <Item label="Drop / keep frames">
            <span className="mono">{p.dropFrames || '—'}</span> / <span className="mono">{p.keepFrames || '—'}</span>
            {p.dropFrames && <span className="muted"> · {p.pruneError ? 'not applied' : 'applied, as pprof does: matching frames and their callees are cut'}</span>}
          </Item>
        )}
        {/* An archive entry's summary lacks the counts until the entry is read (moments after it is shown). */}
        {p.functionCount !== undefined && p.locationCount !== undefined && (
          <Item label="Contents">
            {thousands(p.functionCount)} functions, {thousands(p.locationCount)} locations, {thousands(p.mappingCount)} mappings
          </Item>
        )}
        {info.warnings.length > 0 && (
          <Item label="Warnings">
            <ul className="plain">{info.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </Item>
        )}
      </dl>
      <LabelsSection current={current} />
    </section>
  );
}
