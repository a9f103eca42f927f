// ESLint for Otter: typescript-eslint's recommended rules over every TypeScript file, plus the
// module boundaries of docs/architecture.md (see "Rules of the house").
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      ".ci/out/",
      "coverage/",
      ".bench/",
      "data/",
      "data-demo/",
      "console/dist/",
      "console/src/api/schema.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An argument or binding named with a leading underscore is unused on purpose (a handler's
      // signature, a destructured field left out of a copy).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Otter's validators look for control characters in what customers and networks send (NUL in
      // a CSV, C0 bytes in a RADIUS string); matching them is the point.
      "no-control-regex": "off",
    },
  },
  {
    // Module boundaries: a module of src/modules uses another through its service, schemas, errors,
    // events and pure helpers — never through its repositories (the owner's queries, on tables only
    // the owner may touch: src/db/ownership.ts) nor its routes (wired only by the composition root).
    // What a module lends others to run on their own transaction (set-based reads for a batch, the
    // job rows a job handler writes) sits in its `*.shared.repo.ts` files.
    files: ["src/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { project: "tsconfig.json" } },
      "boundaries/elements": [{ type: "module", pattern: "src/modules/*", capture: ["name"] }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          policies: [
            {
              from: { element: { type: "module" } },
              disallow: {
                to: {
                  element: {
                    type: "module",
                    fileInternalPath: ["**/*.repo.ts", "**/*.routes.ts", "**/*.worker.ts"],
                  },
                },
              },
              message:
                "another module's internals (repository, routes, worker): use its service or a *.shared.repo.ts it declares",
            },
            {
              from: { element: { type: "module" } },
              allow: {
                to: { element: { type: "module", fileInternalPath: "**/*.shared.repo.ts" } },
              },
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are written against Kysely<any>, as Kysely advises: they must keep compiling after
    // the row types of today's schema have moved on. Tests read JSON answers whose shape the test
    // itself asserts.
    files: ["src/db/migrations/**", "test/**", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The console runs in the browser: its globals, not Node's; it reaches Otter only through /api/v1.
    files: ["console/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      // React's own rules of hooks: hooks in the same order on every render, effects list what they read.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/*", "../../../src/**"],
              message:
                "the console talks to Otter only through /api/v1 (console/src/api/client.ts)",
            },
          ],
        },
      ],
    },
  },
);
