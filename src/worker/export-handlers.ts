/** The worker's answers to the export calls: encode the view's profile and hand the bytes over. */
import { diffDoc, viewDoc } from '../analysis/export/pprof-view';
import { treeViewOf } from '../analysis/transforms/list';
import { pprofFile } from '../formats/pprof/encode';
import type { PprofDoc } from '../model/pprof-doc';
import { sampleTypeIndex } from '../model/profile';
import type { Handlers, RequestContext } from './context';
import type { DiffPprofExportRequest, ExportApi, PprofExport, PprofExportRequest } from './export-api';
import type { Session } from './session';
import type { FileId } from './types';

/** The file's name without its profile extensions. */
function stem(session: Session, id: FileId): string {
  return session.get(id).info.name.replace(/(\.pb)?(\.gz)?$|\.pprof$/, '') || 'profile';
}

function answer(doc: PprofDoc, name: string, ctx: RequestContext): PprofExport {
  const bytes = pprofFile(doc);
  ctx.transfer(bytes.buffer);
  return { bytes, name: `${name}.pb.gz` };
}

function side(session: Session, id: FileId, type: string) {
  const profile = session.profile(id);
  const sampleType = sampleTypeIndex(profile, type);
  if (sampleType < 0) throw new Error(`${session.get(id).info.name} has no sample type ${type}`);
  return { profile, sampleType };
}

export const exportHandlers = {
  exportPprof(p: PprofExportRequest, ctx: RequestContext): PprofExport {
    const profile = ctx.session.profile(p.file);
    return answer(viewDoc({ profile, sampleType: p.sampleType }, treeViewOf(p.transforms)), `${stem(ctx.session, p.file)}-view`, ctx);
  },

  exportDiffPprof(p: DiffPprofExportRequest, ctx: RequestContext): PprofExport {
    const { session } = ctx;
    const doc = diffDoc(side(session, p.base, p.sampleType), side(session, p.target, p.sampleType), treeViewOf(p.transforms), p);
    return answer(doc, `${stem(session, p.target)}-${p.meaning === 'base' ? 'base' : 'diff_base'}-${stem(session, p.base)}`, ctx);
  },
} satisfies Handlers<ExportApi>;
