/** The file part of the worker API: bytes in (transferred), what they are out. */
import type { FileId, FileInfo } from './types';

export interface OpenFileRequest {
  id: FileId;
  name: string;
  /** Lend them (transfer): the caller cannot use them afterwards. */
  bytes: ArrayBuffer;
}

export interface FileApi {
  openFile(p: OpenFileRequest): FileInfo;
  closeFile(p: { id: FileId }): void;
}
