import { defineConfig } from "vitest/config";

// `npm test` runs the pure unit tests once and every database-backed test twice:
// on embedded PGlite and on a real PostgreSQL (TEST_POSTGRES_URL, default the local server).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
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
