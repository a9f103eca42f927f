import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  addBusinessTimeByWalking,
  businessTimeBetween,
  businessTimeBetweenByWalking,
  isOpen,
  parseCalendar,
  type SupportCalendarInput,
  WEEKDAYS,
} from "../../src/modules/desk/sla/calendar.js";
import {
  type CaseState,
  computeSlaClock,
  queueKeyOf,
  type SlaEvent,
} from "../../src/modules/desk/sla/clock.js";
import {
  DEFAULT_TARGETS,
  formatTargets,
  parseTargets,
} from "../../src/modules/desk/sla/targets.js";
import { OtterError } from "../../src/lib/errors.js";
import { slaEventsOf } from "../../src/modules/desk/sla/sla.service.js";

const H = 3_600_000;
const M = 60_000;
const ZONES = ["Europe/Rome", "Europe/Stockholm", "America/New_York"] as const;

const weekdays = (intervals: Array<[string, string]>): SupportCalendarInput["hours"] =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, intervals]));
const allWeek = (intervals: Array<[string, string]>): SupportCalendarInput["hours"] =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, intervals]));

const rome = parseCalendar({
  timeZone: "Europe/Rome",
  hours: weekdays([
    ["08:00", "12:30"],
    ["13:30", "18:00"],
  ]),
  holidays: ["2026-12-25", "2026-04-06"],
});

