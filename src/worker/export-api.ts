/**
 * The export part of the worker API: the profile as a view shows it, or a diff, as a
 * gzipped profile.proto that `go tool pprof` opens, optionally redacted. The bytes are
 * handed over, not copied.
 */
import type { DiffOptions } from '../analysis/diff/meaning';
import type { RedactOptions, RedactRole } from '../analysis/export/redact';
import type { Transform } from '../analysis/transforms/kinds';
import type { FileId } from './types';

export type { RedactOptions, RedactRole };

/** What is exported: one profile's view, or the diff of two (sample types by name). */
export type ExportSource =
  | { kind: 'view'; file: FileId; sampleType: number; transforms: Transform[] }
  | ({ kind: 'diff'; base: FileId; target: FileId; sampleType: string; transforms: Transform[] } & DiffOptions);

export interface PprofExportRequest {
  source: ExportSource;
  /** Replace names, paths, labels… with hashes (null: export as is). */
  redact: RedactOptions | null;
}

export interface PprofExport {
  /** The .pb.gz file's bytes. */
  bytes: Uint8Array;
  /** A file name for the download, from the source's ("heap.pb.gz" → "heap-view.pb.gz"). */
  name: string;
  /** Strings replaced (0 unless redacted); the file was checked to hold none of them. */
  replaced: number;
}

export interface RedactionPreviewRequest {
  source: ExportSource;
  redact: RedactOptions;
}

export interface RedactionPreview {
  /** How many distinct strings each role loses. */
  counts: Partial<Record<RedactRole, number>>;
  /** The first REDACTION_EXAMPLES of them, as they will read. */
  examples: { role: RedactRole; original: string; replacement: string }[];
  total: number;
}

export interface ExportApi {
  exportPprof(p: PprofExportRequest): PprofExport;
  previewRedaction(p: RedactionPreviewRequest): RedactionPreview;
}
