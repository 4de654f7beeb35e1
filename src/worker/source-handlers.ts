/** The worker's answer to the source call: a function's values per line (analysis/source). */
import { sampleValues } from '../analysis/calltree/calltree';
import { frameFilterFlags } from '../analysis/calltree/filters';
import { functionFiles, functionsNamed } from '../analysis/source/function-lines';
import { granularityOf, treeViewOf } from '../analysis/transforms/list';
import type { Handlers, RequestContext } from './context';
import type { SourceApi, SourceLinesAnswer, SourceLinesRequest } from './source-api';

export const sourceHandlers = {
  sourceLines(p: SourceLinesRequest, { session }: RequestContext): SourceLinesAnswer {
    const profile = session.profile(p.file);
    // pprof lists under its own filters; stack transforms rewrite frames it never sees.
    const filters = p.transforms.filter((t) => !treeViewOf([t]).stack);
    // Which samples those filters keep: the view's own tree when it has no stack transforms.
    const tree = session.callTree(p.file, { sampleType: p.sampleType, transforms: filters });
    // A tree stands for its sample type and filters, so a function's lines are kept with it.
    const functions = functionsNamed(profile, p.name, granularityOf(p.transforms)).map((name) => ({
      name,
      files: session.memo.get('source-lines', name, [tree], () =>
        functionFiles(profile, name, sampleValues(profile, p.sampleType), tree.sampleNode, frameFilterFlags(profile, treeViewOf(filters))),
      ),
    }));
    return {
      functions,
      total: tree.profileTotal,
      unit: profile.sampleTypes[p.sampleType]?.unit ?? '',
      skippedSteps: p.transforms.length - filters.length,
    };
  },
} satisfies Handlers<SourceApi>;
