/**
 * The layers of src/ and what each may import (README, "Layers and the checks that keep them").
 * Imports point down only: ui → state → worker → analysis → model ← formats; main.tsx is the top.
 * Run: npm run check:deps
 */
const MAY_IMPORT = {
  model: [],
  formats: ['model'],
  analysis: ['model'],
  worker: ['analysis', 'model', 'formats'],
  state: ['worker', 'analysis', 'model'],
  ui: ['state', 'worker', 'analysis', 'model'],
};
const LAYERS = Object.keys(MAY_IMPORT);

const layerRules = LAYERS.map((layer) => {
  const banned = LAYERS.filter((other) => other !== layer && !MAY_IMPORT[layer].includes(other));
  return {
    name: `${layer}-imports-down-only`,
    comment: `src/${layer} may import ${MAY_IMPORT[layer].join(', ') || 'nothing of ours'} (besides itself)`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: `^src/(${banned.join('|')}|main\\.tsx)` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'A cycle, type-only imports included, makes two modules one unit that is read and changed as one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-stands-alone',
      comment: 'The app never imports tests, benches or e2e code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|e2e)/' },
    },
    {
      name: 'src-no-dev-dependencies',
      comment: 'What ships imports only runtime dependencies (types excepted: they vanish at build).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-no-node-builtins',
      comment: 'src/ runs in the browser; Node-only code (tests, bench) opens files and passes bytes in.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports are edges too: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
