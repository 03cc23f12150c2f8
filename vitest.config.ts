import { defineConfig } from "vitest/config";

// `npm test` runs the pure unit tests once and every database-backed test twice:
// on embedded PGlite and on a real PostgreSQL (TEST_POSTGRES_URL, default the local server).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["test/support/propertyLimits.ts"],
    // Two test files at a time, also on a two-core machine: most of a file's time is spent waiting
    // (on the database, the bot's background work, a browser), and one at a time took 16 minutes.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/globalSetup.ts"],
          env: { TEST_DB: "pglite" },
        },
      },
      // The sandbox in a real browser: it runs on the embedded database only, like `npm run sandbox`.
      {
        extends: true,
        test: { name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 90_000 },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/globalSetup.ts"],
          env: { TEST_DB: "postgres" },
        },
      },
    ],
  },
});
