// ESLint flat config: type-checked rules plus the dependency-direction rules of DESIGN.md §3.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Modules that do I/O: banned in the pure packages (core, sigma, parsers, query). */
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'dgram',
  'node:dgram',
  'tls',
  'node:tls',
  'http',
  'node:http',
  'https',
  'node:https',
  'http2',
  'node:http2',
  'child_process',
  'node:child_process',
  'worker_threads',
  'node:worker_threads',
  'cluster',
  'node:cluster',
  'node:sqlite',
  'node:os',
  'os',
  'pg',
  'fastify',
  'pino',
  'readline',
  'node:readline',
];
const ioPatterns = ['@nats-io/*', 'nats', '@fastify/*'];
const appPatterns = ['@vigil/server', '@vigil/worker', '@vigil/cli', '@vigil/web', '**/apps/**'];
const adapterPatterns = [
  '@vigil/store-*',
  '@vigil/bus-*',
  '@vigil/testkit',
  '**/packages/store-*/**',
  '**/packages/bus-*/**',
];
const purePeerPatterns = [
  '@vigil/cases',
  '**/packages/cases/**',
  '@vigil/identity',
  '**/packages/identity/**',
  '@vigil/sigma',
  '@vigil/parsers',
  '@vigil/query',
  '**/packages/sigma/**',
  '**/packages/parsers/**',
  '**/packages/query/**',
];

const restrict = (patterns, message) => ({ group: patterns, message });
const noProcess = {
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'Pure packages take configuration as arguments, not from process.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'Read configuration in a composition root.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'var/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test()/describe() return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
              package: 'node:test',
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...noProcess,
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules,
          patterns: [
            restrict(
              [...ioPatterns, '@vigil/*', '**/packages/*/**', '**/apps/**'],
              'core depends on nothing of ours and does no I/O.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: [
      'packages/sigma/src/**/*.ts',
      'packages/parsers/src/**/*.ts',
      'packages/query/src/**/*.ts',
      'packages/identity/src/**/*.ts',
      'packages/cases/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      ...noProcess,
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules,
          patterns: [
            restrict(
              [...ioPatterns, ...appPatterns, ...adapterPatterns, ...purePeerPatterns],
              'Pure packages import only @vigil/core.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/store-*/src/**/*.ts', 'packages/bus-*/src/**/*.ts', 'packages/testkit/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(appPatterns, 'Adapters must not import apps: apps are the only composition roots.'),
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['@vigil/*', '**/packages/**', '**/apps/server/**'],
              'The console talks to the server over HTTP only.',
            ),
          ],
        },
      ],
    },
  },
);
