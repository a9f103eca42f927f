/**
 * The scenario file: what the simulated network looks like and what happens in it. Validated once,
 * here, with a zod schema; every problem is reported with the path of the field that causes it
 * (`devices[2].imsi: must be 15 digits`), and the engine only ever sees a resolved, trusted plan.
 * The format is documented in docs/simulator.md.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isIP } from "node:net";
import { parseDocument } from "yaml";
import { z } from "zod";
import { luhnCheckDigit, luhnValid, isValidApn, PLMN_RE } from "../lib/identifiers.js";
import { isCountryCode } from "../lib/locale.js";
import {
  communicationPlanInput,
  RATS,
  ratePlanInput,
  zoneInput,
} from "../modules/catalog/catalog.schemas.js";
import { plmnOfCountry } from "./plmn.js";
import { parseBytes, parseDuration } from "./units.js";

export type SimRat = (typeof RATS)[number];

// ── Field schemas ────────────────────────────────────────────────────────────────────────────────

/**
 * Identifiers are digit strings. YAML reads an unquoted `240070000000001` as a number, which is fine
 * as long as no digit is lost; a leading zero is lost, so the message then says to quote it.
 */
function digits(what: string, check: (s: string) => string | null) {
  return z.unknown().transform((v, ctx) => {
    const fromNumber = typeof v === "number" || typeof v === "bigint";
    if (v === undefined || v === null) {
      ctx.addIssue({ code: "custom", message: "is required" });
      return z.NEVER;
    }
    if (!fromNumber && typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: `must be ${what}` });
      return z.NEVER;
    }
    const s = String(v).trim();
    const problem = check(s);
    if (problem) {
      ctx.addIssue({
        code: "custom",
        message:
          problem +
          (fromNumber && problem.includes("digits")
            ? ` (write it in quotes so YAML keeps leading zeros)`
            : ""),
      });
      return z.NEVER;
    }
    return s;
  });
}

const onlyDigits = (s: string) => /^[0-9]+$/.test(s);
export const iccidField = digits("an ICCID", (s) =>
  !onlyDigits(s) || s.length < 19 || s.length > 20
    ? "must be 19 or 20 digits"
    : !luhnValid(s)
      ? "fails the Luhn check digit"
      : null,
);
export const imsiField = digits("an IMSI", (s) =>
  onlyDigits(s) && s.length === 15 ? null : "must be 15 digits",
);
export const imeiField = digits("an IMEI", (s) =>
  !onlyDigits(s) || s.length !== 15
    ? "must be 15 digits"
    : !luhnValid(s)
      ? "fails the Luhn check digit"
      : null,
);
export const msisdnField = digits("an MSISDN", (s) => {
  const d = s.replace(/^\+/, "");
  return !onlyDigits(d) || d.length < 8 || d.length > 15 || d.startsWith("0")
    ? "must be an E.164 number: 8 to 15 digits, country code first"
    : null;
});

const duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === null) {
    ctx.addIssue({
      code: "custom",
      message: 'must be a duration such as "30m", "1h", "1h30m" or "2d"',
    });
    return z.NEVER;
  }
  return ms;
});
const positiveDuration = duration.refine((ms) => ms > 0, "must be longer than zero");

const bytes = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = parseBytes(v);
  if (n === null) {
    ctx.addIssue({
      code: "custom",
      message: 'must be a number of bytes such as 1500, "1.5KB" or "2MB"',
    });
    return z.NEVER;
  }
  return n;
});

const port = z
  .number()
  .int()
  .min(0, "must be a port number (0–65535)")
  .max(65535, "must be a port number (0–65535)");
const ipv4 = z.string().refine((s) => isIP(s) === 4, "must be an IPv4 address such as 127.0.0.1");
const plmn = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(PLMN_RE, 'must be MCC+MNC digits such as "63902"'));
const country = z
  .string()
  .refine(isCountryCode, "must be an ISO 3166 alpha-2 country code such as KE");
const hostPort = z.string().transform((s, ctx) => {
  const m = /^(.+):([0-9]{1,5})$/.exec(s.trim());
  const p = m ? Number(m[2]) : NaN;
  if (!m || p < 1 || p > 65535) {
    ctx.addIssue({ code: "custom", message: 'must be HOST:PORT such as "127.0.0.1:1813"' });
    return z.NEVER;
  }
  return { host: m[1]!.replace(/^\[(.*)\]$/, "$1"), port: p };
});
const u16 = (name: string) =>
  z.number().int().min(0, `${name} must be 0–65535`).max(0xffff, `${name} must be 0–65535`);

