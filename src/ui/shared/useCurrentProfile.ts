/**
 * The selected file with everything a view needs to ask the worker: resolved
 * sample type, and the pprof options with invalid regexes left out.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ProfileSummary, ViewOptions } from '../../worker/api';
import type { ValueType } from '../../model/profile';
import { isShowable, useFiles, type FileEntry } from '../../state/files';
import { resolveSampleType, useView } from '../../state/view';
import { labelFilterError, regexError } from '../../state/regex';

export interface CurrentProfile {
  file: FileEntry;
  summary: ProfileSummary;
  sampleType: ValueType;
  options: ViewOptions;
}

export function useSelectedFile(): FileEntry | undefined {
  return useFiles((s) => s.files.find((f) => f.id === s.selectedId));
}

export function useCurrentProfile(): CurrentProfile | null {
  const file = useSelectedFile();
  const v = useView(
    useShallow((s) => ({
      byFile: s.sampleTypeByFile,
      preferred: s.preferredSampleType,
      granularity: s.granularity,
      focus: s.focus,
      ignore: s.ignore,
      hide: s.hide,
      tagfocus: s.tagfocus,
      tagignore: s.tagignore,
    })),
  );
  if (!file || !isShowable(file)) return null;
  const summary = file.info!.profile!;
  const index = resolveSampleType(file.id, summary, v.byFile, v.preferred);
  const options: ViewOptions = { sampleType: index, granularity: v.granularity };
  // An invalid regex is flagged at its input and not applied, so the view keeps working.
  if (v.focus && !regexError(v.focus)) options.focus = v.focus;
  if (v.ignore && !regexError(v.ignore)) options.ignore = v.ignore;
  if (v.hide && !regexError(v.hide)) options.hide = v.hide;
  if (v.tagfocus && !labelFilterError(v.tagfocus)) options.tagfocus = v.tagfocus;
  if (v.tagignore && !labelFilterError(v.tagignore)) options.tagignore = v.tagignore;
  return { file, summary, sampleType: summary.sampleTypes[index] ?? { type: '', unit: '' }, options };
}
