import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DB_TYPES_FILE, generateDbTypes } from "../../scripts/db-types.js";
import { TEST_ENGINE } from "../support/engine.js";

/**
 * The row types are read off the migrations on PGlite whatever engine the suite runs on, so the
 * check runs once, in the PGlite pass.
 */
describe.runIf(TEST_ENGINE === "pglite")("row types (src/db/schema.generated.ts)", () => {
  it("match a freshly migrated database", async () => {
    const committed = readFileSync(DB_TYPES_FILE, "utf8");
    const fresh = await generateDbTypes();
    expect(fresh, "src/db/schema.generated.ts is stale: run npm run db:types").toBe(committed);
  });
});