/**
 * When the story starts in simulated time. Absent: so that it ends when it finishes playing ("ends
 * now"), never ahead of the real clock — Otter takes no event from the future.
 */
export type StartSpec = { at: Date } | { fromNowMs: number } | { endsNow: true };

/** `start`: an ISO date, "now", an offset from now ("-48h"), or "ends-now" (the default). */
const start = z.string().transform((s, ctx): StartSpec => {
  const v = s.trim();
  if (v === "now") return { fromNowMs: 0 };
  if (v === "ends-now") return { endsNow: true };
  const rel = /^(?:now)?\s*([+-])\s*(.+)$/.exec(v);
  if (rel) {
    const ms = parseDuration(rel[2]!);
    if (ms !== null) return { fromNowMs: rel[1] === "-" ? -ms : ms };
  }
  if (/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v) && !Number.isNaN(Date.parse(v)))
    return { at: new Date(v) };
  ctx.addIssue({
    code: "custom",
    message:
      'must be an ISO 8601 date such as "2026-03-01T06:00:00Z", "now", "ends-now", or an offset such as "-48h"',
  });
  return z.NEVER;
});

const SPEED_MESSAGE = 'must be a positive number (simulated seconds per real second) or "max"';
const speed = z.union([z.number(), z.string()]).transform((v, ctx): number | "max" => {
  if (v === "max") return "max";
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    ctx.addIssue({ code: "custom", message: SPEED_MESSAGE });
    return z.NEVER;
  }
  return n;
});

// ── Sections ─────────────────────────────────────────────────────────────────────────────────────

const networkSchema = z
  .object({
    name: z.string().min(1).max(100).default("otter-sim-pgw"),
    secret: z.string().min(8, "must be at least 8 characters").max(128).default("otter-sim-secret"),
    nasIp: ipv4.default("127.0.0.1"),
    coaPort: port.default(0),
    accountingServer: hostPort.optional(),
    timeout: positiveDuration.default(3000),
    retries: z.number().int().min(0).max(10).default(3),
    sockets: z.number().int().min(1).max(64).default(4),
    window: z.number().int().min(1).max(255).default(16),
    ipPool: z
      .string()
      .regex(
        /^(\d{1,3}\.){3}\d{1,3}\/([0-9]|[12][0-9]|3[0-2])$/,
        'must be an IPv4 CIDR such as "100.64.0.0/10"',
      )
      .default("100.64.0.0/10"),
    apn: z
      .string()
      .refine(isValidApn, "must be an APN such as iot.example")
      .default("iot.otter.example"),
    accountingOn: z.boolean().default(true),
    atEnd: z.enum(["leave", "stop"]).default("leave"),
    reattachAfter: duration.default(60_000),
  })
  .strict();

const hssSchema = z
  .object({
    mode: z.enum(["api", "accept_all"]).default("api"),
    events: z.boolean().default(true),
    retryEvery: positiveDuration.default(3_600_000),
    /** Registers an HSS endpoint in Otter and takes its cancel-location requests (Otter's reset). */
    endpoint: z.boolean().default(true),
    name: z.string().min(1).max(100).default("otter-sim-hss"),
    secret: z
      .string()
      .min(16, "must be at least 16 characters")
      .max(256)
      .default("otter-sim-hss-secret"),
    port: port.default(0),
  })
  .strict();

/** The simulated SMS centre: an SMPP 3.4 server Otter binds to, delivering SMS to the devices. */
const smscSchema = z
  .object({
    /** Registers the SMS centre in Otter (POST /api/v1/network/sms-centres) and serves SMPP. */
    register: z.boolean().default(true),
    name: z.string().min(1).max(100).default("otter-sim-smsc"),
    systemId: z.string().min(1).max(15).default("otter"),
    password: z.string().min(1).max(8).default("simsmsc1"),
    sourceAddress: z
      .string()
      .regex(/^[0-9]{1,20}$/)
      .default("447700900000"),
    port: port.default(0),
  })
  .strict();

const catalogSchema = z
  .object({
    zones: z.array(zoneInput).default([]),
    communicationPlans: z.array(communicationPlanInput).default([]),
    ratePlans: z.array(ratePlanInput).default([]),
  })
  .strict();

