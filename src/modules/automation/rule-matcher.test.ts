import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SIM_STATES } from "../sims/sim-lifecycle.js";
import { createRuleInput, type TriggerInput } from "./automation.schemas.js";
import {
  conditionsHold,
  type SimFacts,
  TRIGGER_EVENT,
  triggerMatches,
  triggerOfEvent,
} from "./rule-matcher.js";

const state = fc.constantFrom(...SIM_STATES);
const states = fc.option(fc.uniqueArray(state, { minLength: 1, maxLength: 4 }), { nil: undefined });
const ISO2 = ["FR", "KE", "SE", "DE", "US"] as const;

/** Any trigger the schema accepts. */
const trigger: fc.Arbitrary<TriggerInput> = fc.oneof(
  fc.record(
    { type: fc.constant("sim_state_changed" as const), from: states, to: states },
    { requiredKeys: ["type"] },
  ),
  fc.constant({ type: "imei_changed" as const }),
  fc.oneof(
    fc.record({
      type: fc.constant("no_session" as const),
      hours: fc.double({ min: 0.25, max: 2000, noNaN: true }),
    }),
    fc.record({
      type: fc.constant("no_session" as const),
      rhythmMultiple: fc.double({ min: 1, max: 100, noNaN: true }),
    }),
  ),
  fc.record(
    {
      type: fc.constant("registration_rejected" as const),
      causes: fc.option(
        fc.uniqueArray(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 5 }),
        { nil: undefined },
      ),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record(
    {
      type: fc.constant("zone_entered" as const),
      notInPlan: fc.boolean(),
      countries: fc.option(fc.uniqueArray(fc.constantFrom(...ISO2), { minLength: 1 }), {
        nil: undefined,
      }),
    },
    { requiredKeys: ["type", "notInPlan"] },
  ),
  fc.record({
    type: fc.constant("usage_above" as const),
    percent: fc.integer({ min: 1, max: 1000 }),
  }),
  fc.record({
    type: fc.constant("pool_usage_above" as const),
    percent: fc.integer({ min: 1, max: 1000 }),
    projected: fc.boolean(),
  }),
);

/** Any event a trigger could listen to, with plausible data. */
const event = fc.oneof(
  fc.record({
    type: fc.constant("sim.state_changed"),
    data: fc.record(
      { from: state, to: state, byRule: fc.option(fc.uuid(), { nil: undefined }) },
      { requiredKeys: ["from", "to"] },
    ),
  }),
  fc.record({
    type: fc.constant("sim.imei_changed"),
    data: fc.record({ from: fc.string(), to: fc.string() }),
  }),
  fc.record({
    type: fc.constant("sim.registration_rejected"),
    data: fc.record({ cause: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: null }) }),
  }),
  fc.record({
    type: fc.constant("sim.zone_entered"),
    data: fc.record({
      inPlan: fc.boolean(),
      country: fc.option(fc.constantFrom(...ISO2), { nil: null }),
    }),
  }),
  fc.record({
    type: fc.constant("sim.usage_threshold"),
    data: fc.record({ thresholdPercent: fc.integer({ min: 1, max: 1000 }) }),
  }),
  fc.record({
    type: fc.constant("pool.usage_threshold"),
    data: fc.record({
      thresholdPercent: fc.integer({ min: 1, max: 1000 }),
      measure: fc.constantFrom("used", "projected"),
    }),
  }),
  fc.record({
    type: fc.constantFrom("sim.created", "session.started", "automation.rule_fired"),
    data: fc.constant({}),
  }),
);

describe("rule triggers", () => {
  it("every generated trigger is one the API accepts, and each maps to its event type", () => {
    fc.assert(
      fc.property(trigger, (t) => {
        const parsed = createRuleInput.safeParse({
          name: "r",
          trigger: t,
          actions: [{ type: "webhook" }],
        });
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        if (t.type !== "no_session") expect(triggerOfEvent(TRIGGER_EVENT[t.type])).toBe(t.type);
      }),
    );
  });

  it("a trigger fires only on its own event type, never on a change a rule made, and as its filters say", () => {
    fc.assert(
      fc.property(trigger, event, (t, e) => {
        const fired = triggerMatches(t, e);
        if (t.type === "no_session" || TRIGGER_EVENT[t.type] !== e.type) return !fired;
        const d = e.data as Record<string, any>;
        switch (t.type) {
          case "sim_state_changed":
            return (
              fired ===
              (!d.byRule && (!t.from || t.from.includes(d.from)) && (!t.to || t.to.includes(d.to)))
            );
          case "registration_rejected":
            return fired === (!t.causes || t.causes.includes(d.cause));
          case "zone_entered":
            return (
              fired ===
              ((!t.notInPlan || d.inPlan === false) &&
                (!t.countries || t.countries.includes(d.country)))
            );
          case "usage_above":
            return fired === (d.thresholdPercent === t.percent);
          case "pool_usage_above":
            return (
              fired ===
              (d.thresholdPercent === t.percent &&
                d.measure === (t.projected ? "projected" : "used"))
            );
          default:
            return fired;
        }
      }),
    );
  });

  it("no_session needs exactly one of hours and rhythmMultiple", () => {
    for (const bad of [
      { type: "no_session" },
      { type: "no_session", hours: 3, rhythmMultiple: 2 },
    ]) {
      const r = createRuleInput.safeParse({
        name: "r",
        trigger: bad,
        actions: [{ type: "email" }],
      });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["trigger", "hours"]);
    }
  });
});

describe("rule conditions", () => {
  const sim: SimFacts = {
    accountId: "b",
    accountPath: "/root/a/b/",
    state: "ACTIVATED",
    communicationPlanId: "cp1",
    ratePlanId: "rp1",
    customFields: { accountCustom1: "north" },
  };

  it("hold when all hold", () => {
    expect(conditionsHold([], sim)).toBe(true);
    expect(
      conditionsHold(
        [
          { type: "account", accountId: "a" },
          { type: "sim_state", states: ["ACTIVATED"] },
          { type: "rate_plan", plan: "rp1" },
          { type: "custom_field", field: "accountCustom1", value: "north" },
        ],
        sim,
      ),
    ).toBe(true);
    expect(conditionsHold([{ type: "account", accountId: "c" }], sim)).toBe(false);
    expect(conditionsHold([{ type: "communication_plan", plan: "cp2" }], sim)).toBe(false);
    expect(
      conditionsHold([{ type: "custom_field", field: "accountCustom2", value: null }], sim),
    ).toBe(true);
  });

  it("an account condition never matches a SIM outside that account's subtree", () => {
    const seg = fc.stringMatching(/^[a-f0-9]{1,4}$/);
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 5 }), seg, (path, id) => {
        const s = { ...sim, accountPath: `/${path.join("/")}/` };
        return conditionsHold([{ type: "account", accountId: id }], s) === path.includes(id);
      }),
    );
  });
});
