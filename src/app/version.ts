import { readFileSync } from "node:fs";

/** Otter's version, from package.json (read once, works from src/ and dist/). */
export const OTTER_VERSION: string = (() => {
  for (const rel of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "otter" && pkg.version) return pkg.version;
    } catch {
      /* try the next location */
    }
  }
  return "0.0.0";
})();
