/** The worker's answer to the source call: a function's values per line (analysis/source). */
import { topEntries } from '../analysis/calltree/top';
import { functionFiles, functionsNamed } from '../analysis/source/function-lines';
import { granularityOf, treeViewOf, withTransform } from '../analysis/transforms/list';
import type { Handlers, RequestContext } from './context';
import type { SourceApi, SourceLinesAnswer, SourceLinesRequest } from './source-api';

export const sourceHandlers = {
  sourceLines(p: SourceLinesRequest, { session }: RequestContext): SourceLinesAnswer {
    const profile = session.profile(p.file);
    // pprof lists at line granularity under its own filters; stack transforms rewrite frames it never sees.
    const filters = p.transforms.filter((t) => !treeViewOf([t]).stack);
    const transforms = withTransform(filters, { kind: 'granularity', value: 'line' });
    const tree = session.callTree(p.file, { sampleType: p.sampleType, transforms });
    // The same entries the top table of this view reads.
    const entries = session.memo.get('top-entries', '', [tree], () => topEntries(tree));
    const functions = functionsNamed(profile, p.name, granularityOf(p.transforms)).map((name) => ({
      name,
      files: functionFiles(profile, name, tree.keys, entries),
    }));
    return {
      functions,
      total: tree.profileTotal,
      unit: profile.sampleTypes[p.sampleType]?.unit ?? '',
      skippedSteps: p.transforms.length - filters.length,
    };
  },
} satisfies Handlers<SourceApi>;
