import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/app/config.js";
import { luhnValid } from "../src/lib/identifiers.js";
import { DEMO_SIMS, demoGuide, OTTER_ALIAS } from "../src/sim/demo-guide.js";
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

function markdown(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) return markdown(p);
    return p.endsWith(".md") ? [p] : [];
  });
}

/** Enough of npm's semver ranges for `engines` (`>=20`, `^20.19.0 || >=24`, `>= 16.0.0`). */
function satisfies(version: string, range: string): boolean {
  const v = version.split(".").map(Number);
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  return range.split("||").some((alternative) =>
    alternative
      .replace(/(>=|<=|>|<|\^|~)\s+/g, "$1")
      .trim()
      .split(/\s+/)
      .every((c) => {
        const [, op = "", ver = ""] = /^(>=|<=|>|<|\^|~)?v?([\d.x*]+)$/.exec(c) ?? [];
        const b = ver.split(".").map((n) => (/^\d+$/.test(n) ? Number(n) : 0));
        if (op === ">=") return cmp(v, b) >= 0;
        if (op === ">") return cmp(v, b) > 0;
        if (op === "<") return cmp(v, b) < 0;
        if (op === "<=") return cmp(v, b) <= 0;
        if (op === "^") return v[0] === b[0] && cmp(v, b) >= 0;
        return v[0] === b[0] && (ver.split(".").length < 2 || v[1] === b[1]);
      }),
  );
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

  it("shows only ICCIDs that pass their Luhn check, but where it shows a failing one", () => {
    const bad: string[] = [];
    for (const file of ["README.md", ...markdown("docs")]) {
      read(file)
        .split("\n")
        .forEach((line, i) => {
          if (/luhn|check.digit/i.test(line)) return; // an example of the check failing
          for (const [iccid] of line.matchAll(/(?<![\dA-Za-z])89\d{17,18}(?!\d)/g))
            if (!luhnValid(iccid)) bad.push(`${file}:${i + 1} ${iccid}`);
        });
    }
    expect(bad).toEqual([]);
  });

  it("asks for the Node.js lines the dependencies run on, in package.json and the README", () => {
    const pkg = JSON.parse(read("package.json")) as {
      engines: { node: string };
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    // The lowest version of each line Otter accepts must satisfy every dependency's own engines.
    const floors = pkg.engines.node.split("||").map((r) => r.trim().replace(/^\^/, ""));
    const refused: string[] = [];
    for (const dep of Object.keys(pkg.dependencies)) {
      const engines = (
        JSON.parse(read(`node_modules/${dep}/package.json`)) as { engines?: { node?: string } }
      ).engines?.node;
      for (const floor of floors)
        if (engines && !satisfies(floor, engines)) refused.push(`${dep} (${engines}) on ${floor}`);
    }
    expect(refused).toEqual([]);
    // The README's table: a line marked supported is in engines, and no other.
    const rows = [
      ...read("README.md").matchAll(/^\| ([\d, ]+?)(?: \([^)]*\))? \|[^|]*\| ([^|]*)\|/gm),
    ];
    expect(rows.length).toBeGreaterThan(0);
    for (const [, majors, status] of rows)
      for (const major of majors!.split(",").map((m) => m.trim()))
        expect(
          floors.some((f) => f.startsWith(`${major}.`)),
          `Node ${major}: ${status}`,
        ).toBe(status!.trim().startsWith("supported"));
    // `npm start` says it is building before the build's silence.
    expect(pkg.scripts.start).toMatch(
      /^node -e "console\.error\('Building Otter \(tsc, then the console with Vite\)…'\)" && npm run build/,
    );
  });

  it("shows the CLI in the README's form, where the demo prints it too", () => {
    const readme = read("README.md");
    const guide = demoGuide({ url: "http://127.0.0.1:8080", key: "otk_demo", devices: 52 });
    expect(readme).toContain(OTTER_ALIAS);
    expect(guide.some((l) => l.includes(OTTER_ALIAS))).toBe(true);
    const diagnose = `otter diagnose ${DEMO_SIMS.giraffe}`;
    expect(readme).toContain(diagnose);
    expect(guide).toContain(`  ${diagnose}`);
    // Where the README shows an import, it links the file format.
    const tour = readme.slice(readme.indexOf("## Quick tour"), readme.indexOf("## Configuration"));
    expect(tour).toContain("sims import");
    expect(tour).toContain("(docs/imports.md)");
  });
});
