import { describe, expect, it } from "vitest";
import { changesHolder, customerOf, holderView } from "./holder.js";
import type { Principal, Role } from "./principal.js";

const reader = (accountPath: string, role: Role): Principal => ({
  userId: "u",
  name: "n",
  accountId: "x",
  accountPath,
  role,
  apiKeyId: "k",
});

describe("the holder of a SIM", () => {
  it("is the top-level customer under the operator's root; the operator's stock is no customer", () => {
    expect(customerOf("/root/")).toBeNull();
    expect(customerOf("/root/acme/")).toBe("acme");
    expect(customerOf("/root/acme/east/depot/")).toBe("acme");
  });

  it("changes when a SIM leaves a customer, not when it moves inside one or comes from stock", () => {
    expect(changesHolder("/root/acme/east/", "/root/acme/west/")).toBe(false);
    expect(changesHolder("/root/acme/", "/root/acme/east/")).toBe(false);
    expect(changesHolder("/root/", "/root/acme/")).toBe(false);
    expect(changesHolder("/root/acme/east/", "/root/bolt/")).toBe(true);
    expect(changesHolder("/root/acme/", "/root/")).toBe(true);
  });

  it("hides from a customer who and why of another customer's time only; the operator sees all", () => {
    const west = holderView(reader("/root/acme/west/", "customer_user"));
    expect(west.seesWhoAndWhy("/root/acme/east/")).toBe(true);
    expect(west.seesWhoAndWhy("/root/acme/")).toBe(true);
    expect(west.seesWhoAndWhy("/root/bolt/")).toBe(false);
    expect(west.seesWhoAndWhy("/root/")).toBe(true);
    expect(west.seesWhoAndWhy(null)).toBe(false);
    expect(west.seesAccount("/root/bolt/x/")).toBe(false);
    expect(west.seesAccount("/root/")).toBe(true);
    const operator = holderView(reader("/root/", "operator_agent"));
    expect(operator.seesWhoAndWhy("/root/bolt/")).toBe(true);
    expect(operator.seesAccount("/root/bolt/")).toBe(true);
  });
});
