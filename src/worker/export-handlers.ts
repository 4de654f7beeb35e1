/**
 * The worker's answers to the export calls: build the view's profile, redact it when
 * asked, encode it, and for a redacted one check the bytes hold none of the replaced
 * strings before handing them over.
 */
import { fileStem } from '../analysis/export/file-name';
import { findLeaks } from '../analysis/export/leak-check';
import { diffDoc, viewDoc } from '../analysis/export/pprof-view';
import { redactDoc, replacement, stringsToReplace } from '../analysis/export/redact';
import { treeViewOf } from '../analysis/transforms/list';
import { gzip } from '../formats/gzip';
import { encodePprof } from '../formats/pprof/encode';
import type { PprofDoc } from '../model/pprof-doc';
import { sampleTypeIndex } from '../model/profile';
import type { Handlers, RequestContext } from './context';
import type { ExportApi, ExportSource, PprofExport, PprofExportRequest, RedactionPreview, RedactionPreviewRequest } from './export-api';
import { hashStrings } from './redact-hash';
import type { Session } from './session';
import type { FileId } from './types';

const REDACTION_EXAMPLES = 200;

function stem(session: Session, id: FileId): string {
  return fileStem(session.get(id).info.name);
}

function side(session: Session, id: FileId, type: string) {
  const profile = session.profile(id);
  const sampleType = sampleTypeIndex(profile, type);
  if (sampleType < 0) throw new Error(`${session.get(id).info.name} has no sample type ${type}`);
  return { profile, sampleType };
}

function docOf(session: Session, s: ExportSource): { doc: PprofDoc; name: string } {
  const view = treeViewOf(s.transforms);
  if (s.kind === 'view') return { doc: viewDoc({ profile: session.profile(s.file), sampleType: s.sampleType }, view), name: `${stem(session, s.file)}-view` };
  return {
    doc: diffDoc(side(session, s.base, s.sampleType), side(session, s.target, s.sampleType), view, s),
    name: `${stem(session, s.target)}-${s.meaning}-${stem(session, s.base)}`,
  };
}

export const exportHandlers = {
  async exportPprof(p: PprofExportRequest, ctx: RequestContext): Promise<PprofExport> {
    const { doc, name } = docOf(ctx.session, p.source);
    let raw: Uint8Array;
    let replaced = 0;
    if (p.redact) {
      const replace = stringsToReplace(doc, p.redact);
      raw = encodePprof(redactDoc(doc, replace, await hashStrings(replace.keys())));
      const leaks = findLeaks(raw, replace.keys());
      if (leaks.length > 0) {
        const list = leaks.slice(0, 5).map((s) => JSON.stringify(s)).join(', ');
        throw new Error(`not offered: the redacted file still holds ${leaks.length} replaced string(s) (${list}), inside kept ones; keep them too or widen what is replaced`);
      }
      replaced = replace.size;
    } else raw = encodePprof(doc);
    const bytes = gzip(raw);
    ctx.transfer(bytes.buffer);
    return { bytes, name: `${name}${p.redact ? '-redacted' : ''}.pb.gz`, replaced };
  },

  async previewRedaction(p: RedactionPreviewRequest, ctx: RequestContext): Promise<RedactionPreview> {
    const replace = stringsToReplace(docOf(ctx.session, p.source).doc, p.redact);
    const counts: RedactionPreview['counts'] = {};
    for (const role of replace.values()) counts[role] = (counts[role] ?? 0) + 1;
    const first = [...replace].slice(0, REDACTION_EXAMPLES);
    const hashes = await hashStrings(first.map(([s]) => s));
    const examples = first.map(([original, role]) => ({ role, original, replacement: replacement(role, hashes.get(original)!) }));
    return { counts, examples, total: replace.size };
  },
} satisfies Handlers<ExportApi>;
