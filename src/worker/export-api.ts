/**
 * The export part of the worker API: the profile as a view shows it, or a diff, as a
 * gzipped profile.proto that `go tool pprof` opens. The bytes are handed over, not copied.
 */
import type { DiffOptions } from '../analysis/diff/meaning';
import type { Transform } from '../analysis/transforms/kinds';
import type { FileId, ViewOptions } from './types';

export interface PprofExportRequest extends ViewOptions {
  file: FileId;
}

export interface DiffPprofExportRequest extends DiffOptions {
  base: FileId;
  target: FileId;
  /** Sample type name, present in both profiles. */
  sampleType: string;
  transforms: Transform[];
}

export interface PprofExport {
  /** The .pb.gz file's bytes. */
  bytes: Uint8Array;
  /** A file name for the download, from the source's ("heap.pb.gz" → "heap-view.pb.gz"). */
  name: string;
}

export interface ExportApi {
  exportPprof(p: PprofExportRequest): PprofExport;
  exportDiffPprof(p: DiffPprofExportRequest): PprofExport;
}