const PROVISION_STATES = [
  "TEST_READY",
  "INVENTORY",
  "ACTIVATION_READY",
  "ACTIVATED",
  "DEACTIVATED",
  "RETIRED",
] as const;
const provisionSchema = z
  .object({
    account: z.string().min(1).max(200).optional(),
    communicationPlan: z.string().min(1).max(200).optional(),
    ratePlan: z.string().min(1).max(200).optional(),
    state: z.enum(PROVISION_STATES).default("ACTIVATED"),
  })
  .strict();

const stopSchema = z
  .object({
    at: duration.default(0),
    plmn: plmn.optional(),
    country: country.optional(),
    rat: z.enum(RATS),
    tac: u16("tac").optional(),
    eci: z.number().int().min(0).max(0x0fffffff, "eci must fit 28 bits").optional(),
    lac: u16("lac").optional(),
    ci: u16("ci").optional(),
    sac: u16("sac").optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.plmn === undefined && s.country === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["plmn"],
        message: 'give the visited network (plmn: "63902") or a country (country: KE)',
      });
    if (s.plmn !== undefined && s.country !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: "give plmn or country, not both",
      });
    if (s.country !== undefined && plmnOfCountry(s.country) === null)
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: `no network of ${s.country} is known; give its plmn`,
      });
    if ((s.ci !== undefined || s.sac !== undefined) && s.lac === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["lac"],
        message: "a cell (ci) or service area (sac) needs its lac",
      });
  });

const trafficSchema = z
  .object({
    every: positiveDuration,
    up: bytes,
    down: bytes,
    session: z.enum(["per_report", "long"]).default("per_report"),
    sessionLength: positiveDuration.default(60_000),
    interim: positiveDuration.optional(),
    jitter: z.number().min(0).max(1).default(0),
    offset: z.union([z.literal("random"), duration]).default(0),
  })
  .strict();

const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hung_session"), at: duration }).strict(),
  z.object({ kind: z.literal("imei_change"), at: duration, imei: imeiField }).strict(),
  z
    .object({ kind: z.literal("power_off"), at: duration, for: positiveDuration.optional() })
    .strict(),
]);
export const FAULT_KINDS = ["hung_session", "imei_change", "power_off"] as const;

const deviceBody = {
  softwareVersion: z
    .string()
    .regex(/^[0-9]{2}$/, "must be 2 digits")
    .default("01"),
  provision: provisionSchema.optional(),
  itinerary: z.array(stopSchema).min(1, "needs at least one stop"),
  traffic: trafficSchema.optional(),
  faults: z.array(faultSchema).default([]),
};

function itineraryInOrder(d: { itinerary: { at: number }[] }, ctx: z.RefinementCtx) {
  d.itinerary.forEach((s, i) => {
    const prev = d.itinerary[i - 1];
    if (prev && s.at <= prev.at)
      ctx.addIssue({
        code: "custom",
        path: ["itinerary", i, "at"],
        message: "must be later than the stop before it",
      });
  });
}

const deviceSchema = z
  .object({
    name: z.string().min(1).max(100),
    iccid: iccidField,
    imsi: imsiField,
    msisdn: msisdnField,
    imei: imeiField,
    ...deviceBody,
  })
  .strict()
  .superRefine(itineraryInOrder);

const fleetSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .describe(
        'Name template: "{n}" is the device number from 1, "{n:3}" zero-padded to 3 digits.',
      ),
    count: z.number().int().min(1).max(1_000_000),
    from: z
      .object({ iccid: iccidField, imsi: imsiField, msisdn: msisdnField, imei: imeiField })
      .strict(),
    stagger: duration.default(0),
    ...deviceBody,
  })
  .strict()
  .superRefine(itineraryInOrder);

export const scenarioSchema = z
  .object({
    name: z.string().min(1).max(100).optional(),
    description: z.string().max(4000).optional(),
    seed: z.union([z.string(), z.number()]).transform(String).optional(),
    speed: speed.optional(),
    duration: positiveDuration.optional(),
    start: start.optional(),
    network: networkSchema.optional(),
    hss: hssSchema.optional(),
    smsc: smscSchema.optional(),
    catalog: catalogSchema.optional(),
    devices: z.array(deviceSchema).default([]),
    fleets: z.array(fleetSchema).default([]),
    fleet: fleetSchema.optional(),
  })
  .strict();

type ScenarioFile = z.output<typeof scenarioSchema>;
export type NetworkSpec = z.output<typeof networkSchema>;
export type HssSpec = z.output<typeof hssSchema>;
export type SmscSpec = z.output<typeof smscSchema>;
export type CatalogSpec = z.output<typeof catalogSchema>;
export type ProvisionSpec = z.output<typeof provisionSchema>;
export type TrafficSpec = z.output<typeof trafficSchema>;
export type FaultSpec = z.output<typeof faultSchema>;

