import type { Imsi } from "../../lib/identifiers.js";

/** What Otter takes from one accounting request, independent of the wire format it came in. */
export type AccountingStatus = "start" | "interim" | "stop" | "accounting-on" | "accounting-off";
export const OTTER_RATS = ["2G", "3G", "LTE", "LTE-M", "NB-IoT", "5G"] as const;
export type OtterRat = (typeof OTTER_RATS)[number];

export interface AccountingInput {
  clientId: string;
  status: AccountingStatus;
  /** Identifies the same record when a gateway sends it again (retransmission or duplicate). */
  dedupeKey: string;
  eventAt: Date;
  sessionId?: string;
  imsi?: Imsi;
  msisdn?: string;
  nasIp?: string;
  apn?: string;
  framedIp?: string;
  chargingId?: number;
  /** Octets from the device (RADIUS input), gigawords included. */
  bytesUp?: number;
  /** Octets to the device (RADIUS output), gigawords included. */
  bytesDown?: number;
  sessionTime?: number;
  terminateCause?: string;
  rat?: OtterRat | null;
  ratCode?: number;
  serving?: { mcc: string; mnc: string };
  location?: Record<string, unknown>;
  imeisv?: string;
  imei?: string;
  /** The decoded record, kept as evidence. */
  record: Record<string, unknown>;
}

export const REGISTRATION_TYPES = [
  "location_update",
  "purge",
  "cancel_location",
  "auth_failure",
] as const;
export type RegistrationType = (typeof REGISTRATION_TYPES)[number];

/** A SIM's connectivity now (network-view.service.ts decides it for one SIM, fleet.repo.ts for many). */
export const CONNECTIVITY_STATES = ["BLOCKED", "ONLINE", "ATTACHED", "OFFLINE"] as const;
export type ConnectivityState = (typeof CONNECTIVITY_STATES)[number];

/** What a count of SIMs may be grouped by. */
export const COUNT_KEYS = ["state", "connectivity", "ratePlan", "communicationPlan"] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
