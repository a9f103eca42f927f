import pino from "pino";
import { buildOtter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { openDatabase } from "../../src/db/database.js";

/** The OpenAPI document of a freshly built Otter (in-memory PGlite, nothing listening). */
export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({ dataDir: "memory://" });
  const otter = await buildOtter({
    config: loadConfig({
      OTTER_SECRET_KEY: "0".repeat(64),
      OTTER_LOG_LEVEL: "silent",
      OTTER_BOOTSTRAP_API_KEY: "x".repeat(40),
    }),
    logger: pino({ level: "silent" }),
    database,
    startWorkers: false,
  });
  try {
    return otter.app.swagger();
  } finally {
    await otter.close();
    await database.close();
  }
}
