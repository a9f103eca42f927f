// ESLint for Otter: typescript-eslint's recommended rules over every TypeScript file, plus the
// module boundaries of docs/architecture.md (see "Rules of the house").
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", ".ci/out/", "coverage/", ".bench/", "data/", "data-demo/"],
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
    // Migrations are written against Kysely<any>, as Kysely advises: they must keep compiling after
    // the row types of today's schema have moved on. Tests read JSON answers whose shape the test
    // itself asserts.
    files: ["src/db/migrations/**", "test/**", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
