import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedTargets,
  checkTransition,
  FINAL,
  PRE_ACTIVATION,
  SIM_STATES,
  type SimState,
} from "./sim-lifecycle.js";

const state = fc.constantFrom(...SIM_STATES);

describe("SIM lifecycle", () => {
  it("follows the Control Center table for representative moves", () => {
    expect(checkTransition("INVENTORY", "ACTIVATED", { byOperator: false }).ok).toBe(true);
    expect(checkTransition("ACTIVATION_READY", "TEST_READY", { byOperator: true })).toMatchObject({
      ok: false,
      code: "SIM_TRANSITION_NOT_ALLOWED",
    });
    expect(checkTransition("ACTIVATED", "INVENTORY", { byOperator: true })).toMatchObject({
      ok: false,
      code: "SIM_TRANSITION_NOT_ALLOWED",
    });
    expect(checkTransition("RETIRED", "PURGED", { byOperator: false })).toMatchObject({
      ok: false,
      code: "SIM_TRANSITION_OPERATOR_ONLY",
    });
    expect(checkTransition("RETIRED", "PURGED", { byOperator: true }).ok).toBe(true);
    expect(checkTransition("PURGED", "ACTIVATED", { byOperator: true })).toMatchObject({
      ok: false,
      code: "SIM_STATE_FINAL",
    });
  });

  it("never lets a SIM return to a pre-activation state once activated, whatever the sequence", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(state, fc.boolean()), { maxLength: 60 }), (steps) => {
        let current: SimState = "INVENTORY";
        let activated = false;
        for (const [to, byOperator] of steps) {
          const r = checkTransition(current, to, { byOperator });
          if (!r.ok) continue;
          current = to;
          if (current === "ACTIVATED") activated = true;
          if (activated && PRE_ACTIVATION.has(current)) return false;
        }
        return true;
      }),
    );
  });

  it("treats PURGED and REPLACED as final and explains every refusal", () => {
    fc.assert(
      fc.property(state, state, fc.boolean(), (from, to, byOperator) => {
        const r = checkTransition(from, to, { byOperator });
        if (from === to) return r.ok;
        if (FINAL.has(from)) return !r.ok && r.code === "SIM_STATE_FINAL";
        if (!r.ok) return r.reason.includes(from) && r.reason.includes(to);
        return allowedTargets(from, { byOperator }).includes(to);
      }),
    );
  });

  it("never lets customers do more than operators", () => {
    fc.assert(
      fc.property(state, (from) =>
        allowedTargets(from, { byOperator: false }).every((t) =>
          allowedTargets(from, { byOperator: true }).includes(t),
        ),
      ),
    );
  });
});
