import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { consoleTypes } from "../scripts/console-types.js";
import { openApiDocument } from "./support/openapi.js";
import { TEST_ENGINE } from "./support/engine.js";

describe.runIf(TEST_ENGINE === "pglite")("OpenAPI document", () => {
  it("is committed and up to date (run `npm run openapi` after changing a route)", async () => {
    const committed = JSON.parse(
      readFileSync(new URL("../docs/openapi.json", import.meta.url), "utf8"),
    );
    expect(JSON.parse(JSON.stringify(await openApiDocument()))).toEqual(committed);
  });

  it("gives the console types generated from the committed document (run `npm run openapi`)", async () => {
    const committed = JSON.parse(
      readFileSync(new URL("../docs/openapi.json", import.meta.url), "utf8"),
    );
    const types = readFileSync(new URL("../console/src/api/schema.d.ts", import.meta.url), "utf8");
    expect(types).toBe(await consoleTypes(committed));
  });

  it("gives every operation an operationId and documents the error envelope", async () => {
    const doc = (await openApiDocument()) as {
      paths: Record<
        string,
        Record<string, { operationId?: string; responses?: Record<string, unknown> }>
      >;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ path, m, op })),
    );
    expect(ops.length).toBeGreaterThan(40);
    for (const { path, m, op } of ops) {
      expect(op.operationId, `${m} ${path}`).toBeTruthy();
      if (path.startsWith("/api/v1/") && !path.endsWith("results.csv"))
        expect(Object.keys(op.responses ?? {}), `${m} ${path}`).toContain("404");
    }
  });
});