const hhmm = (q: number) =>
  `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;
/** Random weekly hours on a quarter-hour grid (0-2 intervals a day, at least one open somewhere). */
const arbCalendar = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    days: fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 4 }).map((qs) => {
        const s = [...qs].sort((a, b) => a - b);
        const out: Array<[string, string]> = [];
        for (let i = 0; i + 1 < s.length; i += 2)
          out.push([hhmm(s[i]!), s[i + 1] === 96 ? "24:00" : hhmm(s[i + 1]!)]);
        return out;
      }),
      { minLength: 7, maxLength: 7 },
    ),
    holidays: fc
      .uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 20 })
      .map((ds) =>
        ds.map((d) =>
          DateTime.fromISO("2026-01-01", { zone: "UTC" }).plus({ days: d }).toISODate()!,
        ),
      ),
  })
  .filter((c) => c.days.some((d) => d.length > 0))
  .map((c) =>
    parseCalendar({
      timeZone: c.zone,
      hours: Object.fromEntries(WEEKDAYS.map((d, i) => [d, c.days[i]!])),
      holidays: c.holidays,
    }),
  );

/** Instants in 2026-2027 with extra weight on the DST weekends of the three zones. */
const DST_EDGES = [
  "2026-03-08T06:00:00Z",
  "2026-03-29T00:30:00Z",
  "2026-10-25T00:30:00Z",
  "2026-11-01T05:30:00Z",
].map((s) => Date.parse(s));
const arbInstant = fc.oneof(
  fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-06-01T00:00:00Z") }),
  fc
    .tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
    .map(([e, d]) => e + d),
);
// ≤ 100 h: a random week may hold only 15 open minutes, and 100 h of it still fit in the ten-year search.
const arbDuration = fc.integer({ min: 0, max: 100 * H });
// Two durations that are added: each ≤ 50 h, so their sum stays within the same ten-year search.
const arbHalfDuration = fc.integer({ min: 0, max: 50 * H });

describe("business time (property tests)", () => {
  it("is additive: add(a, x + y) = add(add(a, x), y)", () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, arbHalfDuration, arbHalfDuration, (cal, a, x, y) => {
        expect(addBusinessTime(cal, a, x + y).getTime()).toBe(
          addBusinessTime(cal, addBusinessTime(cal, a, x), y).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("is monotone and the inverse of businessTimeBetween", () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, arbDuration, arbDuration, (cal, a, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const tLo = addBusinessTime(cal, a, lo).getTime();
        const tHi = addBusinessTime(cal, a, hi).getTime();
        expect(tLo).toBeLessThanOrEqual(tHi);
        expect(tLo).toBeGreaterThanOrEqual(a);
        expect(businessTimeBetween(cal, a, tLo)).toBe(lo);
        expect(businessTimeBetween(cal, a, tHi)).toBe(hi);
        expect(businessTimeBetween(cal, a, tLo) + businessTimeBetween(cal, tLo, tHi)).toBe(
          businessTimeBetween(cal, a, tHi),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with a walk over the open intervals one by one, also across calendar versions", () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbCalendar,
        arbInstant,
        arbInstant,
        arbDuration,
        (c1, c2, a, switchAt, x) => {
          const timeline = [
            { from: -8.64e15, calendar: c1 },
            { from: switchAt, calendar: c2 },
          ];
          for (const cal of [c1, timeline]) {
            const t = addBusinessTime(cal, a, x).getTime();
            expect(t).toBe(addBusinessTimeByWalking(cal, a, x));
            expect(businessTimeBetween(cal, a, t + 7 * H)).toBe(
              businessTimeBetweenByWalking(cal, a, t + 7 * H),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never counts closed hours or holidays", () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, fc.integer({ min: 1, max: 100 * H }), (cal, a, x) => {
        const t = addBusinessTime(cal, a, x).getTime();
        // The last millisecond spent was inside support hours...
        expect(isOpen(cal, t - 1)).toBe(true);
        // ...and it was not on a holiday in the operator's zone.
        expect(
          cal.holidays.has(DateTime.fromMillis(t - 1, { zone: cal.timeZone }).toISODate()!),
        ).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(arbCalendar, fc.integer({ min: 0, max: 700 }), (cal, d) => {
        const day = DateTime.fromISO("2026-01-01", { zone: cal.timeZone }).plus({ days: d });
        const open = cal.hours[WEEKDAYS[day.weekday - 1]!].length > 0;
        const inDay = businessTimeBetween(cal, day.toMillis(), day.plus({ days: 1 }).toMillis());
        if (cal.holidays.has(day.toISODate()!) || !open) expect(inDay).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("counts a DST day's real hours in Europe/Rome, Europe/Stockholm and America/New_York", () => {
    const cases: Array<[string, string, number]> = [
      ["Europe/Rome", "2026-03-29", 23],
      ["Europe/Rome", "2026-10-25", 25],
      ["Europe/Stockholm", "2026-03-29", 23],
      ["Europe/Stockholm", "2026-10-25", 25],
      ["America/New_York", "2026-03-08", 23],
      ["America/New_York", "2026-11-01", 25],
    ];
    for (const [zone, date, hours] of cases) {
      const cal = parseCalendar({
        timeZone: zone,
        hours: allWeek([["00:00", "24:00"]]),
        holidays: [],
      });
      const start = DateTime.fromISO(date, { zone });
      expect(
        businessTimeBetween(cal, start.toMillis(), start.plus({ days: 1 }).toMillis()),
        `${zone} ${date}`,
      ).toBe(hours * H);
      // Office hours clear of the switch are always their wall-clock length.
      const office = parseCalendar({
        timeZone: zone,
        hours: allWeek([["08:00", "18:00"]]),
        holidays: [],
      });
      expect(
        businessTimeBetween(office, start.toMillis(), start.plus({ days: 1 }).toMillis()),
      ).toBe(10 * H);
    }
    // 08:00 Rome is 07:00Z in winter and 06:00Z in summer: the opening follows the wall clock.
    const sat = Date.parse("2026-03-27T17:00:00Z"); // Friday 18:00 CET, closing time
    expect(addBusinessTime(rome, sat, 30 * M).toISOString()).toBe("2026-03-30T06:30:00.000Z"); // Monday 08:30 CEST
  });

  it("rejects a week without support hours, an unknown zone and overlapping intervals at configuration", () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as OtterError).code;
      }
    };
    expect(code(() => parseCalendar({ timeZone: "Europe/Rome", hours: {}, holidays: [] }))).toBe(
      "SLA_CALENDAR_NO_HOURS",
    );
    expect(
      code(() => parseCalendar({ timeZone: "Europe/Rome", hours: { mon: [] }, holidays: [] })),
    ).toBe("SLA_CALENDAR_NO_HOURS");
    expect(
      code(() =>
        parseCalendar({
          timeZone: "Mars/Olympus",
          hours: weekdays([["08:00", "18:00"]]),
          holidays: [],
        }),
      ),
    ).toBe("SLA_CALENDAR_UNKNOWN_TIME_ZONE");
    expect(
      code(() =>
        parseCalendar({
          timeZone: "Europe/Rome",
          hours: {
            mon: [
              ["08:00", "12:00"],
              ["11:00", "13:00"],
            ],
          },
          holidays: [],
        }),
      ),
    ).toBe("SLA_CALENDAR_INVALID_HOURS");
    expect(
      code(() =>
        parseCalendar({
          timeZone: "Europe/Rome",
          hours: { mon: [["18:00", "08:00"]] },
          holidays: [],
        }),
      ),
    ).toBe("SLA_CALENDAR_INVALID_HOURS");
    expect(
      code(() =>
        parseCalendar({
          timeZone: "Europe/Rome",
          hours: { mon: [["08:00", "18:00"]] },
          holidays: ["2026-02-30"],
        }),
      ),
    ).toBe("SLA_CALENDAR_INVALID_HOLIDAY");
  });
});

describe("targets", () => {
  it("accepts support hours and refuses calendar days, naming the field", () => {
    const t = parseTargets({
      firstResponse: { urgent: "PT1H", normal: "PT1H30M" },
      resolution: { urgent: "PT8H" },
    });
    expect(t.firstResponse.urgent).toBe(H);
    expect(t.firstResponse.low).toBeNull();
    expect(formatTargets(t).firstResponse.normal).toBe("PT1H30M");
    try {
      parseTargets({ firstResponse: { urgent: "P1D" }, resolution: {} });
      expect.unreachable();
    } catch (e) {
      expect((e as OtterError).code).toBe("SLA_INVALID_TARGET");
      expect((e as OtterError).message).toContain("firstResponse.urgent");
    }
  });
});

describe("SLA clock from the event log", () => {
  // Monday 2026-06-01 09:00 Rome = 07:00Z.
  const mon9 = Date.parse("2026-06-01T07:00:00Z");
  const created: SlaEvent = { at: mon9, kind: "created", state: "new", priority: "normal" };

  it("runs in support hours, stops at the first reply, and says when it is due", () => {
    const c = computeSlaClock([created], DEFAULT_TARGETS, rome, mon9 + 2 * H);
    expect(c.firstResponse.state).toBe("running");
    expect(c.firstResponse.elapsedMs).toBe(2 * H);
    expect(c.firstResponse.remainingMs).toBe(6 * H);
    // 8 h from 09:00 with lunch 12:30-13:30: due 18:00 Rome = 16:00Z.
    expect(c.firstResponse.dueAt?.toISOString()).toBe("2026-06-01T16:00:00.000Z");
    const replied = computeSlaClock(
      [created, { at: mon9 + 3 * H, kind: "response" }],
      DEFAULT_TARGETS,
      rome,
      mon9 + 30 * H,
    );
    expect(replied.firstResponse.state).toBe("met");
    expect(replied.firstResponse.elapsedMs).toBe(3 * H);
    expect(replied.resolution.state).toBe("running");
  });

  it("pauses while waiting on the customer, keeps running while waiting on a consultation", () => {
    const events: SlaEvent[] = [
      created,
      { at: mon9 + H, kind: "response" },
      { at: mon9 + H, kind: "state", state: "waiting_on_customer" },
    ];
    const paused = computeSlaClock(events, DEFAULT_TARGETS, rome, mon9 + 48 * H);
    expect(paused.resolution.state).toBe("paused");
    expect(paused.resolution.elapsedMs).toBe(H);
    const consulting = computeSlaClock(
      [created, { at: mon9 + H, kind: "state", state: "waiting_on_consultation" }],
      DEFAULT_TARGETS,
      rome,
      mon9 + 5 * H,
    );
    expect(consulting.resolution.elapsedMs).toBe(4 * H); // 09:00-14:00 minus lunch
  });

  it("breaches, stays breached after a priority is lowered, and a reopened case starts a new episode", () => {
    const urgent: SlaEvent = { ...created, priority: "urgent" } as SlaEvent;
    const late = computeSlaClock([urgent], DEFAULT_TARGETS, rome, mon9 + 2 * H);
    expect(late.firstResponse.state).toBe("breached");
    expect(late.firstResponse.breachedAt?.toISOString()).toBe("2026-06-01T08:00:00.000Z");
    expect(late.firstResponse.remainingMs).toBe(-H);
    const lowered = computeSlaClock(
      [urgent, { at: mon9 + 2 * H, kind: "priority", priority: "low" }],
      DEFAULT_TARGETS,
      rome,
      mon9 + 3 * H,
    );
    expect(lowered.firstResponse.state).toBe("breached");
    const raised = computeSlaClock(
      [created, { at: mon9 + 2 * H, kind: "priority", priority: "urgent" }],
      DEFAULT_TARGETS,
      rome,
      mon9 + 2 * H + M,
    );
    expect(raised.firstResponse.breachedAt?.getTime()).toBe(mon9 + 2 * H);
    // Raised while resolved, then reopened: breached at the reopening (found by the pause property).
    const raisedWhileResolved = computeSlaClock(
      [
        created,
        { at: mon9 + 2 * H, kind: "state", state: "resolved" },
        { at: mon9 + 3 * H, kind: "priority", priority: "urgent" },
        { at: mon9 + 4 * H, kind: "state", state: "open" },
      ],
      DEFAULT_TARGETS,
      rome,
      mon9 + 5 * H,
    );
    expect(raisedWhileResolved.firstResponse.breachedAt?.getTime()).toBe(mon9 + 4 * H);
    expect(raisedWhileResolved.firstResponse.dueAt?.getTime()).toBe(mon9 + 4 * H);
    const reopened = computeSlaClock(
      [
        created,
        { at: mon9 + H, kind: "response" },
        { at: mon9 + 2 * H, kind: "state", state: "resolved" },
        { at: mon9 + 26 * H, kind: "state", state: "open" },
      ],
      DEFAULT_TARGETS,
      rome,
      mon9 + 27 * H,
    );
    expect(reopened.resolution.episode).toBe(2);
    expect(reopened.resolution.state).toBe("running");
    expect(reopened.resolution.elapsedMs).toBe(2 * H + H);
  });

  it("is at risk with min(20 %, 1 h) left", () => {
    const urgent: SlaEvent = { ...created, priority: "urgent" } as SlaEvent;
    expect(
      computeSlaClock([urgent], DEFAULT_TARGETS, rome, mon9 + 47 * M).firstResponse.state,
    ).toBe("running");
    expect(
      computeSlaClock([urgent], DEFAULT_TARGETS, rome, mon9 + 48 * M).firstResponse.state,
    ).toBe("at_risk");
  });

  const arbLog = fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 200 * H }),
      fc.oneof(
        fc
          .constantFrom(
            "new",
            "open",
            "waiting_on_customer",
            "waiting_on_consultation",
            "resolved",
            "closed",
          )
          .map((state) => ({ kind: "state" as const, state })),
        fc
          .constantFrom("low", "normal", "high", "urgent")
          .map((priority) => ({ kind: "priority" as const, priority })),
        fc.constant({ kind: "response" as const }),
      ),
    ),
    { maxLength: 12 },
  );

  it("pausing never makes time left shrink", () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbLog,
        fc.integer({ min: 0, max: 200 * H }),
        fc.integer({ min: 0, max: 100 * H }),
        fc.integer({ min: 0, max: 300 * H }),
        (cal, log, p, len, nowOffset) => {
          const base: SlaEvent[] = [
            created,
            ...log.map(([dt, e]) => ({ ...e, at: mon9 + dt }) as SlaEvent),
          ];
          // Insert a wait on the customer [p, p + len) and then return to the state the case was in.
          const stateAt = (t: number) => {
            let s: string = "new";
            for (const e of [...base].sort((a, b) => +a.at - +b.at))
              if (+e.at <= t && e.kind === "state") s = e.state;
            return s as CaseState;
          };
          const withPause: SlaEvent[] = [
            ...base.filter(
              (e) => +e.at < mon9 + p || +e.at >= mon9 + p + len || e.kind !== "state",
            ),
            { at: mon9 + p, kind: "state", state: "waiting_on_customer" },
            { at: mon9 + p + len, kind: "state", state: stateAt(mon9 + p + len) },
          ];
          const now = mon9 + nowOffset;
          const a = computeSlaClock(base, DEFAULT_TARGETS, cal, now);
          const b = computeSlaClock(withPause, DEFAULT_TARGETS, cal, now);
          for (const t of ["firstResponse", "resolution"] as const) {
            if (
              a[t].remainingMs != null &&
              b[t].remainingMs != null &&
              a[t].targetMs === b[t].targetMs
            ) {
              // Only compare when the pause did not resolve or reopen anything on its own.
              if (a[t].episode === b[t].episode)
                expect(b[t].remainingMs!).toBeGreaterThanOrEqual(a[t].remainingMs!);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("orders a queue: breached first, then the earliest due, paused cases after running ones", () => {
    const urgent: SlaEvent = { ...created, priority: "urgent" } as SlaEvent;
    const now = mon9 + 2 * H;
    const keyBreached = queueKeyOf(computeSlaClock([urgent], DEFAULT_TARGETS, rome, now));
    const keyRunning = queueKeyOf(computeSlaClock([created], DEFAULT_TARGETS, rome, now));
    const keyPaused = queueKeyOf(
      computeSlaClock(
        [created, { at: mon9 + H, kind: "state", state: "waiting_on_customer" }],
        DEFAULT_TARGETS,
        rome,
        now,
      ),
    );
    expect(keyBreached.tier).toBe(0);
    expect(keyBreached.dueAt!.getTime()).toBeLessThan(keyRunning.dueAt!.getTime());
    expect(keyBreached.state).toBe("breached");
    expect(keyPaused.tier).toBe(1);
  });
});

describe("the timeline as SLA events", () => {
  it("counts an agent's reply and a call as responses, not an automatic acknowledgement, a note or mail inside a consultation", () => {
    const at = new Date("2026-06-01T07:00:00Z");
    const entry = (
      kind: string,
      data: Record<string, unknown> = {},
      consultation_id: string | null = null,
    ) =>
      ({ id: "x", case_id: "c", kind, data, created_at: at, consultation_id }) as Parameters<
        typeof slaEventsOf
      >[0][number];
    const events = slaEventsOf([
      entry("event", { type: "created", state: "new", priority: "high" }),
      entry("email_out", { automatic: true }),
      entry("note"),
      entry("email_out", {}, "consultation-1"),
      entry("consultation", { type: "answer" }),
      entry("email_in"),
      entry("event", { type: "owner_changed", to: "u" }),
    ]);
    expect(events.map((e) => e.kind)).toEqual(["created"]);
    expect(
      slaEventsOf([
        entry("email_out"),
        entry("phone"),
        entry("event", { type: "priority_changed", to: "urgent" }),
      ]).map((e) => e.kind),
    ).toEqual(["response", "response", "priority"]);
  });
});
