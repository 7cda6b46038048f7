// Lint: TypeScript recommended rules plus the layer rules of STYLE.md (layers may not import upward or
// reach for runtimes they must not have).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream', 'zlib'];
const noNode = [
  { group: ['node:*'], message: '此层不能使用 Node API（见 STYLE.md）。' },
  ...NODE_BUILTINS.map((name) => ({ group: [name, `${name}/*`], message: '此层不能使用 Node API（见 STYLE.md）。' })),
];
const noElectron = { name: 'electron', message: '只有 electron/main 与 electron/preload 可以使用 electron。' };
const noDb = { name: 'better-sqlite3', message: '数据库只在 electron/core 中使用。' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      // The ideographic space (U+3000) is real typography in Chinese strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true, skipJSXText: true }],
      // A function that needs more is several functions (ARCHITECTURE.md); an exception says why where it stands.
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A test file's describe block is a list of cases, not a function to split.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.{js,mjs}', 'bench/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, noDb],
        patterns: [...noNode, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 不能依赖上层代码。' }],
      }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/renderer/**'], message: '服务层不能依赖界面代码。' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, noDb],
        patterns: [...noNode, { group: ['**/electron/**'], message: '界面只能通过 call() 调用服务。' }],
      }],
    },
  },
);
