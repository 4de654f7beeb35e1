/**
 * The archive bench's measured work, bundled for Node (bench/bundle.ts) as the app's build
 * bundles it: the worker's own openFile on the archive's bytes (each entry read and
 * summarised, as the app's worker does it), then the file list's grouping by pod and the
 * pod table from the entries' summaries, as the UI builds them. Returns what the table puts first.
 */
import { groupByPod } from '../src/analysis/pods/group';
import { podTable } from '../src/analysis/pods/table';
import { requestContext } from '../src/worker/context';
import { fileHandlers } from '../src/worker/file-handlers';
import { Session } from '../src/worker/session';

/** `bytes`: the archive, as the page hands it to the worker. */
export async function groupArchive(bytes: ArrayBuffer): Promise<{ entries: number; pods: number; firstPod: string }> {
  const session = new Session();
  const info = await fileHandlers.openFile({ id: 1, name: 'pods.tar.gz', bytes }, requestContext(session));
  if (info.error) throw new Error(info.error);
  const entries = info.entries ?? [];
  const pods = groupByPod(entries.map((e) => ({ id: e.id, path: e.name, kind: e.kind, timeNanos: e.profile?.timeNanos, failed: !!e.error })));
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries: entries.length, pods: pods.length, firstPod: podTable(pods, (id) => byId.get(id)?.profile).rows[0]?.pod ?? '' };
}
