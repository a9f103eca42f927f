import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

const root = new URL("../../console/", import.meta.url).pathname;

/** The newest modification time under a folder. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/**
 * Vitest's global set-up for the console's browser tests: builds the console once when console/dist
 * is missing or older than its sources, so `npm test` on a fresh clone tests the code it has.
 */
export default async function setup() {
  const index = join(root, "dist/index.html");
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(newest(join(root, "src")), statSync(join(root, "index.html")).mtimeMs);
  if (stale)
    await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn", mode: "production" });
}
