import { describe, expect, it } from "vitest";
import { createHeapGrowth } from "./heap-growth.js";

describe("heap growth while imports run", () => {
  it("stays bounded until the last of two overlapping imports ends, even one that fails", async () => {
    const growth = createHeapGrowth(50);
    let releaseFirst!: () => void;
    const first = growth.bounded(() => new Promise<void>((r) => (releaseFirst = r)));
    const second = growth.bounded(async () => {
      expect(growth.holders()).toBe(2);
      throw new Error("the second import failed");
    });
    await expect(second).rejects.toThrow("the second import failed");
    expect(growth.holders()).toBe(1);
    releaseFirst();
    await first;
    expect(growth.holders()).toBe(0);
  });

  it("with 0, leaves V8's heuristic alone and still runs the work", async () => {
    const growth = createHeapGrowth(0);
    expect(await growth.bounded(async () => growth.holders())).toBe(0);
  });
});
