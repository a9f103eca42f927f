import type { paths } from "../../api/schema";

export type VersionBody =
  paths["/api/v1/rate-plans/{ref}/versions"]["post"]["requestBody"]["content"]["application/json"];
type RatePlan =
  paths["/api/v1/rate-plans/{ref}"]["get"]["responses"][200]["content"]["application/json"];
type Version = RatePlan["versions"][number];

/** Sizes as the CLI takes them: 10 MB is 10 × 1024 × 1024 bytes (plans.ts, planBytes). */
export const SIZE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];
const UNIT_BYTES: Record<SizeUnit, number> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};
export interface Size {
  amount: string;
  unit: SizeUnit;
}

export interface ZonePriceDraft {
  key: number;
  zone: string;
  dataPerMB: string;
  smsMO: string;
  smsMT: string;
  voicePerMinute: string;
}

/** The "Add a version" form as typed: numbers as the user wrote them, in their language. */
export interface VersionDraft {
  effectiveFrom: string;
  monthlyFeePerSim: string;
  activationFee: string;
  proration: "daily" | "none";
  includedData: Size;
  includedSms: string;
  includedVoiceSeconds: string;
  poolType: "none" | "flex" | "fixed";
  fixedPool: Size;
  limited: boolean;
  dataLimit: Size;
  testReadyData: Size;
  testReadySms: string;
  testReadyVoiceSeconds: string;
  testReadyMaxDays: string;
  rounding: "perKB" | "perMB";
  planChange: "nextCycle" | "immediate";
  zones: ZonePriceDraft[];
}

let nextKey = 1;
export const emptyZonePrice = (): ZonePriceDraft => ({
  key: nextKey++,
  zone: "",
  dataPerMB: "",
  smsMO: "",
  smsMT: "",
  voicePerMinute: "",
});

/** A byte count in the largest unit that writes it whole (10485760 → 10 MB). */
export function sizeOf(bytes: number | null | undefined, number: (n: number) => string): Size {
  if (bytes == null || bytes === 0) return { amount: bytes == null ? "" : "0", unit: "MB" };
  const unit =
    [...SIZE_UNITS].reverse().find((u) => bytes % UNIT_BYTES[u] === 0 && bytes >= UNIT_BYTES[u]) ??
    "B";
  return { amount: number(bytes / UNIT_BYTES[unit]), unit };
}

/**
 * The form starts from the terms of the newest version (a version is the whole set of terms, and
 * the usual change is one or two of them); without a version, from Otter's defaults.
 */
export function draftFrom(
  latest: Version | undefined,
  number: (n: number) => string,
): VersionDraft {
  if (!latest)
    return {
      effectiveFrom: "",
      monthlyFeePerSim: "",
      activationFee: number(0),
      proration: "daily",
      includedData: { amount: "0", unit: "MB" },
      includedSms: "0",
      includedVoiceSeconds: "0",
      poolType: "none",
      fixedPool: { amount: "", unit: "GB" },
      limited: false,
      dataLimit: { amount: "", unit: "MB" },
      testReadyData: { amount: "30", unit: "KB" },
      testReadySms: "5",
      testReadyVoiceSeconds: "120",
      testReadyMaxDays: "90",
      rounding: "perKB",
      planChange: "nextCycle",
      zones: [emptyZonePrice()],
    };
  return {
    effectiveFrom: "",
    monthlyFeePerSim: number(latest.subscription.monthlyFeePerSim),
    activationFee: number(latest.subscription.activationFee),
    proration: latest.subscription.proration === "none" ? "none" : "daily",
    includedData: sizeOf(latest.included.dataBytes, number),
    includedSms: String(latest.included.sms),
    includedVoiceSeconds: String(latest.included.voiceSeconds),
    poolType: (["none", "flex", "fixed"] as const).find((p) => p === latest.pool.type) ?? "none",
    fixedPool: sizeOf(latest.pool.fixedPoolBytes, number),
    limited: latest.dataLimitBytes !== null,
    dataLimit: sizeOf(latest.dataLimitBytes, number),
    testReadyData: sizeOf(latest.testReady.dataBytes, number),
    testReadySms: String(latest.testReady.sms),
    testReadyVoiceSeconds: String(latest.testReady.voiceSeconds),
    testReadyMaxDays: String(latest.testReady.maxDays),
    rounding: latest.rounding === "perMB" ? "perMB" : "perKB",
    planChange: latest.planChange === "immediate" ? "immediate" : "nextCycle",
    zones: latest.zones.map((z) => ({
      key: nextKey++,
      zone: z.zone.id,
      dataPerMB: number(z.dataPerMB),
      smsMO: number(z.smsMO),
      smsMT: number(z.smsMT),
      voicePerMinute: number(z.voicePerMinute),
    })),
  };
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A decimal as people write it in the user's language ("1,50" and "1.500,25" in Italian, "1 500,25"
 * in Swedish, "1,500.25" in English). Grouping counts only where it groups by three, so "0.0025" is
 * a price in every language. What is not a decimal is sent as typed, so Otter names the field.
 */
