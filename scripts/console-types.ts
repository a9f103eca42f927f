import openapiTS, { astToString } from "openapi-typescript";

/** The console's API types (console/src/api/schema.d.ts) from an OpenAPI document, by openapi-typescript. */
export async function consoleTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return `// Generated from docs/openapi.json by \`npm run openapi\` (openapi-typescript). Do not edit.\n${astToString(ast)}`;
}
