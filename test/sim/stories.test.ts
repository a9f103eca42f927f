import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";
import { HOUR, sendDisconnect, startStory } from "./harness.js";

/**
 * The shipped stories, end to end against a real Otter: the simulator registers devices through
 * its HSS (reading Otter's API), sends real RADIUS accounting over UDP, and answers real
 * Disconnect-Requests. Time is stepped, and Otter's clock follows the story.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

const SECRET = "otter-sim-secret";
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("sea-otter: a tag in France on a Nordic-only plan", () => {
  it("is rejected with 5004 at every attempt, and Otter shows it OFFLINE with that cause and no session", async () => {
    const story = await startStory(t, { files: ["scenarios/sea-otter.yaml"] });
    const start = story.sim.now();
    await story.sim.advanceBy(6 * HOUR);
    await story.close();

    const stats = story.sim.stats();
    // An attempt at the start and one every hour after: 0h … 6h.
    expect(stats.registrations).toMatchObject({ accepted: 0, rejected: 7, causes: { "5004": 7 } });
    expect(stats.records).toMatchObject({ start: 0, interim: 0, stop: 0 });
    expect(stats.events).toMatchObject({ posted: 7, stored: 7, failed: 0 });
    expect(stats.ok).toBe(true);

    const iccid = "8944001000000002014";
    const c = (await t.api("GET", `/api/v1/sims/${iccid}/connectivity`)).body;
    expect(c).toMatchObject({
      state: "OFFLINE",
      openSession: null,
      imei: "356938030002019",
      lastRegistration: {
        type: "location_update",
        result: "rejected",
        cause: 5004,
        causeType: "s6a",
        visitedPlmn: "20801",
      },
      location: { mcc: "208", mnc: "01", country: "FR" },
    });
    expect(c.reason).toContain("5004");
    expect((await t.api("GET", `/api/v1/sims/${iccid}/sessions`)).body.items).toEqual([]);
    const timeline = (await t.api("GET", `/api/v1/sims/${iccid}/timeline?limit=50`)).body.items;
    expect(timeline).toHaveLength(7);
    expect(
      timeline.every(
        (i: { event: { cause: number; rat: string } }) =>
          i.event.cause === 5004 && i.event.rat === "LTE-M",
      ),
    ).toBe(true);
    expect(timeline.at(-1).at).toBe(start.toISOString());
  });
});

describe("sea-otter: diagnosis, plan change, proof", () => {
  it("names the plan and the missing country and the price consequence; after a plan change the tag registers and sends", async () => {
    const story = await startStory(t, { files: ["scenarios/sea-otter.yaml"] });
    const iccid = "8944001000000002014";
    try {
      await story.sim.advanceBy(3 * HOUR);
      const d = (await t.api("GET", `/api/v1/sims/${iccid}/diagnosis`)).body;
      expect(d).toMatchObject({
        firstBroken: "registration",
        actions: [{ action: "change-plan" }],
      });
      expect(d.verdict).toContain("roaming is not allowed");
      expect(d.verdict).toContain("Marine Tags Nordics");
      expect(d.verdict).toContain("France");
      expect(d.rungs.find((r: { name: string }) => r.name === "roaming").fix.description).toContain(
        "rate plan that prices it",
      );

      // The agent offers a European plan and moves the tag to it.
      const zone = (
        await t.api("POST", "/api/v1/zones", {
          body: { name: "Western Europe", countries: ["FR", "ES", "PT", "GB", "IE"] },
        })
      ).body;
      const comm = (
        await t.api("POST", "/api/v1/communication-plans", {
          body: {
            name: "Marine Tags Europe",
            apns: [{ name: "marine.otter.example" }],
            rats: ["LTE-M", "NB-IoT"],
            zones: [zone.id, "Nordics"],
          },
        })
      ).body;
      const rate = (
        await t.api("POST", "/api/v1/rate-plans", {
          body: {
            name: "Marine Europe 5 MB",
            currency: "EUR",
            subscription: { monthlyFeePerSim: 2 },
            zones: [
              { zone: zone.id, dataPerMB: 0.4 },
              { zone: "Nordics", dataPerMB: 0.3 },
            ],
          },
        })
      ).body;
      const sim = (await t.api("GET", `/api/v1/sims/${iccid}`)).body;
      for (const [seg, p] of [
        ["communication-plans", comm],
        ["rate-plans", rate],
      ] as const)
        await t.api("POST", `/api/v1/${seg}/${p.id}/offers`, {
          body: { accountId: sim.accountId },
        });
      const action = await t.api("POST", `/api/v1/sims/${iccid}/actions`, {
        body: {
          type: "change-plan",
          reason: "tag swam to Brittany",
          communicationPlan: comm.name,
          ratePlan: rate.name,
        },
      });
      expect(action.status, JSON.stringify(action.body)).toBe(202);
      // The simulated HSS keeps zones for 2 s of real time, as a provisioned HSS caches its profiles.
      await new Promise((r) => setTimeout(r, 2100));

      await story.sim.advanceBy(4 * HOUR);
      const conn = (await t.api("GET", `/api/v1/sims/${iccid}/connectivity`)).body;
      expect(conn.lastRegistration).toMatchObject({ result: "accepted", visitedPlmn: "20801" });
      const sessions = (await t.api("GET", `/api/v1/sims/${iccid}/sessions`)).body.items;
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions[0].apn).toBe("marine.otter.example");
      expect((await t.api("GET", `/api/v1/sims/${iccid}/diagnosis`)).body.firstBroken).toBeNull();
      // The proof: Otter's follow-up sees the accepted registration, the session and its traffic.
      await t.otter.services.simActions.followUp();
      const proved = (await t.api("GET", `/api/v1/actions/${action.body.id}`)).body;
      expect(proved.status, JSON.stringify(proved)).toBe("back_online");
      expect(proved.outcome.summary).toMatch(
        /^Back online at .*registered at .* in 20801.*new data session at .* on marine\.otter\.example.*traffic at/,
      );
    } finally {
      await story.close();
    }
  });
});

describe("giraffe: a collar in Kenya whose data session hangs", () => {
  it("reports hourly, hangs open without traffic, is reset by a Disconnect-Request and reports again", async () => {
    const story = await startStory(t, { files: ["scenarios/giraffe.yaml"] });
    const iccid = "8944001000000001016";
    const sessions = async () =>
      (await t.api("GET", `/api/v1/sims/${iccid}/sessions?limit=100`)).body.items as {
        status: string;
        bytesUp: number;
        bytesDown: number;
        terminateCause: string | null;
        lastUpdateAt: string;
        startedAt: string;
        apn: string;
        rat: string;
        mcc: string;
        mnc: string;
        ip: string;
      }[];
    const start = story.sim.now().getTime();
    try {
      // Hourly reports, each a short session that carries its bytes.
      await story.sim.advanceTo(start + 5 * HOUR + 30 * 60_000);
      const before = await sessions();
      expect(before).toHaveLength(6);
      expect(
        before.every(
          (s) => s.status === "closed" && s.bytesUp > 1000 && s.terminateCause === "User-Request",
        ),
      ).toBe(true);
      expect(before[0]).toMatchObject({
        apn: "wildlife.otter.example",
        rat: "NB-IoT",
        mcc: "639",
        mnc: "02",
        ip: "100.64.0.1",
      });
      const usage = (
        await t.api(
          "GET",
          `/api/v1/sims/${iccid}/usage?from=${day(new Date(start))}&to=${day(new Date(start + 2 * 24 * HOUR))}`,
        )
      ).body;
      expect(usage.total.bytesUp).toBe(before.reduce((a, s) => a + s.bytesUp, 0));
      expect(usage.items[0].zone.name).toBe("East Africa");

      // At 6 h the session hangs: open at the gateway, Interim-Updates with counters that never move.
      await story.sim.advanceTo(start + 9 * HOUR + 30 * 60_000);
      const hung = (await sessions())[0]!;
      expect(hung).toMatchObject({
        status: "open",
        bytesUp: 0,
        bytesDown: 0,
        startedAt: new Date(start + 6 * HOUR).toISOString(),
        lastUpdateAt: new Date(start + 9 * HOUR).toISOString(),
      });
      expect((await sessions()).filter((s) => s.status === "open")).toHaveLength(1);
      const c = (await t.api("GET", `/api/v1/sims/${iccid}/connectivity`)).body;
      expect(c).toMatchObject({
        state: "ONLINE",
        rat: "NB-IoT",
        imei: "356938030001011",
        location: { country: "KE", network: "Safaricom", tac: 2923 },
      });
      expect(story.sim.stats()).toMatchObject({
        sessionsOpen: 1,
        sessionsHung: 1,
        records: { interim: 3 },
      });

      // A Disconnect-Request signed with another secret is discarded without an answer.
      const open = story.sim.openSessions()[0]!;
      expect(
        await sendDisconnect(
          story.coaPort,
          "not-the-network-secret",
          { sessionId: open.sessionId },
          400,
        ),
      ).toBeNull();
      expect(story.sim.stats().disconnects.discarded).toBe(1);
      expect((await sessions())[0]!.status).toBe("open");

      // The right one is ACKed and the session is stopped with Admin-Reset.
      const ack = await sendDisconnect(story.coaPort, SECRET, {
        sessionId: open.sessionId,
        userName: "234150000000101",
        framedIp: open.framedIp,
      });
      expect(ack).toEqual({ code: 41, errorCause: null, valid: true });
      await story.sim.settle();
      expect((await sessions())[0]).toMatchObject({
        status: "closed",
        terminateCause: "Admin-Reset",
        bytesUp: 0,
      });
      // Nothing is left to disconnect: NAK with Error-Cause 503 Session-Context-Not-Found.
      expect(await sendDisconnect(story.coaPort, SECRET, { sessionId: open.sessionId })).toEqual({
        code: 42,
        errorCause: 503,
        valid: true,
      });

      // Traffic resumes at the next report.
      await story.sim.advanceTo(start + 12 * HOUR + 30 * 60_000);
      const after = (await sessions()).filter((s) => Date.parse(s.startedAt) > start + 9 * HOUR);
      expect(after).toHaveLength(3);
      expect(after.every((s) => s.status === "closed" && s.bytesUp > 1000)).toBe(true);
      expect(story.sim.stats()).toMatchObject({
        sessionsHung: 0,
        disconnects: { acked: 1, naked: 1, discarded: 1, sessionsStopped: 1 },
      });
    } finally {
      await story.close();
    }
    const stats = story.sim.stats();
    expect(stats.ok).toBe(true);
    expect(stats.radius.unanswered).toBe(0);
    expect(stats.radius.answered).toBe(stats.radius.sent);
  });
});

describe("giraffe: Otter's own reset connectivity", () => {
  it("reaches the simulated gateway (Disconnect-Request) and HSS (signed cancel-location); the collar re-attaches and reports", async () => {
    const story = await startStory(t, { files: ["scenarios/giraffe.yaml"] });
    const iccid = "8944001000000001016";
    const start = story.sim.now().getTime();
    try {
      await story.sim.advanceTo(start + 8 * HOUR + 30 * 60_000);
      expect(story.sim.openSessions()).toMatchObject([{ hung: true }]);
      const diagnosis = (await t.api("GET", `/api/v1/sims/${iccid}/diagnosis`)).body;
      expect(diagnosis, JSON.stringify(diagnosis.rungs)).toMatchObject({
        firstBroken: "data_session",
        actions: [{ action: "reset-connectivity" }],
      });
      expect(diagnosis.verdict).toMatch(/hung/);

      const action = await t.api("POST", `/api/v1/sims/${iccid}/actions`, {
        body: { type: "reset-connectivity", reason: "collar silent since its session hung" },
      });
      expect(action.status, JSON.stringify(action.body)).toBe(202);
      // Otter's worker delivers both; the simulator answers them as they come.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const s = story.sim.stats();
        if (s.disconnects.acked >= 1 && s.cancelLocations >= 1) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await story.sim.settle();
      const network = (await t.api("GET", `/api/v1/actions/${action.body.id}`)).body.network as {
        kind: string;
        status: string;
      }[];
      expect(network.map((n) => [n.kind, n.status]).sort()).toEqual([
        ["cancel_location", "acked"],
        ["disconnect", "acked"],
      ]);
      const reset = (await t.api("GET", `/api/v1/sims/${iccid}/sessions?limit=1`)).body.items[0];
      expect(reset).toMatchObject({ status: "closed", terminateCause: "Admin-Reset", bytesUp: 0 });

      await story.sim.advanceTo(start + 10 * HOUR + 30 * 60_000);
      const resetAt = start + 8 * HOUR + 30 * 60_000;
      const timeline = (
        (await t.api("GET", `/api/v1/sims/${iccid}/timeline?limit=20`)).body.items as {
          at: string;
          kind: string;
          event: { type: string; result: string } | null;
          session: { bytesUp: number } | null;
        }[]
      ).filter((i) => Date.parse(i.at) >= resetAt);
      const events = timeline
        .filter((i) => i.kind === "registration")
        .map((i) => `${i.event!.type}:${i.event!.result}`);
      // Newest first: re-attached a minute after the cancel location.
      expect(events).toEqual(["location_update:accepted", "cancel_location:null"]);
      const reports = timeline.filter((i) => i.kind === "session");
      expect(reports).toHaveLength(2);
      expect(reports.every((i) => i.session!.bytesUp > 1000)).toBe(true);
      // The proof: Otter's follow-up sees the new registration, session and traffic.
      await t.otter.services.simActions.followUp();
      const proved = (await t.api("GET", `/api/v1/actions/${action.body.id}`)).body;
      expect(proved.status, JSON.stringify(proved)).toBe("back_online");
      expect(proved.outcome.summary).toMatch(
        /^Back online at .*registered at .*new data session at .*traffic at/,
      );
    } finally {
      await story.close();
    }
    expect(story.sim.stats().ok).toBe(true);
  });
});

describe("meters: a fleet generated from ranges", () => {
  it("provisions 50 meters, and every one activates on its first daily report and shows usage", async () => {
    const story = await startStory(
      t,
      { files: ["scenarios/meters.yaml"] },
      { durationMs: 26 * HOUR },
    );
    const start = story.sim.now();
    await story.sim.advanceTo(start.getTime() + 26 * HOUR);
    await story.close();
    const stats = story.sim.stats();
    expect(stats).toMatchObject({
      devices: 50,
      registered: 50,
      ok: true,
      registrations: { accepted: 50, rejected: 0 },
    });
    expect(story.provisioned.sims).toBe(50);
    expect(stats.records.stop).toBeGreaterThanOrEqual(50);

    const sims = (
      await t.api("GET", "/api/v1/sims?communicationPlan=Smart%20Metering%20Nordics&limit=100")
    ).body.items as { iccid: string; state: string }[];
    expect(sims).toHaveLength(50);
    expect(sims.every((s) => s.state === "ACTIVATED")).toBe(true);
    const from = day(start);
    const to = day(new Date(start.getTime() + 26 * HOUR));
    const results = await Promise.all(
      sims.map(async (s) => ({
        usage: (await t.api("GET", `/api/v1/sims/${s.iccid}/usage?from=${from}&to=${to}`)).body
          .total.bytesUp as number,
        state: (await t.api("GET", `/api/v1/sims/${s.iccid}/connectivity`)).body.state as string,
      })),
    );
    expect(results.every((r) => r.usage > 0)).toBe(true);
    expect(results.every((r) => r.state === "ATTACHED" || r.state === "ONLINE")).toBe(true);
  });
});
