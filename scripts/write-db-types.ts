/** `npm run db:types`: writes src/db/schema.generated.ts from a freshly migrated database. */
import { writeFileSync } from "node:fs";
import { DB_TYPES_FILE, generateDbTypes } from "./db-types.js";

writeFileSync(DB_TYPES_FILE, await generateDbTypes());
console.log("src/db/schema.generated.ts written");
