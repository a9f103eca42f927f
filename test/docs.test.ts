import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/app/config.js";
import { TEST_ENGINE } from "./support/engine.js";

const root = new URL("../", import.meta.url).pathname;
const read = (p: string) => readFileSync(join(root, p), "utf8");
function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe.runIf(TEST_ENGINE === "pglite")("documentation stays true", () => {
  it("lists every error code the server can answer in docs/errors.md", () => {
    const doc = read("docs/errors.md");
    const pattern =
      /(?:OtterError\(\s*"[a-z_]+",\s*|validationError\(\s*[^,]+,\s*|conflict\(\s*|notFound\(\s*|bad\(\s*|fail\(\s*"[^"]*",\s*|code: )"([A-Z][A-Z0-9_]{3,})"/g;
    const codes = new Set<string>();
    for (const file of sources("src/modules").concat(sources("src/lib"), sources("src/http"))) {
      for (const m of read(file).matchAll(pattern)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(50);
    const missing = [...codes].filter((c) => !doc.includes(c));
    expect(missing).toEqual([]);
  });

  it("documents every setting in the README", () => {
    const readme = read("README.md");
    for (const name of Object.keys(configSchema.shape)) expect(readme, name).toContain(name);
  });
});
