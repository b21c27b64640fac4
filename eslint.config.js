// Lint rules that keep the package boundaries of DESIGN.md: the engine is pure (no node:*, no I/O,
// no eval), dependencies point downwards only, and no package reaches into another's src/.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'util', 'stream', 'worker_threads'];
const deepImport = { group: ['@openpivot/*/src/*', '@openpivot/*/src'], message: 'Import another package through its entry point, not its src/.' };

/** Packages each package may import (DESIGN.md: kql ← entities ← protocol ← apps). */
const MAY_IMPORT = {
  kql: [],
  entities: ['kql'],
  protocol: ['kql', 'entities'],
  agent: ['kql', 'entities', 'protocol'],
  server: ['protocol'],
  site: ['kql', 'entities', 'protocol', 'server'],
  cloud: ['kql', 'entities', 'protocol', 'server'],
  web: ['kql', 'entities', 'protocol'],
  cli: ['kql', 'entities', 'protocol', 'server', 'agent', 'site', 'cloud'],
};
const ALL = Object.keys(MAY_IMPORT);
const PURE = new Set(['kql', 'entities', 'protocol']);

const boundaryRules = Object.entries(MAY_IMPORT).map(([pkg, allowed]) => ({
  files: [`packages/${pkg}/src/**/*.ts`],
  // Tests, and the helpers only tests import (`test-backends.ts`), may use testkit.
  ignores: ['**/*.test.ts', '**/test-*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        deepImport,
        { group: ['@openpivot/testkit'], message: 'testkit is for tests and benchmarks only.' },
        ...ALL.filter((p) => p !== pkg && !allowed.includes(p)).map((p) => ({ group: [`@openpivot/${p}`], message: `${pkg} may not import ${p} (DESIGN.md: dependencies point downwards).` })),
        ...(PURE.has(pkg) ? [{ group: NODE_BUILTINS, message: `${pkg} is pure: no Node built-ins, no I/O.` }] : []),
      ],
    }],
    ...(PURE.has(pkg) ? { 'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'] } : {}),
  },
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...boundaryRules,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', console: 'readonly', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
