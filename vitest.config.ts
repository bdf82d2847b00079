import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests; database and route tests on PGlite; the same database and
// route tests on PostgreSQL when TEST_DATABASE_URL is set. See test/README.md.
const dbTests = ['src/**/*.db.test.ts', 'src/**/*.routes.test.ts', 'test/**/*.db.test.ts'];

const projects = [
  {
    test: {
      name: 'unit',
      include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
      exclude: [...dbTests, 'src/**/*.pg.test.ts'],
    },
  },
  {
    test: {
      name: 'db',
      include: dbTests,
      globalSetup: ['test/global-setup.ts'],
      env: { PHOIHOP_TEST_ENGINE: 'pglite' },
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  },
];

if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'db-postgres',
      // *.pg.test.ts: what only a PostgreSQL server can do (drop a connection, run several pools).
      include: [...dbTests, 'src/**/*.pg.test.ts', 'test/**/*.pg.test.ts'],
      globalSetup: ['test/global-setup.ts'],
      env: { PHOIHOP_TEST_ENGINE: 'postgresql' },
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
  },
});
