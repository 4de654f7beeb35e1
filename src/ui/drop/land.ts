/**
 * Files the user opens land where they are going: two or more snapshots of one kind in
 * one drop open on their comparison, the older as base — two goroutine snapshots on the
 * Goroutines tab's comparison of stacks, any other two on the Compare tab's diff, three
 * or more on the series ranking. Anything else (one file, an archive, kinds with one
 * snapshot each) opens as it always has. The view waits until every file is read.
 */
import { landingGroup } from '../../analysis/diff/pairs';
import { compareActions } from '../../state/compare';
import { endLanding, isShowable, openFiles, useFiles, type FileSource } from '../../state/files';
import { viewActions } from '../../state/view';
import { comparableOf } from '../../worker/comparable';
import type { FileId } from '../../worker/types';
import { isGoroutineInfo } from '../goroutines/format';
import { goroutineActions } from '../goroutines/store';

export async function openDropped(sources: FileSource[]): Promise<void> {
  const ids = await openFiles(sources, { land: true });
  const byId = new Map(useFiles.getState().files.map((f) => [f.id, f]));
  const dropped = ids.map((id) => byId.get(id)).filter(isShowable);
  const group = landingGroup(dropped.flatMap((f) => comparableOf(f!.info!) ?? []));
  let select: FileId | null = null;
  if (group && group.length >= 3) {
    compareActions.land({ series: group.map((p) => p.id) });
    viewActions.setTab('compare');
    select = group[group.length - 1]!.id;
  } else if (group) {
    const [base, target] = group;
    compareActions.land({ pair: { base: base!.id, target: target!.id } });
    if (isGoroutineInfo(byId.get(target!.id)?.info)) {
      goroutineActions.setSubview('compare');
      viewActions.setTab('goroutines');
    } else viewActions.setTab('compare');
    select = target!.id;
  }
  endLanding(ids, select);
}
