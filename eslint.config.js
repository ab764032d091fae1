// One flat config: typescript-eslint, react-hooks, and the import boundaries of CODE-STYLE.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ['error', { patterns }];
const driverOnlyInAdapters = [
  { group: ['neo4j-driver'], message: 'Only server/src/store/neo4j may import neo4j-driver.' },
  { group: ['better-sqlite3'], message: 'Only server/src/store/sqlite may import better-sqlite3.' },
];
const noCytoscape = { group: ['cytoscape', 'cytoscape-*'], message: 'Only client/src/canvas may import cytoscape.' };

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'schema/generated/**',
      'client/src/api/generated/**',
      'data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': restrict(...driverOnlyInAdapters, noCytoscape),
    },
  },
  {
    files: ['server/src/domain/**'],
    rules: {
      'no-restricted-imports': restrict(...driverOnlyInAdapters, {
        group: [
          'fastify',
          'mercurius',
          'graphql',
          'node:fs',
          'node:fs/*',
          '**/store/**',
          '**/graphql/**',
          '**/analysis/**',
        ],
        message: 'domain/ is pure: no I/O, no framework.',
      }),
    },
  },
  {
    files: ['server/src/analysis/**'],
    rules: {
      'no-restricted-imports': restrict(...driverOnlyInAdapters, {
        group: [
          'fastify',
          'mercurius',
          'graphql',
          'node:fs',
          '**/store/**',
          '**/graphql/**',
          '**/io/**',
          '**/editing/**',
        ],
        message: 'analysis/ takes a plain graph and imports only domain/.',
      }),
    },
  },
  {
    files: ['server/src/graphql/**'],
    rules: {
      'no-restricted-imports': restrict(...driverOnlyInAdapters, {
        group: ['**/store/sqlite/**', '**/store/neo4j/**'],
        message: 'Resolvers use the GraphStore interface, never an adapter.',
      }),
    },
  },
  {
    files: ['server/src/store/neo4j/**'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['better-sqlite3', '../sqlite/**'],
        message: 'Adapters do not import each other.',
      }),
    },
  },
  {
    files: ['server/src/store/sqlite/**'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['neo4j-driver', '../neo4j/**'],
        message: 'Adapters do not import each other.',
      }),
    },
  },
  {
    files: ['schema/**'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['**/server/**', '**/client/**', '**/seeds/**', '@kopplingskartan/*'],
        message: 'schema/ depends on nothing else in the repo.',
      }),
    },
  },
  {
    files: ['client/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(noCytoscape, {
        group: ['**/server/**'],
        message: 'The client talks only GraphQL.',
      }),
    },
  },
  { files: ['client/src/canvas/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**', 'client/e2e/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
