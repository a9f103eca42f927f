import { defineConfig } from "vitest/config";

/**
 * The whole suite runs once per storage engine (Kysely's pattern: one suite, engines from a list).
 * OTTER_TEST_ENGINES=pglite (or postgres) narrows the list; both run by default.
 */
const engines = (process.env.OTTER_TEST_ENGINES ?? "pglite,postgres")
  .split(",")
  .map((e) => e.trim())
  .filter(Boolean);

/** Tests that assert answer times: they run after the rest of the suite, one file at a time. */
const TIMING = ["test/desk/mail-stall.test.ts"];

/** CI asks for a JSON report (to print per-engine counts) next to the usual output. */
const report = process.env.OTTER_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ["default", ["json", { outputFile: report }]] : ["default"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // No test listens on a default port of Otter's (8080, 1813, 2525…): the suite runs beside `npm start`.
    setupFiles: ["test/support/port-guard.setup.ts"],
    maxWorkers: 2,
    // Per engine, the suite runs in two groups: everything but the timing tests, two files at a time;
    // then the files that measure how fast Otter answers under load, alone, so the suite's other file
    // is not what they measure (a timing test beside a PostgreSQL-heavy file saw single 106 ms answers).
    projects: [
      ...engines.flatMap((engine, i) => [
        {
          extends: true as const,
          test: {
            name: engine,
            include: ["src/**/*.test.ts", "test/**/*.test.ts"],
            exclude: [...TIMING, "test/console/**"],
            env: { OTTER_TEST_ENGINE: engine },
            sequence: { groupOrder: 0 },
          },
        },
        {
          extends: true as const,
          test: {
            name: `${engine}-timing`,
            include: [...TIMING],
            env: { OTTER_TEST_ENGINE: engine },
            sequence: { groupOrder: 1 + i },
            fileParallelism: false,
          },
        },
      ]),
      // The console in a real browser (Debian's Chromium) against a real Otter on embedded storage, as
      // a user runs it: once, with the PGlite engine; its pages ask only the API, which the engine
      // suites already test on both engines. The console is built first when its build is stale.
      ...(engines.includes("pglite")
        ? [
            {
              extends: true as const,
              test: {
                name: "console",
                include: ["test/console/**/*.test.ts"],
                env: { OTTER_TEST_ENGINE: "pglite" },
                globalSetup: ["test/support/console-build.ts"],
                sequence: { groupOrder: 0 },
              },
            },
          ]
        : []),
    ],
  },
});
