import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "./code-reader.js";

/**
 * The modules of src/modules import one another in one direction only: a module graph without
 * cycles is what lets a reader understand a module from the ones below it. (ESLint's boundary rule
 * keeps each import to a module's public files; this test keeps the modules in layers.)
 */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g;

/** Module → the modules it imports. */
export function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of sourceFiles()) {
    if (f.module === null) continue;
    const edges = graph.get(f.module) ?? new Set<string>();
    graph.set(f.module, edges);
    for (const m of f.text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(f.path), m[1]!));
      const to = /^src\/modules\/([^/]+)\//.exec(target)?.[1];
      if (to && to !== f.module) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle, each as the list of modules on it, found by depth-first search. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const found = new Map<string, string[]>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      const cycle = path.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const key = [...cycle.slice(start), ...cycle.slice(0, start)];
      found.set(key.join(" → "), key);
      return;
    }
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return [...found.values()];
}

describe("module graph", () => {
  it("has no cycles between modules", () => {
    const found = cycles(moduleGraph()).map((c) => [...c, c[0]].join(" → "));
    expect(found, "modules that import each other, directly or round a loop").toEqual([]);
  });
});
