import { describe, expect, it } from "vitest";
import { isUuid, newId, pooledIdGenerator } from "./ids.js";

describe("pooledIdGenerator", () => {
  it("makes distinct UUIDv7 ids in time order across many pools of random bytes", () => {
    const next = pooledIdGenerator();
    const before = Date.now();
    const ids = Array.from({ length: 20_000 }, () => next());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0]!, ids[4095]!, ids[4096]!, ids.at(-1)!]) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7");
      expect("89ab").toContain(id[19]);
      const ms = parseInt(id.replace(/-/g, "").slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(Date.now());
    }
  });

  it("sorts ids in the order they were made, within one millisecond too (newId as well)", () => {
    for (const next of [pooledIdGenerator(), newId]) {
      const ids = Array.from({ length: 20_000 }, () => next());
      const perMs = new Map<string, number>();
      for (const id of ids) perMs.set(id.slice(0, 13), (perMs.get(id.slice(0, 13)) ?? 0) + 1);
      // Many ids share a millisecond: the order within one comes from the sequence, not the clock.
      expect(Math.max(...perMs.values())).toBeGreaterThan(1);
      expect([...ids].sort()).toEqual(ids);
    }
  });
});
