import { Duration } from "luxon";
import { validationError } from "../../../lib/errors.js";

/** SLA targets per case priority, in business milliseconds (support hours only). Pure. */

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SLA_TARGETS = ["firstResponse", "resolution"] as const;
export type SlaTargetName = (typeof SLA_TARGETS)[number];

/** As written in an agreement: ISO 8601 durations of support time, e.g. "PT4H". null = no target. */
export type SlaTargetsInput = Record<SlaTargetName, Partial<Record<Priority, string | null>>>;
export type SlaTargets = Record<SlaTargetName, Record<Priority, number | null>>;

/** The operator default until one is set (docs/desk-sla.md). */
export const DEFAULT_TARGETS_INPUT: SlaTargetsInput = {
  firstResponse: { urgent: "PT1H", high: "PT4H", normal: "PT8H", low: "PT24H" },
  resolution: { urgent: "PT8H", high: "PT24H", normal: "PT40H", low: "PT80H" },
};

/**
 * A target is support time, so only hours, minutes and seconds are accepted: "P1D" would read as
 * a calendar day while the clock counts support hours, and that misunderstanding is the costly one.
 */
export function parseTargetDuration(field: string, value: string): number {
  const d = Duration.fromISO(value);
  const o = d.isValid ? d.toObject() : null;
  if (!o || o.years || o.quarters || o.months || o.weeks || o.days) {
    throw validationError(
      field,
      "SLA_INVALID_TARGET",
      `${field}: "${value}" must be an ISO 8601 duration of support time in hours and minutes, such as PT4H or PT30M.`,
    );
  }
  const ms = d.toMillis();
  if (!(ms > 0) || ms > 10_000 * 3_600_000) {
    throw validationError(
      field,
      "SLA_INVALID_TARGET",
      `${field}: "${value}" must be more than zero and at most 10,000 hours.`,
    );
  }
  return ms;
}

/** Parses an agreement's targets; a priority left out has no target of that kind. */
export function parseTargets(input: SlaTargetsInput, fieldPrefix = ""): SlaTargets {
  const out = {} as SlaTargets;
  for (const kind of SLA_TARGETS) {
    out[kind] = { low: null, normal: null, high: null, urgent: null };
    const given = input[kind] ?? {};
    for (const key of Object.keys(given)) {
      if (!(PRIORITIES as readonly string[]).includes(key)) {
        throw validationError(
          `${fieldPrefix}${kind}.${key}`,
          "SLA_INVALID_TARGET",
          `${fieldPrefix}${kind}.${key}: not a priority; use ${PRIORITIES.join(", ")}.`,
        );
      }
    }
    for (const p of PRIORITIES) {
      const v = given[p];
      out[kind][p] = v == null ? null : parseTargetDuration(`${fieldPrefix}${kind}.${p}`, v);
    }
  }
  return out;
}

/** Business milliseconds as an ISO 8601 duration of hours, minutes and seconds ("PT1H30M"). */
export function isoHours(ms: number): string {
  const h = Math.floor(ms / 3_600_000),
    m = Math.floor((ms % 3_600_000) / 60_000),
    sec = (ms % 60_000) / 1000;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${sec ? `${sec}S` : ""}`.replace(/^PT$/, "PT0S");
}

/** Targets back in written form. */
export function formatTargets(t: SlaTargets): SlaTargetsInput {
  const out = { firstResponse: {}, resolution: {} } as SlaTargetsInput;
  for (const kind of SLA_TARGETS)
    for (const p of PRIORITIES) out[kind][p] = t[kind][p] == null ? null : isoHours(t[kind][p]!);
  return out;
}

export const DEFAULT_TARGETS: SlaTargets = parseTargets(DEFAULT_TARGETS_INPUT);
