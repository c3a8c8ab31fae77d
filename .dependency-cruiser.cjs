/**
 * The layers of src/ (DESIGN.md, "Architecture"), checked by `npm run lint:deps` inside `npm test`:
 * app → ui/map → state → domain → contract; pipeline → domain → contract; the language leaf
 * (src/i18n) under them all; scripts and tests may import src, never the reverse.
 *
 * TypeScript is read by @swc/core's parser: dependency-cruiser 17 uses the `typescript` compiler
 * API only for typescript < 7, and this repo's typescript 7 (the native compiler) has no JS API.
 * swc's visitor lists every import, `import type` too, so a cycle or an upward arrow made of types
 * counts like any other. Without a parser .ts files are silently skipped (0 modules, no error), so
 * loading this config fails loudly when @swc/core is missing.
 */
require.resolve('@swc/core');

/** The views and hosts above the core: nothing below them may import them. */
const ABOVE_STATE = '^src/(ui|map|app|preview)/';

/**
 * The pipeline's stages in the order they run, each with the stages it must not import: geo and
 * privacy serve the reader, the reader serves the join, the join feeds aggregate and integrity,
 * emit writes what they made, and release compares it with the previous release.
 */
const PIPELINE_STAGES = [
  ['geo', 'privacy|read|join|aggregate|integrity|photos|emit|release'],
  ['privacy', 'read|join|aggregate|integrity|photos|emit|release'],
  ['read', 'join|aggregate|integrity|photos|emit|release'],
  ['join', 'aggregate|integrity|photos|emit|release'],
  ['aggregate', 'integrity|photos|emit|release'],
  ['integrity', 'aggregate|photos|emit|release'],
  // The site photos read the joined dataset and hand their findings and files to emit (build.ts passes them).
  ['photos', 'join|aggregate|integrity|emit|release'],
  // The release compares the emitted data with the previous release's (`--previous`): it comes last.
  ['emit', 'photos|release'],
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one concept split in two, or share a third that wants a home of its own.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'contract-is-a-leaf',
      comment:
        'The contract is the shape of the data files, read by every layer: it depends on nothing of ours but itself and the language leaf (for its types).',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { path: '^(src|scripts|test)/', pathNot: '^src/(contract|i18n)/' },
    },
    {
      name: 'i18n-is-a-leaf',
      comment: 'Every layer may import the languages, so they import nothing of ours (else some layer imports upward through them).',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^(src|scripts|test)/', pathNot: '^src/i18n/' },
    },
    {
      name: 'core-imports-no-views',
      comment:
        'domain and pipeline are pure and run in Node (the CLI), the browser and the check worker alike: no store, no views, no map, no app, no host.',
      severity: 'error',
      from: { path: '^src/(domain|pipeline)/' },
      to: { path: ['^src/state/', ABOVE_STATE] },
    },
    {
      name: 'domain-imports-no-pipeline',
      comment: 'The pipeline builds on the domain (pipeline → domain → contract), not the other way round.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/pipeline/' },
    },
    // The pipeline's folders are its stages (src/pipeline/README.md), one rule each: a stage imports
    // only the stages before it (and the shared model.ts, project-columns.ts, progress-columns.ts, normalize.ts, append-all.ts), never build.ts.
    ...PIPELINE_STAGES.map(([stage, later]) => ({
      name: `pipeline-${stage}-runs-before-${later.replaceAll('|', '-')}`,
      comment: `src/pipeline/${stage}/ comes before ${later.split('|').join(', ')} (and build.ts, which drives every stage): it must not import them.`,
      severity: 'error',
      from: { path: `^src/pipeline/${stage}/` },
      to: { path: [`^src/pipeline/(${later})/`, '^src/pipeline/build\\.ts$'] },
    })),
    {
      name: 'pipeline-release-runs-last',
      comment: 'src/pipeline/release/ may read every stage before it, but build.ts drives it: it must not import build.ts.',
      severity: 'error',
      from: { path: '^src/pipeline/release/' },
      to: { path: '^src/pipeline/build\\.ts$' },
    },
    {
      name: 'state-imports-no-views',
      comment: 'The store and the derivation are tested in Node and feed every view: they know no view, no map and no app.',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: ABOVE_STATE },
    },
    {
      name: 'only-map-imports-renderers',
      comment:
        'The page must work without WebGL (the SVG fallback map): only src/map may import the map renderers and their tile source, so nothing else loads them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/map/' },
      to: { path: '(^|/)node_modules/(maplibre-gl|@deck\\.gl/[^/]+|pmtiles)/' },
    },
    {
      name: 'ui-imports-no-map',
      comment: 'Views take what they show from the state; a second map renderer must not have to change a view.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/map/' },
    },
    {
      name: 'map-imports-no-ui',
      comment: 'The map is beside the views, not above them: for its words it takes the language leaf, for its figures the domain.',
      severity: 'error',
      from: { path: '^src/map/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'src-imports-no-scripts-or-tests',
      comment: 'scripts/ and test/ use src/, never the reverse: src/ is what ships.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|test|bench)/' },
    },
    {
      name: 'src-imports-no-node',
      comment: 'Everything in src/ runs in the browser (the pipeline too, in the check view\'s worker): Node built-ins are for scripts/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the checker cannot resolve is an import no rule above can see: a typo, or a resolver setting to fix here.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // See the header: swc, not the typescript API. tsPreCompilationDeps stays off, else
    // dependency-cruiser would prefer `typescript` whenever an old one happened to be installed.
    parser: 'swc',
    tsPreCompilationDeps: false,
    doNotFollow: { path: '(^|/)node_modules/' },
    enhancedResolveOptions: {
      // maplibre-gl and @deck.gl/* export only an "import" condition; geojson and
      // topojson-specification are types only (node_modules/@types/*/index.d.ts).
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