/** One stop of a device's itinerary, with the visited network resolved. */
export interface StopSpec {
  at: number;
  plmn: string;
  rat: SimRat;
  tac?: number;
  eci?: number;
  lac?: number;
  ci?: number;
  sac?: number;
}

/** A device as the engine runs it: identifiers, where it is when, how it talks, what goes wrong. */
export interface DeviceSpec {
  name: string;
  /** Where it was defined, for messages: `giraffe.yaml: devices[0]`, `meters.yaml: fleets[0] #12`. */
  origin: string;
  iccid: string;
  imsi: string;
  msisdn: string;
  imei: string;
  softwareVersion: string;
  provision?: ProvisionSpec;
  itinerary: StopSpec[];
  traffic?: TrafficSpec;
  faults: FaultSpec[];
  /** Delay of everything this device does, from the story's start (a fleet's stagger). */
  delay: number;
  /** Seed of the device's own randomness: its file's, so a file's devices act alike alone or combined. */
  seed: string;
}

/** Every scenario file of a run, resolved into one plan. */
export interface Scenario {
  name: string;
  files: string[];
  seed: string;
  speed: number | "max";
  durationMs: number;
  start: StartSpec;
  network: NetworkSpec;
  hss: HssSpec;
  smsc: SmscSpec;
  catalog: CatalogSpec;
  devices: DeviceSpec[];
}

// ── Errors ───────────────────────────────────────────────────────────────────────────────────────

export interface ScenarioProblem {
  file: string;
  path: string;
  message: string;
}

/** A scenario that cannot run; every problem found is listed, each naming the file and field. */
export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ScenarioError";
  }
}

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}

/** `devices[2].imsi` from zod's ["devices", 2, "imsi"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function problemsOf(file: string, error: z.ZodError): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys)
          out.push({ file, path: path ? `${path}.${key}` : key, message: "unknown field" });
        break;
      case "invalid_type":
        out.push({
          file,
          path,
          message: issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`,
        });
        break;
      case "invalid_value":
        out.push({ file, path, message: `must be one of ${issue.values.map(String).join(", ")}` });
        break;
      case "invalid_union": {
        const disc = (issue as { discriminator?: string }).discriminator;
        if (disc === "kind")
          out.push({
            file,
            path: /(^|\.)kind$/.test(path) ? path : `${path}.kind`,
            message: `must be one of ${FAULT_KINDS.join(", ")}`,
          });
        else out.push({ file, path, message: issue.message });
        break;
      }
      default:
        out.push({ file, path, message: issue.message });
    }
  }
  return out;
}

const article = (t: string) =>
  t === "object"
    ? "a mapping"
    : t === "array"
      ? "a list"
      : /^[aeiou]/.test(t)
        ? `an ${t}`
        : `a ${t}`;

// ── Parsing ──────────────────────────────────────────────────────────────────────────────────────

/** YAML's integers arrive as BigInt (so a 20-digit ICCID keeps every digit); small ones become numbers. */
function normaliseNumbers(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(normaliseNumbers);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normaliseNumbers(x)]));
  }
  return v;
}

