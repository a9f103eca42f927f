import { describe, expect, it } from "vitest";
import { allRead } from "./all-read.js";

describe("allRead", () => {
  it("gives every value in order", async () => {
    const [a, b, c] = await allRead([Promise.resolve(1), "two", Promise.resolve(null)]);
    expect([a, b, c]).toEqual([1, "two", null]);
  });

  it("throws the first failure only after every read has finished", async () => {
    let slowDone = false;
    const slow = new Promise((r) => setTimeout(r, 30)).then(() => (slowDone = true));
    await expect(allRead([Promise.reject(new Error("first")), slow])).rejects.toThrow("first");
    expect(slowDone).toBe(true);
  });
});
