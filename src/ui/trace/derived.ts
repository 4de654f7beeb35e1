/**
 * Profiles inside a trace become files of their own: the worker registers them as
 * virtual files, and here they join the file list and get selected, so the flame graph,
 * top table and Compare work on them as on any dropped profile.
 */
import { useFiles, type FileEntry } from '../../state/files';
import { viewActions } from '../../state/view';
import { worker } from '../../state/worker';
import type { FileInfo } from '../../worker/types';
import type { OpenDerivedRequest, OpenSnapshotRequest } from '../../worker/trace-api';

/** Adds (or finds) the virtual file in the list, right after its trace, without selecting it. */
export function addVirtualFile(info: FileInfo, after?: number): void {
  useFiles.setState((s) => {
    if (s.files.some((f) => f.id === info.id)) return s;
    const entry: FileEntry = { id: info.id, name: info.name, size: info.size, status: 'ready', progress: 1, phase: 'derived', info };
    const files = [...s.files];
    // After the trace and the files already derived from it.
    let at = files.findIndex((f) => f.id === after);
    if (at < 0) at = files.length - 1;
    const trace = files[at]?.id;
    while (at + 1 < files.length && files[at + 1]!.info?.derivedFrom === trace) at++;
    files.splice(at + 1, 0, entry);
    return { files };
  });
}

export function showFile(id: number): void {
  useFiles.setState({ selectedId: id, autoSelect: false });
  viewActions.resetZoom();
  viewActions.setTab('flame');
}

export async function openDerivedProfile(req: OpenDerivedRequest): Promise<FileInfo> {
  const info = await worker().call('openDerived', req);
  addVirtualFile(info, req.file);
  showFile(info.id);
  return info;
}

export async function openSnapshotProfile(req: OpenSnapshotRequest, show = true): Promise<FileInfo> {
  const info = await worker().call('openSnapshot', req);
  addVirtualFile(info, req.file);
  if (show) showFile(info.id);
  return info;
}
