import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'tmp/**',
      'node_modules/**',
      'src/web/api/schema.d.ts',
      'bench/.data/**',
      'e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  // Type-aware: the rules read the TypeScript program of tsconfig.json (unawaited promises in async
  // Fastify hooks and React handlers, unsafe any, stringified objects…).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    rules: {
      // Route handlers and repository functions are async for their callers' sake, often without an await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read responses through app.inject's json(), which is any by design; the assertions check it.
    files: ['**/*.test.ts', 'test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `res.json() as T` reads better than `res.json<T>()` in an assertion.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Components destructure callbacks from props and context; none of them uses `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // A module's tables belong to its repo: other modules call its service (docs/ARCHITECTURE.md).
    // Cycles between modules are caught by src/server/modules/module-graph.test.ts.
    files: ['src/server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(?!\\.)[^/]+/[^/]+\\.repo$',
              message: "Another module's repo: call that module's service instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/server/modules/**', 'src/server/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '/modules/[^/]+/[^/]+\\.repo$', message: "A module's repo is used only inside its module." },
          ],
        },
      ],
    },
  },
  {
    // Transactions are opened in one place, db/transaction.ts (newTransaction / inTransaction), which
    // retries the ones PostgreSQL aborts for a deadlock or a serialization failure.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/db/transaction.ts', 'src/server/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='transaction']",
          message: 'Open transactions with newTransaction or inTransaction (db/transaction.ts): they retry deadlocks.',
        },
      ],
    },
  },
  {
    // A migration gives the same result forever, so it never runs live application code.
    files: ['src/server/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/common/**', '**/http/**', '**/access/**'],
              message: 'Migrations import nothing from application code: freeze the SQL into the migration.',
            },
          ],
        },
      ],
    },
  },
);
