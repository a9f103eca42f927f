import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The HLR/HSS stamps events to the second (or coarser): a rejected and an accepted location update
 * often carry the same time. Otter orders such ties by arrival, everywhere a SIM's registrations show.
 */
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let seq = 0;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
});
afterAll(async () => {
  await t?.close();
});

type Kind = "accepted" | "rejected" | "purge";
const event = (kind: Kind, imsi: string, at: string) => ({
  id: `tie-${seq++}`,
  imsi,
  at,
  visitedPlmn: "20801",
  rat: "LTE-M",
  ...(kind === "purge"
    ? { type: "purge" }
    : {
        type: "location_update",
        result: kind,
        ...(kind === "rejected" && { cause: 5004, causeType: "s6a" }),
      }),
});

/** What a user sees of the SIM's registration: connectivity, the timeline's newest event, the diagnosis. */
async function seen(iccid: string) {
  const conn = (await t.api("GET", `/api/v1/sims/${iccid}/connectivity`)).body;
  const timeline = (await t.api("GET", `/api/v1/sims/${iccid}/timeline`)).body;
  const diagnosis = (await t.api("GET", `/api/v1/sims/${iccid}/diagnosis`)).body;
  return {
    state: conn.state as string,
    last: conn.lastRegistration as { type: string; result: string | null },
    timelineIds: timeline.items
      .filter((i: { kind: string }) => i.kind === "registration")
      .map((i: { event: { id: string } }) => i.event.id) as string[],
    registrationRung: diagnosis.rungs.find((r: { name: string }) => r.name === "registration")
      .status as string,
  };
}

const expected = (kind: Kind) => ({
  state: kind === "accepted" ? "ATTACHED" : "OFFLINE",
  last:
    kind === "purge" ? { type: "purge", result: null } : { type: "location_update", result: kind },
  registrationRung: kind === "accepted" ? "pass" : kind === "rejected" ? "fail" : "warn",
});

async function freshSim() {
  return buildSim(t, { state: "ACTIVATED", communicationPlan: cat.comm.id, ratePlan: cat.rate.id });
}

describe("registration events with the same timestamp", () => {
  for (const order of [
    ["rejected", "accepted"],
    ["accepted", "rejected"],
  ] as const) {
    it(`leave the SIM as the later one said: ${order.join(", then ")} in the same second`, async () => {
      const sim = await freshSim();
      const at = t.clock.now().toISOString();
      const sent = order.map((k) => event(k, sim.imsi, at));
      for (const e of sent)
        expect((await t.api("POST", "/api/v1/network/events", { body: e })).body.stored).toBe(1);
      const s = await seen(sim.iccid);
      expect(s).toMatchObject(expected(order[1]));
      expect(s.timelineIds).toEqual(sent.map((e) => e.id).reverse());
    });
  }

  it("keep arrival order within one batch, and for any sequence of ties (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Kind>("accepted", "rejected", "purge"), {
          minLength: 2,
          maxLength: 5,
        }),
        fc.boolean(),
        async (kinds, oneBatch) => {
          const sim = await freshSim();
          const at = t.clock.now().toISOString();
          const sent = kinds.map((k) => event(k, sim.imsi, at));
          if (oneBatch) await t.api("POST", "/api/v1/network/events", { body: { events: sent } });
          else for (const e of sent) await t.api("POST", "/api/v1/network/events", { body: e });
          const s = await seen(sim.iccid);
          expect(s).toMatchObject(expected(kinds.at(-1)!));
          expect(s.timelineIds).toEqual(sent.map((e) => e.id).reverse());
        },
      ),
      { numRuns: 12 },
    );
  });
});
