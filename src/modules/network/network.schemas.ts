import { localizedMessage } from "../../http/localized.js";
import { z } from "zod";
import { parseImei, parseImsi } from "../../lib/identifiers.js";
import { simFilterQuery, simListQuery, simOut } from "../sims/sims.schemas.js";
import {
  CONNECTIVITY_STATES,
  COUNT_KEYS,
  OTTER_RATS,
  REGISTRATION_TYPES,
} from "./network.types.js";

const imsi = z.string().refine((v) => parseImsi(v).ok, "must be a 15-digit IMSI");
const imei = z
  .string()
  .refine((v) => parseImei(v).ok, "must be a 15-digit IMEI with its Luhn check digit");

export const networkClientInput = z
  .object({
    name: z.string().min(1).max(100),
    address: z
      .string()
      .min(2)
      .max(64)
      .describe("Source IP address or CIDR of the gateway's accounting packets."),
    secret: z
      .string()
      .min(8, "must be at least 8 characters")
      .max(128)
      .describe("RADIUS shared secret."),
    coaPort: z
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe("UDP port where the gateway takes Disconnect/CoA requests (default 3799)."),
  })
  .strict();
export const networkClientPatch = networkClientInput.partial().strict();
export const networkClientOut = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  coaPort: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const registrationEvent = z
  .object({
    id: z
      .string()
      .min(1)
      .max(200)
      .describe("The event's id at the HLR/HSS; the same id is stored once."),
    type: z.enum(REGISTRATION_TYPES),
    result: z.enum(["accepted", "rejected"]).optional(),
    cause: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .optional()
      .describe("S6a Experimental-Result-Code or MAP error code."),
    causeType: z.enum(["s6a", "map"]).optional(),
    imsi,
    visitedPlmn: z
      .string()
      .regex(/^[0-9]{5,6}$/, "must be MCC+MNC digits such as 20801")
      .optional(),
    rat: z.enum(OTTER_RATS).optional(),
    imei: imei.optional(),
    at: z.string().datetime({ offset: true }),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (Date.parse(e.at) > Date.now() + 5 * 60_000)
      ctx.addIssue({
        code: "custom",
        path: ["at"],
        message: "is in the future; an event reports what already happened",
      });
    if (e.type === "location_update" && !e.result)
      ctx.addIssue({
        code: "custom",
        path: ["result"],
        message: "a location update is accepted or rejected",
      });
    if (e.result === "rejected" && e.cause === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["cause"],
        message: "a rejection carries its cause code",
      });
  });
export type RegistrationEventBody = z.infer<typeof registrationEvent>;

export const eventsBody = z.union([
  registrationEvent,
  z.object({ events: z.array(registrationEvent).min(1).max(10000) }).strict(),
]);
export const eventsResult = z.object({
  stored: z.number(),
  duplicates: z.number(),
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["stored", "duplicate"]),
      iccid: z.string().nullable(),
    }),
  ),
});

const sessionOut = z
  .object({
    id: z.string(),
    status: z.enum(["open", "closed"]),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    lastUpdateAt: z.string(),
    apn: z.string().nullable(),
    ip: z.string().nullable(),
    rat: z.string().nullable(),
    ratCode: z.number().nullable(),
    mcc: z.string().nullable(),
    mnc: z.string().nullable(),
    bytesUp: z.number(),
    bytesDown: z.number(),
    terminateCause: z.string().nullable(),
    imeisv: z.string().nullable(),
  })
  .meta({ id: "DataSession" });
export const sessionsOut = z.object({
  items: z.array(sessionOut),
  nextCursor: z.string().nullable(),
});

export const connectivityOut = z.object({
  iccid: z.string(),
  state: z.enum(CONNECTIVITY_STATES),
  reason: z.string(),
  reasonMessage: localizedMessage.describe("The reason in the caller's language and time zone."),
  lastSeen: z.string().nullable(),
  imei: z.string().nullable(),
  imeisv: z.string().nullable(),
  previousImei: z.string().nullable(),
  imeiChangedAt: z.string().nullable(),
  rat: z.string().nullable(),
  location: z
    .object({
      mcc: z.string(),
      mnc: z.string(),
      country: z.string().nullable(),
      network: z.string().nullable(),
      tac: z.number().optional(),
      lac: z.number().optional(),
      cellId: z.number().optional(),
      eci: z.number().optional(),
      lat: z.number().optional(),
      lon: z.number().optional(),
    })
    .nullable(),
  lastRegistration: z
    .object({
      type: z.string(),
      result: z.string().nullable(),
      cause: z.number().nullable(),
      causeType: z.string().nullable(),
      at: z.string(),
      visitedPlmn: z.string().nullable(),
    })
    .nullable(),
  openSession: sessionOut.nullable(),
  usage: z.object({
    cycleStart: z.string(),
    cycleBytes: z.number(),
    dataLimitBytes: z.number().nullable(),
  }),
  asOf: z.string(),
});

