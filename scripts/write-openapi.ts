/**
 * Writes the OpenAPI document Otter serves at /api/v1/openapi.json into docs/openapi.json, so that
 * API changes show up in review, and the console's API types generated from it
 * (console/src/api/schema.d.ts, by openapi-typescript): a changed API breaks the console's
 * type-check. A test fails when either committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { consoleTypes } from "./console-types.js";
import { openApiDocument } from "../test/support/openapi.js";

const doc = await openApiDocument();
writeFileSync(
  new URL("../docs/openapi.json", import.meta.url),
  `${JSON.stringify(doc, null, 2)}\n`,
);
console.log("docs/openapi.json written");
writeFileSync(
  new URL("../console/src/api/schema.d.ts", import.meta.url),
  await consoleTypes(doc as object),
);
console.log("console/src/api/schema.d.ts written");
