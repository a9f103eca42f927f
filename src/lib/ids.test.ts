import { describe, expect, it } from "vitest";
import { bulkIdGenerator, isUuid } from "./ids.js";

describe("bulkIdGenerator", () => {
  it("makes distinct UUIDv7 ids in time order across many pools of random bytes", () => {
    const next = bulkIdGenerator();
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
});
