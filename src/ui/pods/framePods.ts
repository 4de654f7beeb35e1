/**
 * The flame tooltip's rows for a merge of replicas: the hovered frame's value pod by pod
 * (the largest few, then the others summed), exact and as a share of the frame, asked of
 * the worker for that one frame when it is hovered.
 */
import { formatBoth, formatPercent } from '../../state/format';
import { worker } from '../../state/worker';
import type { FramePodsAnswer } from '../../worker/pods-api';
import type { FileId, ViewOptions } from '../../worker/types';

function podRows(a: FramePodsAnswer): [string, string][] {
  const row = (label: string, x: number): [string, string] => [label, `${formatBoth(x, a.unit)} · ${formatPercent(x, a.value)} of this frame`];
  const rows = a.top.map((p) => row(p.pod, p.value));
  if (a.others.pods > 0) rows.push(row(`${a.others.pods} other pod${a.others.pods === 1 ? '' : 's'}`, a.others.value));
  if (a.unlabelled !== 0) rows.push(row('no pod', a.unlabelled));
  return rows.length ? [['by pod', `${a.top.length + a.others.pods} pods`], ...rows] : [];
}

/** The rows for the frame at `path` in the file's view; none when its samples carry no pod label. */
export async function framePodRows(file: FileId, view: ViewOptions, path: string[]): Promise<[string, string][]> {
  const answer = await worker().call('framePods', { file, ...view, path });
  return answer ? podRows(answer) : [];
}