/** Parses and validates one scenario's text. Throws ScenarioError listing every problem. */
export function parseScenarioText(text: string, file: string): ScenarioFile {
  const doc = parseDocument(text, { intAsBigInt: true, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => ({
        file,
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "",
        message: `not valid YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    );
  }
  const raw = normaliseNumbers(doc.toJS());
  if (raw === null || raw === undefined)
    throw new ScenarioError([{ file, path: "", message: "the file is empty" }]);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(problemsOf(file, parsed.error));
  return parsed.data;
}

// ── Fleets ───────────────────────────────────────────────────────────────────────────────────────

/** The `i`-th number after `first` (0 = first), same length; Luhn digit recomputed when `luhn`. */
export function nthIdentifier(first: string, i: number, luhn: boolean): string | null {
  const payload = luhn ? first.slice(0, -1) : first;
  const next = (BigInt(payload) + BigInt(i)).toString().padStart(payload.length, "0");
  if (next.length !== payload.length) return null;
  return luhn ? next + luhnCheckDigit(next) : next;
}

export function deviceName(template: string, n: number): string {
  const withNumber = /\{n(?::\d+)?\}/.test(template) ? template : `${template}-{n}`;
  return withNumber.replace(/\{n(?::(\d+))?\}/g, (_m, width?: string) =>
    String(n).padStart(width ? Number(width) : 0, "0"),
  );
}

type FleetInput = z.output<typeof fleetSchema>;
type DeviceInput = z.output<typeof deviceSchema>;

function resolveStops(stops: DeviceInput["itinerary"]): StopSpec[] {
  return stops.map(({ country: c, plmn: p, ...s }) => ({ ...s, plmn: p ?? plmnOfCountry(c!)! }));
}

function expandFleet(
  fleet: FleetInput,
  path: string,
  file: string,
  seed: string,
): { devices: DeviceSpec[]; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const last = fleet.count - 1;
  const ranges = [
    ["iccid", true],
    ["imsi", false],
    ["msisdn", false],
    ["imei", true],
  ] as const;
  for (const [field, luhn] of ranges) {
    const first = field === "msisdn" ? fleet.from.msisdn.replace(/^\+/, "") : fleet.from[field];
    if (nthIdentifier(first, last, luhn) === null)
      problems.push({
        file,
        path: `${path}.from.${field}`,
        message: `a range of ${fleet.count} starting here runs past ${first.length} digits`,
      });
  }
  if (problems.length > 0) return { devices: [], problems };
  const devices: DeviceSpec[] = [];
  const fraction = seededFractions(`${seed}|${path}`);
  for (let i = 0; i < fleet.count; i++) {
    devices.push({
      name: deviceName(fleet.name, i + 1),
      origin: `${file}: ${path} #${i + 1}`,
      iccid: nthIdentifier(fleet.from.iccid, i, true)!,
      imsi: nthIdentifier(fleet.from.imsi, i, false)!,
      msisdn: nthIdentifier(fleet.from.msisdn.replace(/^\+/, ""), i, false)!,
      imei: nthIdentifier(fleet.from.imei, i, true)!,
      softwareVersion: fleet.softwareVersion,
      provision: fleet.provision,
      itinerary: resolveStops(fleet.itinerary),
      traffic: fleet.traffic,
      faults: fleet.faults,
      delay: fleet.stagger > 0 ? Math.floor((fraction(i) * fleet.stagger) / 1000) * 1000 : 0,
      seed,
    });
  }
  return { devices, problems };
}

// ── Loading and merging ──────────────────────────────────────────────────────────────────────────

export interface ScenarioOverrides {
  speed?: number | "max";
  durationMs?: number;
  seed?: string;
  start?: StartSpec;
}

/**
 * Several files run as one story on one gateway: devices and catalogs add up; `network` and `hss`
 * come from the first file that has them and must be the same in every other file that has them;
 * `speed`, `seed` and `start` come from the first file that sets them; `duration` is the longest.
 */
export function combineScenarios(
  files: { file: string; scenario: ScenarioFile }[],
  overrides: ScenarioOverrides = {},
): Scenario {
  const problems: ScenarioProblem[] = [];
  let network: { file: string; spec: NetworkSpec } | null = null;
  let hss: { file: string; spec: HssSpec } | null = null;
  let smsc: { file: string; spec: SmscSpec } | null = null;
  const catalog: CatalogSpec = { zones: [], communicationPlans: [], ratePlans: [] };
  const devices: DeviceSpec[] = [];
  let speedValue: number | "max" | undefined;
  let seed: string | undefined;
  let startValue: Scenario["start"] | undefined;
  let durationMs = 0;

  for (const { file, scenario: s } of files) {
    if (s.network) {
      if (!network) network = { file, spec: s.network };
      else if (JSON.stringify(s.network) !== JSON.stringify(network.spec)) {
        problems.push({
          file,
          path: "network",
          message: `differs from the network of ${network.file}; scenarios run together share one gateway, so give them the same network (or leave it out)`,
        });
      }
    }
    if (s.hss) {
      if (!hss) hss = { file, spec: s.hss };
      else if (JSON.stringify(s.hss) !== JSON.stringify(hss.spec))
        problems.push({
          file,
          path: "hss",
          message: `differs from the hss of ${hss.file}; scenarios run together share one HSS`,
        });
    }
    if (s.smsc) {
      if (!smsc) smsc = { file, spec: s.smsc };
      else if (JSON.stringify(s.smsc) !== JSON.stringify(smsc.spec))
        problems.push({
          file,
          path: "smsc",
          message: `differs from the smsc of ${smsc.file}; scenarios run together share one SMS centre`,
        });
    }
    const fileSeed = overrides.seed ?? s.seed ?? "otter";
    speedValue ??= s.speed;
    seed ??= s.seed;
    startValue ??= s.start;
    durationMs = Math.max(durationMs, s.duration ?? 0);
    if (s.catalog) {
      catalog.zones.push(...s.catalog.zones);
      catalog.communicationPlans.push(...s.catalog.communicationPlans);
      catalog.ratePlans.push(...s.catalog.ratePlans);
    }
    s.devices.forEach((d, i) =>
      devices.push({
        name: d.name,
        origin: `${file}: devices[${i}]`,
        iccid: d.iccid,
        imsi: d.imsi,
        msisdn: d.msisdn.replace(/^\+/, ""),
        imei: d.imei,
        softwareVersion: d.softwareVersion,
        provision: d.provision,
        itinerary: resolveStops(d.itinerary),
        traffic: d.traffic,
        faults: d.faults,
        delay: 0,
        seed: fileSeed,
      }),
    );
    const fleets = [
      ...s.fleets.map((f, i) => ({ f, path: `fleets[${i}]` })),
      ...(s.fleet ? [{ f: s.fleet, path: "fleet" }] : []),
    ];
    for (const { f, path } of fleets) {
      const r = expandFleet(f, path, file, fileSeed);
      devices.push(...r.devices);
      problems.push(...r.problems);
    }
  }

  // One device per name and per identifier, across every file.
  for (const field of ["name", "iccid", "imsi", "msisdn"] as const) {
    const seen = new Map<string, DeviceSpec>();
    for (const d of devices) {
      const first = seen.get(d[field]);
      if (first) {
        const [file, ...rest] = d.origin.split(": ");
        problems.push({
          file: file!,
          path: rest.join(": "),
          message: `${field} ${d[field]} is also used by ${first.origin}`,
        });
      } else seen.set(d[field], d);
    }
  }
  if (devices.length === 0 && problems.length === 0)
    problems.push({
      file: files.map((f) => f.file).join(", "),
      path: "devices",
      message: "the scenario has no devices (give devices or fleets)",
    });
  if (problems.length > 0) throw new ScenarioError(problems.slice(0, 50));

  const defaults = {
    network: networkSchema.parse({}),
    hss: hssSchema.parse({}),
    smsc: smscSchema.parse({}),
  };
  return {
    name: files.map((f) => f.scenario.name ?? basename(f.file).replace(/\.ya?ml$/, "")).join(" + "),
    files: files.map((f) => f.file),
    seed: overrides.seed ?? seed ?? "otter",
    speed: overrides.speed ?? speedValue ?? 3600,
    durationMs: overrides.durationMs ?? (durationMs || 24 * 3_600_000),
    start: overrides.start ?? startValue ?? { endsNow: true },
    network: network?.spec ?? defaults.network,
    hss: hss?.spec ?? defaults.hss,
    smsc: smsc?.spec ?? defaults.smsc,
    catalog: {
      zones: uniqueByName(catalog.zones),
      communicationPlans: uniqueByName(catalog.communicationPlans),
      ratePlans: uniqueByName(catalog.ratePlans),
    },
    devices,
  };
}

function uniqueByName<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.name) ? false : (seen.add(i.name), true)));
}

