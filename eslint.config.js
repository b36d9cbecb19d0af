// Lint rules the reviewers would otherwise have to remember, and the import boundaries that
// keep the flow one way: raw downloads → records → aggregates and facts → pages. The data step
// knows nothing about pages; pages and charts read the data step's outputs through the
// contract, never the reader; the contract imports nothing.
import tseslint from 'typescript-eslint';

/** Modules of the data step: the reader, the engine and their reference tables. */
const DATA_STEP = ['**/ingest/**', '**/sources/**', '**/aggregate/**', '**/reference/**', '**/pipeline.ts', '**/records.ts', '**/sample/**'];
/** Modules that draw pages and charts. */
const SITE = [
  '**/site/**',
  '**/pages/**',
  '**/charts/**',
  '**/story/**',
  '**/markdown/**',
  '**/embed/**',
  '**/share/**',
  '**/client/**',
  '**/layouts/**',
  '**/components/**',
  '**/fonts/**',
];

const forbid = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', 'tmp/**', 'data/build/**', 'dist.partial-*/**', 'tests/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals: enums are not erasable syntax.' }],
    },
  },
  {
    files: ['src/contract/**'],
    rules: { 'no-restricted-imports': forbid(['*', '**'], 'The contract imports nothing: both sides of the data flow depend on it.') },
  },
  {
    files: DATA_STEP.map((glob) => `src/${glob.replace('**/', '')}`),
    rules: { 'no-restricted-imports': forbid(SITE, "The data step knows nothing about pages: it writes the contract's files, and the site reads them.") },
  },
  {
    files: SITE.map((glob) => `src/${glob.replace('**/', '')}`),
    rules: { 'no-restricted-imports': forbid(DATA_STEP, "Pages and charts read the data step's outputs (src/contract), never the reader or the engine.") },
  },
  {
    files: ['**/*.test.ts', 'tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
