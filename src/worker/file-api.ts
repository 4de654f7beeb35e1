/** The file part of the worker API: bytes in (transferred), what they are out. */
import type { FileId, FileInfo } from './types';

export interface OpenFileRequest {
  id: FileId;
  name: string;
  /** Lend them (transfer): the caller cannot use them afterwards. */
  bytes: ArrayBuffer;
  /** Cores the page may use (navigator.hardwareConcurrency): a large trace's timeline gets a thread of its own with three or more. */
  cores?: number;
}

export interface FileApi {
  openFile(p: OpenFileRequest): FileInfo;
  closeFile(p: { id: FileId }): void;
}
