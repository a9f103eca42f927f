import { isIP } from "node:net";
import { z } from "zod";
import { parseCidr } from "../network/outbound-policy.js";

/**
 * Every setting Otter reads, one zod schema over the environment. `otter serve` flags map onto the
 * same names. A bad value stops Otter at start with a message naming the variable.
 */
const PORT_RANGE = "must be a port number from 0 to 65535 (0 picks a free port)";
const port = z.coerce
  .number({ error: PORT_RANGE })
  .int({ error: PORT_RANGE })
  .min(0, { error: PORT_RANGE })
  .max(65535, { error: PORT_RANGE });

/** One IP address or CIDR block: `192.0.2.25`, `192.0.2.0/24`, `2001:db8::/32`. */
const isAddressOrCidr = (v: string) => {
  const [ip, prefix, extra] = v.split("/");
  const family = isIP(ip ?? "");
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};
const addressList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean),
  )
  .refine(
    (list) => list.every(isAddressOrCidr),
    "must be a comma-separated list of IP addresses or CIDR blocks (192.0.2.25, 2001:db8::/32)",
  );

export const configSchema = z.object({
  OTTER_HOST: z.string().min(1).default("127.0.0.1").describe("Address the HTTP server binds to."),
  OTTER_HTTP_PORT: port.default(8080).describe("HTTP port for the API (0 picks a free port)."),
  OTTER_DATA_DIR: z
    .string()
    .min(1)
    .default("./data")
    .describe("Directory for the embedded PGlite database and generated secrets."),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .describe("PostgreSQL connection URL; when set, Otter uses PostgreSQL instead of PGlite."),
  OTTER_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)")
    .optional()
    .describe(
      "Key that encrypts stored secrets. Generated into the data directory with PGlite; required with PostgreSQL.",
    ),
  OTTER_ADMIN_EMAIL: z
    .string()
    .email("must be an e-mail address")
    .max(320)
    .optional()
    .describe(
      "E-mail address (the sign-in name) of the operator admin created on first start; admin@otter.local when unset.",
    ),
  OTTER_BOOTSTRAP_API_KEY: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .describe(
      "API key of the operator admin created on first start (otherwise one is generated and printed once).",
    ),
  OTTER_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("Log level."),
  OTTER_SMTP_RELAY: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .describe(
      "Outbound mail relay, e.g. smtp://user:pass@mail.example.com:587. Without it, mail stays in the local outbox.",
    ),
  OTTER_MAIL_FROM: z
    .string()
    .min(3)
    .default("Otter <otter@localhost>")
    .describe("From address of mail Otter sends."),
  OTTER_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024)
    .describe("Largest accepted upload (bytes)."),
  OTTER_IMPORT_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(50000)
    .default(5000)
    .describe("Rows written per transaction by import jobs."),
  OTTER_IMPORT_APPLY_LANES: z.coerce
    .number()
    .int()
    .min(1)
    .max(8)
    .default(2)
    .describe(
      "On PostgreSQL, transactions a SIM import writes its rows in side by side (the database's index work uses a core per transaction). See docs/imports.md.",
    ),
  OTTER_IMPORT_HEAP_GROWING_PERCENT: z.coerce
    .number()
    .int()
    .min(0)
    .max(400)
    .default(50)
    .describe(
      "While a SIM import runs, how far (percent) V8 lets the server's heap grow past what a full collection left alive before collecting again; 0 leaves V8's own heuristic (up to 300 %, which let an import's garbage take 450 MB). See docs/storage.md.",
    ),
  OTTER_BILLING_CUSTOMERS_PER_PASS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(100)
    .describe(
      "Customers a billing run rates in one transaction, with one pass over their usage; a run killed mid-way redoes at most this many.",
    ),
  OTTER_JOB_LEASE_MS: z.coerce
    .number()
    .int()
    .min(500)
    .default(30000)
    .describe("How long a job stays claimed by a node without a heartbeat."),
  OTTER_WORKER_POLL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(1000)
    .describe("How often background workers look for work."),
  OTTER_CRASH_POINT: z
    .string()
    .optional()
    .describe(
      "For crash tests only: the process kills itself (SIGKILL) when it reaches this named point.",
    ),
  OTTER_RADIUS_PORT: port
    .default(1813)
    .describe("UDP port of the RADIUS accounting server (0 picks a free port)."),
  OTTER_RADIUS_HOST: z
    .string()
    .min(1)
    .default("0.0.0.0")
    .describe("Address the RADIUS accounting server binds to."),
  OTTER_REGISTRATION_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(1440)
    .describe(
      "A SIM not heard from (no registration, no accounting) for longer than this is OFFLINE.",
    ),
  OTTER_CELL_LOCATIONS_CSV: z
    .string()
    .min(1)
    .optional()
    .describe(
      "OpenCelliD-format CSV of cell locations; when set, cells are shown with coordinates.",
    ),
  OTTER_SMTP_PORT: port
    .default(2525)
    .describe(
      "TCP port of the inbound SMTP listener for the support mailboxes (0 picks a free port).",
    ),
  OTTER_SMTP_HOST: z
    .string()
    .min(1)
    .default("0.0.0.0")
    .describe("Address the inbound SMTP listener binds to."),
  OTTER_RADIUS_LANES: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .optional()
    .describe(
      "RADIUS accounting batches committed at once, each for its own share of the SIMs (lanes by SIM). Default: 2 on PostgreSQL, 1 on PGlite (one connection).",
    ),
  OTTER_REUSE_PORT: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe(
      "Let several Otter nodes on one host share the RADIUS and SMTP ports (SO_REUSEPORT: the kernel spreads gateways and mail clients over them). Needs Node.js 22.12 or later; off, a second node on the same port fails to start.",
    ),
  OTTER_SMTP_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(100 * 1024 * 1024)
    .default(25 * 1024 * 1024)
    .describe(
      "Largest inbound mail accepted (bytes), announced with SIZE; larger mail is refused with 552. Mail over 25 MiB is kept raw, unparsed.",
    ),
  OTTER_SMTP_MAX_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .describe(
      "Inbound SMTP connections open at once; more are refused with 421 (exempt addresses are not counted).",
    ),
  OTTER_SMTP_MAX_CONNECTIONS_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      "Inbound SMTP connections open at once from one client address; more are refused with 421.",
    ),
  OTTER_SMTP_EXEMPT_ADDRESSES: addressList.describe(
    "Comma-separated IP addresses or CIDR blocks (your own MX that forwards all mail) exempt from the SMTP connection limits.",
  ),
  OTTER_DESK_REOPEN_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(14)
    .describe(
      "A customer reply within this many days of a case being resolved reopens it; later, it opens a new linked case.",
    ),
  OTTER_DESK_ACKNOWLEDGE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe(
      "Acknowledge each new case opened by e-mail with an automatic reply (never to auto-replies, lists, bounces or loops; capped per address and case).",
    ),
  OTTER_OUTBOUND_ALLOW: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every((e) => parseCidr(e) !== null), {
      error: "must be comma-separated CIDR ranges, e.g. 127.0.0.0/8,::1/128",
    })
    .describe(
      "CIDR ranges (comma-separated) that Otter may connect to although they are private, loopback or otherwise not public: for every outbound HTTP and SMPP destination, customer webhooks included. Empty: customers' webhooks reach public addresses only, the operator's HSS endpoints and SMS centres public and private ones (docs/webhooks.md).",
    ),
  OTTER_RETENTION_ACCOUNTING_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(90)
    .describe(
      "Days raw RADIUS accounting records are kept (by when Otter stored them); older daily partitions are dropped whole. 0 keeps them for ever. Sessions and usage built from them are not affected.",
    ),
  OTTER_RETENTION_REGISTRATION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(90)
    .describe(
      "Days registration events from the HLR/HSS are kept (by when Otter stored them); a monthly partition is dropped once all of it is older. 0 keeps them for ever.",
    ),
  OTTER_RETENTION_USAGE_MONTHS: z.coerce
    .number()
    .int()
    .min(0)
    .default(13)
    .describe(
      "Calendar months of daily usage kept besides the current one; older monthly partitions are dropped whole. 0 keeps usage for ever.",
    ),
  OTTER_PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .optional()
    .describe(
      "The URL people open Otter at (https://otter.example.com): links in invitation and reset mails start with it, and session cookies are Secure when it is https. Unset: derived from OTTER_HOST and OTTER_HTTP_PORT, with a warning at start.",
    ),
  OTTER_TRUST_PROXY: z
    .string()
    .default("false")
    .refine(
      (v) =>
        /^(true|false|\d{1,2})$/.test(v) || v.split(",").every((a) => isAddressOrCidr(a.trim())),
      "must be true, false, a number of proxy hops, or comma-separated proxy addresses/CIDR blocks",
    )
    .transform((v): boolean | number | string[] =>
      v === "true"
        ? true
        : v === "false"
          ? false
          : /^\d+$/.test(v)
            ? Number(v)
            : v.split(",").map((a) => a.trim()),
    )
    .describe(
      "Which reverse proxies' X-Forwarded-For and X-Forwarded-Proto to believe (client address of a session, rate limits): false, true (any), a hop count, or their addresses/CIDR blocks (docs/sign-in.md).",
    ),
  OTTER_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(6000)
    .describe("Requests per minute per API key (0 turns the limit off)."),
  OTTER_CC_RATE_LIMIT_PER_SECOND: z.coerce
    .number()
    .int()
    .min(0)
    .default(50)
    .describe(
      "Requests per second per API key on the Control-Center-compatible API /rws (0 turns the limit off; docs/control-center.md).",
    ),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The table in the README is generated from this, so docs and schema cannot drift. */
export function describeConfig(): { name: string; default: string; description: string }[] {
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const s = schema as z.ZodTypeAny;
    let def = "";
    const r = s.safeParse(undefined);
    if (r.success && r.data !== undefined) def = String(r.data);
    return { name, default: def, description: s.description ?? "" };
  });
}
