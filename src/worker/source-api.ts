/**
 * The source part of the worker API: a function's flat and cum per line of its source
 * files, as `go tool pprof -list` gives them. The source text itself never reaches the
 * worker: the page reads the picked file and lays it beside these values.
 */
import type { FunctionFile, LineValue } from '../analysis/source/function-lines';
import type { FileId, ViewOptions } from './types';

export type { FunctionFile, LineValue };

export interface SourceLinesRequest extends ViewOptions {
  file: FileId;
  /** The function as the view's granularity names it. */
  name: string;
}

export interface SourceFunction {
  /** As the profile names it (at line granularity the view's name also holds file:line). */
  name: string;
  /** Its source files, by path; empty when the profile has no file for it. */
  files: FunctionFile[];
}

export interface SourceLinesAnswer {
  /** Usually one; several when functions of one name differ in files (or none matched). */
  functions: SourceFunction[];
  /** The whole profile's total, as pprof's "of Total". */
  total: number;
  unit: string;
  /** Stack transforms of the view left out: pprof's listing knows only its own filters. */
  skippedSteps: number;
}

export interface SourceApi {
  sourceLines(p: SourceLinesRequest): SourceLinesAnswer;
}