export function decimalOf(text: string, locale: string): number {
  const sep = (type: "decimal" | "group") =>
    new Intl.NumberFormat(locale).formatToParts(12345.6).find((p) => p.type === type)?.value ?? "";
  const dec = sep("decimal");
  const group = sep("group").replace(/[\s\u00a0\u202f]/g, "");
  let s = text.replace(/[\s\u00a0\u202f]/g, "");
  if (group && new RegExp(`^\\d{1,3}(${escape(group)}\\d{3})+(${escape(dec)}\\d+)?$`).test(s))
    s = s.split(group).join("");
  if (dec !== ".") s = s.replace(dec, ".");
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : (text as unknown as number);
}

const wholeOf = (text: string): number => {
  const s = text.replace(/[\s\u00a0\u202f]/g, "");
  return /^\d+$/.test(s) ? Number(s) : (text as unknown as number);
};

const bytesOf = (size: Size, locale: string): number => {
  const n = decimalOf(size.amount, locale);
  return typeof n === "number" ? Math.round(n * UNIT_BYTES[size.unit]) : n;
};

/** The body of POST /api/v1/rate-plans/{ref}/versions; `effectiveFrom` already as an instant. */
export function versionBody(
  d: VersionDraft,
  effectiveFrom: string | null,
  locale: string,
): VersionBody {
  const decimal = (s: string) => decimalOf(s, locale);
  const optionalDecimal = (s: string) => (s.trim() === "" ? 0 : decimal(s));
  const bytes = (size: Size) => bytesOf(size, locale);
  return {
    ...(effectiveFrom && { effectiveFrom }),
    subscription: {
      monthlyFeePerSim: decimal(d.monthlyFeePerSim),
      activationFee: optionalDecimal(d.activationFee),
      proration: d.proration,
    },
    included: {
      dataBytes: bytes(d.includedData),
      sms: wholeOf(d.includedSms),
      voiceSeconds: wholeOf(d.includedVoiceSeconds),
    },
    pool:
      d.poolType === "fixed"
        ? { type: "fixed", fixedPoolBytes: bytes(d.fixedPool) }
        : { type: d.poolType },
    zones: d.zones.map((z) => ({
      zone: z.zone,
      dataPerMB: decimal(z.dataPerMB),
      smsMO: optionalDecimal(z.smsMO),
      smsMT: optionalDecimal(z.smsMT),
      voicePerMinute: optionalDecimal(z.voicePerMinute),
    })),
    testReady: {
      dataBytes: bytes(d.testReadyData),
      sms: wholeOf(d.testReadySms),
      voiceSeconds: wholeOf(d.testReadyVoiceSeconds),
      maxDays: wholeOf(d.testReadyMaxDays),
    },
    dataLimitBytes: d.limited ? bytes(d.dataLimit) : null,
    rounding: d.rounding,
    planChange: d.planChange,
  };
}