export const usageOut = z.object({
  iccid: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      day: z.string(),
      zone: z.object({ id: z.string(), name: z.string() }).nullable(),
      bytesUp: z.number(),
      bytesDown: z.number(),
      billedBytes: z
        .number()
        .describe("Bytes billed: each data session rounded up by its rate plan (per KB or MB)."),
      smsMo: z.number(),
      smsMt: z.number(),
    }),
  ),
  total: z.object({
    bytesUp: z.number(),
    bytesDown: z.number(),
    billedBytes: z.number(),
    smsMo: z.number(),
    smsMt: z.number(),
  }),
});

export const timelineOut = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(["session", "registration"]),
      session: sessionOut.nullable(),
      event: z
        .object({
          id: z.string(),
          type: z.string(),
          result: z.string().nullable(),
          cause: z.number().nullable(),
          causeType: z.string().nullable(),
          visitedPlmn: z.string().nullable(),
          rat: z.string().nullable(),
          imei: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  nextBefore: z.string().nullable(),
});

export const locationsOut = z.object({
  items: z.array(
    z.object({
      mcc: z.string(),
      mnc: z.string(),
      country: z.string().nullable().describe("ISO 3166 alpha-2 code of the MCC's country."),
      countryName: z.string().nullable(),
      network: z.string().nullable(),
      area: z.number().nullable().describe("TAC or LAC, when the network reported it."),
      cell: z.number().nullable().describe("ECI or cell id, when the network reported it."),
      lat: z
        .number()
        .nullable()
        .describe(
          "From the configured cell-location file (OTTER_CELL_LOCATIONS_CSV), if it knows the cell.",
        ),
      lon: z.number().nullable(),
      firstSeen: z.string(),
      lastSeen: z.string(),
    }),
  ),
});

export const unknownImsisOut = z.object({
  items: z.array(
    z.object({
      imsi: z.string(),
      firstSeen: z.string(),
      lastSeen: z.string(),
      occurrences: z.number(),
      lastSource: z.string(),
      lastPlmn: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const connectivityFilter = z
  .enum(CONNECTIVITY_STATES)
  .optional()
  .describe(
    "Only SIMs with this connectivity now: BLOCKED (not in a connecting state, or over its data limit), ONLINE (a data session open), ATTACHED (registered, no session), OFFLINE.",
  );

const silentFilter = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional()
  .describe(
    "true: only SIMs the silence detector marks silent now (a SIM in a connecting state whose last session or traffic is older than its usual rhythm allows; docs/automation.md); false: only the others.",
  );

export const fleetListQuery = simListQuery
  .extend({ connectivity: connectivityFilter, silent: silentFilter })
  .strict();
export const fleetCountQuery = simFilterQuery
  .extend({
    connectivity: connectivityFilter,
    silent: silentFilter,
    by: z
      .enum(COUNT_KEYS)
      .default("state")
      .describe(
        "What the SIMs are counted by: lifecycle state, connectivity, rate or communication plan.",
      ),
  })
  .strict();

export const fleetSimOut = simOut
  .extend({
    connectivity: z
      .enum(CONNECTIVITY_STATES)
      .describe("As GET /api/v1/sims/{iccid}/connectivity decides it, now."),
    silentSince: z
      .string()
      .nullable()
      .describe(
        "When the silence detector marked the SIM silent (no session or traffic for longer than its rhythm allows); null: not silent now.",
      ),
  })
  .meta({ id: "SimWithConnectivity" });

export const fleetCountOut = z.object({
  by: z.enum(COUNT_KEYS),
  total: z.number(),
  groups: z.array(
    z.object({
      key: z
        .string()
        .nullable()
        .describe("The state, connectivity or plan id; null: SIMs without a plan."),
      name: z.string().nullable().describe("The plan's name when counted by plan."),
      count: z.number(),
    }),
  ),
  asOf: z.string(),
});
