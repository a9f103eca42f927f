/**
 * The SIM lifecycle of Control Center (reference/iot-plans.md, Transitions). Pure: no I/O.
 * The rule behind the table: once activated, a SIM never returns to a pre-activation state, and
 * PURGED and REPLACED are final.
 */
export const SIM_STATES = [
  "TEST_READY",
  "INVENTORY",
  "ACTIVATION_READY",
  "ACTIVATED",
  "DEACTIVATED",
  "RETIRED",
  "PURGED",
  "REPLACED",
] as const;
export type SimState = (typeof SIM_STATES)[number];

export const PRE_ACTIVATION: ReadonlySet<SimState> = new Set([
  "TEST_READY",
  "INVENTORY",
  "ACTIVATION_READY",
]);
export const FINAL: ReadonlySet<SimState> = new Set(["PURGED", "REPLACED"]);
/** States in which the network lets the SIM attach and open data sessions. */
export const CONNECTING: ReadonlySet<SimState> = new Set([
  "TEST_READY",
  "ACTIVATION_READY",
  "ACTIVATED",
]);

/** Transitions a user may request. `operatorOnly` ones are refused to customer principals. */
const USER_TRANSITIONS: Record<SimState, { to: SimState; operatorOnly?: boolean }[]> = {
  TEST_READY: [
    { to: "INVENTORY" },
    { to: "ACTIVATION_READY" },
    { to: "ACTIVATED" },
    { to: "DEACTIVATED" },
    { to: "RETIRED" },
  ],
  INVENTORY: [
    { to: "TEST_READY" },
    { to: "ACTIVATION_READY" },
    { to: "ACTIVATED" },
    { to: "DEACTIVATED" },
    { to: "RETIRED" },
  ],
  ACTIVATION_READY: [
    { to: "INVENTORY" },
    { to: "ACTIVATED" },
    { to: "DEACTIVATED" },
    { to: "RETIRED" },
  ],
  ACTIVATED: [{ to: "DEACTIVATED" }, { to: "RETIRED" }, { to: "REPLACED", operatorOnly: true }],
  DEACTIVATED: [{ to: "ACTIVATED" }, { to: "RETIRED" }],
  RETIRED: [
    { to: "ACTIVATED", operatorOnly: true },
    { to: "PURGED", operatorOnly: true },
  ],
  PURGED: [],
  REPLACED: [],
};

/** Transitions Otter makes by itself, with their trigger. */
export const AUTOMATIC_TRANSITIONS = [
  { from: "ACTIVATION_READY", to: "ACTIVATED", trigger: "first data session" },
  {
    from: "TEST_READY",
    to: "ACTIVATION_READY",
    trigger: "test allowance used up or test period over (account setting)",
  },
  {
    from: "TEST_READY",
    to: "ACTIVATED",
    trigger: "test allowance used up or test period over (account setting)",
  },
] as const satisfies readonly { from: SimState; to: SimState; trigger: string }[];

export type TransitionCheck =
  | { ok: true }
  | {
      ok: false;
      code: "SIM_STATE_FINAL" | "SIM_TRANSITION_NOT_ALLOWED" | "SIM_TRANSITION_OPERATOR_ONLY";
      reason: string;
    };

export function isSimState(value: string): value is SimState {
  return (SIM_STATES as readonly string[]).includes(value);
}

export function checkTransition(
  from: SimState,
  to: SimState,
  opts: { byOperator: boolean },
): TransitionCheck {
  if (from === to) return { ok: true };
  if (FINAL.has(from)) {
    return {
      ok: false,
      code: "SIM_STATE_FINAL",
      reason: `A ${from} SIM is final and cannot change state.`,
    };
  }
  const rule = USER_TRANSITIONS[from].find((t) => t.to === to);
  if (!rule) {
    const allowed = USER_TRANSITIONS[from].map((t) => t.to).join(", ");
    const why =
      PRE_ACTIVATION.has(to) && !PRE_ACTIVATION.has(from)
        ? `a SIM that has left the pre-activation states never returns to ${to}`
        : `${from} may only move to ${allowed}`;
    return {
      ok: false,
      code: "SIM_TRANSITION_NOT_ALLOWED",
      reason: `Cannot move a SIM from ${from} to ${to}: ${why}.`,
    };
  }
  if (rule.operatorOnly && !opts.byOperator) {
    return {
      ok: false,
      code: "SIM_TRANSITION_OPERATOR_ONLY",
      reason: `Only the operator can move a SIM from ${from} to ${to}.`,
    };
  }
  return { ok: true };
}

export function allowedTargets(from: SimState, opts: { byOperator: boolean }): SimState[] {
  return USER_TRANSITIONS[from].filter((t) => opts.byOperator || !t.operatorOnly).map((t) => t.to);
}
