/**
 * The selected file with everything a view needs to ask the worker: resolved
 * sample type, and the transforms that can be applied (invalid regexes left out).
 */
import { useShallow } from 'zustand/react/shallow';
import type { ProfileSummary, ViewOptions } from '../../worker/types';
import type { ValueType } from '../../model/profile';
import { applicableTransforms } from '../../analysis/transforms/list';
import { isShowable, useFiles, type FileEntry } from '../../state/files';
import { resolveSampleType, useView } from '../../state/view';

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
      transforms: s.transforms,
    })),
  );
  if (!file || !isShowable(file)) return null;
  const summary = file.info!.profile!;
  const index = resolveSampleType(file.id, summary, v.byFile, v.preferred);
  // An invalid regex is flagged at its input and not applied, so the view keeps working.
  const options: ViewOptions = { sampleType: index, transforms: applicableTransforms(v.transforms) };
  return { file, summary, sampleType: summary.sampleTypes[index] ?? { type: '', unit: '' }, options };
}
