import type { Migration, MigrationProvider } from "kysely/migration";
import * as m0001 from "./0001_foundation.js";

/** Migrations are listed here, in order; file-system discovery would break in the built package. */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
