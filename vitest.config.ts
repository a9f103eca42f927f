import { defineConfig } from "vitest/config";

/**
 * The whole suite runs once per storage engine (Kysely's pattern: one suite, engines from a list).
 * OTTER_TEST_ENGINES=pglite (or postgres) narrows the list; both run by default.
 */
const engines = (process.env.OTTER_TEST_ENGINES ?? "pglite,postgres").split(",").map((e) => e.trim()).filter(Boolean);

/** CI asks for a JSON report (to print per-engine counts) next to the usual output. */
const report = process.env.OTTER_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ["default", ["json", { outputFile: report }]] : ["default"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: engines.map((engine) => ({
      extends: true,
      test: {
        name: engine,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        env: { OTTER_TEST_ENGINE: engine },
      },
    })),
  },
});
