import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";
import { HOUR, ROOT, startStory } from "./harness.js";

/**
 * The giraffe brought back by a wake-up SMS: Otter binds to the simulator's SMS centre over SMPP
 * (real TCP), the SMS centre delivers to the collar and sends the receipt, the collar re-attaches,
 * and Otter's follow-up proves it back online from the new signals. A second collar is switched off:
 * its SMS comes back UNDELIV. Otter's workers run as in production; the story's time drives its clock.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("giraffe: a wake-up SMS through the simulated SMS centre", () => {
  it("is delivered (DELIVRD receipt), the collar re-attaches, and Otter proves it back online; a switched-off collar gets UNDELIV", async () => {
    // The shipped giraffe, plus a second collar that is switched off two hours in.
    const giraffe = await readFile(`${ROOT}scenarios/giraffe.yaml`, "utf8");
    const second = `
  - name: giraffe-collar-mara-02
    iccid: "8944001000000001024"
    imsi: "234150000000102"
    msisdn: "447700900102"
    imei: "356938030001029"
    provision: { account: Savannah Conservancy, communicationPlan: Wildlife Tracking NB-IoT, ratePlan: Wildlife 5 MB, state: ACTIVATED }
    itinerary: [{ at: 0h, plmn: "63902", rat: NB-IoT, tac: 2923, eci: 1975297 }]
    traffic: { every: 1h, up: 2KB, down: 512, session: per_report, sessionLength: 2m }
    faults: [{ at: 2h, kind: power_off }]
`;
    const story = await startStory(t, { text: giraffe + second });
    const iccid = "8944001000000001016";
    const start = story.sim.now().getTime();
    try {
      expect(story.smsc).not.toBeNull();
      const centres = (await t.api("GET", "/api/v1/network/sms-centres")).body.items;
      expect(centres).toEqual([
        expect.objectContaining({
          name: "otter-sim-smsc",
          port: story.smsc!.port,
          imsiPrefixes: ["23415"],
        }),
      ]);

      await story.sim.advanceTo(start + 8 * HOUR + 30 * 60_000);
      expect(story.sim.openSessions().find((s) => s.iccid === iccid)).toMatchObject({ hung: true });
      const wakeAt = story.sim.now().getTime();
      const action = await t.api("POST", `/api/v1/sims/${iccid}/actions`, {
        body: {
          type: "send-sms",
          text: "WAKEUP",
          reason: "collar silent since its session hung; customer called",
        },
      });
      expect(action.status, JSON.stringify(action.body)).toBe(202);
      // The SMS worker runs in the background and may already be submitting when the answer is written.
      expect(action.body).toMatchObject({
        status: "queued",
        sms: {
          status: expect.stringMatching(/^(queued|submitting)$/),
          encoding: "gsm7",
          segments: 1,
          purpose: "wake-up",
          smsCentre: "otter-sim-smsc",
        },
      });

      // Otter's worker binds, submits; the SMS centre delivers and sends the DELIVRD receipt.
      const watching = await waitFor("the SMS to be delivered", async () => {
        const a = (await t.api("GET", `/api/v1/actions/${action.body.id}`)).body;
        return a.status === "watching" || a.status === "failed" ? a : null;
      });
      expect(watching.sms, JSON.stringify(watching)).toMatchObject({
        status: "delivered",
        receipts: [{ stat: "DELIVRD", err: "000" }],
      });
      expect(watching.sms.messageIds).toHaveLength(1);
      expect(watching.sms.submittedAt).not.toBeNull();
      expect(story.sim.inbox("giraffe-collar-mara-01")).toEqual([
        expect.objectContaining({ from: "447700900000", text: "WAKEUP" }),
      ]);
      expect(story.sim.stats().sms).toMatchObject({
        delivered: 1,
        wakeUps: 1,
        smsc: { binds: 1, submits: 1, receiptsSent: 1 },
      });

      // The collar re-attaches a minute later and reports at its next hour.
      await story.sim.advanceTo(start + 10 * HOUR + 30 * 60_000);
      await story.sim.settle();
      const timeline = (
        (await t.api("GET", `/api/v1/sims/${iccid}/timeline?limit=20`)).body.items as {
          at: string;
          kind: string;
          event: { type: string; result: string } | null;
          session: { bytesUp: number } | null;
        }[]
      ).filter((i) => Date.parse(i.at) >= wakeAt);
      expect(
        timeline
          .filter((i) => i.kind === "registration")
          .map((i) => `${i.event!.type}:${i.event!.result}`),
      ).toEqual(["location_update:accepted"]);
      expect(
        timeline.filter((i) => i.kind === "session" && i.session!.bytesUp > 1000).length,
      ).toBeGreaterThanOrEqual(2);
      const proved = await waitFor("the follow-up", async () => {
        const a = (await t.api("GET", `/api/v1/actions/${action.body.id}`)).body;
        return a.status === "back_online" ? a : null;
      });
      expect(proved.outcome.summary).toMatch(
        /^Back online at .*registered at .*new data session at .*traffic at/,
      );

      // The second collar is off: the SMS centre cannot deliver, and says so.
      const off = await t.api("POST", "/api/v1/sims/8944001000000001024/actions", {
        body: { type: "send-sms", text: "WAKEUP", reason: "collar 02 silent too" },
      });
      expect(off.status, JSON.stringify(off.body)).toBe(202);
      const failed = await waitFor("the UNDELIV receipt", async () => {
        const a = (await t.api("GET", `/api/v1/actions/${off.body.id}`)).body;
        return a.status === "failed" ? a : null;
      });
      expect(failed.sms).toMatchObject({
        status: "failed",
        receipts: [{ stat: "UNDELIV", err: "027" }],
      });
      expect(failed.outcome.summary).toMatch(
        /^SMS not delivered: The SMS centre reports UNDELIV \(err 027\): the device could not be reached \(switched off/,
      );
      expect(story.sim.inbox("giraffe-collar-mara-02")).toEqual([]);
    } finally {
      await story.close();
    }
    expect(story.sim.stats().ok).toBe(true);
  });
});
