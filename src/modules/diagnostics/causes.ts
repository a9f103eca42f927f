/**
 * Registration reject causes in plain words (reference/network-signals.md §4), with the rung of the
 * diagnosis ladder where the cause lies.
 */
export interface CauseMeaning {
  name: string;
  plain: string;
  /** The rung that holds the cause, when it is not the registration itself. */
  pointsTo?: "sim_state" | "roaming" | "device";
  transient?: boolean;
}

const S6A: Record<number, CauseMeaning> = {
  5001: {
    name: "DIAMETER_ERROR_USER_UNKNOWN",
    plain: "the network does not know this SIM (the IMSI is not provisioned in the HSS)",
    pointsTo: "sim_state",
  },
  5004: {
    name: "DIAMETER_ERROR_ROAMING_NOT_ALLOWED",
    plain: "roaming is not allowed in the visited network",
    pointsTo: "roaming",
  },
  5420: {
    name: "DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION",
    plain: "the SIM has no LTE (EPS) data subscription",
  },
  5421: {
    name: "DIAMETER_ERROR_RAT_NOT_ALLOWED",
    plain: "the radio technology the device used is not allowed for this SIM",
    pointsTo: "roaming",
  },
  5422: {
    name: "DIAMETER_ERROR_EQUIPMENT_UNKNOWN",
    plain: "the network refused the device (IMEI check)",
    pointsTo: "device",
  },
  5423: {
    name: "DIAMETER_ERROR_UNKNOWN_SERVING_NODE",
    plain: "the serving network node is unknown to the home network",
  },
  4181: {
    name: "DIAMETER_AUTHENTICATION_DATA_UNAVAILABLE",
    plain: "authentication data was briefly unavailable (usually transient)",
    transient: true,
  },
};

const MAP: Record<number, CauseMeaning> = {
  1: {
    name: "unknownSubscriber",
    plain: "the network does not know this SIM",
    pointsTo: "sim_state",
  },
  5: {
    name: "unidentifiedSubscriber",
    plain: "the subscriber could not be identified",
    pointsTo: "sim_state",
  },
  7: {
    name: "unknownEquipment",
    plain: "the device (IMEI) is unknown to the network",
    pointsTo: "device",
  },
  8: {
    name: "roamingNotAllowed",
    plain: "roaming is not allowed in the visited network",
    pointsTo: "roaming",
  },
  9: { name: "illegalSubscriber", plain: "the SIM failed authentication (illegal subscriber)" },
  11: {
    name: "teleserviceNotProvisioned",
    plain: "the requested service is not provisioned for this SIM",
  },
  12: {
    name: "illegalEquipment",
    plain: "the device is barred (illegal equipment)",
    pointsTo: "device",
  },
  13: { name: "callBarred", plain: "the SIM is barred", pointsTo: "sim_state" },
  27: { name: "absentSubscriber", plain: "the device is not reachable" },
  34: {
    name: "systemFailure",
    plain: "a network system failure (usually transient)",
    transient: true,
  },
  35: {
    name: "dataMissing",
    plain: "subscription data is missing in the network",
    pointsTo: "sim_state",
  },
  36: { name: "unexpectedDataValue", plain: "the network received unexpected data" },
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
      plain: `the network gave cause ${cause ?? "unknown"}`,
    }
  );
}
