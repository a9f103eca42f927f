import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DiagnosisInput, diagnose, RUNGS } from "./ladder.js";

const H = 3600_000;
const now = new Date("2026-06-10T12:00:00Z");
const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * H);
const kenya = { id: "z-ke", name: "East Africa", countries: ["KE", "TZ"], plmns: [] };
const nordics = { id: "z-no", name: "Nordics", countries: ["SE", "NO", "DK", "FI"], plmns: [] };

function base(over: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return {
    now,
    sim: { iccid: "8944000000000000000", state: "ACTIVATED", overageLimitOverride: "DEFAULT" },
    commPlan: {
      name: "Trackers",
      dataEnabled: true,
      rats: ["NB-IoT", "LTE-M"],
      apns: ["iot.otter"],
      zones: [kenya],
    },
    ratePlan: { name: "Tracker 10MB", version: 1, zoneIds: [kenya.id], dataLimitBytes: 50_000_000 },
    cycleBytes: 1_000_000,
    registrations: [
      {
        type: "location_update",
        result: "accepted",
        cause: null,
        causeType: null,
        at: at(30),
        visitedPlmn: "63902",
        rat: "NB-IoT",
      },
    ],
    sessions: [],
    device: {
      imei: "353334071234567",
      previousImei: null,
      imeiChangedAt: null,
      imeisv: "3533340712345601",
    },
    ...over,
  };
}

/** A device that reports every `gapH` hours, the last report `lastH` hours ago, sessions closed. */
function hourly(gapH: number, lastH: number, n = 8): DiagnosisInput["sessions"] {
  return Array.from({ length: n }, (_, i) => {
    const start = at(lastH + i * gapH);
    return {
      status: "closed" as const,
      startedAt: start,
      endedAt: new Date(start.getTime() + 60_000 * 2),
      lastUpdateAt: new Date(start.getTime() + 120_000),
      lastTrafficAt: new Date(start.getTime() + 120_000),
      apn: "iot.otter",
      rat: "NB-IoT",
      mcc: "639",
      mnc: "02",
      bytesUp: 500,
      bytesDown: 100,
      terminateCause: "User-Request",
      imeisv: "3533340712345601",
    };
  });
}

