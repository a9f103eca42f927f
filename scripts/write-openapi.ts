/**
 * Writes the OpenAPI document Otter serves at /api/v1/openapi.json into docs/openapi.json, so that
 * API changes show up in review. A test fails when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { openApiDocument } from "../test/support/openapi.js";

const doc = await openApiDocument();
writeFileSync(
  new URL("../docs/openapi.json", import.meta.url),
  `${JSON.stringify(doc, null, 2)}\n`,
);
console.log("docs/openapi.json written");