/** Deterministic fractions in [0, 1) for fleet staggering (independent of the engine's streams). */
function seededFractions(label: string): (i: number) => number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619) >>> 0;
  return (i: number) => {
    let x = (h ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
    return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
  };
}

/** Reads, validates and combines scenario files. Throws ScenarioError (every problem, each named). */
export async function loadScenarios(
  paths: string[],
  overrides: ScenarioOverrides = {},
): Promise<Scenario> {
  const files: { file: string; scenario: ScenarioFile }[] = [];
  const problems: ScenarioProblem[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      problems.push({
        file: path,
        path: "",
        message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      });
      continue;
    }
    try {
      files.push({ file: path, scenario: parseScenarioText(text, path) });
    } catch (err) {
      if (err instanceof ScenarioError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return combineScenarios(files, overrides);
}

/** For tests and embedding: a scenario given as text (or several). */
export function scenarioFromText(
  texts: { file: string; text: string }[],
  overrides: ScenarioOverrides = {},
): Scenario {
  return combineScenarios(
    texts.map((t) => ({ file: t.file, scenario: parseScenarioText(t.text, t.file) })),
    overrides,
  );
}

/** The parsers of single values, for the CLI's flags (the same rules as in a file). */
export const parseSpeedFlag = (s: string) => speed.safeParse(s);
export const parseStartFlag = (s: string) => start.safeParse(s);
export const SPEED_HELP = SPEED_MESSAGE;