describe("diagnosis ladder", () => {
  it("names a hung session against the collar's hourly rhythm and proposes a reset", () => {
    const sessions = hourly(1, 9);
    sessions.unshift({
      status: "open",
      startedAt: at(8),
      endedAt: null,
      lastUpdateAt: at(0.2),
      lastTrafficAt: at(7.9),
      apn: "iot.otter",
      rat: "NB-IoT",
      mcc: "639",
      mnc: "02",
      bytesUp: 300,
      bytesDown: 50,
      terminateCause: null,
      imeisv: "3533340712345601",
    });
    const d = diagnose(base({ sessions }));
    expect(d.firstBroken).toBe("data_session");
    expect(d.rungs.find((r) => r.name === "data_session")!.fix?.action).toBe("reset-connectivity");
    expect(d.verdict).toMatch(/hung/);
    expect(d.rungs.find((r) => r.name === "traffic")!.summary).toMatch(
      /usually reports every 60 min/,
    );
    expect(d.actions[0]!.action).toBe("reset-connectivity");
  });

  it("points a roaming rejection at the plan and the missing zone", () => {
    const d = diagnose(
      base({
        commPlan: {
          name: "Nordic only",
          dataEnabled: true,
          rats: ["LTE-M"],
          apns: ["iot.otter"],
          zones: [nordics],
        },
        ratePlan: { name: "Nordic 5MB", version: 2, zoneIds: [nordics.id], dataLimitBytes: null },
        registrations: [
          {
            type: "location_update",
            result: "rejected",
            cause: 5004,
            causeType: "s6a",
            at: at(1),
            visitedPlmn: "20801",
            rat: "LTE-M",
          },
        ],
      }),
    );
    expect(d.firstBroken).toBe("registration");
    const reg = d.rungs.find((r) => r.name === "registration")!;
    expect(reg).toMatchObject({ status: "fail", causeIn: "roaming" });
    expect(reg.summary).toContain("roaming is not allowed");
    const roaming = d.rungs.find((r) => r.name === "roaming")!;
    expect(roaming.status).toBe("fail");
    expect(roaming.summary).toContain("Nordic only");
    expect(roaming.summary).toContain("France");
    expect(d.verdict).toContain("France");
    expect(d.actions[0]!.action).toBe("change-plan");
  });

  it("judges silence against the device's own rhythm", () => {
    const trackerSilent2Days = diagnose(base({ sessions: hourly(1, 48) }));
    expect(trackerSilent2Days.rungs.find((r) => r.name === "traffic")!.status).toBe("fail");
    const meterSilent10h = diagnose(base({ sessions: hourly(24, 10) }));
    expect(meterSilent10h.rungs.find((r) => r.name === "traffic")!.status).toBe("pass");
    expect(meterSilent10h.overall).toBe("ok");
  });

  it("does not call a 42-hour-old session ok on a device that reports hourly", () => {
    const d = diagnose(base({ sessions: hourly(1, 42) }));
    const session = d.rungs.find((r) => r.name === "data_session")!;
    expect(session.status).toBe("fail");
    expect(session.summary).toMatch(/No data session for 42 h .*usually opens one every 60 min/);
    expect(d.overall).toBe("fail");
    expect(d.verdict).toMatch(/Next step: Reset connectivity/);
    expect(d.rhythm.lastSessionAt).toBe(at(42).toISOString());
    // Three hours late is a warning; a daily meter 10 h after its report is fine (above).
    expect(
      diagnose(base({ sessions: hourly(1, 2.5) })).rungs.find((r) => r.name === "data_session")!
        .status,
    ).toBe("warn");
  });

  it("while an action is watched, says so and does not recommend it again", () => {
    const d = diagnose(
      base({
        sessions: hourly(1, 42),
        pendingActions: [
          { id: "a1", type: "reset-connectivity", requestedAt: at(0.1), watchUntil: at(-2) },
        ],
      }),
    );
    expect(d.overall).toBe("fail");
    expect(d.actions.map((a) => a.action)).not.toContain("reset-connectivity");
    expect(d.rungs.some((r) => r.fix?.action === "reset-connectivity")).toBe(false);
    expect(d.verdict).toContain(
      `A reset-connectivity requested at ${at(0.1).toISOString()} is being watched until ${at(-2).toISOString()}`,
    );
    expect(d.verdict).not.toContain("Next step");
    expect(d.watching).toEqual([
      expect.objectContaining({ actionId: "a1", type: "reset-connectivity" }),
    ]);
  });

  it("says the network will refuse an active SIM without a communication plan", () => {
    const d = diagnose(base({ commPlan: null, registrations: [] }));
    expect(d.firstBroken).toBe("sim_state");
    expect(d.verdict).toMatch(/no communication plan: the network will refuse/);
    expect(d.actions[0]!.action).toBe("change-plan");
  });

  it("stops at the SIM state and the data limit first", () => {
    expect(
      diagnose(base({ sim: { iccid: "x", state: "DEACTIVATED", overageLimitOverride: "DEFAULT" } }))
        .firstBroken,
    ).toBe("sim_state");
    const barred = diagnose(base({ cycleBytes: 60_000_000, sessions: hourly(1, 0.5) }));
    expect(barred.firstBroken).toBe("limits");
    expect(barred.actions[0]!.action).toBe("override-limit");
    expect(
      diagnose(
        base({
          cycleBytes: 60_000_000,
          sim: { iccid: "x", state: "ACTIVATED", overageLimitOverride: "TEMPORARY_OVERRIDE" },
          sessions: hourly(1, 0.5),
        }),
      ).rungs.find((r) => r.name === "limits")!.status,
    ).toBe("pass");
  });

  it("warns when the SIM moved to another device", () => {
    const d = diagnose(
      base({
        sessions: hourly(1, 0.5),
        device: {
          imei: "490154203237518",
          previousImei: "353334071234567",
          imeiChangedAt: at(5),
          imeisv: null,
        },
      }),
    );
    expect(d.rungs.find((r) => r.name === "device")!.status).toBe("warn");
    expect(d.overall).toBe("warn");
  });

  it("always answers every rung in order, and its verdict names the first failing rung", () => {
    const session = fc.record({
      status: fc.constantFrom("open" as const, "closed" as const),
      startedH: fc.double({ min: 0, max: 200, noNaN: true }),
      durH: fc.double({ min: 0, max: 10, noNaN: true }),
      bytes: fc.nat(1e9),
      apn: fc.constantFrom("iot.otter", "internet"),
      mcc: fc.constantFrom("639", "208", "240"),
      mnc: fc.constantFrom("02", "01", "07"),
    });
    fc.assert(
      fc.property(
        fc.array(session, { maxLength: 30 }),
        fc.constantFrom("ACTIVATED", "INVENTORY", "TEST_READY", "RETIRED"),
        fc.nat(1e8),
        fc.option(
          fc.record({
            result: fc.constantFrom("accepted", "rejected"),
            cause: fc.constantFrom(5001, 5004, 5421, 8, 1, 34),
            causeType: fc.constantFrom("s6a", "map"),
          }),
          { nil: null },
        ),
        (ss, state, cycleBytes, reg) => {
          const sessions = ss
            .map((s) => ({
              status: s.status,
              startedAt: at(s.startedH),
              endedAt: s.status === "closed" ? at(Math.max(0, s.startedH - s.durH)) : null,
              lastUpdateAt: at(Math.max(0, s.startedH - s.durH)),
              lastTrafficAt: s.bytes ? at(Math.max(0, s.startedH - s.durH)) : null,
              apn: s.apn,
              rat: "NB-IoT",
              mcc: s.mcc,
              mnc: s.mnc,
              bytesUp: s.bytes,
              bytesDown: 0,
              terminateCause: null,
              imeisv: null,
            }))
            .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
          const d = diagnose(
            base({
              sim: { iccid: "x", state, overageLimitOverride: "DEFAULT" },
              cycleBytes,
              sessions,
              registrations: reg
                ? [
                    {
                      type: "location_update",
                      ...reg,
                      at: at(1),
                      visitedPlmn: "20801",
                      rat: "NB-IoT",
                    },
                  ]
                : [],
            }),
          );
          const order = d.rungs.map((r) => r.name).join();
          const first = d.rungs.find((r) => r.status === "fail");
          return (
            order === RUNGS.join() &&
            (first
              ? d.firstBroken === first.name && d.verdict.startsWith(first.summary)
              : d.firstBroken === null)
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
