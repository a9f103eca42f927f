import type { diagnosisText } from "./diagnostics.messages.js";

type CauseCode = Extract<keyof typeof diagnosisText.templates.en, `cause.${string}`>;

/**
 * Registration reject causes (reference/network-signals.md §4): their names, the code of their plain
 * words in every language (diagnostics.messages.ts), and the rung of the diagnosis ladder where the
 * cause lies.
 */
export interface CauseMeaning {
  name: string;
  /** Its code in diagnostics.messages.ts, for the words in other languages. */
  code: CauseCode;
  /** The rung that holds the cause, when it is not the registration itself. */
  pointsTo?: "sim_state" | "roaming" | "device";
  transient?: boolean;
}

const S6A: Record<number, CauseMeaning> = {
  5001: {
    code: "cause.s6a_5001",
    name: "DIAMETER_ERROR_USER_UNKNOWN",
    pointsTo: "sim_state",
  },
  5004: {
    code: "cause.roaming_not_allowed",
    name: "DIAMETER_ERROR_ROAMING_NOT_ALLOWED",
    pointsTo: "roaming",
  },
  5420: {
    code: "cause.s6a_5420",
    name: "DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION",
  },
  5421: {
    code: "cause.s6a_5421",
    name: "DIAMETER_ERROR_RAT_NOT_ALLOWED",
    pointsTo: "roaming",
  },
  5422: {
    code: "cause.s6a_5422",
    name: "DIAMETER_ERROR_EQUIPMENT_UNKNOWN",
    pointsTo: "device",
  },
  5423: {
    code: "cause.s6a_5423",
    name: "DIAMETER_ERROR_UNKNOWN_SERVING_NODE",
  },
  4181: {
    code: "cause.s6a_4181",
    name: "DIAMETER_AUTHENTICATION_DATA_UNAVAILABLE",
    transient: true,
  },
};

const MAP: Record<number, CauseMeaning> = {
  1: {
    code: "cause.map_1",
    name: "unknownSubscriber",
    pointsTo: "sim_state",
  },
  5: {
    code: "cause.map_5",
    name: "unidentifiedSubscriber",
    pointsTo: "sim_state",
  },
  7: {
    code: "cause.map_7",
    name: "unknownEquipment",
    pointsTo: "device",
  },
  8: {
    code: "cause.roaming_not_allowed",
    name: "roamingNotAllowed",
    pointsTo: "roaming",
  },
  9: {
    code: "cause.map_9",
    name: "illegalSubscriber",
  },
  11: {
    code: "cause.map_11",
    name: "teleserviceNotProvisioned",
  },
  12: {
    code: "cause.map_12",
    name: "illegalEquipment",
    pointsTo: "device",
  },
  13: {
    code: "cause.map_13",
    name: "callBarred",
    pointsTo: "sim_state",
  },
  27: { code: "cause.map_27", name: "absentSubscriber" },
  34: {
    code: "cause.map_34",
    name: "systemFailure",
    transient: true,
  },
  35: {
    code: "cause.map_35",
    name: "dataMissing",
    pointsTo: "sim_state",
  },
  36: {
    code: "cause.map_36",
    name: "unexpectedDataValue",
  },
};

export function causeMeaning(cause: number | null, causeType: string | null): CauseMeaning {
  const table =
    causeType === "map"
      ? MAP
      : causeType === "s6a"
        ? S6A
        : cause !== null && cause >= 1000
          ? S6A
          : MAP;
  return (
    (cause !== null ? table[cause] : undefined) ?? {
      name: `cause ${cause ?? "unknown"}`,
      code: "cause.unknown",
    }
  );
}
